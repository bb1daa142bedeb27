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
