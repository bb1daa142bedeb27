import { BillingRpc, SALES_DOCUMENT_KINDS } from '@cobranza/contracts';
import { RpcClient } from '@cobranza/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
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
import { ApiProblems } from '../http/problem-responses';
import { parseQuery, resourceId } from '../http/request-shape';
import { amountsAsStrings, ApiIdempotencyConflict, DOCUMENT_NOT_FOUND, IDEMPOTENCY_KEY_HEADER, INVALID_LINES, NOT_A_DRAFT } from './billing-problems';
import { documentId, IDEMPOTENCY_HEADER, idempotencyKey, parseBillingBody, type BillingValue } from './billing-request';
import {
  DOCUMENT_ID_PARAM,
  DocumentListDto,
  documentJson,
  documentListJson,
  DRAFT,
  DRAFT_EXAMPLE,
  DraftDto,
  LIST_DRAFTS_QUERY,
  SalesDocumentDto,
} from './documents.dto';

/**
 * Drafts: sales documents saved without a number (status `draft`), edited, deleted or issued
 * later. They never count on statements, receivables or the sales history; issuing numbers them
 * like `POST /v1/documents`.
 */
@ApiTags('documents')
@ApiBearerAuth('api-key')
@Controller('v1/drafts')
export class DraftsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({
    summary: 'Save a draft sales document',
    description:
      'Any kind (quote, order, remission, invoice, credit note), checked like an issue, stored with status `draft`, ' +
      'number 0 and an empty `displayNumber`. Without `issueDate` the document is dated on the day the draft is issued.',
  })
  @ApiBody({ type: DraftDto, examples: { cotizacion: { summary: 'Cotización en preparación', value: DRAFT_EXAMPLE } } })
  @ApiCreatedResponse({ description: 'The draft.', type: SalesDocumentDto })
  @ApiProblems(amountsAsStrings('lines[0].unitPrice'), INVALID_LINES, CLIENT_NOT_FOUND, DOCUMENT_NOT_FOUND)
  async create(@TenantId() tenantId: string, @Body() body: unknown): Promise<SalesDocumentDto> {
    const input = this.fields(parseBillingBody(body, DRAFT));
    return documentJson(await this.rpc.call(BillingRpc.createDraft, { ...input, tenantId }));
  }

  @Get()
  @ApiOperation({ summary: 'List drafts', description: 'Newest first; the same as `GET /v1/documents?status=draft`.' })
  @ApiQuery({ name: 'clientId', required: false, type: String, example: '8f0c2a57-6d1e-4b3a-a9f2-7c5e1d3b9a40' })
  @ApiQuery({ name: 'kind', required: false, enum: [...SALES_DOCUMENT_KINDS] })
  @ApiPageQueries()
  @ApiOkResponse({ type: DocumentListDto })
  @ApiProblems()
  async list(@TenantId() tenantId: string, @Query() rawQuery: unknown): Promise<DocumentListDto> {
    const q = parseQuery(rawQuery, LIST_DRAFTS_QUERY);
    return documentListJson(
      await this.rpc.call(BillingRpc.listDocuments, { tenantId, clientId: q.clientId, kind: q.kind, status: 'draft', ...pageRequest(q) }),
    );
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Replace a draft',
    description:
      'Every field is replaced (client, kind, lines, dates, terms, notes...); what is left out takes its default. ' +
      'An issued document is never edited: 409 `draft.not_editable`.',
  })
  @ApiParam(DOCUMENT_ID_PARAM)
  @ApiBody({ type: DraftDto, examples: { cotizacion: { summary: 'Cotización en preparación', value: DRAFT_EXAMPLE } } })
  @ApiOkResponse({ description: 'The draft as changed.', type: SalesDocumentDto })
  @ApiProblems(amountsAsStrings('lines[0].unitPrice'), INVALID_LINES, CLIENT_NOT_FOUND, DOCUMENT_NOT_FOUND, NOT_A_DRAFT)
  async update(@TenantId() tenantId: string, @Param('id') id: string, @Body() body: unknown): Promise<SalesDocumentDto> {
    const draftId = documentId(id);
    const input = this.fields(parseBillingBody(body, DRAFT));
    return documentJson(await this.rpc.call(BillingRpc.updateDraft, { ...input, tenantId, id: draftId }));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft', description: 'An issued document is voided instead: 409 `draft.not_editable`.' })
  @ApiParam(DOCUMENT_ID_PARAM)
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(DOCUMENT_NOT_FOUND, NOT_A_DRAFT)
  async delete(@TenantId() tenantId: string, @Param('id') id: string): Promise<void> {
    await this.rpc.call(BillingRpc.deleteDraft, { tenantId, id: documentId(id) });
  }

  @Post(':id/issue')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Issue a draft',
    description:
      'Checks it again like `POST /v1/documents` (the client data is taken anew), gives it the next consecutive number ' +
      'of its kind, series and letter, and sets status `issued`. Send an `Idempotency-Key` so that a retry answers the ' +
      'issued document instead of 409 `draft.not_editable`.',
  })
  @ApiParam(DOCUMENT_ID_PARAM)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOkResponse({ description: 'The issued document (or, for a repeated `Idempotency-Key`, the one it issued).', type: SalesDocumentDto })
  @ApiProblems(INVALID_LINES, CLIENT_NOT_FOUND, DOCUMENT_NOT_FOUND, NOT_A_DRAFT)
  @ApiIdempotencyConflict()
  async issue(@TenantId() tenantId: string, @Param('id') id: string, @Req() req: Request): Promise<SalesDocumentDto> {
    const key = idempotencyKey(req.header(IDEMPOTENCY_HEADER));
    return documentJson(await this.rpc.call(BillingRpc.issueDraft, { tenantId, id: documentId(id), idempotencyKey: key }));
  }

  /** Ids checked at the edge, as for an issue. */
  private fields(input: BillingValue<typeof DRAFT>) {
    return {
      ...input,
      clientId: input.clientId ? resourceId('client', input.clientId) : input.clientId,
      sourceDocumentId: input.sourceDocumentId ? documentId(input.sourceDocumentId) : input.sourceDocumentId,
    };
  }
}
