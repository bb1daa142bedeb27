import { BillingRpc } from '@cobranza/contracts';
import { RpcClient } from '@cobranza/platform';
import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { TenantId } from '../auth/auth.decorators';
import { CLIENT_ID_PARAM, CLIENT_NOT_FOUND } from '../clients/clients.dto';
import {
  amountsAsStrings,
  ApiIdempotencyConflict,
  DOCUMENT_NOT_FOUND,
  IDEMPOTENCY_KEY_HEADER,
  INVALID_PAYMENT,
  PAYMENT_IDEMPOTENCY_CONFLICT,
} from '../documents/billing-problems';
import { documentId, IDEMPOTENCY_HEADER, idempotencyKey, parseBillingBody } from '../documents/billing-request';
import { ApiProblems } from '../http/problem-responses';
import { resourceId } from '../http/request-shape';
import { PAYMENT_EXAMPLE, PaymentDto, paymentJson, PaymentListDto, RECORD_PAYMENT, RecordPaymentDto } from './payments.dto';

/** Payments received from clients and the documents they pay. */
@ApiTags('payments')
@ApiBearerAuth('api-key')
@Controller('v1')
export class PaymentsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('payments')
  @ApiOperation({
    summary: 'Record a payment',
    description:
      'Allocations are applied as given; without allocations the payment goes to the oldest open documents first. ' +
      'Amounts are decimal strings ("200.00"), never JSON numbers. Send an `Idempotency-Key` so that a retry answers ' +
      'the same payment instead of recording it twice.',
  })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiBody({ type: RecordPaymentDto, examples: { transferencia: { summary: 'Abono por transferencia', value: PAYMENT_EXAMPLE } } })
  @ApiCreatedResponse({ description: 'Recorded (or, for a repeated `Idempotency-Key`, the payment it recorded).', type: PaymentDto })
  @ApiProblems(
    amountsAsStrings('amount'),
    INVALID_PAYMENT,
    CLIENT_NOT_FOUND,
    DOCUMENT_NOT_FOUND,
  )
  @ApiIdempotencyConflict(PAYMENT_IDEMPOTENCY_CONFLICT)
  async record(
    @TenantId() tenantId: string,
    @Req() req: Request,
    @Body() body: unknown,
  ): Promise<PaymentDto> {
    const key = idempotencyKey(req.header(IDEMPOTENCY_HEADER));
    const input = parseBillingBody(body, RECORD_PAYMENT);
    return paymentJson(
      await this.rpc.call(BillingRpc.recordPayment, {
        ...input,
        clientId: input.clientId ? resourceId('client', input.clientId) : input.clientId,
        allocations: input.allocations?.map((a) => ({ ...a, documentId: a.documentId ? documentId(a.documentId) : a.documentId })),
        idempotencyKey: key,
        tenantId,
      }),
    );
  }

  @Get('clients/:id/payments')
  @ApiOperation({ summary: "List a client's payments", description: 'Newest first, each with the documents it pays.' })
  @ApiParam(CLIENT_ID_PARAM)
  @ApiOkResponse({ type: PaymentListDto })
  @ApiProblems(CLIENT_NOT_FOUND)
  async list(@TenantId() tenantId: string, @Param('id') id: string): Promise<PaymentListDto> {
    const reply = await this.rpc.call(BillingRpc.listPayments, { tenantId, clientId: resourceId('client', id) });
    return { items: reply.items.map(paymentJson) };
  }
}
