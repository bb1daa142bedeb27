import fc from 'fast-check';
import { AGING_BUCKETS, buildStatement, type StatementDocument, type StatementFilters } from './statement';

const doc = (d: Partial<StatementDocument> & Pick<StatementDocument, 'id' | 'number' | 'issueDate' | 'dueDate' | 'total'>): StatementDocument => ({
  kind: 'invoice',
  paid: '0.00',
  currency: 'VES',
  voided: false,
  ...d,
});

/**
 * One client's documents in bolívares. `paid` is taken as of every as-of date below.
 *
 *   id  kind         number  issued      due         total    paid    balance
 *   I   invoice      F-000   2023-10-31  2023-11-30   200.00    0.00   200.00
 *   A   invoice      F-001   2023-11-15  2023-12-31  1000.00    0.00  1000.00
 *   B   invoice      F-002   2023-12-20  2024-01-31   500.00  200.00   300.00  partially paid
 *   C   invoice      F-003   2024-01-05  2024-01-31   300.00  300.00     0.00  paid
 *   D   remission    R-001   2024-01-10  2024-02-29   250.50    0.00   250.50
 *   V   invoice      F-010   2024-01-15  2024-02-14   999.00    0.00   voided: never shown
 *   E   credit note  NC-001  2024-01-20  2024-01-20   100.00    0.00  -100.00
 *   H   invoice      F-004   2024-02-01  2024-03-01   150.25    0.00   150.25  after 2024-01-31
 *   F   invoice      F-005   2024-02-15  2024-03-31   800.00    0.00   800.00  after 2024-01-31
 *   U   invoice      F-900   2024-01-02  2024-01-02    77.00    0.00   in USD: not in this statement
 */
const documents: StatementDocument[] = [
  doc({ id: 'F', number: 'F-005', issueDate: '2024-02-15', dueDate: '2024-03-31', total: '800.00' }),
  doc({ id: 'A', number: 'F-001', issueDate: '2023-11-15', dueDate: '2023-12-31', total: '1000.00' }),
  doc({ id: 'B', number: 'F-002', issueDate: '2023-12-20', dueDate: '2024-01-31', total: '500.00', paid: '200.00' }),
  doc({ id: 'C', number: 'F-003', issueDate: '2024-01-05', dueDate: '2024-01-31', total: '300.00', paid: '300.00' }),
  doc({ id: 'D', kind: 'remission', number: 'R-001', issueDate: '2024-01-10', dueDate: '2024-02-29', total: '250.50' }),
  doc({ id: 'V', number: 'F-010', issueDate: '2024-01-15', dueDate: '2024-02-14', total: '999.00', voided: true }),
  doc({ id: 'E', kind: 'credit_note', number: 'NC-001', issueDate: '2024-01-20', dueDate: '2024-01-20', total: '100.00' }),
  doc({ id: 'H', number: 'F-004', issueDate: '2024-02-01', dueDate: '2024-03-01', total: '150.25' }),
  doc({ id: 'I', number: 'F-000', issueDate: '2023-10-31', dueDate: '2023-11-30', total: '200.00' }),
  doc({ id: 'U', number: 'F-900', issueDate: '2024-01-02', dueDate: '2024-01-02', total: '77.00', currency: 'USD' }),
];

const summary = (asOf: string, filters?: StatementFilters) => {
  const statement = buildStatement(documents, asOf, 'VES', filters);
  return {
    rows: statement.rows.map((r) => `${r.id} ${r.daysOverdue} ${r.bucket} ${r.balance} ${r.status}`),
    totals: statement.totals,
    aging: statement.aging,
  };
};

