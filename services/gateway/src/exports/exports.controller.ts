import { DOCUMENTS_RENDER_TIMEOUT_MS, DocumentsRpc, type RenderReply } from '@cobranza/contracts';
import { ArtifactStore, DomainError, RpcClient } from '@cobranza/platform';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TenantId } from '../auth/auth.decorators';
import { CLIENT_ID_PARAM, CLIENT_NOT_FOUND } from '../clients/clients.dto';
import { DOCUMENT_NOT_FOUND, requestInvalid } from '../documents/billing-problems';
import { documentId, parseBillingQuery } from '../documents/billing-request';
import { DOCUMENT_ID_PARAM } from '../documents/documents.dto';
import { ApiProblems, validationFailed } from '../http/problem-responses';
import { parseQuery, resourceId } from '../http/request-shape';
import { STATEMENT_BUCKETS, STATEMENT_KINDS, STATEMENT_QUERY, STATEMENT_STATUSES } from '../statements/statements.dto';
import { sendArtifact } from './artifact-response';
import { ApiFileResponse, ApiLocaleQuery, ApiXmlNotAvailable, LOCALE_INVALID, MEDIA_TYPES } from './exports-openapi';

const DATE = { type: 'string', format: 'date' } as const;
const EXPORT_STATEMENT_QUERY = { ...STATEMENT_QUERY, locale: 'string' } as const;
const LOCALE_QUERY = { locale: 'string' } as const;

/** The billing statement filters, as the statement route takes them. */
function ApiStatementFilters(): MethodDecorator {
  const decorators = [
    ApiQuery({ name: 'asOf', required: false, schema: DATE, example: '2024-03-26', description: "Default: today in the tenant's time zone." }),
    ApiQuery({ name: 'number', required: false, type: String, example: '0001-00000111', description: 'Part of the document number.' }),
    ApiQuery({ name: 'kind', required: false, schema: { type: 'array', items: { type: 'string', enum: STATEMENT_KINDS } }, style: 'form', explode: true }),
    ApiQuery({ name: 'issueFrom', required: false, schema: DATE }),
    ApiQuery({ name: 'issueTo', required: false, schema: DATE }),
    ApiQuery({ name: 'dueFrom', required: false, schema: DATE }),
    ApiQuery({ name: 'dueTo', required: false, schema: DATE }),
    ApiQuery({ name: 'minDaysOverdue', required: false, schema: { type: 'integer', minimum: 0 } }),
    ApiQuery({ name: 'maxDaysOverdue', required: false, schema: { type: 'integer', minimum: 0 } }),
    ApiQuery({ name: 'status', required: false, schema: { type: 'array', items: { type: 'string', enum: STATEMENT_STATUSES } }, style: 'form', explode: true }),
    ApiQuery({ name: 'bucket', required: false, enum: STATEMENT_BUCKETS }),
    ApiLocaleQuery(),
  ];
  return (target, key, descriptor) => {
    for (const decorator of decorators) decorator(target, key, descriptor);
  };
}

/** The service names its list filters `kinds` and `statuses`; these routes' parameters are `kind` and `status`. */
const PARAM_OF_FILTER: Record<string, string> = { kinds: 'kind', statuses: 'status' };

function queryNames(error: unknown): unknown {
  if (!(error instanceof DomainError) || !Object.keys(error.details).some((field) => field in PARAM_OF_FILTER)) return error;
  const details = Object.fromEntries(Object.entries(error.details).map(([field, text]) => [PARAM_OF_FILTER[field] ?? field, text]));
  return new DomainError(error.code, error.message, error.status, details);
}

const STATEMENT_PROBLEMS = [
  requestInvalid({ minDaysOverdue: 'Debe ser un número entero de 0 a 1000000.' }),
  validationFailed({ asOf: 'La fecha debe tener la forma aaaa-mm-dd y existir, por ejemplo 2024-03-26.' }),
  LOCALE_INVALID,
  CLIENT_NOT_FOUND,
];

/**
 * Files for portals, rendered on demand by the documents service and answered as downloads: the
 * account statement as PDF or XLSX (with the statement's filters), sales documents as PDF and
 * invoices and credit notes as UBL 2.1 XML, and the sales history as PDF. Each file is also kept
 * in the artifact store; its id comes in `X-Artifact-Id`.
 */
