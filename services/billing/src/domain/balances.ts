import type Decimal from 'decimal.js';
import { Dec } from './decimal';
import { minorUnits, parseAmount, readMoney, roundMoney } from './money';

export type PaymentStatus = 'pending' | 'partially_paid' | 'paid';

/** Status of a document from its total and what has been paid (plain decimal strings). */
export function paymentStatus(total: string, paid: string): PaymentStatus {
  const owed = readAny(total, 'total');
  const received = readAny(paid, 'paid');
  // A zero-total document owes nothing, so it is paid even with nothing received.
  if (received.gte(owed)) return 'paid';
  if (received.lte(0)) return 'pending';
  return 'partially_paid';
}

function readAny(value: string, what: string): Decimal {
  if (typeof value !== 'string' || !/^-?\d+(\.\d+)?$/.test(value.trim())) {
    throw new Error(`Invalid ${what} ${JSON.stringify(value)}: expected a plain decimal string`);
  }
  return new Dec(value.trim());
}

export interface OpenDocument {
  documentId: string;
  currency: string;
  /** What is still owed, in the document's currency. */
  balance: string;
}

export interface Allocation {
  documentId: string;
  amount: string;
}

export type AllocationProblemCode =
  | 'allocation.document_not_open'
  | 'allocation.currency_mismatch'
  | 'allocation.amount_invalid'
  | 'allocation.exceeds_balance'
  | 'allocation.duplicate_document'
  | 'allocation.exceeds_payment';

export interface AllocationProblem {
  /** `allocations[i].documentId`, `allocations[i].amount`, or `allocations` for the whole list. */
  field: string;
  code: AllocationProblemCode;
  params?: Record<string, string>;
}

export type AllocationPlan =
  | { ok: true; allocations: Allocation[]; unallocated: string }
  | { ok: false; problems: AllocationProblem[] };

/**
 * Splits a payment over open documents: as requested (every rule checked, all problems reported),
 * or, with nothing requested, oldest first in the order of `open` until the payment is used up.
 * The payment and the balances come from the system, so malformed ones throw.
 */
export function planAllocations(
  payment: { amount: string; currency: string },
  open: readonly OpenDocument[],
  requested: readonly Allocation[],
): AllocationPlan {
  const currency = payment.currency;
  const units = minorUnits(currency);
  const paymentAmount = readMoney(payment.amount, currency, 'payment amount');
  if (!paymentAmount.gt(0)) throw new Error(`Payment amount must be positive, got ${payment.amount}`);

  const openById = new Map<string, { currency: string; balance: Decimal }>();
  for (const document of open) {
    if (openById.has(document.documentId)) throw new Error(`Document ${document.documentId} is listed twice as open`);
    openById.set(document.documentId, {
      currency: document.currency,
      balance: readMoney(document.balance, document.currency, `balance of ${document.documentId}`),
    });
  }

  const money = (value: Decimal) => roundMoney(value, currency);
  const finish = (allocations: Array<{ documentId: string; amount: Decimal }>): AllocationPlan => {
    const allocated = allocations.reduce<Decimal>((sum, a) => sum.plus(a.amount), new Dec(0));
    return {
      ok: true,
      allocations: allocations.map((a) => ({ documentId: a.documentId, amount: money(a.amount) })),
      unallocated: money(paymentAmount.minus(allocated)),
    };
  };

  if (requested.length === 0) {
    let remaining = paymentAmount;
    const allocations: Array<{ documentId: string; amount: Decimal }> = [];
    for (const document of open) {
      if (remaining.lte(0)) break;
      const { currency: documentCurrency, balance } = openById.get(document.documentId)!;
      // Another currency cannot take this payment; a settled document needs nothing.
      if (documentCurrency !== currency || balance.lte(0)) continue;
      const amount = Dec.min(balance, remaining);
      allocations.push({ documentId: document.documentId, amount });
      remaining = remaining.minus(amount);
    }
    return finish(allocations);
  }

  const problems: AllocationProblem[] = [];
  const seen = new Set<string>();
  const accepted: Array<{ documentId: string; amount: Decimal }> = [];
  let allocated = new Dec(0);
  requested.forEach((request, index) => {
    const idField = `allocations[${index}].documentId`;
    const amountField = `allocations[${index}].amount`;
    const { documentId } = request;
    let valid = true;

    if (seen.has(documentId)) {
      problems.push({ field: idField, code: 'allocation.duplicate_document', params: { documentId } });
      valid = false;
    }
    seen.add(documentId);

    const document = openById.get(documentId);
    if (!document || document.balance.lte(0)) {
      problems.push({ field: idField, code: 'allocation.document_not_open', params: { documentId } });
      valid = false;
    } else if (document.currency !== currency) {
      problems.push({
        field: idField,
        code: 'allocation.currency_mismatch',
        params: { documentId, documentCurrency: document.currency, paymentCurrency: currency },
      });
      valid = false;
    }

    const parsed = parseAmount(request.amount, currency);
    if (!parsed.ok) {
      problems.push({
        field: amountField,
        code: 'allocation.amount_invalid',
        params: { amount: String(request.amount), reason: parsed.code, decimals: String(units) },
      });
      return;
    }
    const amount = new Dec(parsed.value);
    // Count valid amounts towards the payment even when the document is wrong, so one answer
    // also tells whether the list as a whole is too big.
    allocated = allocated.plus(amount);
    if (document && document.currency === currency && document.balance.gt(0) && amount.gt(document.balance)) {
      problems.push({
        field: amountField,
        code: 'allocation.exceeds_balance',
        params: { documentId, amount: parsed.value, balance: money(document.balance) },
      });
      valid = false;
    }
    if (valid) accepted.push({ documentId, amount });
  });

  if (allocated.gt(paymentAmount)) {
    problems.push({
      field: 'allocations',
      code: 'allocation.exceeds_payment',
      params: { allocated: money(allocated), payment: money(paymentAmount) },
    });
  }
  return problems.length > 0 ? { ok: false, problems } : finish(accepted);
}
