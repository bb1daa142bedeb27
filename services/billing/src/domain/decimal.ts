import Decimal from 'decimal.js';

/**
 * The one decimal constructor of the billing domain. 40 significant digits hold the exact product
 * of two 19-digit operands (15 integer + 4 decimal digits, see MAX_INTEGER_DIGITS), so no
 * intermediate result is ever rounded by precision; only explicit rounding to the minor unit is.
 * Ties round away from zero (decimal.js ROUND_HALF_UP), the usual rule for invoices and taxes.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

/** Bigger numbers are refused as input, so that products stay exact within the precision above. */
export const MAX_INTEGER_DIGITS = 15;

export interface PlainDecimal {
  value: Decimal;
  /** Fraction digits that matter ("360.50" has 1): trailing zeros change nothing. */
  decimals: number;
  /** Integer digits without leading zeros ("007" has 1). */
  integerDigits: number;
}

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Reads a plain decimal ("360", "-2.5", "360.50"); refuses exponents, thousands separators,
 * decimal commas, "+", ".5" and "5.", which decimal.js or Number() would quietly accept or misread.
 * Surrounding spaces are ignored.
 */
export function readPlainDecimal(input: unknown): PlainDecimal | undefined {
  if (typeof input !== 'string') return undefined;
  const match = PLAIN_DECIMAL.exec(input.trim());
  if (!match) return undefined;
  const [, sign, integer, fraction = ''] = match;
  return {
    value: new Dec(`${sign}${integer}.${fraction || '0'}`),
    decimals: fraction.replace(/0+$/, '').length,
    integerDigits: integer.replace(/^0+/, '').length,
  };
}
