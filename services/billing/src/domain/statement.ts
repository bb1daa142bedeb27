import type Decimal from 'decimal.js';
import { paymentStatus, type PaymentStatus } from './balances';
import { daysBetween, isLocalDate } from './calendar';
import { Dec } from './decimal';
import { readMoney, roundMoney } from './money';

export type StatementKind = 'invoice' | 'remission' | 'credit_note';

/** A document as the statement needs it; `total` and `paid` are positive amounts even for credit notes. */
export interface StatementDocument {
  id: string;
  kind: StatementKind;
  number: string;
  issueDate: string;
  dueDate: string;
  total: string;
  /** Paid (or, for a credit note, applied) up to the statement's date. */
  paid: string;
  currency: string;
  voided: boolean;
}

export const AGING_BUCKETS = ['not_due', '1_30', '31_60', '61_90', 'over_90'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];
export type StatementBucket = AgingBucket | 'settled';

export interface StatementRow {
  id: string;
  kind: StatementKind;
  number: string;
  issueDate: string;
  dueDate: string;
  daysOverdue: number;
  /** Signed: a credit note's amount, paid and balance are negative. */
  amount: string;
  paid: string;
  balance: string;
  status: PaymentStatus;
  bucket: StatementBucket;
}

export interface StatementFilters {
  /** Part of the document number, ignoring case. */
  number?: string;
  /** Empty or absent: every kind. */
  kinds?: readonly StatementKind[];
  issueFrom?: string;
  issueTo?: string;
  dueFrom?: string;
  dueTo?: string;
  minDaysOverdue?: number;
  maxDaysOverdue?: number;
  /** Empty or absent: every status. */
  statuses?: readonly PaymentStatus[];
  bucket?: AgingBucket;
}

export interface Statement {
  rows: StatementRow[];
  totals: { balance: string; overdue: string; notDue: string };
  aging: Record<AgingBucket, string>;
}

function bucketOf(daysOverdue: number): AgingBucket {
  if (daysOverdue <= 0) return 'not_due';
  if (daysOverdue <= 30) return '1_30';
  if (daysOverdue <= 60) return '31_60';
  if (daysOverdue <= 90) return '61_90';
  return 'over_90';
}

function requireDate(value: string, what: string): void {
  if (!isLocalDate(value)) throw new Error(`Invalid ${what} ${JSON.stringify(value)}: expected YYYY-MM-DD`);
}

interface ExactRow {
  row: StatementRow;
  balance: Decimal;
}

function toRow(document: StatementDocument, asOf: string, currency: string): ExactRow {
  const total = readMoney(document.total, currency, `total of ${document.id}`);
  const paid = readMoney(document.paid, currency, `paid of ${document.id}`);
  // A credit note is owed to the client: it lowers the balance.
  const sign = document.kind === 'credit_note' ? -1 : 1;
  const balance = total.minus(paid).times(sign);
  const overdueDays =
    document.kind !== 'credit_note' && balance.gt(0) ? Math.max(0, daysBetween(document.dueDate, asOf)) : 0;
  return {
    balance,
    row: {
      id: document.id,
      kind: document.kind,
      number: document.number,
      issueDate: document.issueDate,
      dueDate: document.dueDate,
      daysOverdue: overdueDays,
      amount: roundMoney(total.times(sign), currency),
      paid: roundMoney(paid.times(sign), currency),
      balance: roundMoney(balance, currency),
      status: paymentStatus(document.total, document.paid),
      bucket: balance.isZero() ? 'settled' : bucketOf(overdueDays),
    },
  };
}

function matches(row: StatementRow, filters: StatementFilters): boolean {
  const f = filters;
  if (f.number !== undefined && f.number.trim() !== '' && !row.number.toLowerCase().includes(f.number.trim().toLowerCase())) {
    return false;
  }
  if (f.kinds && f.kinds.length > 0 && !f.kinds.includes(row.kind)) return false;
  // ISO dates compare correctly as strings.
  if (f.issueFrom !== undefined && row.issueDate < f.issueFrom) return false;
  if (f.issueTo !== undefined && row.issueDate > f.issueTo) return false;
  if (f.dueFrom !== undefined && row.dueDate < f.dueFrom) return false;
  if (f.dueTo !== undefined && row.dueDate > f.dueTo) return false;
  if (f.minDaysOverdue !== undefined && row.daysOverdue < f.minDaysOverdue) return false;
  if (f.maxDaysOverdue !== undefined && row.daysOverdue > f.maxDaysOverdue) return false;
  if (f.statuses && f.statuses.length > 0 && !f.statuses.includes(row.status)) return false;
  if (f.bucket !== undefined && row.bucket !== f.bucket) return false;
  return true;
}

const numberOrder = new Intl.Collator('en', { numeric: true });

/**
 * The client's account statement on `asOf` (a local date) in one currency: documents of other
 * currencies, voided ones and those issued after `asOf` are left out. Totals and aging are
 * computed over the filtered rows, so the filter buttons of the report also move the totals.
 */
export function buildStatement(
  documents: readonly StatementDocument[],
  asOf: string,
  currency: string,
  filters: StatementFilters = {},
): Statement {
  requireDate(asOf, 'as-of date');
  for (const key of ['issueFrom', 'issueTo', 'dueFrom', 'dueTo'] as const) {
    const value = filters[key];
    if (value !== undefined) requireDate(value, key);
  }
  for (const document of documents) {
    requireDate(document.issueDate, `issue date of ${document.id}`);
    requireDate(document.dueDate, `due date of ${document.id}`);
  }

  const rows = documents
    .filter((d) => d.currency === currency && !d.voided && d.issueDate <= asOf)
    .map((d) => toRow(d, asOf, currency))
    .filter(({ row }) => matches(row, filters))
    .sort(
      (a, b) =>
        a.row.issueDate.localeCompare(b.row.issueDate) ||
        numberOrder.compare(a.row.number, b.row.number) ||
        a.row.id.localeCompare(b.row.id),
    );

  const zero = new Dec(0);
  const aging = Object.fromEntries(AGING_BUCKETS.map((bucket) => [bucket, zero])) as Record<AgingBucket, Decimal>;
  let balance = zero;
  let overdue = zero;
  for (const { row, balance: rowBalance } of rows) {
    balance = balance.plus(rowBalance);
    if (row.daysOverdue > 0) overdue = overdue.plus(rowBalance);
    if (row.bucket !== 'settled') aging[row.bucket] = aging[row.bucket].plus(rowBalance);
  }
  const money = (value: Decimal) => roundMoney(value, currency);
  return {
    rows: rows.map(({ row }) => row),
    totals: { balance: money(balance), overdue: money(overdue), notDue: money(balance.minus(overdue)) },
    aging: Object.fromEntries(AGING_BUCKETS.map((bucket) => [bucket, money(aging[bucket])])) as Record<AgingBucket, string>,
  };
}