describe('buildStatement on a hand-checked data set', () => {
  it('on 2024-01-31, a month end: H and F not issued yet', () => {
    // I: due 2023-11-30 → Dec 31 + Jan 31 = 62 days → 61_90
    // A: due 2023-12-31 → 31 days → 31_60
    // B: due ON 2024-01-31 → 0 days, not overdue → not_due 300.00
    // C: paid → settled; D: due 2024-02-29 → not_due 250.50; E: credit → not_due −100.00
    // balance  = 200 + 1000 + 300 + 0 + 250.50 − 100 = 1650.50
    // overdue  = 200 + 1000 = 1200.00;  notDue = 1650.50 − 1200.00 = 450.50 (= 300 + 250.50 − 100)
    expect(summary('2024-01-31')).toEqual({
      rows: [
        'I 62 61_90 200.00 pending',
        'A 31 31_60 1000.00 pending',
        'B 0 not_due 300.00 partially_paid',
        'C 0 settled 0.00 paid',
        'D 0 not_due 250.50 pending',
        'E 0 not_due -100.00 pending',
      ],
      totals: { balance: '1650.50', overdue: '1200.00', notDue: '450.50' },
      aging: { not_due: '450.50', '1_30': '0.00', '31_60': '1000.00', '61_90': '200.00', over_90: '0.00' },
    });
  });

  it('on the leap day 2024-02-29', () => {
    // I: 31 (Dec) + 31 (Jan) + 29 (Feb) = 91 → over_90
    // A: 31 + 29 = 60 → 31_60 (last day of the bucket)
    // B: due 01-31 → 29 → 1_30
    // D: due ON the leap day → 0 → not_due 250.50
    // H: due 03-01 → not_due 150.25;  F: due 03-31 → not_due 800.00;  E: −100.00 not_due
    // balance = 200 + 1000 + 300 + 250.50 − 100 + 150.25 + 800 = 2600.75
    // overdue = 200 + 1000 + 300 = 1500.00;  notDue = 250.50 − 100 + 150.25 + 800 = 1100.75
    expect(summary('2024-02-29')).toEqual({
      rows: [
        'I 91 over_90 200.00 pending',
        'A 60 31_60 1000.00 pending',
        'B 29 1_30 300.00 partially_paid',
        'C 0 settled 0.00 paid',
        'D 0 not_due 250.50 pending',
        'E 0 not_due -100.00 pending',
        'H 0 not_due 150.25 pending',
        'F 0 not_due 800.00 pending',
      ],
      totals: { balance: '2600.75', overdue: '1500.00', notDue: '1100.75' },
      aging: { not_due: '1100.75', '1_30': '300.00', '31_60': '1000.00', '61_90': '0.00', over_90: '200.00' },
    });
  });

  it('on 2024-03-31, a month end', () => {
    // I: 91 + 31 = 122 → over_90;  A: 60 + 31 = 91 → over_90 (first day of the bucket)
    // B: 29 + 31 = 60 → 31_60;  D: due 02-29 → 31 (Mar) → 31_60 (first day of the bucket)
    // H: due 03-01 → 30 → 1_30 (last day);  F: due ON 03-31 → 0 → not_due;  E: −100.00 not_due
    // balance = 2600.75 (same documents as on 02-29)
    // overdue = 200 + 1000 + 300 + 250.50 + 150.25 = 1900.75;  notDue = 800 − 100 = 700.00
    // aging: over_90 = 200 + 1000 = 1200.00; 31_60 = 300 + 250.50 = 550.50; 1_30 = 150.25
    expect(summary('2024-03-31')).toEqual({
      rows: [
        'I 122 over_90 200.00 pending',
        'A 91 over_90 1000.00 pending',
        'B 60 31_60 300.00 partially_paid',
        'C 0 settled 0.00 paid',
        'D 31 31_60 250.50 pending',
        'E 0 not_due -100.00 pending',
        'H 30 1_30 150.25 pending',
        'F 0 not_due 800.00 pending',
      ],
      totals: { balance: '2600.75', overdue: '1900.75', notDue: '700.00' },
      aging: { not_due: '700.00', '1_30': '150.25', '31_60': '550.50', '61_90': '0.00', over_90: '1200.00' },
    });
  });

  it('prints a credit note and a partial payment with their signs and amounts', () => {
    const rows = buildStatement(documents, '2024-01-31', 'VES').rows;
    expect(rows.find((r) => r.id === 'E')).toEqual({
      id: 'E',
      kind: 'credit_note',
      number: 'NC-001',
      issueDate: '2024-01-20',
      dueDate: '2024-01-20',
      daysOverdue: 0,
      amount: '-100.00',
      paid: '0.00',
      balance: '-100.00',
      status: 'pending',
      bucket: 'not_due',
    });
    expect(rows.find((r) => r.id === 'B')).toMatchObject({ amount: '500.00', paid: '200.00', balance: '300.00', status: 'partially_paid' });
    expect(rows.find((r) => r.id === 'D')).toMatchObject({ kind: 'remission' });
  });

  describe('filters act on rows, totals and aging (the buttons of the report)', () => {
    it.each<[string, StatementFilters, string[], Record<string, string>]>([
      // 31_60 on 03-31: B 300 + D 250.50 = 550.50, all overdue
      ['bucket 31_60', { bucket: '31_60' }, ['B', 'D'], { balance: '550.50', overdue: '550.50', notDue: '0.00' }],
      // over 60 days: I 200 + A 1000
      ['more than 60 days', { minDaysOverdue: 61 }, ['I', 'A'], { balance: '1200.00', overdue: '1200.00', notDue: '0.00' }],
      // 1..60 days: B 300 + D 250.50 + H 150.25 = 700.75
      ['1 to 60 days', { minDaysOverdue: 1, maxDaysOverdue: 60 }, ['B', 'D', 'H'], { balance: '700.75', overdue: '700.75', notDue: '0.00' }],
      // not overdue: C 0 + E −100 + F 800 = 700.00
      ['not overdue', { maxDaysOverdue: 0 }, ['C', 'E', 'F'], { balance: '700.00', overdue: '0.00', notDue: '700.00' }],
      // I 200 + A 1000 + B 300 + C 0 + H 150.25 + F 800 = 2450.25; F is the only one not overdue
      ['number "f-00" ignoring case', { number: 'f-00' }, ['I', 'A', 'B', 'C', 'H', 'F'], { balance: '2450.25', overdue: '1650.25', notDue: '800.00' }],
      // D 250.50 (31 days overdue) + E −100 = 150.50
      ['remissions and credit notes', { kinds: ['remission', 'credit_note'] }, ['D', 'E'], { balance: '150.50', overdue: '250.50', notDue: '-100.00' }],
      ['paid ones', { statuses: ['paid'] }, ['C'], { balance: '0.00', overdue: '0.00', notDue: '0.00' }],
      // issued in January 2024: C 0 + D 250.50 + E −100
      ['issued in January', { issueFrom: '2024-01-01', issueTo: '2024-01-31' }, ['C', 'D', 'E'], { balance: '150.50', overdue: '250.50', notDue: '-100.00' }],
      // inclusive due dates D (02-29), H (03-01), F (03-31); all match the kinds and "-0":
      // 250.50 + 150.25 + 800 = 1200.75, overdue D 250.50 + H 150.25 = 400.75
      ['due 2024-02-29..2024-03-31, invoices and remissions, number "-0"', { dueFrom: '2024-02-29', dueTo: '2024-03-31', kinds: ['remission', 'invoice'], number: '-0' }, ['D', 'H', 'F'], { balance: '1200.75', overdue: '400.75', notDue: '800.00' }],
      ['no match', { number: 'X' }, [], { balance: '0.00', overdue: '0.00', notDue: '0.00' }],
    ])('%s', (_name, filters, ids, totals) => {
      const statement = buildStatement(documents, '2024-03-31', 'VES', filters);
      expect(statement.rows.map((r) => r.id)).toEqual(ids);
      expect(statement.totals).toEqual(totals);
    });

    it('keeps every aging bucket, zero when empty', () => {
      expect(buildStatement(documents, '2024-03-31', 'VES', { bucket: '1_30' }).aging).toEqual({
        not_due: '0.00',
        '1_30': '150.25',
        '31_60': '0.00',
        '61_90': '0.00',
        over_90: '0.00',
      });
    });
  });

  it('sorts by issue date, then number in numeric order', () => {
    const rows = buildStatement(
      [
        doc({ id: 'b', number: '111', issueDate: '2024-03-01', dueDate: '2024-03-01', total: '1.00' }),
        doc({ id: 'a', number: '99', issueDate: '2024-03-01', dueDate: '2024-03-01', total: '1.00' }),
        doc({ id: 'c', number: '5', issueDate: '2024-03-02', dueDate: '2024-03-02', total: '1.00' }),
      ],
      '2024-03-31',
      'VES',
    ).rows;
    expect(rows.map((r) => r.number)).toEqual(['99', '111', '5']);
  });

  it('throws for malformed dates or amounts', () => {
    expect(() => buildStatement(documents, '2024-02-30', 'VES')).toThrow(/as-of date/);
    expect(() => buildStatement(documents, '2024-03-31', 'VES', { dueFrom: '31/03/2024' })).toThrow(/dueFrom/);
    expect(() => buildStatement([doc({ id: 'x', number: '1', issueDate: '2024-01-01', dueDate: '2024-01-01', total: '1.005' })], '2024-03-31', 'VES')).toThrow();
  });
});

