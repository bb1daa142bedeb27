/**
 * Exact arithmetic on decimal strings with BigInt (scaled integers), for the few sums a file needs
 * that billing does not send (the UBL tax subtotals per rate). Never a float.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

interface Scaled {
  units: bigint;
  scale: number;
}

function read(value: string): Scaled {
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new Error(`Not a decimal: ${JSON.stringify(value)}`);
  const [, sign, integer, fraction = ''] = match;
  const units = BigInt(integer + fraction);
  return { units: sign ? -units : units, scale: fraction.length };
}

function rescale(value: Scaled, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

function write(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/** Exact sum; the result has as many decimals as the most precise term ("0" for none). */
export function sumDecimals(values: readonly string[]): string {
  const scaled = values.map(read);
  const scale = Math.max(0, ...scaled.map((v) => v.scale));
  return write(
    scaled.reduce((sum, v) => sum + rescale(v, scale), 0n),
    scale,
  );
}

/** "16.00" → "16", "2.50" → "2.5": the same number without trailing zeros (for grouping keys). */
export function normalizeDecimal(value: string): string {
  const { units, scale } = read(value);
  let text = write(units, scale);
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return text === '-0' ? '0' : text;
}

/** True when the decimal string is zero ("0.00", "-0"). */
export const isZeroDecimal = (value: string): boolean => read(value).units === 0n;
