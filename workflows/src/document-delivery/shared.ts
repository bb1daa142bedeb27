import type { SearchAttributeKey } from '@temporalio/common/lib/search-attributes';

/** Who receives an issued document: the schedule's (or a sender's) choice. */
export interface DeliveryRecipients {
  includeClient: boolean;
  contactIds: string[];
  staffIds: string[];
  /** Appears after the recipient's name in the email (seed 001). */
  customText: string;
}

export interface DocumentEmailDeliveryInput {
  tenantId: string;
  clientId: string;
  documentId: string;
  documentKind: string;
  recipients: DeliveryRecipients;
}

export interface EmailAddressee {
  name: string;
  email: string;
}

/** What became of one addressee: accepted by the mail server, failed (and why) or unknown. */
export interface AddresseeOutcome {
  email: string;
  status: 'accepted' | 'failed' | 'unknown';
  attempts: number;
  deliveryId: string;
  errorCode: string;
  errorMessage: string;
}

export interface DocumentEmailDeliveryResult {
  documentId: string;
  outcomes: AddresseeOutcome[];
}

/** The document's email delivery; one per document, so an issuance is emailed by one path once. */
export const documentDeliveryWorkflowId = (documentId: string): string => `document-delivery:${documentId}`;

export const DELIVERY_STATUS_KEY: SearchAttributeKey<'KEYWORD'> = { name: 'DeliveryStatus', type: 'KEYWORD' };
export const TENANT_ID_KEY: SearchAttributeKey<'KEYWORD'> = { name: 'TenantId', type: 'KEYWORD' };
export const CLIENT_ID_KEY: SearchAttributeKey<'KEYWORD'> = { name: 'ClientId', type: 'KEYWORD' };
export const CHANNEL_KEY: SearchAttributeKey<'KEYWORD'> = { name: 'Channel', type: 'KEYWORD' };
export const DOCUMENT_KIND_KEY: SearchAttributeKey<'KEYWORD'> = { name: 'DocumentKind', type: 'KEYWORD' };

/** Transient failures are retried on durable timers: 1, 2, 4 ... minutes, at most an hour apart, for a day. */
export const RETRY_FIRST_DELAY_MS = 60_000;
export const RETRY_MAX_DELAY_MS = 3_600_000;
export const RETRY_GIVE_UP_AFTER_MS = 24 * 3_600_000;
