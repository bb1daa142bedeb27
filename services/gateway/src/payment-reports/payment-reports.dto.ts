import type { PaymentReport } from '@cobranza/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { billingField } from '../documents/billing-request';
import { AllocationInputDto } from '../payments/payments.dto';

const DECIMAL = 'Decimal string with the currency’s decimals, e.g. "200.00"; never a JSON number.';

export class ReportPaymentDto {
  @ApiProperty({ example: '8f0c2a57-6d1e-4b3a-a9f2-7c5e1d3b9a40' }) clientId!: string;
  @ApiProperty({ example: '2024-03-26', format: 'date' }) date!: string;
  @ApiProperty({ example: '360.00', description: DECIMAL }) amount!: string;
  @ApiProperty({ example: 'VES' }) currency!: string;
  @ApiProperty({ example: 'mobile_payment', enum: ['transfer', 'cash', 'card', 'check', 'mobile_payment', 'other'] }) method!: string;
  @ApiProperty({ example: 'Pago móvil 0102 778899', required: false }) reference?: string;
  @ApiProperty({ type: [AllocationInputDto], required: false, description: 'The documents the customer says it paid.' })
  allocations?: AllocationInputDto[];
  @ApiProperty({ example: 'Pagado desde la cuenta de la empresa', required: false }) notes?: string;
  @ApiProperty({ example: 'usuario@galac.com', required: false }) reporterEmail?: string;
}

export class PaymentReportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ example: 'pending', enum: ['pending', 'confirmed', 'rejected'] }) status!: string;
  @ApiProperty({ example: '2024-03-26' }) date!: string;
  @ApiProperty({ example: '360.00' }) amount!: string;
  @ApiProperty({ example: 'VES' }) currency!: string;
  @ApiProperty({ example: 'mobile_payment' }) method!: string;
  @ApiProperty({ example: 'Pago móvil 0102 778899' }) reference!: string;
  @ApiProperty({ type: [AllocationInputDto] }) allocations!: AllocationInputDto[];
  @ApiProperty({ example: '' }) notes!: string;
  @ApiProperty({ example: 'usuario@galac.com' }) reporterEmail!: string;
  @ApiProperty({ example: '', description: 'The recorded payment, once confirmed.' }) paymentId!: string;
  @ApiProperty({ example: '' }) rejectReason!: string;
  @ApiProperty({ example: '2024-03-26T15:04:05.000Z' }) createdAt!: string;
  @ApiProperty({ example: '' }) decidedAt!: string;
  @ApiProperty({
    example: '3f2b8c1e-9d4a-4e7b-8a6c-1b2d3e4f5a60',
    description: 'The attached receipt (image or PDF), downloadable with GET /v1/artifacts/{id}; empty when none.',
  })
  receiptArtifactId!: string;
}

export class PaymentReportListDto {
  @ApiProperty({ type: [PaymentReportDto] }) items!: PaymentReportDto[];
}

export class RejectPaymentReportDto {
  @ApiProperty({ example: 'El pago no aparece en el estado de cuenta bancario.' }) reason!: string;
}

export const REPORT_PAYMENT = {
  clientId: billingField.string,
  date: billingField.string,
  amount: billingField.decimal,
  currency: billingField.string,
  method: billingField.string,
  reference: billingField.string,
  allocations: billingField.list({ documentId: billingField.string, amount: billingField.decimal }),
  notes: billingField.string,
  reporterEmail: billingField.string,
} as const;

export const REJECT_REPORT = { reason: billingField.string } as const;

export function paymentReportJson(r: PaymentReport): PaymentReportDto {
  return {
    id: r.id,
    clientId: r.clientId,
    status: r.status,
    date: r.date,
    amount: r.amount,
    currency: r.currency,
    method: r.method,
    reference: r.reference,
    allocations: r.allocations.map((a) => ({ documentId: a.documentId, amount: a.amount })),
    notes: r.notes,
    reporterEmail: r.reporterEmail,
    paymentId: r.paymentId,
    rejectReason: r.rejectReason,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
    receiptArtifactId: r.receiptArtifactId,
  };
}
