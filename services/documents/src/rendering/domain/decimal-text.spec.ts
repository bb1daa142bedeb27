import { isZeroDecimal, normalizeDecimal, sumDecimals } from './decimal-text';

describe('exact decimal sums', () => {
  it('adds without binary rounding', () => {
    expect(sumDecimals(['0.10', '0.20'])).toBe('0.30');
    expect(sumDecimals(Array.from({ length: 1000 }, () => '0.01'))).toBe('10.00');
    expect(sumDecimals(['360.00', '-57.6', '1'])).toBe('303.40');
    expect(sumDecimals(['99999999999999999.99', '0.01'])).toBe('100000000000000000.00');
    expect(sumDecimals([])).toBe('0');
  });

  it('normalizes rates for grouping', () => {
    expect(normalizeDecimal('16.00')).toBe('16');
    expect(normalizeDecimal('2.50')).toBe('2.5');
    expect(normalizeDecimal('-0.0')).toBe('0');
    expect(isZeroDecimal('0.00')).toBe(true);
    expect(isZeroDecimal('0.01')).toBe(false);
  });
});
