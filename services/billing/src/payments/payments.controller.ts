import { BillingRpc, type ListPaymentsRequest, type RecordPaymentRequest } from '@cobranza/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BillingTenants } from '../tenants/billing-tenants';
import { Payment } from './payment.entity';
import { toPaymentMessage } from './payment.mapper';
import { RecordPaymentUseCase } from './record-payment.usecase';

@Controller()
export class PaymentsController {
  constructor(
    private readonly record: RecordPaymentUseCase,
    private readonly tenants: BillingTenants,
    private readonly em: EntityManager,
  ) {}

  @MessagePattern(BillingRpc.recordPayment.subject)
  recordPayment(@Payload() request: RecordPaymentRequest) {
    return this.record.execute(request);
  }

  @MessagePattern(BillingRpc.listPayments.subject)
  async list(@Payload() request: ListPaymentsRequest) {
    const client = await this.tenants.client(request.tenantId, request.clientId);
    const payments = await this.em.find(
      Payment,
      { tenantId: request.tenantId, clientId: client.id },
      { populate: ['allocations.document'], orderBy: { date: 'desc', createdAt: 'desc' } },
    );
    return { items: payments.map(toPaymentMessage) };
  }
}
