import { RENEWALS_PER_CLIENT, windowStart, withinLimit } from './rate-limit';

describe('fixed-window rate limits', () => {
  it('put every instant of one hour in the same window, aligned to the hour', () => {
    expect(windowStart(new Date('2026-11-23T14:00:00.000Z'), RENEWALS_PER_CLIENT).toISOString()).toBe('2026-11-23T14:00:00.000Z');
    expect(windowStart(new Date('2026-11-23T14:59:59.999Z'), RENEWALS_PER_CLIENT).toISOString()).toBe('2026-11-23T14:00:00.000Z');
    expect(windowStart(new Date('2026-11-23T15:00:00.000Z'), RENEWALS_PER_CLIENT).toISOString()).toBe('2026-11-23T15:00:00.000Z');
  });

  it('allow up to the maximum in a window, then refuse', () => {
    expect([1, 2, 3, 4, 5].map((count) => withinLimit(count, RENEWALS_PER_CLIENT))).toEqual([true, true, true, false, false]);
  });
});
