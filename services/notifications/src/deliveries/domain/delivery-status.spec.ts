import { canMove, decideForExistingAttempt, isDeliveryKey } from './delivery-status';

describe('canMove', () => {
  it.each<[string, string, boolean]>([
    ['sending', 'accepted', true],
    ['sending', 'unknown', true],
    ['sending', 'failed', true],
    ['unknown', 'delivered', true],
    ['unknown', 'accepted', true],
    ['unknown', 'sending', false],
    ['accepted', 'sent', true],
    ['accepted', 'read', true],
    ['sent', 'delivered', true],
    ['sent', 'failed', true],
    ['delivered', 'read', true],
    ['delivered', 'sent', false],
    ['delivered', 'failed', false],
    ['read', 'delivered', false],
    ['read', 'read', false],
    ['read', 'failed', false],
    ['failed', 'delivered', false],
    ['failed', 'sent', false],
    ['accepted', 'accepted', false],
    ['accepted', 'sending', false],
    ['sent', 'played', false],
  ])('%s → %s: %s', (from, to, expected) => {
    expect(canMove(from, to)).toBe(expected);
  });

  it('never moves backwards whatever order a permutation of webhooks arrives in', () => {
    const order = ['sent', 'delivered', 'read'];
    const permutations = [
      ['sent', 'delivered', 'read'],
      ['read', 'delivered', 'sent'],
      ['delivered', 'sent', 'read'],
      ['read', 'sent', 'delivered', 'read'],
    ];
    for (const arrivals of permutations) {
      let status = 'accepted';
      for (const next of arrivals) {
        if (canMove(status, next)) {
          expect(order.indexOf(next)).toBeGreaterThan(order.indexOf(status));
          status = next;
        }
      }
      expect(status).toBe('read');
    }
  });
});

describe('decideForExistingAttempt', () => {
  it.each<[Parameters<typeof decideForExistingAttempt>[0], string]>([
    [undefined, 'send_first'],
    [{ status: 'sending' }, 'in_progress'],
    [{ status: 'unknown' }, 'replay'],
    [{ status: 'accepted' }, 'replay'],
    [{ status: 'read' }, 'replay'],
    [{ status: 'failed', errorKind: 'permanent' }, 'replay'],
    [{ status: 'failed', errorKind: 'transient' }, 'retry'],
  ])('%j → %s', (latest, expected) => {
    expect(decideForExistingAttempt(latest)).toBe(expected);
  });
});

describe('isDeliveryKey', () => {
  it.each([
    ['invoice:0001-00000012:email', true],
    ['batch-2024.03_1', true],
    ['a'.repeat(200), true],
    ['a'.repeat(201), false],
    ['', false],
    ['con espacio', false],
    ['ñandú', false],
  ])('%s → %s', (key, expected) => expect(isDeliveryKey(key)).toBe(expected));
});
