import { DELIVERY_START_TIMEOUT_MS, DeliveryRpc, NotificationsRpc } from '@cobranza/contracts';
import { messageLanguage, RpcClient } from '@cobranza/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { TenantId } from '../auth/auth.decorators';
import { CLIENT_NOT_FOUND } from '../clients/clients.dto';
import { DOCUMENT_NOT_FOUND, IDEMPOTENCY_KEY_HEADER } from '../documents/billing-problems';
import { documentId, IDEMPOTENCY_HEADER, idempotencyKey, parseBillingBody } from '../documents/billing-request';
import { ApiProblems, REQUEST_INVALID, type ProblemExample } from '../http/problem-responses';
import { resourceId } from '../http/request-shape';
import {
  CHANGE_RECIPIENT,
  ChangeRecipientDto,
  DELIVERY_FINISHED,
  DELIVERY_NOT_FOUND,
  documentDeliveries,
  DocumentDeliveriesDto,
  DOCUMENT_DELIVERY,
  DocumentDeliveryDto,
  DeliveryStateDto,
  INVALID_DELIVERY,
  NOT_ISSUED,
  NOT_RETRYING,
  STATEMENT_DELIVERY,
  StatementDeliveryDto,
  stateJson,
} from './deliveries.dto';

const NOT_ENTITLED: ProblemExample = {
  status: 409,
  code: 'whatsapp.not_entitled',
  detail:
    'El envío por WhatsApp estuvo disponible sin costo hasta el 01/07/2024; para seguir usándolo debe contratar el servicio, que no está incluido en el Plan de Asistencia y Servicios.',
};
const WORKFLOW_ID_PARAM = { name: 'workflowId', description: 'The delivery workflow id, e.g. statement-delivery:<client id>:<request key> (URL-encode the colons if your client requires it).' };

/**
 * Sending statements and documents to clients (issue 8): each request is validated at once (a
 * bad phone or address answers 400 and nothing is sent), then one delivery workflow runs it.
 * Its state, "retry now", a new recipient and cancel reach the running workflow.
 */
