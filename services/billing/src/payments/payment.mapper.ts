import type { MessageInitShape } from '@bufbuild/protobuf';
import type { PaymentSchema } from '@cobranza/contracts';
import { displayNumber } from '../documents/document-rules';
import { Dec } from '../domain/decimal';
import { roundMoney } from '../domain/money';
import type { Payment } from './payment.entity';

export function toPaymentMessage(payment: Payment): MessageInitShape<typeof PaymentSchema> {
  const money = (value: Dec | string) => roundMoney(value, payment.currency);
  const allocations = payment.allocations.getItems();
  const allocated = allocations.reduce((sum, a) => sum.plus(a.amount), new Dec(0));
  return {
    id: payment.id,
    tenantId: payment.tenantId,
    clientId: payment.clientId,
    date: payment.date,
    amount: money(payment.amount),
    currency: payment.currency,
    method: payment.method,
    reference: payment.reference,
    allocations: allocations.map((a) => ({
      documentId: a.document.id,
      displayNumber: displayNumber(a.document.series, a.document.number, a.document.letter),
      amount: money(a.amount),
    })),
    allocated: money(allocated),
    unallocated: money(new Dec(payment.amount).minus(allocated)),
    createdAt: payment.createdAt.toISOString(),
  };
}
