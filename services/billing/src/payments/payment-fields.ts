import { PAYMENT_METHODS } from '@cobranza/contracts';
import type { FieldErrors } from '@cobranza/platform';
import { isLocalDate } from '../domain/calendar';
import { parseAmount } from '../domain/money';

export interface PaymentFieldsInput {
  date: string;
  amount: string;
  currency: string;
  method: string;
  reference: string;
}

/** Date, amount, currency, method and reference of a payment or a customer's payment report. */
export function normalizePaymentFields(input: PaymentFieldsInput, errors: FieldErrors): PaymentFieldsInput {
  const currency = input.currency.trim().toUpperCase();
  if (!isLocalDate(input.date)) errors.add('date', 'date_invalid');
  if (!(PAYMENT_METHODS as readonly string[]).includes(input.method))
    errors.add('method', 'method_invalid', { value: input.method, allowed: PAYMENT_METHODS.join(', ') });
  if (input.reference.length > 100) errors.add('reference', 'too_long', { max: 100 });
  let amount = '';
  if (!/^[A-Z]{3}$/.test(currency)) errors.add('currency', 'currency_invalid');
  else {
    const parsed = safeParse(input.amount, currency);
    if (parsed.ok) amount = parsed.value;
    else errors.add('amount', parsed.code, { currency });
  }
  return { date: input.date, amount, currency, method: input.method, reference: input.reference.trim() };
}

function safeParse(input: string, currency: string): ReturnType<typeof parseAmount> {
  try {
    return parseAmount(input.trim(), currency);
  } catch {
    return { ok: false, code: 'amount.invalid' }; // an unknown currency code
  }
}