@ApiTags('deliveries')
@ApiBearerAuth('api-key')
@Controller('v1')
export class ClientDeliveriesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('clients/:clientId/statement/deliveries')
  @HttpCode(202)
  @ApiOperation({
    summary: "Send a client's account statement by WhatsApp and/or e-mail",
    description:
      'Seeds 000 and 004. The workflow id is statement-delivery:<client id>:<Idempotency-Key>; the same key answers the same delivery. ' +
      'The statement is rendered once as of today; WhatsApp carries it as a document and waits for the delivery status; a WhatsApp number ' +
      'that is not a WhatsApp user falls back to the client\'s e-mail.',
  })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiParam({ name: 'clientId', format: 'uuid' })
  @ApiBody({ type: StatementDeliveryDto })
  @ApiAcceptedResponse({ type: DeliveryStateDto, description: 'Started (status Preparing), or the delivery the same Idempotency-Key started.' })
  @ApiProblems(REQUEST_INVALID, INVALID_DELIVERY, CLIENT_NOT_FOUND, NOT_ENTITLED)
  async sendStatement(@TenantId() tenantId: string, @Param('clientId') clientId: string, @Body() body: unknown, @Req() req: Request): Promise<DeliveryStateDto> {
    const b = parseBillingBody(body, STATEMENT_DELIVERY);
    const reply = await this.rpc.call(
      DeliveryRpc.start,
      {
        tenantId,
        subjectKind: 'statement',
        clientId: resourceId('client', clientId),
        requestKey: idempotencyKey(req.header(IDEMPOTENCY_HEADER)),
        channels: b.channels ?? [],
        statementFormat: b.format ?? '',
        email: recipientsOf(b.email),
        whatsappTo: b.whatsappTo ?? '',
        template: b.template ?? '',
        subject: b.subject,
        body: b.body,
        customText: b.customText ?? '',
        includePortalLink: b.includePortalLink,
        sendCopy: b.sendCopy ?? false,
        requestedByName: b.requestedBy?.name ?? '',
        requestedByEmail: b.requestedBy?.email ?? '',
        language: b.language ?? '',
      },
      { timeoutMs: DELIVERY_START_TIMEOUT_MS },
    );
    return stateJson(reply);
  }

  @Post('documents/:documentId/deliveries')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send an issued document (an invoice at issue or again later)',
    description:
      'Seed 002: PDF (and XML for invoices and credit notes) to the chosen addresses, template original or last used, "send me a copy", ' +
      "the portal link when the tenant's portal settings say so, and the statement attached when the tenant's statementInInvoiceEmails is on " +
      '(or attachStatement). The workflow id is document-send:<document id>:<Idempotency-Key>.',
  })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiParam({ name: 'documentId', format: 'uuid' })
  @ApiBody({ type: DocumentDeliveryDto })
  @ApiAcceptedResponse({ type: DeliveryStateDto })
  @ApiProblems(REQUEST_INVALID, INVALID_DELIVERY, DOCUMENT_NOT_FOUND, NOT_ISSUED, NOT_ENTITLED)
  async sendDocument(@TenantId() tenantId: string, @Param('documentId') id: string, @Body() body: unknown, @Req() req: Request): Promise<DeliveryStateDto> {
    const b = parseBillingBody(body, DOCUMENT_DELIVERY);
    const reply = await this.rpc.call(
      DeliveryRpc.start,
      {
        tenantId,
        subjectKind: 'document',
        documentId: documentId(id),
        requestKey: idempotencyKey(req.header(IDEMPOTENCY_HEADER)),
        channels: b.channels ?? ['email'],
        statementFormat: b.statementFormat ?? '',
        attachStatement: b.attachStatement,
        email: b.to ? recipientsOf(b.to) : { includeClient: true, contactIds: [], staffIds: [], extraEmails: [] },
        whatsappTo: b.whatsappTo ?? '',
        template: b.template ?? '',
        subject: b.subject,
        body: b.body,
        customText: b.customText ?? '',
        includePortalLink: b.includePortalLink,
        sendCopy: b.sendCopy ?? false,
        requestedByName: b.requestedBy?.name ?? '',
        requestedByEmail: b.requestedBy?.email ?? '',
        language: b.language ?? '',
      },
      { timeoutMs: DELIVERY_START_TIMEOUT_MS },
    );
    return stateJson(reply);
  }

  @Get('documents/:documentId/deliveries')
  @ApiOperation({
    summary: "What is known of a document's deliveries, per recipient and channel",
    description:
      'From any path (its schedule, a batch, a user): accepted by the mail server; WhatsApp sent, delivered or read; failed and why; or unknown. ' +
      'Only the latest attempt of each recipient counts, and a failed send is never shown as sent.',
  })
  @ApiParam({ name: 'documentId', format: 'uuid' })
  @ApiOkResponse({ type: DocumentDeliveriesDto })
  @ApiProblems(DOCUMENT_NOT_FOUND)
  async documentDeliveries(@TenantId() tenantId: string, @Param('documentId') id: string): Promise<DocumentDeliveriesDto> {
    const reply = await this.rpc.call(NotificationsRpc.listDeliveries, { tenantId, referenceId: documentId(id), pageSize: 100 });
    return documentDeliveries(reply.items, messageLanguage());
  }

  @Post('deliveries/:workflowId/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retry now', description: 'Cuts the wait of every recipient waiting for a retry.' })
  @ApiParam(WORKFLOW_ID_PARAM)
  @ApiOkResponse({ type: DeliveryStateDto })
  @ApiProblems(DELIVERY_NOT_FOUND, NOT_RETRYING, DELIVERY_FINISHED)
  async retry(@TenantId() tenantId: string, @Param('workflowId') workflowId: string): Promise<DeliveryStateDto> {
    return stateJson(await this.rpc.call(DeliveryRpc.retryNow, { tenantId, workflowId }));
  }

  @Put('deliveries/:workflowId/recipient')
  @ApiOperation({
    summary: 'Change the WhatsApp number or the e-mail addresses',
    description: 'Replaces the recipients not yet reached (waiting, retrying or failed); a bad value answers 400 and changes nothing.',
  })
  @ApiParam(WORKFLOW_ID_PARAM)
  @ApiBody({ type: ChangeRecipientDto })
  @ApiOkResponse({ type: DeliveryStateDto })
  @ApiProblems(REQUEST_INVALID, INVALID_DELIVERY, DELIVERY_NOT_FOUND, DELIVERY_FINISHED)
  async changeRecipient(@TenantId() tenantId: string, @Param('workflowId') workflowId: string, @Body() body: unknown): Promise<DeliveryStateDto> {
    const b = parseBillingBody(body, CHANGE_RECIPIENT);
    const emails = (b.emails ?? '').split(/[,;]/).map((e) => e.trim()).filter(Boolean);
    return stateJson(await this.rpc.call(DeliveryRpc.changeRecipient, { tenantId, workflowId, whatsappTo: b.whatsappTo ?? '', emails }));
  }

  @Post('deliveries/:workflowId/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel', description: 'Nothing more is sent; a message already handed to a provider cannot be called back.' })
  @ApiParam(WORKFLOW_ID_PARAM)
  @ApiOkResponse({ type: DeliveryStateDto })
  @ApiProblems(DELIVERY_NOT_FOUND, DELIVERY_FINISHED)
  async cancel(@TenantId() tenantId: string, @Param('workflowId') workflowId: string): Promise<DeliveryStateDto> {
    return stateJson(await this.rpc.call(DeliveryRpc.cancel, { tenantId, workflowId }));
  }
}

function recipientsOf(r: { includeClient?: boolean; contactIds?: string[]; staffIds?: string[]; extraEmails?: string } | undefined) {
  return {
    includeClient: r?.includeClient ?? true,
    contactIds: r?.contactIds ?? [],
    staffIds: r?.staffIds ?? [],
    extraEmails: r?.extraEmails ? [r.extraEmails] : [],
  };
}
