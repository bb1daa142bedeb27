import { preferredChannels } from '../../activities/automation.activities';
import type { AutomationDeliveryInput } from '../shared';

export interface AutoSendSettingsValue {
  enabled: boolean;
  subject: string;
  template: string;
  body: string;
  recipients: string;
}

export interface ClientAutoSend {
  active: boolean;
  autoSend: boolean;
  onlyWhenSeveral: boolean;
  channels: readonly string[];
}

/**
 * Seed 003: a client gets the batch's automatic email when the tenant turned automatic sending
 * on, the client too, and, when either the tenant ("only_multiple") or the client ("only when
 * several invoices") asks for it, the batch gave the client more than one invoice.
 */
export function qualifiesForAutoSend(tenant: AutoSendSettingsValue, client: ClientAutoSend, invoices: number): boolean {
  if (!tenant.enabled || !client.active || !client.autoSend || invoices < 1) return false;
  const onlyMultiple = tenant.recipients === 'only_multiple' || client.onlyWhenSeveral;
  return !onlyMultiple || invoices > 1;
}

/** One email to the client's own addresses with every invoice the batch issued for it. */
export function batchDeliveryInput(args: {
  batchId: string;
  tenantId: string;
  clientId: string;
  invoiceIds: readonly string[];
  tenant: AutoSendSettingsValue;
  client: ClientAutoSend;
  includePortalLink: boolean;
}): AutomationDeliveryInput {
  const { tenant } = args;
  return {
    tenantId: args.tenantId,
    clientId: args.clientId,
    origin: 'batch',
    templateKind: 'invoice',
    documentIds: [...args.invoiceIds],
    channels: preferredChannels(args.client.channels),
    email: { includeClient: true, contactIds: [], staffIds: [], extraEmails: [] },
    whatsappTo: '',
    template: tenant.template === 'last_used' ? 'last_used' : 'original',
    ...(tenant.subject ? { subject: tenant.subject } : {}),
    ...(tenant.body ? { body: tenant.body } : {}),
    customText: '',
    includePortalLink: args.includePortalLink,
    sendCopy: false,
    originId: args.batchId,
  };
}
