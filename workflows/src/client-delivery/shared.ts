import type { SearchAttributeKey } from '@temporalio/common/lib/search-attributes';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

/**
 * The contract of the one delivery engine: every message to a client (an invoice at issue or
 * sent again, a batch's invoices, a statement, a scheduled statement, a reminder) is one
 * `clientDelivery` workflow with this input. Callers start it by name with a deterministic id.
 */

export type DeliveryChannel = 'email' | 'whatsapp';

/** Why the message is sent; decides nothing by itself but shows in the memo and the outcome. */
export type DeliveryOrigin = 'schedule' | 'batch' | 'user' | 'scheduled_statement' | 'reminder';

/** Who receives the email: the client's own addresses, chosen linked contacts and staff, extra addresses. */
export interface EmailRecipients {
  includeClient: boolean;
  contactIds: string[];
  staffIds: string[];
  /** Validated addresses typed by the sender (seed 004: comma separated). */
  extraEmails: string[];
}

export interface ClientDeliveryInput {
  tenantId: string;
  clientId: string;
  origin: DeliveryOrigin;
  /** The template's document kind: invoice, statement, reminder, quote, order, remission, credit_note... */
  templateKind: string;
  /** Issued documents attached (PDF, plus UBL XML for invoices and credit notes). */
  documentIds: string[];
  /** Attach the client's statement as of the send, in this format; absent: no statement. */
  statement?: { format: 'pdf' | 'xlsx' };
  /** In order of preference; WhatsApp failing permanently falls back to email when there is an address. */
  channels: DeliveryChannel[];
  email: EmailRecipients;
  /** E.164 or national; empty: the client's WhatsApp number. */
  whatsappTo: string;
  /** original or last_used (seed 002); a subject or body given replaces the template's. */
  template: 'original' | 'last_used';
  subject?: string;
  body?: string;
  /** Appears after the recipient's name (seed 001's custom message). */
  customText: string;
  /** Put the client's portal link in the message (when the tenant's portal is enabled). */
  includePortalLink: boolean;
  /** The person who asked: receives the copy when sendCopy, and an email with the reason when every channel fails. */
  requestedBy?: { name: string; email: string };
  sendCopy: boolean;
  /** es or en; empty: the tenant's language. */
  language?: string;
}

// ---------------------------------------------------------------------------------------------
// Added by the delivery engine (optional input fields, ids, names, state). Nothing above changes.
// ---------------------------------------------------------------------------------------------

/** Optional knobs of one delivery, beyond the agreed contract. */
export interface ClientDeliveryOptions {
  /** How long to wait for the WhatsApp status webhook (delivered, read, failed); default WHATSAPP_RECEIPT_WAIT_MS. */
  whatsappReceiptWaitMs?: number;
  /** Ids the sends are listed under in notifications (documents, the statement's client, a schedule). */
  referenceIds?: string[];
  /** For the memo: who the client is and what is sent (the workflow fills what is missing). */
  clientName?: string;
  /** Shown in the memo: the schedule, batch or reminder rule that asked. */
  originId?: string;
  /**
   * Decide the portal link by the tenant's portal settings (`link_in_invoice_emails`) instead of
   * includePortalLink: what issuance paths (schedule, batch) pass for invoices.
   */
  portalLinkBySettings?: boolean;
  /** Attach the statement (in PDF) when billing's `statement_in_invoice_emails` is on, unless `statement` is given. */
  statementBySettings?: boolean;
}

/** The input the engine reads: the contract plus its optional knobs. */
export type ClientDeliveryRequest = ClientDeliveryInput & ClientDeliveryOptions;

export const CLIENT_DELIVERY_WORKFLOW_TYPE = 'clientDelivery';

/** An issued document's delivery by the path that issued it (schedule, batch): one per document. */
export const documentDeliveryWorkflowId = (documentId: string): string => `document-delivery:${documentId}`;
/** A user's send of a document (at issue or again later): one per request key. */
export const documentSendWorkflowId = (documentId: string, requestKey: string): string => `document-send:${documentId}:${requestKey}`;
/** A user's statement send: one per request key. */
export const statementDeliveryWorkflowId = (clientId: string, requestKey: string): string => `statement-delivery:${clientId}:${requestKey}`;
/** Prefixes of every delivery workflow id, so a delivery key can be traced back to its workflow. */
export const DELIVERY_WORKFLOW_PREFIXES = ['document-delivery:', 'document-send:', 'statement-delivery:', 'batch-delivery:', 'scheduled-statement:', 'reminder:'] as const;

