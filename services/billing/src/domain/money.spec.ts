import fc from 'fast-check';
import { minorUnits, parseAmount, readMoney, roundMoney, sumMoney } from './money';

describe('minorUnits', () => {
  it.each([
    ['VES', 2],
    ['USD', 2],
    ['COP', 2], // ICU says 0; ISO 4217 says 2
    ['ARS', 2],
    ['MXN', 2],
    ['EUR', 2],
    ['PEN', 2],
    ['CLP', 0],
    ['JPY', 0],
    ['PYG', 0],
    ['KWD', 3],
    ['BHD', 3],
    ['IQD', 3],
  ])('%s has %i', (currency, units) => {
    expect(minorUnits(currency)).toBe(units);
  });

  it.each(['', 'usd', 'US', 'USDD', 'ZZZ', '123', 'Bs.'])('rejects %j with a clear error', (currency) => {
    expect(() => minorUnits(currency)).toThrow(/Unknown currency code/);
  });
});

describe('roundMoney', () => {
  it.each([
    ['2.345', 'USD', '2.35'],
    ['-2.345', 'USD', '-2.35'],
    ['2.344', 'USD', '2.34'],
    ['-2.344', 'USD', '-2.34'],
    ['2.3449999', 'USD', '2.34'],
    ['0.005', 'USD', '0.01'],
    ['-0.005', 'USD', '-0.01'],
    ['-0.004', 'USD', '0.00'],
    ['1.005', 'USD', '1.01'], // 1.005 as a float is 1.00499…; exact decimals round up
    ['2.5', 'USD', '2.50'],
    ['360', 'VES', '360.00'],
    ['0', 'VES', '0.00'],
    ['2.5', 'CLP', '3'],
    ['-2.5', 'CLP', '-3'],
    ['1499.49', 'CLP', '1499'],
    ['1.0005', 'KWD', '1.001'],
    ['-1.0005', 'KWD', '-1.001'],
    ['123456789012345.675', 'USD', '123456789012345.68'],
  ])('%s %s → %s', (value, currency, expected) => {
    expect(roundMoney(value, currency)).toBe(expected);
  });

  it('never prints a negative zero', () => {
    expect(roundMoney('-0', 'USD')).toBe('0.00');
  });

  it('refuses NaN and infinities', () => {
    expect(() => roundMoney(Number.NaN, 'USD')).toThrow();
    expect(() => roundMoney(Number.POSITIVE_INFINITY, 'USD')).toThrow();
  });
});

describe('parseAmount', () => {
  it.each([
    ['360', 'VES', '360.00'],
    ['360.5', 'VES', '360.50'],
    ['360.50', 'VES', '360.50'],
    ['360.500', 'VES', '360.50'], // trailing zeros are not decimals that matter
    [' 360.50 ', 'VES', '360.50'],
    ['0.01', 'USD', '0.01'],
    ['007', 'USD', '7.00'],
    ['1500', 'CLP', '1500'],
    ['1500.00', 'CLP', '1500'],
    ['1.234', 'KWD', '1.234'],
    ['999999999999999.99', 'USD', '999999999999999.99'],
  ])('accepts %j in %s as %s', (input, currency, value) => {
    expect(parseAmount(input, currency)).toEqual({ ok: true, value });
  });

  it.each([
    ['1e3', 'USD', 'amount.invalid'],
    ['', 'USD', 'amount.invalid'],
    ['   ', 'USD', 'amount.invalid'],
    ['abc', 'USD', 'amount.invalid'],
    ['1,5', 'USD', 'amount.invalid'],
    ['1.000,50', 'USD', 'amount.invalid'],
    ['1,000.50', 'USD', 'amount.invalid'],
    ['.5', 'USD', 'amount.invalid'],
    ['5.', 'USD', 'amount.invalid'],
    ['+5', 'USD', 'amount.invalid'],
    ['0x10', 'USD', 'amount.invalid'],
    ['Infinity', 'USD', 'amount.invalid'],
    ['NaN', 'USD', 'amount.invalid'],
    ['1 000', 'USD', 'amount.invalid'],
    ['1000000000000000', 'USD', 'amount.invalid'], // 16 integer digits
    ['360.505', 'USD', 'amount.too_many_decimals'],
    ['0.001', 'USD', 'amount.too_many_decimals'],
    ['1500.5', 'CLP', 'amount.too_many_decimals'],
    ['1.2345', 'KWD', 'amount.too_many_decimals'],
    ['0', 'USD', 'amount.not_positive'],
    ['0.00', 'USD', 'amount.not_positive'],
    ['-5', 'USD', 'amount.not_positive'],
    ['-0.01', 'USD', 'amount.not_positive'],
  ])('rejects %j in %s with %s', (input, currency, code) => {
    expect(parseAmount(input, currency)).toEqual({ ok: false, code });
  });

  it('throws for an unknown currency, which is a bug rather than bad input', () => {
    expect(() => parseAmount('1', 'XYZ')).toThrow(/Unknown currency code/);
  });
});

describe('sumMoney', () => {
  it.each([
    [[], 'USD', '0.00'],
    [['0.10', '0.20'], 'USD', '0.30'], // 0.1 + 0.2 is 0.30000000000000004 in floats
    [['360.00', '-100.50', '0.50'], 'VES', '260.00'],
    [['1500', '2500'], 'CLP', '4000'],
    [['0.001', '0.002'], 'KWD', '0.003'],
  ])('%j in %s → %s', (values, currency, expected) => {
    expect(sumMoney(values, currency)).toBe(expected);
  });

  it('refuses values with more decimals than the currency, instead of rounding them away', () => {
    expect(() => sumMoney(['1.005'], 'USD')).toThrow(/at most 2 decimals/);
    expect(() => sumMoney(['1e3'], 'USD')).toThrow();
  });

  it('is exact for any list of cents (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), { maxLength: 30 }), (cents) => {
        const values = cents.map(centsToString);
        const expected = centsToString(cents.reduce((a, b) => a + b, 0n));
        expect(sumMoney(values, 'USD')).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('readMoney', () => {
  it('reads signed money strings and refuses the rest', () => {
    expect(readMoney('-12.30', 'USD').toString()).toBe('-12.3');
    expect(() => readMoney('12.345', 'USD')).toThrow();
    expect(() => readMoney('12,30', 'USD')).toThrow();
  });
});

function centsToString(cents: bigint): string {
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
