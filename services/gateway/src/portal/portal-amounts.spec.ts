import { normalizeTypedAmount, spreadPayment } from './portal-amounts';

describe('amounts typed on the portal', () => {
  it.each([
    ['1.250,50', '1250.50'],
    ['1,250.50', '1250.50'],
    ['1250,5', '1250.5'],
    ['1250.50', '1250.50'],
    ['1.250', '1250'],
    ['1.234.567,89', '1234567.89'],
    ['  360 ', '360'],
    ['0,50', '0.50'],
  ])('%s → %s', (typed, expected) => {
    expect(normalizeTypedAmount(typed)).toBe(expected);
  });

  it.each(['', '0', '0,00', '-5', 'abc', '1,2,3,', '12.5.6,', '1e3'])('refuses %j', (typed) => {
    expect(normalizeTypedAmount(typed)).toBeUndefined();
  });

  it('spreads a payment over the chosen invoices in order, up to each balance, exactly', () => {
    const chosen = [
      { documentId: 'a', balance: '100.10' },
      { documentId: 'b', balance: '0.00' },
      { documentId: 'c', balance: '50.05' },
    ];
    expect(spreadPayment('120.2', chosen)).toEqual([
      { documentId: 'a', amount: '100.10' },
      { documentId: 'c', amount: '20.10' },
    ]);
    expect(spreadPayment('500', chosen)).toEqual([
      { documentId: 'a', amount: '100.10' },
      { documentId: 'c', amount: '50.05' },
    ]);
    expect(spreadPayment('0.3', [{ documentId: 'a', balance: '0.1' }, { documentId: 'b', balance: '0.2' }])).toEqual([
      { documentId: 'a', amount: '0.1' },
      { documentId: 'b', amount: '0.2' },
    ]);
  });
});
