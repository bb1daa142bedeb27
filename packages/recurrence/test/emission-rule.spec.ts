import fc from 'fast-check';
import {
  daysInMonth,
  emissionDate,
  emissionInstant,
  firstEmissionOnOrAfter,
  firstIndexAfter,
  isAfterToday,
  parseLocalDate,
  ruleProblems,
  SEED_CYCLES_MONTHS,
  upcomingEmissions,
  zonedInstant,
  type DayRule,
  type EmissionPlan,
} from '../src';

const day = (n: number): DayRule => ({ kind: 'day_of_month', day: n });
const last: DayRule = { kind: 'last_day' };

describe('first emission on or after the start date', () => {
  it.each([
    ['2026-02-10', day(31), '2026-02-28'],
    ['2028-02-10', day(31), '2028-02-29'],
    ['2026-02-10', day(29), '2026-02-28'],
    ['2028-02-10', day(29), '2028-02-29'],
    ['2026-02-10', day(30), '2026-02-28'],
    ['2026-02-10', day(5), '2026-03-05'],
    ['2026-03-05', day(5), '2026-03-05'],
    ['2026-12-20', day(15), '2027-01-15'],
    ['2026-04-30', day(31), '2026-04-30'],
    ['2026-02-28', last, '2026-02-28'],
    ['2028-02-28', last, '2028-02-29'],
    ['2026-11-24', last, '2026-11-30'],
    ['2026-12-31', day(1), '2027-01-01'],
  ])('start %s with %j gives %s', (start, rule, expected) => {
    expect(firstEmissionOnOrAfter(start, rule)).toBe(expected);
  });
});

