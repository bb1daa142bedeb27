import { BillingRpc, ClientsRpc, type RenderSalesHistoryRequest } from '@cobranza/contracts';
import { RpcClient } from '@cobranza/platform';
import { Injectable } from '@nestjs/common';
import { toArtifactMessage } from '../artifacts/artifact-message';
import { ArtifactWriter } from '../artifacts/artifact-writer';
import { DocumentTenants } from '../common/document-tenants';
import { TenantLogos } from '../common/tenant-logos';
import { isUuid, notFound } from '../common/messages';
import { MEDIA_TYPES, salesHistoryFileName } from '../rendering/domain/file-names';
import { formatDate, formatTime, localDateTime } from '../rendering/domain/locale-format';
import { PdfRenderer } from '../rendering/pdf-renderer';
import { salesHistoryHtml } from './domain/sales-history-html';
import { timedRender } from '../rendering/render-metrics';

/** Seed 001: "Para imprimir el Historial de Ventas mostrado": the sales history as a PDF. */
@Injectable()
export class RenderSalesHistoryUseCase {
  constructor(
    private readonly rpc: RpcClient,
    private readonly tenants: DocumentTenants,
    private readonly renderer: PdfRenderer,
    private readonly artifacts: ArtifactWriter,
    private readonly logos: TenantLogos,
  ) {}

  async execute(request: RenderSalesHistoryRequest) {
    const context = await this.tenants.context(request.tenantId, request.locale);
    if (!isUuid(request.clientId)) throw notFound('client.not_found');
    const [client, history, logo] = await Promise.all([
      this.rpc.call(ClientsRpc.getClient, { tenantId: request.tenantId, id: request.clientId }),
      this.rpc.call(BillingRpc.getSalesHistory, { tenantId: request.tenantId, clientId: request.clientId }, { timeoutMs: 30_000 }),
      this.logos.current(request.tenantId),
    ]);
    const now = localDateTime(new Date(), context.tenant.timezone);
    const printedAt = context.labels('issuedAt', { date: formatDate(now.date, context.format), time: formatTime(now.time, context.format) });
    const page = salesHistoryHtml(history, { code: client.code, name: client.legalName }, context.tenant.legalName, printedAt, { ...context, logo });
    const file = { tenantId: request.tenantId, kind: 'sales_history_pdf', mediaType: MEDIA_TYPES.pdf, fileName: salesHistoryFileName(context.language, client.code) };
    const info = await timedRender('sales_history', 'pdf', () => this.renderer.render(page.html, page, (pdf) => this.artifacts.save(file, pdf)));
    return { artifact: toArtifactMessage(info), reused: false };
  }
}
