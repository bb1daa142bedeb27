import { BillingEvents, RecordPaymentRequestSchema, type RecordPaymentRequest } from '@cobranza/contracts';
import { OutboxRelay, recordEvent } from '@cobranza/platform';
import { EntityManager, LockMode, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { domainError, fieldErrors, isUuid, notFound } from '../common/messages';
import { requestHash } from '../common/request-hash';
import { balanceOf } from '../documents/document.mapper';
import { PAYABLE_KINDS } from '../documents/document-rules';
import { SalesDocument } from '../documents/sales-document.entity';
import { paymentStatus, planAllocations } from '../domain/balances';
import { Dec } from '../domain/decimal';
import { roundMoney } from '../domain/money';
import { BillingTenants } from '../tenants/billing-tenants';
import { Payment, PaymentAllocation } from './payment.entity';
import { normalizePaymentFields } from './payment-fields';
import { toPaymentMessage } from './payment.mapper';

/**
 * Records a payment and applies it to the client's open documents, as requested or oldest first.
 * The documents are locked in the same transaction, so two payments never over-apply a balance.
 */
@Injectable()
export class RecordPaymentUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly tenants: BillingTenants,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(request: RecordPaymentRequest) {
    const hash = requestHash(RecordPaymentRequestSchema, request);
    const key = request.idempotencyKey.trim() || null;
    if (key) {
      const existing = await this.byKey(request.tenantId, key, hash);
      if (existing) return existing;
    }
    const errors = fieldErrors();
    const { amount, currency } = normalizePaymentFields(request, errors);
    errors.throwIfAny();
    const tenant = await this.tenants.get(request.tenantId);
    const client = await this.tenants.client(request.tenantId, request.clientId);

    try {
      const payment = await this.em.transactional(async (tx) => {
        const open = await tx.find(
          SalesDocument,
          { tenantId: tenant.id, clientId: client.id, kind: { $in: [...PAYABLE_KINDS] }, status: { $in: ['issued', 'partially_paid'] } },
          { orderBy: { issueDate: 'asc', createdAt: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
        );
        const plan = planAllocations(
          { amount, currency },
          open.map((d) => ({ documentId: d.id, currency: d.currency, balance: balanceOf(d) })),
          request.allocations.map((a) => ({ documentId: a.documentId, amount: a.amount.trim() })),
        );
        if (!plan.ok) {
          const problems = fieldErrors();
          for (const p of plan.problems) problems.add(p.field, p.code, p.params ?? {});
          problems.throwIfAny();
          throw new Error('unreachable');
        }
        const payment = tx.create(Payment, {
          tenantId: tenant.id,
          clientId: client.id,
          date: request.date,
          amount,
          currency,
          method: request.method,
          reference: request.reference.trim(),
          idempotencyKey: key,
          requestHash: hash,
          createdAt: new Date(),
        });
        const byId = new Map(open.map((d) => [d.id, d]));
        for (const allocation of plan.allocations) {
          const doc = byId.get(allocation.documentId)!;
          doc.paid = roundMoney(new Dec(doc.paid).plus(allocation.amount), doc.currency);
          doc.status = paymentStatus(roundMoney(doc.total, doc.currency), doc.paid) === 'paid' ? 'paid' : 'partially_paid';
          payment.allocations.add(tx.create(PaymentAllocation, { payment, document: doc, amount: allocation.amount }));
        }
        recordEvent(tx, BillingEvents.paymentRecorded, { payment: toPaymentMessage(payment) });
        return payment;
      });
      this.relay.kick();
      return toPaymentMessage(payment);
    } catch (error) {
      if (key && error instanceof UniqueConstraintViolationException) {
        const existing = await this.byKey(request.tenantId, key, hash);
        if (existing) return existing;
      }
      throw error;
    }
  }

  private async byKey(tenantId: string, key: string, hash: string) {
    if (!isUuid(tenantId)) throw notFound('tenant.not_found');
    const existing = await this.em.fork().findOne(Payment, { tenantId, idempotencyKey: key }, { populate: ['allocations.document'] });
    if (!existing) return null;
    if (existing.requestHash !== hash) throw domainError('payment.idempotency_conflict', 422, { key });
    return toPaymentMessage(existing);
  }
}