@ApiTags('exports')
@ApiBearerAuth('api-key')
@Controller()
export class ExportsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly store: ArtifactStore,
  ) {}

  @Get('v1/clients/:id/statement.pdf')
  @ApiOperation({
    summary: "A client's account statement as PDF",
    description:
      'The statement of `GET /v1/clients/{id}/statement` printed: tenant header, "Estado de Cuenta de Cliente", ' +
      '"Emitido el … a las …", the client, one row per document (the table header repeats on every page), totals and ' +
      'aging, with "Página X de Y". Takes the same filters.',
  })
  @ApiParam(CLIENT_ID_PARAM)
  @ApiStatementFilters()
  @ApiFileResponse(MEDIA_TYPES.pdf, 'The statement as PDF.', 'Estado_de_Cuenta_0000000012_2024-03-26.pdf')
  @ApiProblems(...STATEMENT_PROBLEMS)
  async statementPdf(@TenantId() tenantId: string, @Param('id') id: string, @Query() query: unknown, @Res() res: Response): Promise<void> {
    await this.statement(tenantId, id, query, 'pdf', res);
  }

  @Get('v1/clients/:id/statement.xlsx')
  @ApiOperation({
    summary: "A client's account statement as a spreadsheet (XLSX)",
    description:
      'Sheet "Documentos": heading, a frozen header row with filters, one row per document with real date and number ' +
      'cells in the currency\'s format, and the totals; sheet "Antigüedad": the aging. Takes the statement\'s filters.',
  })
  @ApiParam(CLIENT_ID_PARAM)
  @ApiStatementFilters()
  @ApiFileResponse(MEDIA_TYPES.xlsx, 'The statement as XLSX.', 'Estado_de_Cuenta_0000000012_2024-03-26.xlsx')
  @ApiProblems(...STATEMENT_PROBLEMS)
  async statementXlsx(@TenantId() tenantId: string, @Param('id') id: string, @Query() query: unknown, @Res() res: Response): Promise<void> {
    await this.statement(tenantId, id, query, 'xlsx', res);
  }

  @Get('v1/clients/:id/sales-history.pdf')
  @ApiOperation({
    summary: "A client's sales history as PDF",
    description: 'Seed 001\'s "Historial de Ventas" printed: the 100 most recent operations, the counters and the pending balance.',
  })
  @ApiParam(CLIENT_ID_PARAM)
  @ApiLocaleQuery()
  @ApiFileResponse(MEDIA_TYPES.pdf, 'The sales history as PDF.', 'Historial_de_Ventas_0000000012.pdf')
  @ApiProblems(LOCALE_INVALID, CLIENT_NOT_FOUND)
  async salesHistoryPdf(@TenantId() tenantId: string, @Param('id') id: string, @Query() query: unknown, @Res() res: Response): Promise<void> {
    const clientId = resourceId('client', id);
    const q = parseQuery(query, LOCALE_QUERY);
    const reply = await this.rpc.call(DocumentsRpc.renderSalesHistory, { tenantId, clientId, locale: q.locale }, { timeoutMs: DOCUMENTS_RENDER_TIMEOUT_MS });
    await this.send(res, tenantId, reply);
  }

  @Get('v1/documents/:id/pdf')
  @ApiOperation({
    summary: 'A sales document as PDF',
    description:
      'A quote, order, remission, invoice or credit note as issued: tenant header, number and dates, the client, the lines and the totals. ' +
      'An unchanged document answers the file rendered before.',
  })
  @ApiParam(DOCUMENT_ID_PARAM)
  @ApiLocaleQuery()
  @ApiFileResponse(MEDIA_TYPES.pdf, 'The document as PDF.', 'Factura_0001-00000111.pdf')
  @ApiProblems(LOCALE_INVALID, DOCUMENT_NOT_FOUND)
  async documentPdf(@TenantId() tenantId: string, @Param('id') id: string, @Query() query: unknown, @Res() res: Response): Promise<void> {
    await this.salesDocument(tenantId, id, query, 'pdf', res);
  }

  @Get('v1/documents/:id/xml')
  @ApiOperation({
    summary: 'An invoice or credit note as UBL 2.1 XML',
    description: 'A UBL 2.1 Invoice (for an invoice) or CreditNote (for a credit note), valid against the OASIS schemas.',
  })
  @ApiParam(DOCUMENT_ID_PARAM)
  @ApiLocaleQuery()
  @ApiFileResponse(MEDIA_TYPES.xml, 'The document as UBL 2.1 XML.', 'Factura_0001-00000111.xml')
  @ApiProblems(LOCALE_INVALID, DOCUMENT_NOT_FOUND)
  @ApiXmlNotAvailable()
  async documentXml(@TenantId() tenantId: string, @Param('id') id: string, @Query() query: unknown, @Res() res: Response): Promise<void> {
    await this.salesDocument(tenantId, id, query, 'xml', res);
  }

  private async statement(tenantId: string, id: string, query: unknown, format: 'pdf' | 'xlsx', res: Response): Promise<void> {
    const clientId = resourceId('client', id);
    const q = parseBillingQuery(query, EXPORT_STATEMENT_QUERY);
    const reply = await this.rpc
      .call(
        DocumentsRpc.renderStatement,
        {
          tenantId,
          clientId,
          asOf: q.asOf,
          format,
          locale: q.locale,
          filters: {
            number: q.number,
            kinds: q.kind,
            issueFrom: q.issueFrom,
            issueTo: q.issueTo,
            dueFrom: q.dueFrom,
            dueTo: q.dueTo,
            minDaysOverdue: q.minDaysOverdue,
            maxDaysOverdue: q.maxDaysOverdue,
            statuses: q.status,
            bucket: q.bucket,
          },
        },
        { timeoutMs: DOCUMENTS_RENDER_TIMEOUT_MS },
      )
      .catch((error: unknown) => {
        throw queryNames(error);
      });
    await this.send(res, tenantId, reply);
  }

  private async salesDocument(tenantId: string, id: string, query: unknown, format: 'pdf' | 'xml', res: Response): Promise<void> {
    const docId = documentId(id);
    const q = parseQuery(query, LOCALE_QUERY);
    const reply = await this.rpc.call(
      DocumentsRpc.renderSalesDocument,
      { tenantId, documentId: docId, format, locale: q.locale },
      { timeoutMs: DOCUMENTS_RENDER_TIMEOUT_MS },
    );
    await this.send(res, tenantId, reply);
  }

  private send(res: Response, tenantId: string, reply: RenderReply): Promise<void> {
    if (!reply.artifact) throw new DomainError('internal_error', 'The documents service answered no file.', 500);
    return sendArtifact(res, this.store, tenantId, reply.artifact.id);
  }
}
