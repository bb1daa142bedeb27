import type { GetStatementRequest, StatementFilters as FiltersMessage } from '@cobranza/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { fieldErrors } from '../common/messages';
import { displayNumber, RECEIVABLE_KINDS } from '../documents/document-rules';
import { SalesDocument } from '../documents/sales-document.entity';
import { formatIssuedAt, isLocalDate, localDateOf } from '../domain/calendar';
import { roundMoney } from '../domain/money';
import { AGING_BUCKETS, buildStatement, type AgingBucket, type StatementDocument, type StatementFilters, type StatementKind } from '../domain/statement';
import type { PaymentStatus } from '../domain/balances';
import { settingsOf } from '../settings/settings.controller';
import { BillingTenants } from '../tenants/billing-tenants';

const STATUSES = ['pending', 'partially_paid', 'paid'];

/**
 * The account statement of seeds 000 and 004, computed at request time (always current): every
 * receivable document of the client issued by the as-of date, with what was paid by that date.
 */
@Injectable()
export class GetStatementUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly tenants: BillingTenants,
  ) {}

  async execute(request: GetStatementRequest) {
    const filters = this.filters(request.filters, request.asOf);
    const tenant = await this.tenants.get(request.tenantId);
    const client = await this.tenants.client(request.tenantId, request.clientId);
    const now = new Date();
    const asOf = request.asOf || localDateOf(now, tenant.timezone);
    const currency = client.currency;

    const settings = await settingsOf(this.em, tenant.id);
    const candidates = await this.em.find(SalesDocument, {
      tenantId: tenant.id,
      clientId: client.id,
      kind: { $in: [...RECEIVABLE_KINDS] },
      // A draft is not owed: it has no number and was never issued.
      status: { $ne: 'draft' },
      currency,
      issueDate: { $lte: asOf },
    });
    const documents = await this.receivable(candidates, asOf, settings.remissionsReceivable);
    const paidByDocument = await this.paidAsOf(documents.map((d) => d.id), asOf);
    const source: StatementDocument[] = documents.map((d) => ({
      id: d.id,
      kind: d.kind as StatementKind,
      number: displayNumber(d.series, d.number, d.letter),
      issueDate: d.issueDate,
      dueDate: d.dueDate,
      total: roundMoney(d.total, d.currency),
      paid: roundMoney(paidByDocument.get(d.id) ?? '0', d.currency),
      currency: d.currency,
      voided: d.status === 'voided',
    }));
    const statement = buildStatement(source, asOf, currency, filters);
    return {
      header: {
        tenantName: tenant.legalName,
        issuedAtText: formatIssuedAt(now, tenant.timezone, tenant.locale),
        issuedAt: now.toISOString(),
        clientId: client.id,
        clientCode: client.code,
        clientName: client.legalName,
        clientAddress: client.address,
        currency,
        asOf,
      },
      rows: statement.rows.map((r) => ({
        documentId: r.id,
        kind: r.kind,
        number: r.number,
        issueDate: r.issueDate,
        dueDate: r.dueDate,
        daysOverdue: r.daysOverdue,
        amount: r.amount,
        paid: r.paid,
        balance: r.balance,
        status: r.status,
        bucket: r.bucket,
      })),
      totals: statement.totals,
      aging: {
        notDue: statement.aging.not_due,
        days130: statement.aging['1_30'],
        days3160: statement.aging['31_60'],
        days6190: statement.aging['61_90'],
        over90: statement.aging.over_90,
      },
    };
  }

  /**
   * A remission counts only until it is invoiced (its invoice counts instead, never both), and
   * only when the tenant counts uninvoiced remissions as receivable.
   */
  private async receivable(documents: SalesDocument[], asOf: string, remissionsReceivable: boolean): Promise<SalesDocument[]> {
    const remissions = documents.filter((d) => d.kind === 'remission');
    if (remissions.length === 0) return documents;
    if (!remissionsReceivable) return documents.filter((d) => d.kind !== 'remission');
    const invoiced = await this.em.find(
      SalesDocument,
      { sourceDocumentId: { $in: remissions.map((r) => r.id) }, kind: 'invoice', status: { $nin: ['voided', 'draft'] }, issueDate: { $lte: asOf } },
      { fields: ['sourceDocumentId'] },
    );
    const invoicedIds = new Set(invoiced.map((i) => i.sourceDocumentId));
    return documents.filter((d) => d.kind !== 'remission' || !invoicedIds.has(d.id));
  }

  /** Allocations of payments dated on or before the as-of date. */
  private async paidAsOf(documentIds: string[], asOf: string): Promise<Map<string, string>> {
    if (documentIds.length === 0) return new Map();
    const rows = await this.em.getConnection().execute<Array<{ document_id: string; paid: string }>>(
      `select a.document_id, sum(a.amount)::text as paid
         from payment_allocation a join payment p on p.id = a.payment_id
        where a.document_id in (?) and p.date <= ?
        group by a.document_id`,
      [documentIds, asOf],
    );
    return new Map(rows.map((r) => [r.document_id, r.paid]));
  }

  private filters(input: FiltersMessage | undefined, asOf: string): StatementFilters {
    const errors = fieldErrors();
    if (asOf && !isLocalDate(asOf)) errors.add('asOf', 'date_invalid');
    const filters: StatementFilters = {};
    if (input) {
      if (input.number) filters.number = input.number;
      if (input.kinds.length) {
        for (const kind of input.kinds)
          if (!(RECEIVABLE_KINDS as readonly string[]).includes(kind)) errors.add('kinds', 'filter_invalid', { value: kind });
        filters.kinds = input.kinds as StatementKind[];
      }
      for (const key of ['issueFrom', 'issueTo', 'dueFrom', 'dueTo'] as const) {
        if (input[key]) {
          if (isLocalDate(input[key])) filters[key] = input[key];
          else errors.add(key, 'date_invalid');
        }
      }
      if (input.minDaysOverdue !== undefined) filters.minDaysOverdue = input.minDaysOverdue;
      if (input.maxDaysOverdue !== undefined) filters.maxDaysOverdue = input.maxDaysOverdue;
      if (input.statuses.length) {
        for (const status of input.statuses) if (!STATUSES.includes(status)) errors.add('statuses', 'filter_invalid', { value: status });
        filters.statuses = input.statuses as PaymentStatus[];
      }
      if (input.bucket) {
        if ((AGING_BUCKETS as readonly string[]).includes(input.bucket)) filters.bucket = input.bucket as AgingBucket;
        else errors.add('bucket', 'filter_invalid', { value: input.bucket });
      }
    }
    errors.throwIfAny();
    return filters;
  }
}