/** 1 to 100 characters of [A-Za-z0-9._:-]: keeps workflow ids and delivery keys (max 200) within their alphabets and lengths. */
export const REQUEST_KEY_PATTERN = /^[A-Za-z0-9._:-]{1,100}$/;

/** Delivery keys are `<workflowId>:email:<n>`, `<workflowId>:whatsapp:<n>`, `<workflowId>:failure-notice`. */
export function workflowIdOfDeliveryKey(key: string): string | undefined {
  const match = /^(.*):(email|whatsapp):\d+$/.exec(key) ?? /^(.*):failure-notice$/.exec(key);
  const id = match?.[1];
  return id && DELIVERY_WORKFLOW_PREFIXES.some((p) => id.startsWith(p)) ? id : undefined;
}

/** Transient failures are retried on durable timers: 1, 2, 4 ... minutes, at most an hour apart, for a day. */
export const RETRY_FIRST_DELAY_MS = 60_000;
export const RETRY_MAX_DELAY_MS = 3_600_000;
export const RETRY_GIVE_UP_AFTER_MS = 24 * 3_600_000;
/** How long a WhatsApp message may wait for its status webhook before the outcome is "sent, receipt unknown". */
export const WHATSAPP_RECEIPT_WAIT_MS = 15 * 60_000;