describe('emission dates', () => {
  it('day 31 monthly from 31 January: end of February, then 31 March, never drifting to the 28th', () => {
    const plan: EmissionPlan = { anchor: '2027-01-31', dayRule: day(31), cycleMonths: 1 };
    expect(upcomingEmissions(plan, 0, 5).map((e) => e.date)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31']);
    const leap: EmissionPlan = { anchor: '2028-01-31', dayRule: day(31), cycleMonths: 1 };
    expect(upcomingEmissions(leap, 0, 3).map((e) => e.date)).toEqual(['2028-01-31', '2028-02-29', '2028-03-31']);
  });

  it.each([
    [29, '2027-01-29', ['2027-01-29', '2027-02-28', '2027-03-29']],
    [30, '2027-01-30', ['2027-01-30', '2027-02-28', '2027-03-30']],
    [29, '2028-01-29', ['2028-01-29', '2028-02-29', '2028-03-29']],
    [30, '2028-01-30', ['2028-01-30', '2028-02-29', '2028-03-30']],
  ])('day %i monthly from %s', (d, anchor, expected) => {
    expect(upcomingEmissions({ anchor, dayRule: day(d), cycleMonths: 1 }, 0, 3).map((e) => e.date)).toEqual(expected);
  });

  it('the last day rule is always the last day of the month', () => {
    const plan: EmissionPlan = { anchor: '2027-11-30', dayRule: last, cycleMonths: 1 };
    expect(upcomingEmissions(plan, 0, 5).map((e) => e.date)).toEqual(['2027-11-30', '2027-12-31', '2028-01-31', '2028-02-29', '2028-03-31']);
  });

  it.each([
    [1, ['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']],
    [2, ['2027-01-31', '2027-03-31', '2027-05-31', '2027-07-31']],
    [3, ['2027-01-31', '2027-04-30', '2027-07-31', '2027-10-31']],
    [6, ['2027-01-31', '2027-07-31', '2028-01-31', '2028-07-31']],
    [7, ['2027-01-31', '2027-08-31', '2028-03-31', '2028-10-31']],
    [12, ['2027-01-31', '2028-01-31', '2029-01-31', '2030-01-31']],
    [14, ['2027-01-31', '2028-03-31', '2029-05-31', '2030-07-31']],
  ])('the seed cycle of %i months on day 31', (cycleMonths, expected) => {
    expect(upcomingEmissions({ anchor: '2027-01-31', dayRule: day(31), cycleMonths }, 0, 4).map((e) => e.date)).toEqual(expected);
  });

  it('a 14-month cycle on day 29 from February of a leap year', () => {
    const plan: EmissionPlan = { anchor: '2028-02-29', dayRule: day(29), cycleMonths: 14 };
    expect(upcomingEmissions(plan, 0, 4).map((e) => e.date)).toEqual(['2028-02-29', '2029-04-29', '2030-06-29', '2031-08-29']);
  });

  it('an imported anchor is kept as given, later dates follow the rule', () => {
    const plan: EmissionPlan = { anchor: '2026-11-23', dayRule: day(15), cycleMonths: 1 };
    expect(upcomingEmissions(plan, 0, 3).map((e) => e.date)).toEqual(['2026-11-23', '2026-12-15', '2027-01-15']);
  });
});

describe('property: any configuration', () => {
  const rules = fc.oneof(fc.integer({ min: 1, max: 31 }).map(day), fc.constant(last));
  const starts = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  it('dates rise strictly, land on the rule day (or the month end when shorter), and are cycle months apart', () => {
    fc.assert(
      fc.property(starts, rules, fc.constantFrom(...SEED_CYCLES_MONTHS, 4, 5, 24), fc.integer({ min: 0, max: 60 }), (start, rule, cycleMonths, index) => {
        const anchor = firstEmissionOnOrAfter(start, rule);
        expect(anchor >= start).toBe(true);
        const plan = { anchor, dayRule: rule, cycleMonths };
        const a = parseLocalDate(emissionDate(plan, index));
        const b = parseLocalDate(emissionDate(plan, index + 1));
        expect(emissionDate(plan, index + 1) > emissionDate(plan, index)).toBe(true);
        expect((b.year - a.year) * 12 + (b.month - a.month)).toBe(cycleMonths);
        const lastOfMonth = daysInMonth(b);
        const expectedDay = rule.kind === 'last_day' ? lastOfMonth : Math.min(rule.day, lastOfMonth);
        expect(b.day).toBe(expectedDay);
        // Computed from the anchor alone: stepping from any emission gives the same dates.
        expect(emissionDate({ ...plan, anchor: emissionDate(plan, index) }, 1)).toBe(emissionDate(plan, index + 1));
      }),
    );
  });
});

describe('time zones', () => {
  it('an emission happens at the configured local hour in the tenant zone', () => {
    expect(new Date(zonedInstant('2027-03-31', 8, 0, 'America/Caracas')).toISOString()).toBe('2027-03-31T12:00:00.000Z');
    expect(new Date(zonedInstant('2027-01-15', 0, 0, 'America/Argentina/Buenos_Aires')).toISOString()).toBe('2027-01-15T03:00:00.000Z');
    // Mexico City has no DST since 2022; Santiago changes in April and September.
    expect(new Date(zonedInstant('2027-07-01', 6, 0, 'America/Santiago')).toISOString()).toBe('2027-07-01T10:00:00.000Z');
    expect(new Date(zonedInstant('2027-01-01', 6, 0, 'America/Santiago')).toISOString()).toBe('2027-01-01T09:00:00.000Z');
  });

  it('"later than today" is judged in the tenant zone', () => {
    const lateEveningInCaracas = Date.parse('2026-11-24T02:30:00Z'); // 22:30 on the 23rd in Caracas
    expect(isAfterToday('2026-11-24', lateEveningInCaracas, 'America/Caracas')).toBe(true);
    expect(isAfterToday('2026-11-23', lateEveningInCaracas, 'America/Caracas')).toBe(false);
    expect(isAfterToday('2026-11-24', lateEveningInCaracas, 'UTC')).toBe(false);
  });

  it('a resumed schedule goes on at the first emission still ahead', () => {
    const plan: EmissionPlan = { anchor: '2027-01-10', dayRule: day(10), cycleMonths: 1 };
    const now = Date.parse('2027-04-10T11:00:00Z'); // 07:00 in Caracas on an emission day
    expect(firstIndexAfter(plan, 0, now, 8, 'America/Caracas')).toBe(3);
    expect(firstIndexAfter(plan, 0, now, 6, 'America/Caracas')).toBe(4);
    expect(emissionInstant(plan, 3, 8, 'America/Caracas')).toBeGreaterThan(now);
  });
});

describe('rule problems', () => {
  it('names every bad field', () => {
    expect(ruleProblems({ dayRule: day(32), cycleMonths: 0, start: '2027-02-30' })).toEqual({
      day: 'schedule.day_out_of_range',
      cycleMonths: 'schedule.cycle_out_of_range',
      startDate: 'schedule.date_invalid',
    });
    expect(ruleProblems({ dayRule: last, cycleMonths: 14, start: '2027-02-28' })).toEqual({});
  });
});
