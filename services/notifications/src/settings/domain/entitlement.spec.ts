import { decideEntitlement, isIsoDate, todayIn } from './entitlement';

describe('decideEntitlement (seed 000)', () => {
  it.each<[string, string, string, boolean, string]>([
    ['contracted', '', '2030-01-01', true, 'entitlement.contracted'],
    ['free_until', '2024-07-01', '2024-06-30', true, 'entitlement.free_until'],
    ['free_until', '2024-07-01', '2024-07-01', true, 'entitlement.free_until'],
    ['free_until', '2024-07-01', '2024-07-02', false, 'entitlement.expired'],
    ['free_until', '', '2024-07-01', false, 'entitlement.disabled'],
    ['disabled', '2099-01-01', '2024-07-01', false, 'entitlement.disabled'],
    ['anything', '', '2024-07-01', false, 'entitlement.disabled'],
  ])('%s until %j on %s → %s', (mode, until, today, allowed, reason) => {
    expect(decideEntitlement(mode, until, today, 'es')).toMatchObject({ allowed, reason });
  });

  it('writes the date as the seed does', () => {
    expect(decideEntitlement('free_until', '2024-07-01', '2024-01-01', 'es').params).toEqual({ date: '01/07/2024' });
  });

  it('takes today in the tenant’s time zone', () => {
    const lateInCaracas = new Date('2024-07-02T03:30:00Z'); // 23:30 of 1 July in Caracas (UTC-4)
    expect(todayIn('America/Caracas', lateInCaracas)).toBe('2024-07-01');
    expect(todayIn('UTC', lateInCaracas)).toBe('2024-07-02');
  });

  it('checks calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('01/07/2024')).toBe(false);
  });
});
