import { BillingRpc, SALES_DOCUMENT_KINDS } from '@cobranza/contracts';
import { RpcClient } from '@cobranza/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { TenantId } from '../auth/auth.decorators';
import { CLIENT_NOT_FOUND } from '../clients/clients.dto';
import { ApiPageQueries, pageRequest } from '../http/page.dto';
import { ApiProblems, validationFailed } from '../http/problem-responses';
import { parseQuery, resourceId } from '../http/request-shape';
import {
  amountsAsStrings,
  ApiIdempotencyConflict,
  DOCUMENT_NOT_FOUND,
  IDEMPOTENCY_KEY_HEADER,
  INVALID_LINES,
  NOT_VOIDABLE,
  requestInvalid,
} from './billing-problems';
import { documentId, IDEMPOTENCY_HEADER, idempotencyKey, parseBillingBody } from './billing-request';
import {
  DOCUMENT_ID_PARAM,
  DOCUMENT_STATUSES,
  DocumentListDto,
  documentJson,
  documentListJson,
  INVOICE_EXAMPLE,
  ISSUE_DOCUMENT,
  IssueDocumentDto,
  LIST_DOCUMENTS_QUERY,
  SalesDocumentDto,
  VOID_DOCUMENT,
  VoidDocumentDto,
} from './documents.dto';

/** Sales documents: quotes, orders, remissions, invoices and credit notes. */
@ApiTags('documents')
@ApiBearerAuth('api-key')
@Controller('v1/documents')
export class DocumentsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({
    summary: 'Issue a sales document',
    description:
      'Numbers it with the next consecutive of its kind, series and letter, and computes every line and total. ' +
      'Amounts, quantities and percentages are decimal strings ("360.00"), never JSON numbers. ' +
      'Send an `Idempotency-Key` so that a retry answers the same document instead of issuing a second one.',
  })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiBody({
    type: IssueDocumentDto,
    examples: { factura: { summary: 'Factura de asesoría tributaria con IVA 16 %', value: INVOICE_EXAMPLE } },
  })
  @ApiCreatedResponse({ description: 'Issued (or, for a repeated `Idempotency-Key`, the document it issued).', type: SalesDocumentDto })
  @ApiProblems(amountsAsStrings('lines[0].unitPrice'), INVALID_LINES, CLIENT_NOT_FOUND, DOCUMENT_NOT_FOUND)
  @ApiIdempotencyConflict()
  async issue(
    @TenantId() tenantId: string,
    @Req() req: Request,
    @Body() body: unknown,
  ): Promise<SalesDocumentDto> {
    const key = idempotencyKey(req.header(IDEMPOTENCY_HEADER));
    const input = parseBillingBody(body, ISSUE_DOCUMENT);
    return documentJson(
      await this.rpc.call(BillingRpc.issueDocument, {
        ...input,
        clientId: input.clientId ? resourceId('client', input.clientId) : input.clientId,
        sourceDocumentId: input.sourceDocumentId ? documentId(input.sourceDocumentId) : input.sourceDocumentId,
        idempotencyKey: key,
        tenantId,
      }),
    );
  }

  @Get()
  @ApiOperation({ summary: 'List sales documents', description: 'Newest first; filter by client, kind and status.' })
  @ApiQuery({ name: 'clientId', required: false, type: String, example: '8f0c2a57-6d1e-4b3a-a9f2-7c5e1d3b9a40' })
  @ApiQuery({ name: 'kind', required: false, enum: [...SALES_DOCUMENT_KINDS] })
  @ApiQuery({ name: 'status', required: false, enum: DOCUMENT_STATUSES })
  @ApiPageQueries()
  @ApiOkResponse({ type: DocumentListDto })
  @ApiProblems(
    requestInvalid({ pageSize: 'Debe ser un número entero mayor que cero.', kinds: 'Campo desconocido.' }),
    validationFailed({
      kind: 'Tipo de documento desconocido: factura. Use uno de quote, order, remission, invoice, credit_note.',
      clientId: 'Filtro no válido: 123.',
    }),
  )
  async list(@TenantId() tenantId: string, @Query() rawQuery: unknown): Promise<DocumentListDto> {
    const q = parseQuery(rawQuery, LIST_DOCUMENTS_QUERY);
    const reply = await this.rpc.call(BillingRpc.listDocuments, {
      tenantId,
      clientId: q.clientId,
      kind: q.kind,
      status: q.status,
      ...pageRequest(q),
    });
    return documentListJson(reply);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a sales document' })
  @ApiParam(DOCUMENT_ID_PARAM)
  @ApiOkResponse({ type: SalesDocumentDto })
  @ApiProblems(DOCUMENT_NOT_FOUND)
  async get(@TenantId() tenantId: string, @Param('id') id: string): Promise<SalesDocumentDto> {
    return documentJson(await this.rpc.call(BillingRpc.getDocument, { tenantId, id: documentId(id) }));
  }

  @Post(':id/void')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Void a sales document',
    description:
      'The document keeps its number (numbering has no gaps) and shows status `voided`; it leaves the statements. ' +
      'A document with payments applied, or already voided, answers 409 `document.not_voidable`.',
  })
  @ApiParam(DOCUMENT_ID_PARAM)
  @ApiBody({ type: VoidDocumentDto, examples: { error: { summary: 'Emitida por error', value: { reason: 'Emitida por error: el servicio se facturó dos veces.' } } } })
  @ApiOkResponse({ description: 'Voided.', type: SalesDocumentDto })
  @ApiProblems(requestInvalid({ reason: 'Debe ser un texto.' }), DOCUMENT_NOT_FOUND, NOT_VOIDABLE)
  async void(@TenantId() tenantId: string, @Param('id') id: string, @Body() body: unknown): Promise<SalesDocumentDto> {
    const docId = documentId(id);
    const input = parseBillingBody(body, VOID_DOCUMENT);
    return documentJson(await this.rpc.call(BillingRpc.voidDocument, { ...input, tenantId, id: docId }));
  }
}
