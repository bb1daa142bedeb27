import {
  BillingRpc,
  type AttachReceiptRequest,
  type ConfirmPaymentReportRequest,
  type ListPaymentReportsRequest,
  type ListPaymentsRequest,
  type RecordPaymentRequest,
  type RejectPaymentReportRequest,
  type ReportPaymentRequest,
} from '@cobranza/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BillingTenants } from '../tenants/billing-tenants';
import { Payment } from './payment.entity';
import { toPaymentMessage } from './payment.mapper';
import { PaymentReportsUseCases } from './payment-reports.usecases';
import { RecordPaymentUseCase } from './record-payment.usecase';

@Controller()
export class PaymentsController {
  constructor(
    private readonly record: RecordPaymentUseCase,
    private readonly reports: PaymentReportsUseCases,
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

  @MessagePattern(BillingRpc.reportPayment.subject)
  reportPayment(@Payload() request: ReportPaymentRequest) {
    return this.reports.report(request);
  }

  @MessagePattern(BillingRpc.confirmPaymentReport.subject)
  confirmReport(@Payload() request: ConfirmPaymentReportRequest) {
    return this.reports.confirm(request);
  }

  @MessagePattern(BillingRpc.rejectPaymentReport.subject)
  rejectReport(@Payload() request: RejectPaymentReportRequest) {
    return this.reports.reject(request);
  }

  @MessagePattern(BillingRpc.attachPaymentReceipt.subject)
  attachReceipt(@Payload() request: AttachReceiptRequest) {
    return this.reports.attachReceipt(request);
  }

  @MessagePattern(BillingRpc.listPaymentReports.subject)
  listReports(@Payload() request: ListPaymentReportsRequest) {
    return this.reports.list(request);
  }
}
