import {
  BillingRpc,
  ClientsRpc,
  DOCUMENTS_RENDER_TIMEOUT_MS,
  DocumentsRpc,
  NOTIFICATIONS_SEND_TIMEOUT_MS,
  NotificationsRpc,
  PortalRpc,
  type Delivery,
} from '@cobranza/contracts';
import { DomainError, type RpcClient } from '@cobranza/platform';
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { EmailRecipients } from '../client-delivery/shared';
import { refusalsAreFinal } from './failures';

/** Kinds that also travel as UBL XML. */
const XML_KINDS = ['invoice', 'credit_note'];

export interface EmailAddressee {
  name: string;
  email: string;
}

/** What one send answered, as the workflow records it (no bytes, no secrets). */
export interface SendOutcome {
  id: string;
  attempt: number;
  status: string;
  errorKind: string;
  errorCode: string;
  errorMessage: string;
  fallback: string;
  recipients: string[];
  replayed: boolean;
}

export interface DeliveryContext {
  clientName: string;
  clientEmails: string[];
  clientWhatsApp: string;
  tenantEmail: string;
  /** es or en: the tenant's language. */
  tenantLanguage: 'es' | 'en';
  /** The tenant's portal: null when the clients service did not answer. */
  portal: { enabled: boolean; linkInInvoiceEmails: boolean } | null;
  /** Billing's "include the account statement in sales invoices". */
  statementInInvoiceEmails: boolean;
}

export interface RenderedFiles {
  /** Every attachment: each document's PDF (and XML), then the statement. */
  artifactIds: string[];
  /** The one file WhatsApp carries: the statement when attached, else the first document's PDF. */
  whatsappArtifactId: string;
  statementArtifactId: string;
  /** Template variables of the first document (empty for a statement alone). */
  variables: Record<string, string>;
}

export interface EmailSend {
  tenantId: string;
  clientId: string;
  deliveryKey: string;
  documentKind: string;
  to: string;
  sendCopy: boolean;
  copyTo: string;
  template: 'original' | 'last_used';
  subject?: string;
  body?: string;
  language?: string;
  artifactIds: string[];
  variables: Record<string, string>;
  referenceIds: string[];
}

export interface WhatsAppSend {
  tenantId: string;
  clientId: string;
  deliveryKey: string;
  documentKind: string;
  to: string;
  artifactId: string;
  variables: Record<string, string>;
  referenceIds: string[];
}

const FAILURE_NOTICE = {
  es: {
    subject: 'No se pudo enviar: {what}',
    intro: 'No se pudo entregar el envío de {what} a {client} por ningún canal.',
    reasons: 'Motivos:',
    closing: 'Revise los datos de contacto del cliente y vuelva a enviarlo.',
    statement: 'el estado de cuenta',
    documents: 'los documentos {numbers}',
  },
  en: {
    subject: 'Could not be sent: {what}',
    intro: 'The sending of {what} to {client} could not be delivered on any channel.',
    reasons: 'Reasons:',
    closing: "Check the client's contact details and send it again.",
    statement: 'the account statement',
    documents: 'documents {numbers}',
  },
};

