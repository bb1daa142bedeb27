import {
  ArtifactInfoSchema,
  GetArtifactRequestSchema,
  RenderReplySchema,
  RenderSalesDocumentRequestSchema,
  RenderSalesHistoryRequestSchema,
  RenderStatementRequestSchema,
} from './gen/cobranza/documents/v1/documents_pb';
import { rpc, type RpcContract } from './contract';
import { SystemRpc, TenancyRpc } from './subjects';

export * from './gen/cobranza/documents/v1/documents_pb';

/**
 * Requests the documents service answers. Rendering takes longer than the default RPC timeout
 * (a 5,000-line statement takes seconds, and a burst waits for a free Chromium page): callers
 * pass `{ timeoutMs: DOCUMENTS_RENDER_TIMEOUT_MS }`. Replies carry artifact ids, never bytes.
 */
export const DocumentsRpc = {
  renderSalesDocument: rpc('rpc.documents.sales_document.render', RenderSalesDocumentRequestSchema, RenderReplySchema),
  renderStatement: rpc('rpc.documents.statement.render', RenderStatementRequestSchema, RenderReplySchema),
  renderSalesHistory: rpc('rpc.documents.sales_history.render', RenderSalesHistoryRequestSchema, RenderReplySchema),
  getArtifact: rpc('rpc.documents.artifact.get', GetArtifactRequestSchema, ArtifactInfoSchema),
} as const;

/** A generous timeout for render requests (queueing included). */
export const DOCUMENTS_RENDER_TIMEOUT_MS = 120_000;

/** Formats each render request takes. */
export const SALES_DOCUMENT_FORMATS = ['pdf', 'xml'] as const;
export const STATEMENT_FORMATS = ['pdf', 'xlsx'] as const;

/** Every subject the documents service answers. */
export const DOCUMENTS_CONTRACTS: RpcContract[] = [SystemRpc.status.documents, TenancyRpc.provision.documents, ...Object.values(DocumentsRpc)];