describe('buildStatement properties', () => {
  const cents = (n: bigint) => {
    const negative = n < 0n;
    const digits = (negative ? -n : n).toString().padStart(3, '0');
    return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
  };
  const toCents = (s: string) => BigInt(s.replace('.', ''));
  const dayArb = fc.integer({ min: 0, max: 800 }); // days after 2023-01-01
  const dateOf = (day: number) => new Date(Date.UTC(2023, 0, 1 + day)).toISOString().slice(0, 10);
  const docArb = fc
    .record({
      kind: fc.constantFrom<StatementDocument['kind']>('invoice', 'invoice', 'remission', 'credit_note'),
      issue: dayArb,
      terms: fc.constantFrom(0, 15, 30, 60, 90),
      total: fc.bigInt({ min: 0n, max: 10n ** 9n }),
      paidShare: fc.constantFrom(0n, 0n, 25n, 50n, 100n, 100n, 120n), // percent of the total; 120: overpaid
      voided: fc.constantFrom(false, false, false, true),
      currency: fc.constantFrom('VES', 'VES', 'VES', 'USD'),
    })
    .map((r) => ({ ...r, paid: (r.total * r.paidShare) / 100n }));
  // Half the runs unfiltered, so the invariants are checked on full statements too.
  const filtersArb: fc.Arbitrary<StatementFilters> = fc.oneof(fc.constant({}), fc.record(
    {
      kinds: fc.subarray(['invoice', 'remission', 'credit_note'] as const).map((k) => [...k]),
      statuses: fc.subarray(['pending', 'partially_paid', 'paid'] as const).map((s) => [...s]),
      minDaysOverdue: fc.integer({ min: 0, max: 120 }),
      maxDaysOverdue: fc.integer({ min: 0, max: 400 }),
      bucket: fc.constantFrom(...AGING_BUCKETS),
      issueFrom: dayArb.map(dateOf),
      dueTo: dayArb.map(dateOf),
      number: fc.constantFrom('1', '2', '-0'),
    },
    { requiredKeys: [] },
  ));

  it('balance = sum of rows = sum of aging, and overdue + notDue = balance (property)', () => {
    fc.assert(
      fc.property(fc.array(docArb, { maxLength: 25 }), dayArb, filtersArb, (raw, asOfDay, filters) => {
        const docs = raw.map((r, i) =>
          doc({
            id: `d${i}`,
            kind: r.kind,
            number: `N-${i}`,
            issueDate: dateOf(r.issue),
            dueDate: dateOf(r.issue + r.terms),
            total: cents(r.total),
            paid: cents(r.paid),
            voided: r.voided,
            currency: r.currency,
          }),
        );
        const asOf = dateOf(asOfDay);
        const statement = buildStatement(docs, asOf, 'VES', filters);
        const rowSum = statement.rows.reduce((s, r) => s + toCents(r.balance), 0n);
        const agingSum = AGING_BUCKETS.reduce((s, b) => s + toCents(statement.aging[b]), 0n);
        expect(toCents(statement.totals.balance)).toBe(rowSum);
        expect(agingSum).toBe(rowSum);
        expect(toCents(statement.totals.overdue) + toCents(statement.totals.notDue)).toBe(rowSum);
        for (const row of statement.rows) {
          const source = docs.find((d) => d.id === row.id)!;
          expect(source.voided).toBe(false);
          expect(source.currency).toBe('VES');
          expect(source.issueDate <= asOf).toBe(true);
          expect(toCents(row.amount) - toCents(row.paid)).toBe(toCents(row.balance));
          if (row.kind === 'credit_note') expect(row.daysOverdue).toBe(0);
          if (row.balance === '0.00') expect(row.bucket).toBe('settled');
          if (row.daysOverdue > 0) expect(toCents(row.balance) > 0n).toBe(true);
          if (row.dueDate >= asOf) expect(row.daysOverdue).toBe(0);
        }
        const sorted = [...statement.rows].sort((a, b) => a.issueDate.localeCompare(b.issueDate));
        expect(statement.rows.map((r) => r.issueDate)).toEqual(sorted.map((r) => r.issueDate));
      }),
      { numRuns: 300 },
    );
  });
});
