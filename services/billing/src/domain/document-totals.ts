import type Decimal from 'decimal.js';
import { Dec, MAX_INTEGER_DIGITS, readPlainDecimal } from './decimal';
import { roundMoney } from './money';

/** One line of an invoice, remission or credit note, as decimal strings. */
export interface LineInput {
  description: string;
  /** > 0, up to 4 decimals (kilos, hours). */
  quantity: string;
  /** >= 0, up to 4 decimals: unit prices are often quoted finer than the minor unit. */
  unitPrice: string;
  /** 0..100, up to 2 decimals. */
  discountPercent: string;
  /** 0..100, up to 2 decimals (IVA 16, 8; exempt 0). */
  taxRatePercent: string;
}

/** A line's amounts, each rounded to the currency's minor unit. */
export interface LineAmounts {
  gross: string;
  discount: string;
  net: string;
  tax: string;
  total: string;
}

export type LineProblemCode =
  | 'line.description_required'
  | 'line.quantity_invalid'
  | 'line.unit_price_invalid'
  | 'line.discount_invalid'
  | 'line.tax_rate_invalid';

export interface LineProblem {
  field: keyof LineInput;
  code: LineProblemCode;
}

export interface TaxSummary {
  /** The rate with 2 decimals ("16.00"), so "16" and "16.0" land in one group. */
  ratePercent: string;
  /** Sum of the net amounts of the lines at this rate. */
  base: string;
  tax: string;
}

export interface DocumentTotals extends LineAmounts {
  lines: LineAmounts[];
  /** One entry per rate (exempt 0% included), lowest rate first. */
  taxes: TaxSummary[];
}

const QUANTITY_DECIMALS = 4;
const PRICE_DECIMALS = 4;
const PERCENT_DECIMALS = 2;

function readNumber(input: unknown, maxDecimals: number): Decimal | undefined {
  const parsed = readPlainDecimal(input);
  if (!parsed || parsed.decimals > maxDecimals || parsed.integerDigits > MAX_INTEGER_DIGITS) return undefined;
  return parsed.value;
}

function isPercent(input: unknown): boolean {
  const value = readNumber(input, PERCENT_DECIMALS);
  return value !== undefined && value.gte(0) && value.lte(100);
}

/** Every problem of a line at once, so a form can mark all its fields. */
export function validateLine(line: LineInput): LineProblem[] {
  const problems: LineProblem[] = [];
  if (typeof line.description !== 'string' || line.description.trim() === '') {
    problems.push({ field: 'description', code: 'line.description_required' });
  }
  const quantity = readNumber(line.quantity, QUANTITY_DECIMALS);
  if (!quantity || !quantity.gt(0)) problems.push({ field: 'quantity', code: 'line.quantity_invalid' });
  const unitPrice = readNumber(line.unitPrice, PRICE_DECIMALS);
  if (!unitPrice || unitPrice.lt(0)) problems.push({ field: 'unitPrice', code: 'line.unit_price_invalid' });
  if (!isPercent(line.discountPercent)) problems.push({ field: 'discountPercent', code: 'line.discount_invalid' });
  if (!isPercent(line.taxRatePercent)) problems.push({ field: 'taxRatePercent', code: 'line.tax_rate_invalid' });
  return problems;
}

interface ExactLine {
  gross: Decimal;
  discount: Decimal;
  net: Decimal;
  tax: Decimal;
  total: Decimal;
  rate: Decimal;
}

function computeExact(line: LineInput, currency: string): ExactLine {
  const problems = validateLine(line);
  if (problems.length > 0) {
    // Use cases validate first and answer the problems; reaching here is a bug.
    throw new Error(`Invalid line: ${problems.map((problem) => problem.code).join(', ')}`);
  }
  const round = (value: Decimal) => new Dec(roundMoney(value, currency));
  // Each step is rounded on the line, as printed, so the document adds up line by line.
  const gross = round(new Dec(line.quantity.trim()).times(line.unitPrice.trim()));
  const discount = round(gross.times(line.discountPercent.trim()).dividedBy(100));
  const net = gross.minus(discount);
  const rate = new Dec(line.taxRatePercent.trim());
  const tax = round(net.times(rate).dividedBy(100));
  return { gross, discount, net, tax, total: net.plus(tax), rate };
}

function print(line: Omit<ExactLine, 'rate'>, currency: string): LineAmounts {
  return {
    gross: roundMoney(line.gross, currency),
    discount: roundMoney(line.discount, currency),
    net: roundMoney(line.net, currency),
    tax: roundMoney(line.tax, currency),
    total: roundMoney(line.total, currency),
  };
}

/** A line's amounts; throws for a line that validateLine rejects. */
export function computeLine(line: LineInput, currency: string): LineAmounts {
  return print(computeExact(line, currency), currency);
}

/** Document totals as sums of the rounded line amounts, so they always add up to the cent. */
export function computeTotals(lines: readonly LineInput[], currency: string): DocumentTotals {
  const exact = lines.map((line) => computeExact(line, currency));
  const zero = new Dec(0);
  const sum = (pick: (line: ExactLine) => Decimal, of: ExactLine[] = exact) =>
    of.reduce<Decimal>((total, line) => total.plus(pick(line)), zero);

  const byRate = new Map<string, ExactLine[]>();
  for (const line of exact) {
    const key = line.rate.toFixed(PERCENT_DECIMALS);
    byRate.set(key, [...(byRate.get(key) ?? []), line]);
  }
  const taxes = [...byRate.entries()]
    .sort(([a], [b]) => new Dec(a).comparedTo(b))
    .map(([ratePercent, group]) => ({
      ratePercent,
      base: roundMoney(sum((line) => line.net, group), currency),
      tax: roundMoney(sum((line) => line.tax, group), currency),
    }));

  return {
    lines: exact.map((line) => print(line, currency)),
    ...print(
      {
        gross: sum((line) => line.gross),
        discount: sum((line) => line.discount),
        net: sum((line) => line.net),
        tax: sum((line) => line.tax),
        total: sum((line) => line.total),
      },
      currency,
    ),
    taxes,
  };
}
