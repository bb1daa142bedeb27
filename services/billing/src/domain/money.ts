import type Decimal from 'decimal.js';
import { Dec, MAX_INTEGER_DIGITS, readPlainDecimal } from './decimal';

/**
 * Where ICU's currency data (CLDR) differs from ISO 4217: CLDR lists the digits usually shown,
 * not the minor unit (ICU says COP 0, but Colombian invoices carry centavos). Only codes that
 * Intl knows are listed, so the set of valid codes stays Intl's.
 */
const ISO_4217_OVERRIDES: Readonly<Record<string, number>> = {
  AFN: 2, ALL: 2, COP: 2, HUF: 2, IDR: 2, IQD: 3, IRR: 2, KPW: 2, LAK: 2, LBP: 2,
  MGA: 2, MMK: 2, PKR: 2, SLL: 2, SOS: 2, SYP: 2, YER: 2,
};

const minorUnitsCache = new Map<string, number>();
let knownCurrencies: ReadonlySet<string> | undefined;

/** ISO 4217 minor units of a currency (USD 2, CLP 0, KWD 3); throws for an unknown code. */
export function minorUnits(currency: string): number {
  const cached = minorUnitsCache.get(currency);
  if (cached !== undefined) return cached;
  // Intl accepts any three letters ("ZZZ" gets 2 digits), so check the list of known codes too.
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency) || !knownCurrencies.has(currency)) {
    throw new Error(`Unknown currency code ${JSON.stringify(currency)}: expected an ISO 4217 code such as "USD"`);
  }
  const units =
    ISO_4217_OVERRIDES[currency] ??
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  if (units === undefined) throw new Error(`No minor units known for currency ${currency}`);
  minorUnitsCache.set(currency, units);
  return units;
}

/** Rounds half away from zero to the minor unit and prints exactly that many decimals. */
export function roundMoney(value: Decimal.Value, currency: string): string {
  const units = minorUnits(currency);
  const decimal = new Dec(value);
  if (!decimal.isFinite()) throw new Error(`Cannot round ${String(value)} as money`);
  const rounded = decimal.toDecimalPlaces(units, Dec.ROUND_HALF_UP);
  // -0.001 rounds to -0, which must print as "0.00".
  return (rounded.isZero() ? new Dec(0) : rounded).toFixed(units);
}

export type AmountProblemCode = 'amount.invalid' | 'amount.too_many_decimals' | 'amount.not_positive';
export type ParsedAmount = { ok: true; value: string } | { ok: false; code: AmountProblemCode };

/**
 * Reads an amount typed or sent by a user: a plain positive decimal ("360", "360.5") with at most
 * the currency's decimals. Trailing zeros do not count ("360.500" is fine in USD). The value comes
 * back normalized ("360.50").
 */
export function parseAmount(input: string, currency: string): ParsedAmount {
  const units = minorUnits(currency);
  const parsed = readPlainDecimal(input);
  if (!parsed || parsed.integerDigits > MAX_INTEGER_DIGITS) return { ok: false, code: 'amount.invalid' };
  if (parsed.decimals > units) return { ok: false, code: 'amount.too_many_decimals' };
  if (!parsed.value.gt(0)) return { ok: false, code: 'amount.not_positive' };
  return { ok: true, value: roundMoney(parsed.value, currency) };
}

/**
 * Reads a money string that another module produced ("-12.30"). Anything else is a programming
 * error, hence the throw: silently rounding here would make totals disagree with their parts.
 */
export function readMoney(value: string, currency: string, what = 'amount'): Decimal {
  const units = minorUnits(currency);
  const parsed = readPlainDecimal(value);
  if (!parsed || parsed.decimals > units) {
    throw new Error(`Invalid ${what} ${JSON.stringify(value)} for ${currency}: expected a decimal with at most ${units} decimals`);
  }
  return parsed.value;
}

/** Exact sum of money strings (each at most the currency's decimals). */
export function sumMoney(values: readonly string[], currency: string): string {
  const total = values.reduce<Decimal>((sum, value) => sum.plus(readMoney(value, currency)), new Dec(0));
  return roundMoney(total, currency);
}
