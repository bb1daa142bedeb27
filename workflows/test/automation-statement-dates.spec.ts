import { emissionDate } from '@cobranza/recurrence';
import { anchorFor, nextIndexAfter, planOf, runInstant, sameRule, type StatementRunConfig } from '../src/automation/statement-run/shared';

const config: StatementRunConfig = { version: 1, enabled: true, dayRule: 'last_day', day: 0, cycleMonths: 1, timeOfDay: '18:00', format: 'pdf', attachOpenInvoices: true, timeZone: 'America/Caracas' };
const at = (iso: string) => Date.parse(iso);

/** The scheduled-statement dates: pure, the same helpers the workflow runs. */
describe('scheduled statement dates', () => {
  it('runs on the last day of each month at the local time, leap years included', () => {
    const plan = planOf(anchorFor(at('2027-12-10T12:00:00Z'), config), config);
    expect([0, 1, 2, 3, 4].map((i) => emissionDate(plan, i))).toEqual(['2027-12-31', '2028-01-31', '2028-02-29', '2028-03-31', '2028-04-30']);
    // 18:00 in Caracas (UTC-4) is 22:00 UTC.
    expect(new Date(runInstant(plan, 2, config)).toISOString()).toBe('2028-02-29T22:00:00.000Z');
  });

  it('takes a fixed day, shortened in short months, every n months', () => {
    const day31 = { ...config, dayRule: 'day_of_month' as const, day: 31, cycleMonths: 3 };
    const plan = planOf(anchorFor(at('2027-01-05T12:00:00Z'), day31), day31);
    expect([0, 1, 2, 3].map((i) => emissionDate(plan, i))).toEqual(['2027-01-31', '2027-04-30', '2027-07-31', '2027-10-31']);
  });

  it('starts today when today fits and its time is still ahead, else at the next date, and never repeats the last run', () => {
    const day15 = { ...config, dayRule: 'day_of_month' as const, day: 15 };
    const before = at('2027-03-15T21:00:00Z'); // 17:00 in Caracas
    const plan = planOf(anchorFor(before, day15), day15);
    expect(emissionDate(plan, nextIndexAfter(plan, 0, before, '', day15))).toBe('2027-03-15');
    const after = at('2027-03-15T22:30:00Z'); // 18:30 in Caracas: today's time passed, no catch-up
    expect(emissionDate(plan, nextIndexAfter(plan, 0, after, '', day15))).toBe('2027-04-15');
    // Moved to 23:00 after today's run: today is not sent again.
    const later = { ...day15, timeOfDay: '23:00' };
    expect(emissionDate(plan, nextIndexAfter(plan, 0, after, '2027-03-15', later))).toBe('2027-04-15');
  });

  it('reads the date in the tenant zone: 02:00 UTC on the 1st is still the last day in Caracas', () => {
    const anchor = anchorFor(at('2027-05-01T02:00:00Z'), config);
    expect(anchor).toBe('2027-04-30');
  });

  it('tells a changed rule (new anchor) from a changed time or format (same dates)', () => {
    expect(sameRule(config, { ...config, timeOfDay: '07:00', format: 'xlsx' })).toBe(true);
    expect(sameRule(config, { ...config, dayRule: 'day_of_month', day: 1 })).toBe(false);
    expect(sameRule(config, { ...config, cycleMonths: 2 })).toBe(false);
  });
});