const fill = (text: string, params: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');

/** Handlebars-free text: the template renderer would read {{ as a variable. */
const plain = (text: string) => text.replace(/\{\{/g, '{ {').replace(/\}\}/g, '} }');

export function deliveryActivities(rpc: RpcClient) {
  return {
    /** The client's own addresses (when chosen), the chosen linked contacts and staff, extra addresses; each address once. */
    async resolveEmailAddressees(tenantId: string, clientId: string, documentKind: string, recipients: Omit<EmailRecipients, 'extraEmails'> & { extraEmails?: string[] }): Promise<EmailAddressee[]> {
      const offered = await refusalsAreFinal(() => rpc.call(ClientsRpc.resolveRecipients, { tenantId, clientId, documentKind }));
      const chosen: EmailAddressee[] = [];
      for (const r of offered.recipients) {
        if (!r.email) continue;
        if ((r.source === 'client' && recipients.includeClient) || (r.source === 'contact' && recipients.contactIds.includes(r.contactId))) {
          chosen.push({ name: r.name || offered.clientName, email: r.email });
        }
      }
      for (const id of recipients.staffIds) {
        const staff = await refusalsAreFinal(() => rpc.call(ClientsRpc.getStaffMember, { tenantId, id }));
        if (staff.email) chosen.push({ name: staff.name, email: staff.email });
      }
      for (const email of recipients.extraEmails ?? []) if (email.trim()) chosen.push({ name: offered.clientName, email: email.trim() });
      const seen = new Set<string>();
      return chosen.filter((a) => !seen.has(a.email.toLowerCase()) && seen.add(a.email.toLowerCase()));
    },

    /** The client, the tenant's address and language, and the tenant's portal settings. */
    async loadDeliveryContext(tenantId: string, clientId: string): Promise<DeliveryContext> {
      const client = await refusalsAreFinal(() => rpc.call(ClientsRpc.getClient, { tenantId, id: clientId }));
      const tenant = await refusalsAreFinal(() => rpc.call(ClientsRpc.getTenant, { id: tenantId }));
      let portal: DeliveryContext['portal'] = null;
      try {
        const settings = await rpc.call(PortalRpc.getSettings, { tenantId });
        portal = { enabled: settings.enabled, linkInInvoiceEmails: settings.linkInInvoiceEmails };
      } catch {
        // Without an answer the message goes without the link; the state says so.
        portal = null;
      }
      const billing = await refusalsAreFinal(() => rpc.call(BillingRpc.getSettings, { tenantId }));
      return {
        statementInInvoiceEmails: billing.statementInInvoiceEmails,
        clientName: client.legalName,
        clientEmails: client.emails,
        clientWhatsApp: client.whatsappE164 || client.whatsapp,
        tenantEmail: tenant.email,
        tenantLanguage: tenant.locale.startsWith('en') ? 'en' : 'es',
        portal,
      };
    },

    /**
     * Renders once: each document's PDF (and XML for invoices and credit notes), then the
     * statement as of today. A document that is not the client's, or not issued, is refused.
     */
    async renderDeliveryFiles(tenantId: string, clientId: string, documentIds: string[], statement?: { format: 'pdf' | 'xlsx' }): Promise<RenderedFiles> {
      const artifactIds: string[] = [];
      let firstPdf = '';
      let variables: Record<string, string> = {};
      for (const [index, documentId] of documentIds.entries()) {
        const document = await refusalsAreFinal(() => rpc.call(BillingRpc.getDocument, { tenantId, id: documentId }));
        if (document.clientId !== clientId || document.status === 'draft' || document.status === 'voided') {
          throw ApplicationFailure.create({
            type: 'delivery.document_not_sendable',
            message: `document ${documentId} is not an issued document of client ${clientId}`,
            nonRetryable: true,
          });
        }
        const formats = XML_KINDS.includes(document.kind) ? ['pdf', 'xml'] : ['pdf'];
        for (const format of formats) {
          const reply = await refusalsAreFinal(() =>
            rpc.call(DocumentsRpc.renderSalesDocument, { tenantId, documentId, format }, { timeoutMs: DOCUMENTS_RENDER_TIMEOUT_MS }),
          );
          artifactIds.push(reply.artifact!.id);
          if (format === 'pdf' && !firstPdf) firstPdf = reply.artifact!.id;
        }
        if (index === 0) {
          variables = {
            documentLetter: document.letter,
            documentNumber: document.displayNumber,
            amount: document.total,
            currency: document.currency,
            dueDate: document.dueDate,
          };
        }
      }
      let statementArtifactId = '';
      if (statement) {
        const reply = await refusalsAreFinal(() =>
          rpc.call(DocumentsRpc.renderStatement, { tenantId, clientId, format: statement.format }, { timeoutMs: DOCUMENTS_RENDER_TIMEOUT_MS }),
        );
        statementArtifactId = reply.artifact!.id;
        artifactIds.push(statementArtifactId);
      }
      return { artifactIds, whatsappArtifactId: statementArtifactId || firstPdf, statementArtifactId, variables };
    },

    /** A portal link for one recipient, or '' when the portal is off (the link is optional, never blocking). */
    async issuePortalLink(tenantId: string, clientId: string, recipient: string): Promise<string> {
      try {
        const link = await rpc.call(PortalRpc.issueLink, { tenantId, clientId, recipient });
        return link.url;
      } catch (error) {
        if (error instanceof DomainError && error.status < 500) return '';
        throw error;
      }
    },

    /** One e-mail under its delivery key: notifications records the intent first and never sends a key twice. */
    async sendDeliveryEmail(input: EmailSend): Promise<SendOutcome> {
      const delivery = await sendCall(() =>
        rpc.call(
          NotificationsRpc.sendEmail,
          {
            tenantId: input.tenantId,
            deliveryKey: input.deliveryKey,
            clientId: input.clientId,
            documentKind: input.documentKind,
            to: input.to,
            sendCopy: input.sendCopy,
            copyTo: input.copyTo,
            template: input.template,
            subject: input.subject,
            body: input.body,
            language: input.language ?? '',
            artifactIds: input.artifactIds,
            variables: input.variables,
            referenceIds: input.referenceIds,
          },
          { timeoutMs: NOTIFICATIONS_SEND_TIMEOUT_MS },
        ),
      );
      return outcomeOf(delivery);
    },

    /** One WhatsApp document message under its delivery key. */
    async sendDeliveryWhatsApp(input: WhatsAppSend): Promise<SendOutcome> {
      const delivery = await sendCall(() =>
        rpc.call(
          NotificationsRpc.sendWhatsAppDocument,
          {
            tenantId: input.tenantId,
            deliveryKey: input.deliveryKey,
            clientId: input.clientId,
            documentKind: input.documentKind,
            to: input.to,
            artifactId: input.artifactId,
            variables: input.variables,
            referenceIds: input.referenceIds,
          },
          { timeoutMs: NOTIFICATIONS_SEND_TIMEOUT_MS },
        ),
      );
      return outcomeOf(delivery);
    },

    /** Compensation of a failed WhatsApp message: its uploaded media is removed (idempotent). */
    async deleteDeliveryMedia(tenantId: string, deliveryId: string): Promise<number> {
      const reply = await withHeartbeat(() => refusalsAreFinal(() => rpc.call(NotificationsRpc.deleteWhatsAppMedia, { tenantId, deliveryId })));
      return reply.deleted;
    },

    /** Every channel failed: the requester (else the tenant's address) is told why, in the tenant's language. */
    async sendDeliveryFailureNotice(input: {
      tenantId: string;
      clientId: string;
      deliveryKey: string;
      documentKind: string;
      to: string;
      language: 'es' | 'en';
      clientName: string;
      statement: boolean;
      documentNumbers: string[];
      reasons: string[];
      referenceIds: string[];
    }): Promise<SendOutcome> {
      const text = FAILURE_NOTICE[input.language];
      const what = input.documentNumbers.length ? fill(text.documents, { numbers: input.documentNumbers.join(', ') }) : text.statement;
      const body = [
        fill(text.intro, { what, client: input.clientName }),
        '',
        text.reasons,
        ...input.reasons.map((r) => `- ${r}`),
        '',
        text.closing,
      ]
        .map(plain)
        .join('\n');
      const delivery = await sendCall(() =>
        rpc.call(
          NotificationsRpc.sendEmail,
          {
            tenantId: input.tenantId,
            deliveryKey: input.deliveryKey,
            clientId: input.clientId,
            documentKind: input.documentKind,
            to: input.to,
            template: 'original',
            subject: plain(fill(text.subject, { what })),
            body,
            language: input.language,
            referenceIds: input.referenceIds,
          },
          { timeoutMs: NOTIFICATIONS_SEND_TIMEOUT_MS },
        ),
      );
      return outcomeOf(delivery);
    },
  };
}

/**
 * Refusals are final, except "this key is being sent right now" (409 delivery.in_progress): an
 * earlier attempt of this activity is still in flight (a worker died mid-call), so this one
 * retries and then gets the recorded outcome.
 */
async function sendCall(call: () => Promise<Delivery>): Promise<Delivery> {
  try {
    return await withHeartbeat(call);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'delivery.in_progress') {
      throw ApplicationFailure.retryable(error.message, 'delivery.in_progress');
    }
    return refusalsAreFinal(() => Promise.reject(error));
  }
}

/**
 * Beats while waiting for notifications, so a worker that dies mid-send is noticed by the
 * heartbeat timeout (seconds) rather than the start-to-close timeout (minutes); the retry then
 * finds the recorded outcome under the same delivery key.
 */
export const SEND_HEARTBEAT_MS = 5_000;

async function withHeartbeat<T>(call: () => Promise<T>): Promise<T> {
  const context = Context.current();
  const timer = setInterval(() => context.heartbeat(), SEND_HEARTBEAT_MS);
  try {
    return await call();
  } finally {
    clearInterval(timer);
  }
}

function outcomeOf(d: Delivery): SendOutcome {
  return {
    id: d.id,
    attempt: d.attempt,
    status: d.status,
    errorKind: d.errorKind,
    errorCode: d.errorCode,
    errorMessage: d.errorMessage,
    fallback: d.fallback,
    recipients: d.recipients,
    replayed: d.replayed,
  };
}
