import fc from 'fast-check';
import { computeLine, computeTotals, validateLine, type LineInput } from './document-totals';

const base: LineInput = {
  description: 'Servicio de soporte',
  quantity: '1',
  unitPrice: '100',
  discountPercent: '0',
  taxRatePercent: '16',
};
const line = (overrides: Partial<LineInput>): LineInput => ({ ...base, ...overrides });

describe('validateLine', () => {
  it.each<[Partial<LineInput>]>([
    [{}],
    [{ quantity: '0.0001' }],
    [{ quantity: '2.5000' }],
    [{ quantity: '999999999999999.9999' }],
    [{ unitPrice: '0' }],
    [{ unitPrice: '10.1234' }],
    [{ discountPercent: '100' }],
    [{ discountPercent: '12.5' }],
    [{ taxRatePercent: '0' }],
    [{ taxRatePercent: '100.00' }],
    [{ taxRatePercent: '12.75' }],
  ])('accepts %j', (overrides) => {
    expect(validateLine(line(overrides))).toEqual([]);
  });

  it.each<[Partial<LineInput>, string, string]>([
    [{ description: '' }, 'description', 'line.description_required'],
    [{ description: '   ' }, 'description', 'line.description_required'],
    [{ quantity: '0' }, 'quantity', 'line.quantity_invalid'],
    [{ quantity: '-1' }, 'quantity', 'line.quantity_invalid'],
    [{ quantity: '1.23456' }, 'quantity', 'line.quantity_invalid'],
    [{ quantity: '1e2' }, 'quantity', 'line.quantity_invalid'],
    [{ quantity: '' }, 'quantity', 'line.quantity_invalid'],
    [{ quantity: '1,5' }, 'quantity', 'line.quantity_invalid'],
    [{ quantity: '1000000000000000' }, 'quantity', 'line.quantity_invalid'],
    [{ unitPrice: '-0.01' }, 'unitPrice', 'line.unit_price_invalid'],
    [{ unitPrice: '10.12345' }, 'unitPrice', 'line.unit_price_invalid'],
    [{ unitPrice: 'diez' }, 'unitPrice', 'line.unit_price_invalid'],
    [{ discountPercent: '-1' }, 'discountPercent', 'line.discount_invalid'],
    [{ discountPercent: '100.01' }, 'discountPercent', 'line.discount_invalid'],
    [{ discountPercent: '10.125' }, 'discountPercent', 'line.discount_invalid'],
    [{ discountPercent: '' }, 'discountPercent', 'line.discount_invalid'],
    [{ taxRatePercent: '101' }, 'taxRatePercent', 'line.tax_rate_invalid'],
    [{ taxRatePercent: '16.001' }, 'taxRatePercent', 'line.tax_rate_invalid'],
    [{ taxRatePercent: '-16' }, 'taxRatePercent', 'line.tax_rate_invalid'],
    [{ taxRatePercent: '16%' }, 'taxRatePercent', 'line.tax_rate_invalid'],
  ])('rejects %j on %s with %s', (overrides, field, code) => {
    expect(validateLine(line(overrides))).toEqual([{ field, code }]);
  });

  it('reports every problem of a line at once', () => {
    const problems = validateLine({ description: '', quantity: '0', unitPrice: '-1', discountPercent: '150', taxRatePercent: 'x' });
    expect(problems.map((problem) => problem.code)).toEqual([
      'line.description_required',
      'line.quantity_invalid',
      'line.unit_price_invalid',
      'line.discount_invalid',
      'line.tax_rate_invalid',
    ]);
  });

  it('survives values that are not strings (bodies from outside)', () => {
    const problems = validateLine({ ...base, quantity: 3 as unknown as string, description: undefined as unknown as string });
    expect(problems.map((problem) => problem.field)).toEqual(['description', 'quantity']);
  });
});

describe('computeLine', () => {
  it.each<[Partial<LineInput>, string, Record<string, string>]>([
    // 3 × 10.005 = 30.015 → 30.02; 10% = 3.002 → 3.00; net 27.02; 16% = 4.3232 → 4.32; 27.02 + 4.32
    [{ quantity: '3', unitPrice: '10.005', discountPercent: '10' }, 'USD', { gross: '30.02', discount: '3.00', net: '27.02', tax: '4.32', total: '31.34' }],
    // 0.50 × 1% = 0.005 → 0.01 (half up)
    [{ unitPrice: '0.5', taxRatePercent: '1' }, 'USD', { gross: '0.50', discount: '0.00', net: '0.50', tax: '0.01', total: '0.51' }],
    // 2 × 1499.5 = 2999; 19% = 569.81 → 570 (no decimals in CLP)
    [{ quantity: '2', unitPrice: '1499.5', taxRatePercent: '19' }, 'CLP', { gross: '2999', discount: '0', net: '2999', tax: '570', total: '3569' }],
    // 1.5 × 0.3333 = 0.49995 → 0.500 (3 decimals in KWD); no tax
    [{ quantity: '1.5', unitPrice: '0.3333', taxRatePercent: '0' }, 'KWD', { gross: '0.500', discount: '0.000', net: '0.500', tax: '0.000', total: '0.500' }],
    // a gift: 100% off, so no tax either
    [{ discountPercent: '100' }, 'VES', { gross: '100.00', discount: '100.00', net: '0.00', tax: '0.00', total: '0.00' }],
    // 12.5% of 100 = 12.50; 87.50 × 16% = 14.00
    [{ discountPercent: '12.5' }, 'VES', { gross: '100.00', discount: '12.50', net: '87.50', tax: '14.00', total: '101.50' }],
    // 0.0001 × 0.0001 = 0.00000001 → 0.00
    [{ quantity: '0.0001', unitPrice: '0.0001' }, 'USD', { gross: '0.00', discount: '0.00', net: '0.00', tax: '0.00', total: '0.00' }],
    // the largest line: 999999999999999.9999² is exact within 40 digits
    [
      { quantity: '999999999999999.9999', unitPrice: '999999999999999.9999', taxRatePercent: '0' },
      'USD',
      { gross: '999999999999999999800000000000.00', discount: '0.00', net: '999999999999999999800000000000.00', tax: '0.00', total: '999999999999999999800000000000.00' },
    ],
  ])('%j in %s', (overrides, currency, expected) => {
    expect(computeLine(line(overrides), currency)).toEqual(expected);
  });

  it('throws for a line that does not validate', () => {
    expect(() => computeLine(line({ quantity: '0' }), 'USD')).toThrow(/line.quantity_invalid/);
  });
});

