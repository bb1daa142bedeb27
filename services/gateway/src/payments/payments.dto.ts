import { PAYMENT_METHODS, type Allocation, type Payment } from '@cobranza/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { billingField } from '../documents/billing-request';

const METHODS = [...PAYMENT_METHODS];
const DECIMAL = 'A decimal number as a JSON string, never a JSON number (to avoid float rounding).';

export class AllocationDto {
  @ApiProperty({ example: '5d7e2b90-3c4f-4a1e-9b62-8f0a1c3e5d27' })
  documentId!: string;

  @ApiProperty({ example: '0001-00000111' })
  displayNumber!: string;

  @ApiProperty({ example: '200.00' })
  amount!: string;
}

export class PaymentDto {
  @ApiProperty({ example: '9c1e3a5b-7d2f-4e60-8a4c-6b0d2e8f1a39' })
  id!: string;

  @ApiProperty({ example: '8f0c2a57-6d1e-4b3a-a9f2-7c5e1d3b9a40' })
  clientId!: string;

  @ApiProperty({ example: '2024-03-10', description: 'Local date of the payment.' })
  date!: string;

  @ApiProperty({ example: '200.00' })
  amount!: string;

  @ApiProperty({ example: 'VES', description: 'ISO 4217.' })
  currency!: string;

  @ApiProperty({ example: 'transfer', enum: METHODS })
  method!: string;

  @ApiProperty({ example: 'Transferencia Banco Mercantil 004512' })
  reference!: string;

  @ApiProperty({ type: [AllocationDto], description: 'The documents it pays and how much of each.' })
  allocations!: AllocationDto[];

  @ApiProperty({ example: '200.00', description: 'Sum of the allocations.' })
  allocated!: string;

  @ApiProperty({ example: '0.00', description: 'amount − allocated: credit in favour of the client.' })
  unallocated!: string;

  @ApiProperty({ example: '2024-03-10T14:05:00.000Z' })
  createdAt!: string;
}

export class PaymentListDto {
  @ApiProperty({ type: [PaymentDto] })
  items!: PaymentDto[];
}

export class AllocationInputDto {
  @ApiProperty({ example: '5d7e2b90-3c4f-4a1e-9b62-8f0a1c3e5d27' })
  documentId!: string;

  @ApiProperty({ example: '200.00', description: DECIMAL })
  amount!: string;
}

export class RecordPaymentDto {
  @ApiProperty({ example: '8f0c2a57-6d1e-4b3a-a9f2-7c5e1d3b9a40' })
  clientId!: string;

  @ApiProperty({ example: '2024-03-10', description: 'Local date of the payment, YYYY-MM-DD.' })
  date!: string;

  @ApiProperty({ example: '200.00', description: DECIMAL })
  amount!: string;

  @ApiProperty({ example: 'VES', description: 'ISO 4217; allocations go only to documents in this currency.' })
  currency!: string;

  @ApiProperty({ example: 'transfer', enum: METHODS })
  method!: string;

  @ApiPropertyOptional({ example: 'Transferencia Banco Mercantil 004512' })
  reference?: string;

  @ApiPropertyOptional({
    type: [AllocationInputDto],
    description: 'Applied as given; when absent, the payment is applied to the oldest open documents first.',
  })
  allocations?: AllocationInputDto[];
}

export const RECORD_PAYMENT = {
  clientId: billingField.string,
  date: billingField.string,
  amount: billingField.decimal,
  currency: billingField.string,
  method: billingField.string,
  reference: billingField.string,
  allocations: billingField.list({ documentId: billingField.string, amount: billingField.decimal }),
} as const;

export const PAYMENT_EXAMPLE = {
  clientId: '8f0c2a57-6d1e-4b3a-a9f2-7c5e1d3b9a40',
  date: '2024-03-10',
  amount: '200.00',
  currency: 'VES',
  method: 'transfer',
  reference: 'Transferencia Banco Mercantil 004512',
  allocations: [{ documentId: '5d7e2b90-3c4f-4a1e-9b62-8f0a1c3e5d27', amount: '200.00' }],
};

function allocationJson(a: Allocation): AllocationDto {
  return { documentId: a.documentId, displayNumber: a.displayNumber, amount: a.amount };
}

/** Every field present, the tenant never shown. */
export function paymentJson(p: Payment): PaymentDto {
  return {
    id: p.id,
    clientId: p.clientId,
    date: p.date,
    amount: p.amount,
    currency: p.currency,
    method: p.method,
    reference: p.reference,
    allocations: p.allocations.map(allocationJson),
    allocated: p.allocated,
    unallocated: p.unallocated,
    createdAt: p.createdAt,
  };
}
