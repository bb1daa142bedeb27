import type { SalesDocument } from '@cobranza/contracts';

/** Everything a sales document's PDF or XML shows, gathered from billing and the clients registry. */
export interface SalesDocumentView {
  document: SalesDocument;
  issuer: Party;
  customer: Party;
  /** The artifact of the tenant's logo, empty when it has none (a new logo renders a new file). */
  logoArtifactId: string;
  /** The document this one was made from (the invoice a credit note corrects, the order of an invoice). */
  source?: { kind: string; displayNumber: string; issueDate: string };
}

export interface Party {
  /** The client's code; empty for the issuer. */
  code: string;
  name: string;
  taxId: string;
  address: string;
  /** ISO 3166-1 alpha-2, empty when unknown. */
  country: string;
}
