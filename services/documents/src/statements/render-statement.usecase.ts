import { BillingRpc, STATEMENT_FORMATS, type RenderStatementRequest, type Statement } from '@cobranza/contracts';
import { RpcClient, type ArtifactInfo } from '@cobranza/platform';
import { Injectable } from '@nestjs/common';
import { PassThrough } from 'node:stream';
import { toArtifactMessage } from '../artifacts/artifact-message';
import { ArtifactWriter } from '../artifacts/artifact-writer';
import { DocumentTenants, type RenderContext } from '../common/document-tenants';
import { TenantLogos } from '../common/tenant-logos';
import { fieldErrors, isUuid, notFound } from '../common/messages';
import { MEDIA_TYPES, statementFileName } from '../rendering/domain/file-names';
import { PdfRenderer } from '../rendering/pdf-renderer';
import { timedRender } from '../rendering/render-metrics';
import { statementHtml } from './domain/statement-html';
import { writeStatementWorkbook } from './statement-workbook';

/** Billing computes a large statement (thousands of documents) in more than the default 5 s. */
const STATEMENT_TIMEOUT_MS = 60_000;

/**
 * The account statement as PDF or XLSX, with billing's filters. Billing computes it (rows, totals,
 * aging: always current); this use case only prints it and stores the file. A statement is a
 * snapshot ("Emitido el … a las …"), so every request renders a new file.
 */
@Injectable()
export class RenderStatementUseCase {
  constructor(
    private readonly rpc: RpcClient,
    private readonly tenants: DocumentTenants,
    private readonly renderer: PdfRenderer,
    private readonly artifacts: ArtifactWriter,
    private readonly logos: TenantLogos,
  ) {}

  async execute(request: RenderStatementRequest) {
    const format = (request.format || 'pdf').toLowerCase();
    const errors = fieldErrors();
    if (!(STATEMENT_FORMATS as readonly string[]).includes(format))
      errors.add('format', 'format_invalid', { value: request.format, allowed: STATEMENT_FORMATS.join(', ') });
    errors.throwIfAny();
    const context = await this.tenants.context(request.tenantId, request.locale);
    if (!isUuid(request.clientId)) throw notFound('client.not_found');
    const statement = await this.rpc.call(
      BillingRpc.getStatement,
      { tenantId: request.tenantId, clientId: request.clientId, asOf: request.asOf, filters: request.filters },
      { timeoutMs: STATEMENT_TIMEOUT_MS },
    );
    const info = await timedRender('statement', format, () =>
      format === 'xlsx' ? this.xlsx(request.tenantId, statement, context) : this.pdf(request.tenantId, statement, context),
    );
    return { artifact: toArtifactMessage(info), reused: false };
  }

  private async pdf(tenantId: string, statement: Statement, context: RenderContext): Promise<ArtifactInfo> {
    const logo = await this.logos.current(tenantId);
    const page = statementHtml(statement, { ...context, timeZone: context.tenant.timezone, logo });
    return this.renderer.render(page.html, page, (pdf) =>
      this.artifacts.save(
        {
          tenantId,
          kind: 'statement_pdf',
          mediaType: MEDIA_TYPES.pdf,
          fileName: statementFileName(context.language, statement.header?.clientCode ?? '', statement.header?.asOf ?? '', 'pdf'),
        },
        pdf,
      ),
    );
  }

  /** The workbook is streamed into the store while it is written. */
  private async xlsx(tenantId: string, statement: Statement, context: RenderContext): Promise<ArtifactInfo> {
    const output = new PassThrough();
    const saving = this.artifacts.save(
      {
        tenantId,
        kind: 'statement_xlsx',
        mediaType: MEDIA_TYPES.xlsx,
        fileName: statementFileName(context.language, statement.header?.clientCode ?? '', statement.header?.asOf ?? '', 'xlsx'),
      },
      output,
    );
    const writing = writeStatementWorkbook(statement, { ...context, timeZone: context.tenant.timezone }, output).catch((error: unknown) => {
      output.destroy(error as Error);
      throw error;
    });
    const [info] = await Promise.all([saving, writing]);
    return info;
  }
}
