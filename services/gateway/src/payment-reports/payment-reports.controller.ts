import { BillingRpc } from '@cobranza/contracts';
import { ArtifactStore, RpcClient } from '@cobranza/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
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
import { amountsAsStrings, DOCUMENT_NOT_FOUND, IDEMPOTENCY_KEY_HEADER, INVALID_PAYMENT } from '../documents/billing-problems';
import { documentId, IDEMPOTENCY_HEADER, idempotencyKey, parseBillingBody, parseBillingQuery } from '../documents/billing-request';
import { ApiProblems, notFound, type ProblemExample } from '../http/problem-responses';
import { resourceId } from '../http/request-shape';
import {
  PaymentReportDto,
  paymentReportJson,
  PaymentReportListDto,
  REJECT_REPORT,
  RejectPaymentReportDto,
  REPORT_PAYMENT,
  ReportPaymentDto,
} from './payment-reports.dto';
import {
  RECEIPT_EMPTY,
  RECEIPT_MEDIA_TYPES,
  RECEIPT_TOO_LARGE,
  RECEIPT_TYPE_MISMATCH,
  RECEIPT_TYPE_NOT_ALLOWED,
  storeReceipt,
} from './receipt-upload';

const REPORT_NOT_FOUND = notFound('payment_report.not_found', 'No existe el reporte de pago indicado.');
const ALREADY_DECIDED: ProblemExample = {
  status: 409,
  code: 'payment_report.already_decided',
  detail: 'El reporte de pago ya fue resuelto (rejected).',
};
const REPORT_ID_PARAM = { name: 'id', description: 'Payment report id (UUID).', example: '6b1d3f5a-7c9e-4b2d-8f0a-1c3e5d7f9b20' };

/** Payments customers say they made (seed 004), pending until the company confirms or rejects them. */
@ApiTags('payments')
@ApiBearerAuth('api-key')
@Controller('v1/payment-reports')
export class PaymentReportsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly store: ArtifactStore,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Report a payment made by a customer',
    description: 'Stored as pending: nothing is applied to the documents until the company confirms it.',
  })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiBody({ type: ReportPaymentDto })
  @ApiCreatedResponse({ type: PaymentReportDto })
  @ApiProblems(amountsAsStrings('amount'), INVALID_PAYMENT, CLIENT_NOT_FOUND, DOCUMENT_NOT_FOUND)
  async report(@TenantId() tenantId: string, @Req() req: Request, @Body() body: unknown): Promise<PaymentReportDto> {
    const key = idempotencyKey(req.header(IDEMPOTENCY_HEADER));
    const input = parseBillingBody(body, REPORT_PAYMENT);
    const reply = await this.rpc.call(BillingRpc.reportPayment, {
      ...input,
      clientId: input.clientId ? resourceId('client', input.clientId) : input.clientId,
      allocations: input.allocations?.map((a) => ({ ...a, documentId: a.documentId ? documentId(a.documentId) : a.documentId })),
      idempotencyKey: key,
      tenantId,
    });
    return paymentReportJson(reply);
  }

  @Get()
  @ApiOperation({ summary: 'List payment reports', description: 'Newest first, at most 200.' })
  @ApiQuery({ name: 'clientId', required: false, type: String })
  @ApiQuery({ name: 'status', required: false, enum: ['pending', 'confirmed', 'rejected'] })
  @ApiOkResponse({ type: PaymentReportListDto })
  @ApiProblems()
  async list(@TenantId() tenantId: string, @Query() rawQuery: unknown): Promise<PaymentReportListDto> {
    const q = parseBillingQuery(rawQuery, { clientId: 'string', status: 'string' } as const);
    const reply = await this.rpc.call(BillingRpc.listPaymentReports, { tenantId, clientId: q.clientId, status: q.status });
    return { items: reply.items.map(paymentReportJson) };
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm a payment report', description: 'Records the payment and applies it; confirming twice records it once.' })
  @ApiOkResponse({ type: PaymentReportDto })
  @ApiProblems(REPORT_NOT_FOUND, ALREADY_DECIDED, INVALID_PAYMENT)
  async confirm(@TenantId() tenantId: string, @Param('id') id: string): Promise<PaymentReportDto> {
    return paymentReportJson(await this.rpc.call(BillingRpc.confirmPaymentReport, { tenantId, id: resourceId('paymentReport', id) }));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a payment report' })
  @ApiBody({ type: RejectPaymentReportDto })
  @ApiOkResponse({ type: PaymentReportDto })
  @ApiProblems(REPORT_NOT_FOUND, ALREADY_DECIDED)
  async reject(@TenantId() tenantId: string, @Param('id') id: string, @Body() body: unknown): Promise<PaymentReportDto> {
    const input = parseBillingBody(body, REJECT_REPORT);
    return paymentReportJson(
      await this.rpc.call(BillingRpc.rejectPaymentReport, { tenantId, id: resourceId('paymentReport', id), reason: input.reason ?? '' }),
    );
  }

  @Post(':id/receipt')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Attach the receipt of a payment report',
    description:
      'The body is the file itself (no JSON, no multipart): a photo or scan as image/jpeg, image/png or image/webp, or a ' +
      'PDF as application/pdf, at most 5 MB. Its first bytes must match the declared Content-Type. The file goes to the ' +
      'artifact store as `Comprobante_<id>.<ext>` and the report shows its id in `receiptArtifactId`; ' +
      '`GET /v1/artifacts/{id}` downloads it. Only a pending report takes a receipt; a new one replaces the previous.',
  })
  @ApiParam(REPORT_ID_PARAM)
  @ApiConsumes(...RECEIPT_MEDIA_TYPES)
  @ApiBody({ description: 'The receipt file.', schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ description: 'The report with its receipt.', type: PaymentReportDto })
  @ApiProblems(RECEIPT_EMPTY, REPORT_NOT_FOUND, ALREADY_DECIDED, RECEIPT_TOO_LARGE, RECEIPT_TYPE_NOT_ALLOWED, RECEIPT_TYPE_MISMATCH)
  async attachReceipt(@TenantId() tenantId: string, @Param('id') id: string, @Req() req: Request): Promise<PaymentReportDto> {
    const reportId = resourceId('paymentReport', id);
    const artifact = await storeReceipt(req, this.store, tenantId, reportId);
    try {
      // Only the id travels over NATS; billing checks the artifact and that the report is pending.
      return paymentReportJson(await this.rpc.call(BillingRpc.attachPaymentReceipt, { tenantId, id: reportId, artifactId: artifact.id }));
    } catch (error) {
      // Refused (unknown report, already decided, billing down): the file is not kept.
      await this.store.delete(tenantId, artifact.id).catch(() => undefined);
      throw error;
    }
  }
}
