import {
  BillingEvents,
  type AttachReceiptRequest,
  type ConfirmPaymentReportRequest,
  type ListPaymentReportsRequest,
  type RejectPaymentReportRequest,
  type ReportPaymentRequest,
} from '@cobranza/contracts';
import { ArtifactStore, NotFoundError, OutboxRelay, recordEvent } from '@cobranza/platform';
import { EntityManager, LockMode, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { domainError, fieldErrors, isUuid, notFound } from '../common/messages';
import { balanceOf } from '../documents/document.mapper';
import { PAYABLE_KINDS } from '../documents/document-rules';
import { SalesDocument } from '../documents/sales-document.entity';
import { planAllocations } from '../domain/balances';
import { roundMoney } from '../domain/money';
import { BillingTenants } from '../tenants/billing-tenants';
import { normalizePaymentFields } from './payment-fields';
import { PaymentReport } from './payment-report.entity';
import { RecordPaymentUseCase } from './record-payment.usecase';

const EMAIL = /^[^\s@<>(),;:"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

export function toReportMessage(report: PaymentReport) {
  return {
    id: report.id,
    tenantId: report.tenantId,
    clientId: report.clientId,
    status: report.status,
    date: report.date,
    amount: roundMoney(report.amount, report.currency),
    currency: report.currency,
    method: report.method,
    reference: report.reference,
    allocations: report.allocations,
    notes: report.notes,
    reporterEmail: report.reporterEmail,
    paymentId: report.paymentId ?? '',
    rejectReason: report.rejectReason,
    createdAt: report.createdAt.toISOString(),
    decidedAt: report.decidedAt?.toISOString() ?? '',
    receiptArtifactId: report.receiptArtifactId ?? '',
  };
}

/** The artifact kind of a receipt a customer attaches to its payment report. */
export const RECEIPT_ARTIFACT_KIND = 'payment_receipt';

/**
 * Payment reports: a customer's word that it paid, kept apart from payments until the company
 * decides. Confirming records the payment with the key `payment-report:<id>`, so a confirmation
 * retried after a crash finds the same payment instead of recording a second one.
 */
@Injectable()
export class PaymentReportsUseCases {
  constructor(
    private readonly em: EntityManager,
    private readonly tenants: BillingTenants,
    private readonly payments: RecordPaymentUseCase,
    private readonly relay: OutboxRelay,
    private readonly artifacts: ArtifactStore,
  ) {}

  async report(request: ReportPaymentRequest) {
    const key = request.idempotencyKey.trim() || null;
    if (key && isUuid(request.tenantId)) {
      const existing = await this.em.findOne(PaymentReport, { tenantId: request.tenantId, idempotencyKey: key });
      if (existing) return toReportMessage(existing);
    }
    const errors = fieldErrors();
    const fields = normalizePaymentFields(request, errors);
    if (request.notes.length > 2000) errors.add('notes', 'too_long', { max: 2000 });
    if (request.reporterEmail && !EMAIL.test(request.reporterEmail.trim())) errors.add('reporterEmail', 'email_invalid');
    errors.throwIfAny();
    const tenant = await this.tenants.get(request.tenantId);
    const client = await this.tenants.client(request.tenantId, request.clientId);
    // The documents named must be this client's open ones, within their balances.
    const open = await this.openDocuments(this.em, tenant.id, client.id);
    const plan = planAllocations(
      { amount: fields.amount, currency: fields.currency },
      open.map((d) => ({ documentId: d.id, currency: d.currency, balance: balanceOf(d) })),
      request.allocations.map((a) => ({ documentId: a.documentId, amount: a.amount.trim() })),
    );
    if (!plan.ok) {
      for (const p of plan.problems) errors.add(p.field, p.code, p.params ?? {});
      errors.throwIfAny();
    }
    const report = this.em.create(PaymentReport, {
      tenantId: tenant.id,
      clientId: client.id,
      status: 'pending',
      ...fields,
      allocations: request.allocations.map((a) => ({ documentId: a.documentId, amount: a.amount.trim() })),
      notes: request.notes.trim(),
      reporterEmail: request.reporterEmail.trim(),
      idempotencyKey: key,
      createdAt: new Date(),
      rejectReason: '',
    });
    recordEvent(this.em, BillingEvents.paymentReported, { report: toReportMessage(report) });
    try {
      await this.em.flush();
    } catch (error) {
      if (key && error instanceof UniqueConstraintViolationException) {
        const existing = await this.em.fork().findOne(PaymentReport, { tenantId: tenant.id, idempotencyKey: key });
        if (existing) return toReportMessage(existing);
      }
      throw error;
    }
    this.relay.kick();
    return toReportMessage(report);
  }

  async confirm(request: ConfirmPaymentReportRequest) {
    const pending = await this.find(request.tenantId, request.id);
    if (pending.status === 'confirmed') return toReportMessage(pending);
    if (pending.status !== 'pending') throw domainError('payment_report.already_decided', 409, { status: pending.status });
    const payment = await this.payments.execute({
      $typeName: 'cobranza.billing.v1.RecordPaymentRequest',
      tenantId: pending.tenantId,
      idempotencyKey: `payment-report:${pending.id}`,
      clientId: pending.clientId,
      date: pending.date,
      amount: roundMoney(pending.amount, pending.currency),
      currency: pending.currency,
      method: pending.method,
      reference: pending.reference,
      allocations: pending.allocations.map((a) => ({ $typeName: 'cobranza.billing.v1.AllocationInput', ...a })),
    });
    const confirmed = await this.decide(pending.tenantId, pending.id, (report) => {
      report.status = 'confirmed';
      report.paymentId = payment.id ?? null;
    });
    return toReportMessage(confirmed);
  }

  async reject(request: RejectPaymentReportRequest) {
    const report = await this.decide(request.tenantId, request.id, (r) => {
      r.status = 'rejected';
      r.rejectReason = request.reason.trim().slice(0, 500);
    });
    return toReportMessage(report);
  }

  /**
   * Attaches the receipt the gateway already stored (only its id travels): it must be the
   * tenant's payment_receipt artifact, and the report still pending; a new receipt replaces the old.
   */
  async attachReceipt(request: AttachReceiptRequest) {
    await this.find(request.tenantId, request.id);
    const artifactId = request.artifactId.trim().toLowerCase();
    const info = await this.artifacts.info(request.tenantId, artifactId).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
    if (!info || info.kind !== RECEIPT_ARTIFACT_KIND || info.tenantId !== request.tenantId) {
      const errors = fieldErrors();
      errors.add('artifactId', 'receipt.artifact_invalid');
      errors.throwIfAny();
    }
    const report = await this.em.transactional(async (tx) => {
      const r = await tx.findOne(PaymentReport, { id: request.id, tenantId: request.tenantId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!r) throw notFound('payment_report.not_found');
      if (r.status !== 'pending') throw domainError('payment_report.already_decided', 409, { status: r.status });
      r.receiptArtifactId = artifactId;
      return r;
    });
    return toReportMessage(report);
  }

  async list(request: ListPaymentReportsRequest) {
    if (!isUuid(request.tenantId)) throw notFound('tenant.not_found');
    const where: Record<string, unknown> = { tenantId: request.tenantId };
    if (request.clientId) where.clientId = isUuid(request.clientId) ? request.clientId : '00000000-0000-0000-0000-000000000000';
    if (request.status) where.status = request.status;
    const reports = await this.em.find(PaymentReport, where, { orderBy: { createdAt: 'desc' }, limit: 200 });
    return { items: reports.map(toReportMessage) };
  }

  /** Changes a pending report under a row lock, so two operators cannot decide it twice. */
  private async decide(tenantId: string, id: string, change: (report: PaymentReport) => void): Promise<PaymentReport> {
    const report = await this.em.transactional(async (tx) => {
      const r = isUuid(id) && isUuid(tenantId) ? await tx.findOne(PaymentReport, { id, tenantId }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
      if (!r) throw notFound('payment_report.not_found');
      if (r.status !== 'pending') throw domainError('payment_report.already_decided', 409, { status: r.status });
      change(r);
      r.decidedAt = new Date();
      const decided: string = r.status;
      const event = decided === 'confirmed' ? BillingEvents.paymentReportConfirmed : BillingEvents.paymentReportRejected;
      recordEvent(tx, event, { report: toReportMessage(r) });
      return r;
    });
    this.relay.kick();
    return report;
  }

  private async find(tenantId: string, id: string): Promise<PaymentReport> {
    const report = isUuid(id) && isUuid(tenantId) ? await this.em.findOne(PaymentReport, { id, tenantId }) : null;
    if (!report) throw notFound('payment_report.not_found');
    return report;
  }

  private openDocuments(em: EntityManager, tenantId: string, clientId: string) {
    return em.find(
      SalesDocument,
      { tenantId, clientId, kind: { $in: [...PAYABLE_KINDS] }, status: { $in: ['issued', 'partially_paid'] } },
      { orderBy: { issueDate: 'asc', createdAt: 'asc' } },
    );
  }
}