describe('computeTotals', () => {
  it('adds the rounded lines, not the unrounded document', () => {
    // Each line: 0.3333 → 0.33, tax 0.0528 → 0.05. Three lines: net 0.99, tax 0.15, total 1.14
    // (taxing 0.99 at once would give 0.16).
    const thirds = [1, 2, 3].map((n) => line({ description: `Tercio ${n}`, unitPrice: '0.3333' }));
    const totals = computeTotals(thirds, 'USD');
    expect(totals).toMatchObject({ gross: '0.99', discount: '0.00', net: '0.99', tax: '0.15', total: '1.14' });
    expect(totals.taxes).toEqual([{ ratePercent: '16.00', base: '0.99', tax: '0.15' }]);
    expect(totals.lines).toHaveLength(3);
  });

  it('groups taxes by rate, "16" and "16.0" together, lowest first', () => {
    const totals = computeTotals(
      [
        line({ unitPrice: '100', taxRatePercent: '16' }), // 100.00, 16.00
        line({ unitPrice: '50', taxRatePercent: '8' }), // 50.00, 4.00
        line({ unitPrice: '25.5', taxRatePercent: '16.0' }), // 25.50, 4.08
        line({ unitPrice: '10', taxRatePercent: '0' }), // exempt 10.00
      ],
      'VES',
    );
    expect(totals.taxes).toEqual([
      { ratePercent: '0.00', base: '10.00', tax: '0.00' },
      { ratePercent: '8.00', base: '50.00', tax: '4.00' },
      { ratePercent: '16.00', base: '125.50', tax: '20.08' },
    ]);
    // 185.50 + 24.08
    expect(totals).toMatchObject({ gross: '185.50', net: '185.50', tax: '24.08', total: '209.58' });
  });

  it('is all zeros for a document without lines', () => {
    expect(computeTotals([], 'CLP')).toEqual({ lines: [], gross: '0', discount: '0', net: '0', tax: '0', total: '0', taxes: [] });
  });

  // Decimal strings built from integers (never from floats), checked against BigInt arithmetic.
  const scaled = (n: bigint, decimals: number) => {
    const digits = n.toString().padStart(decimals + 1, '0');
    return decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  };
  /** Half-up division of non-negative integers. */
  const divRound = (n: bigint, d: bigint) => (2n * n + d) / (2n * d);
  const lineArb = fc.record({
    quantity: fc.bigInt({ min: 1n, max: 10n ** 9n }), // ten-thousandths
    unitPrice: fc.bigInt({ min: 0n, max: 10n ** 11n }), // ten-thousandths
    discount: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 10_000n })), // hundredths of a percent
    tax: fc.oneof(fc.constantFrom(0n, 800n, 1600n, 1250n), fc.bigInt({ min: 0n, max: 10_000n })),
  });

  it('totals are the sums of the lines to the cent, and total = net + tax (property)', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 0, maxLength: 12 }), (raw) => {
        const lines = raw.map((r, i) => ({
          description: `Línea ${i + 1}`,
          quantity: scaled(r.quantity, 4),
          unitPrice: scaled(r.unitPrice, 4),
          discountPercent: scaled(r.discount, 2),
          taxRatePercent: scaled(r.tax, 2),
        }));
        const totals = computeTotals(lines, 'USD');

        // Independent reference in cents.
        const expected = raw.map((r) => {
          const gross = divRound(r.quantity * r.unitPrice, 1_000_000n); // 1e-8 → cents
          const discount = divRound(gross * r.discount, 10_000n);
          const net = gross - discount;
          const tax = divRound(net * r.tax, 10_000n);
          return { gross, discount, net, tax, total: net + tax };
        });
        const cents = (n: bigint) => scaled(n, 2);
        expect(totals.lines).toEqual(
          expected.map((e) => ({ gross: cents(e.gross), discount: cents(e.discount), net: cents(e.net), tax: cents(e.tax), total: cents(e.total) })),
        );
        const sum = (pick: (e: (typeof expected)[number]) => bigint) => expected.reduce((s, e) => s + pick(e), 0n);
        expect(totals).toMatchObject({
          gross: cents(sum((e) => e.gross)),
          discount: cents(sum((e) => e.discount)),
          net: cents(sum((e) => e.net)),
          tax: cents(sum((e) => e.tax)),
          total: cents(sum((e) => e.total)),
        });
        expect(cents(sum((e) => e.net) + sum((e) => e.tax))).toBe(totals.total);
        expect(cents(sum((e) => e.gross) - sum((e) => e.discount))).toBe(totals.net);
        // The tax groups cover the whole document.
        const toCents = (s: string) => BigInt(s.replace('.', ''));
        expect(cents(totals.taxes.reduce((s, t) => s + toCents(t.base), 0n))).toBe(totals.net);
        expect(cents(totals.taxes.reduce((s, t) => s + toCents(t.tax), 0n))).toBe(totals.tax);
      }),
      { numRuns: 300 },
    );
  });
});
