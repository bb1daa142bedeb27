import fc from 'fast-check';
import { paymentStatus, planAllocations, type OpenDocument } from './balances';

describe('paymentStatus', () => {
  it.each([
    ['360.00', '0.00', 'pending'],
    ['360.00', '0.01', 'partially_paid'],
    ['360.00', '359.99', 'partially_paid'],
    ['360.00', '360.00', 'paid'],
    ['360.00', '360', 'paid'],
    ['360.00', '400.00', 'paid'],
    ['0.00', '0.00', 'paid'], // nothing owed
    ['1500', '0', 'pending'],
  ])('total %s, paid %s → %s', (total, paid, status) => {
    expect(paymentStatus(total, paid)).toBe(status);
  });

  it('throws for malformed amounts', () => {
    expect(() => paymentStatus('1e3', '0')).toThrow();
    expect(() => paymentStatus('10', '')).toThrow();
  });
});

describe('planAllocations', () => {
  const open: OpenDocument[] = [
    { documentId: 'f-111', currency: 'VES', balance: '360.00' },
    { documentId: 'f-112', currency: 'VES', balance: '100.50' },
    { documentId: 'f-200', currency: 'USD', balance: '50.00' },
    { documentId: 'f-113', currency: 'VES', balance: '0.00' },
    { documentId: 'f-114', currency: 'VES', balance: '40.00' },
  ];
  const payment = (amount: string) => ({ amount, currency: 'VES' });

  describe('automatically, oldest first', () => {
    it('pays whole documents then part of the next', () => {
      // 400.00 = 360.00 (f-111) + 40.00 of f-112
      expect(planAllocations(payment('400.00'), open, [])).toEqual({
        ok: true,
        allocations: [
          { documentId: 'f-111', amount: '360.00' },
          { documentId: 'f-112', amount: '40.00' },
        ],
        unallocated: '0.00',
      });
    });

    it('skips other currencies and settled documents and keeps the rest unallocated', () => {
      // 360.00 + 100.50 + 40.00 = 500.50; 600.00 − 500.50 = 99.50
      expect(planAllocations(payment('600.00'), open, [])).toEqual({
        ok: true,
        allocations: [
          { documentId: 'f-111', amount: '360.00' },
          { documentId: 'f-112', amount: '100.50' },
          { documentId: 'f-114', amount: '40.00' },
        ],
        unallocated: '99.50',
      });
    });

    it('leaves the whole payment unallocated without open documents', () => {
      expect(planAllocations(payment('10'), [], [])).toEqual({ ok: true, allocations: [], unallocated: '10.00' });
    });
  });

  describe('as requested', () => {
    it('accepts a valid request and normalizes the amounts', () => {
      expect(
        planAllocations(payment('500'), open, [
          { documentId: 'f-112', amount: '100.5' },
          { documentId: 'f-111', amount: '200' },
        ]),
      ).toEqual({
        ok: true,
        allocations: [
          { documentId: 'f-112', amount: '100.50' },
          { documentId: 'f-111', amount: '200.00' },
        ],
        unallocated: '199.50',
      });
    });

    it.each<[string, Array<{ documentId: string; amount: string }>, unknown[]]>([
      ['an unknown document', [{ documentId: 'f-999', amount: '10' }], [{ field: 'allocations[0].documentId', code: 'allocation.document_not_open', params: { documentId: 'f-999' } }]],
      ['a settled document', [{ documentId: 'f-113', amount: '10' }], [{ field: 'allocations[0].documentId', code: 'allocation.document_not_open', params: { documentId: 'f-113' } }]],
      [
        'another currency',
        [{ documentId: 'f-200', amount: '10' }],
        [{ field: 'allocations[0].documentId', code: 'allocation.currency_mismatch', params: { documentId: 'f-200', documentCurrency: 'USD', paymentCurrency: 'VES' } }],
      ],
      ['a zero amount', [{ documentId: 'f-111', amount: '0' }], [{ field: 'allocations[0].amount', code: 'allocation.amount_invalid', params: { amount: '0', reason: 'amount.not_positive', decimals: '2' } }]],
      ['a negative amount', [{ documentId: 'f-111', amount: '-5' }], [{ field: 'allocations[0].amount', code: 'allocation.amount_invalid', params: { amount: '-5', reason: 'amount.not_positive', decimals: '2' } }]],
      ['too many decimals', [{ documentId: 'f-111', amount: '1.001' }], [{ field: 'allocations[0].amount', code: 'allocation.amount_invalid', params: { amount: '1.001', reason: 'amount.too_many_decimals', decimals: '2' } }]],
      ['an exponent', [{ documentId: 'f-111', amount: '1e2' }], [{ field: 'allocations[0].amount', code: 'allocation.amount_invalid', params: { amount: '1e2', reason: 'amount.invalid', decimals: '2' } }]],
      [
        'more than the balance',
        [{ documentId: 'f-112', amount: '100.51' }],
        [{ field: 'allocations[0].amount', code: 'allocation.exceeds_balance', params: { documentId: 'f-112', amount: '100.51', balance: '100.50' } }],
      ],
      [
        'a document twice',
        [
          { documentId: 'f-111', amount: '10' },
          { documentId: 'f-111', amount: '20' },
        ],
        [{ field: 'allocations[1].documentId', code: 'allocation.duplicate_document', params: { documentId: 'f-111' } }],
      ],
      [
        'more than the payment',
        [
          { documentId: 'f-111', amount: '360' },
          { documentId: 'f-112', amount: '100.50' },
          { documentId: 'f-114', amount: '40' },
        ],
        // each within its balance, but 360.00 + 100.50 + 40.00 = 500.50 > 500.00
        [{ field: 'allocations', code: 'allocation.exceeds_payment', params: { allocated: '500.50', payment: '500.00' } }],
      ],
    ])('refuses %s', (_name, requested, problems) => {
      expect(planAllocations(payment('500.00'), open, requested)).toEqual({ ok: false, problems });
    });

    it('reports every problem at once', () => {
      const plan = planAllocations(payment('100'), open, [
        { documentId: 'f-999', amount: '10' },
        { documentId: 'f-111', amount: '150' },
        { documentId: 'f-112', amount: 'abc' },
      ]);
      expect(plan.ok).toBe(false);
      if (!plan.ok) {
        expect(plan.problems.map((p) => `${p.field} ${p.code}`)).toEqual([
          'allocations[0].documentId allocation.document_not_open',
          'allocations[2].amount allocation.amount_invalid',
          'allocations allocation.exceeds_payment', // 10 + 150 = 160 > 100
        ]);
      }
    });
  });

  it('throws for a malformed payment or balance, which is a bug rather than bad input', () => {
    expect(() => planAllocations(payment('0'), open, [])).toThrow(/positive/);
    expect(() => planAllocations(payment('1.001'), open, [])).toThrow();
    expect(() => planAllocations(payment('10'), [{ documentId: 'x', currency: 'VES', balance: '1e3' }], [])).toThrow();
  });

  describe('properties', () => {
    const cents = (n: bigint) => {
      const digits = n.toString().padStart(3, '0');
      return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
    };
    const toCents = (s: string) => BigInt(s.replace('.', ''));
    const openArb = fc
      .array(
        fc.record({ balance: fc.bigInt({ min: 0n, max: 10n ** 8n }), currency: fc.constantFrom('VES', 'VES', 'VES', 'USD') }),
        { maxLength: 15 },
      )
      .map((docs) => docs.map((d, i) => ({ documentId: `d-${i}`, currency: d.currency, balance: cents(d.balance) })));
    const paymentArb = fc.bigInt({ min: 1n, max: 10n ** 9n });

    const check = (paymentCents: bigint, docs: OpenDocument[], plan: ReturnType<typeof planAllocations>) => {
      if (!plan.ok) return;
      const allocated = plan.allocations.reduce((s, a) => s + toCents(a.amount), 0n);
      expect(allocated + toCents(plan.unallocated)).toBe(paymentCents);
      expect(toCents(plan.unallocated) >= 0n).toBe(true);
      const byId = new Map(docs.map((d) => [d.documentId, d]));
      for (const a of plan.allocations) {
        const doc = byId.get(a.documentId)!;
        expect(doc.currency).toBe('VES');
        expect(toCents(a.amount) > 0n).toBe(true);
        expect(toCents(a.amount) <= toCents(doc.balance)).toBe(true);
      }
      expect(new Set(plan.allocations.map((a) => a.documentId)).size).toBe(plan.allocations.length);
    };

    it('automatic: allocations + unallocated = payment, none over a balance, all used while any is owed', () => {
      fc.assert(
        fc.property(paymentArb, openArb, (paymentCents, docs) => {
          const plan = planAllocations(payment(cents(paymentCents)), docs, []);
          expect(plan.ok).toBe(true);
          check(paymentCents, docs, plan);
          const owed = docs.filter((d) => d.currency === 'VES').reduce((s, d) => s + toCents(d.balance), 0n);
          if (plan.ok) expect(toCents(plan.unallocated)).toBe(paymentCents > owed ? paymentCents - owed : 0n);
        }),
        { numRuns: 300 },
      );
    });

    it('requested: a request within the balances and the payment is accepted as asked', () => {
      fc.assert(
        fc.property(
          openArb,
          fc.array(fc.record({ take: fc.boolean(), share: fc.bigInt({ min: 1n, max: 10_000n }) }), { minLength: 15, maxLength: 15 }),
          fc.bigInt({ min: 0n, max: 10n ** 6n }),
          (docs, choices, extra) => {
            const requested = docs
              .map((d, i) => ({ d, choice: choices[i] }))
              .filter(({ d, choice }) => choice.take && d.currency === 'VES' && toCents(d.balance) > 0n)
              .map(({ d, choice }) => {
                const share = (toCents(d.balance) * choice.share) / 10_000n;
                return { documentId: d.documentId, amount: cents(share > 0n ? share : 1n) };
              });
            fc.pre(requested.length > 0);
            const paymentCents = requested.reduce((s, r) => s + toCents(r.amount), 0n) + extra;
            const plan = planAllocations(payment(cents(paymentCents)), docs, requested);
            expect(plan).toEqual({ ok: true, allocations: requested, unallocated: cents(extra) });
            check(paymentCents, docs, plan);
          },
        ),
        { numRuns: 300 },
      );
    });

    it('requested: any accepted plan keeps the same invariants', () => {
      fc.assert(
        fc.property(
          paymentArb,
          openArb,
          fc.array(fc.record({ index: fc.nat(16), amount: fc.bigInt({ min: -100n, max: 10n ** 8n }) }), { minLength: 1, maxLength: 8 }),
          (paymentCents, docs, picks) => {
            const requested = picks.map((p) => ({
              documentId: `d-${p.index}`,
              amount: p.amount < 0n ? `-${cents(-p.amount)}` : cents(p.amount),
            }));
            const plan = planAllocations(payment(cents(paymentCents)), docs, requested);
            check(paymentCents, docs, plan);
            if (plan.ok) expect(plan.allocations).toHaveLength(requested.length);
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});