/** The DeliveryStatus search attribute and the state's status. */
export const DELIVERY_STATUSES = [
  'Preparing',
  'Sending',
  'AwaitingReceipt',
  'Retrying',
  'Delivered',
  'Sent',
  'FellBack',
  'PartlyDelivered',
  'Unknown',
  'Failed',
  'Cancelled',
  'NoRecipients',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One addressee on one channel. */
export type TargetStatus =
  | 'pending'
  | 'sending'
  | 'retrying'
  | 'accepted'
  | 'awaiting_receipt'
  | 'delivered'
  | 'read'
  | 'sent_receipt_unknown'
  | 'failed'
  | 'unknown'
  | 'cancelled'
  | 'replaced';

export interface DeliveryTarget {
  channel: DeliveryChannel;
  /** An e-mail address or an E.164 number (as typed until notifications normalizes it). */
  recipient: string;
  name: string;
  deliveryKey: string;
  status: TargetStatus;
  /** Send attempts made by this workflow (the notifications attempt counter may differ after a crash). */
  attempt: number;
  nextRetryAt: string;
  deliveryId: string;
  lastErrorCode: string;
  lastError: string;
  /** Why this target exists: chosen by the sender, or the e-mail fallback of a failed WhatsApp. */
  reason: 'requested' | 'fallback' | 'changed';
}

/** What the `state` query answers. */
export interface ClientDeliveryState {
  workflowId: string;
  status: DeliveryStatus;
  origin: DeliveryOrigin;
  channels: DeliveryChannel[];
  targets: DeliveryTarget[];
  /** Artifacts rendered once at the start (ids only). */
  artifactIds: string[];
  whatsappArtifactId: string;
  portalLinkIncluded: boolean;
  /** Why the e-mail fallback ran, when it did. */
  fallbackReason: string;
  /** The e-mail to the requester when every channel failed. */
  failureNotice: { to: string; status: string; deliveryId: string } | null;
  cancelRequested: boolean;
  /** A readable summary, e.g. "Retrying, attempt 3, next at 2026-11-24T10:04:00.000Z". */
  summary: string;
}

export type ClientDeliveryResult = ClientDeliveryState;

/** A new WhatsApp number or new e-mail addresses for the targets not yet sent. */
export interface ChangeRecipientInput {
  whatsappTo?: string;
  emails?: string[];
}

/** Sent by the worker's event handler for evt.notifications.delivery.updated. */
export interface DeliveryStatusSignal {
  deliveryKey: string;
  deliveryId: string;
  status: string;
  errorCode: string;
  errorMessage: string;
  errorKind: string;
}

export const STATE_QUERY = 'state';
export const RETRY_NOW_UPDATE = 'retryNow';
export const CHANGE_RECIPIENT_UPDATE = 'changeRecipient';
export const CANCEL_UPDATE = 'cancel';
export const DELIVERY_STATUS_SIGNAL = 'deliveryStatusChanged';

/** The failure type of a refused update (validators); details carry { code, fields }. */
export const DELIVERY_REFUSED = 'DeliveryRefused';

export const deliveryStateQuery = defineQuery<ClientDeliveryState>(STATE_QUERY);
export const retryNowUpdate = defineUpdate<ClientDeliveryState>(RETRY_NOW_UPDATE);
export const changeRecipientUpdate = defineUpdate<ClientDeliveryState, [ChangeRecipientInput]>(CHANGE_RECIPIENT_UPDATE);
export const cancelDeliveryUpdate = defineUpdate<ClientDeliveryState>(CANCEL_UPDATE);
export const deliveryStatusChangedSignal = defineSignal<[DeliveryStatusSignal]>(DELIVERY_STATUS_SIGNAL);

/** Search attributes of a delivery (registered in deploy/temporal/search-attributes.txt). */
export const TENANT_ID_KEY: SearchAttributeKey<'KEYWORD'> = { name: 'TenantId', type: 'KEYWORD' };
export const CLIENT_ID_KEY: SearchAttributeKey<'KEYWORD'> = { name: 'ClientId', type: 'KEYWORD' };
/** The channel being worked on: the first one chosen, then email when the fallback runs. */
export const CHANNEL_KEY: SearchAttributeKey<'KEYWORD'> = { name: 'Channel', type: 'KEYWORD' };
export const DELIVERY_STATUS_KEY: SearchAttributeKey<'KEYWORD'> = { name: 'DeliveryStatus', type: 'KEYWORD' };
export const DOCUMENT_KIND_KEY: SearchAttributeKey<'KEYWORD'> = { name: 'DocumentKind', type: 'KEYWORD' };

// ---------------------------------------------------------------------------------------------
// Pure recipient checks the workflow's update validators run (deterministic, no I/O). The
// responder checks the WhatsApp number against the client's country first (the clients
// service's rule); these are the last guard inside the workflow.
// ---------------------------------------------------------------------------------------------

const E164 = /^\+[1-9]\d{7,14}$/;
const VE_MOBILE = /^04(12|14|16|22|24|26)\d{7}$/;

/** notifications' rule: E.164, or the Venezuelan national mobile form (04247181811). */
export function toE164(input: string): string | undefined {
  const compact = input.trim().replace(/[\s.()-]/g, '');
  if (VE_MOBILE.test(compact)) return `+58${compact.slice(1)}`;
  if (E164.test(compact)) return compact;
  return undefined;
}

const LOCAL_ATOM = /^[A-Za-z0-9!#$%&*+/=?^_{|}~-]+$/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL_DOMAIN = /^[a-z]{2,}$/;

/** The clients service's address rule: usuario@dominio.com, domain lowercased; undefined when invalid. */
export function normalizeEmail(input: string): string | undefined {
  const parts = input.trim().split('@');
  if (parts.length !== 2) return undefined;
  const [local, rawDomain] = parts;
  const domain = rawDomain.toLowerCase();
  const address = `${local}@${domain}`;
  if (address.length > 254 || local.length > 64) return undefined;
  if (!local.split('.').every((atom) => LOCAL_ATOM.test(atom))) return undefined;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return undefined;
  if (!TOP_LEVEL_DOMAIN.test(labels[labels.length - 1])) return undefined;
  return address;
}

/** "a@x.com, b@y.com; c@z.com" or a list: each address once; the bad ones named. */
export function parseEmails(input: string | string[]): { emails: string[]; invalid: string[] } {
  const entries = (Array.isArray(input) ? input : [input]).flatMap((e) => e.split(/[,;]/)).map((e) => e.trim()).filter(Boolean);
  const emails: string[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const email = normalizeEmail(entry);
    if (!email) invalid.push(entry);
    else if (!seen.has(email.toLowerCase())) {
      seen.add(email.toLowerCase());
      emails.push(email);
    }
  }
  return { emails, invalid };
}
