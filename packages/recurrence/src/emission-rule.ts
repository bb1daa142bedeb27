import { addMonths, compareLocalDates, daysInMonth, formatLocalDate, isLocalDate, parseLocalDate, type LocalDate, type YearMonth } from './local-date';
import { localDateAt, zonedInstant } from './time-zone';

/** A fixed day of the month (1 to 31), or the month's last day. */
export type DayRule = { kind: 'day_of_month'; day: number } | { kind: 'last_day' };

/** The cycles of seed 001's list, in months; any whole number from 1 to 120 works. */
export const SEED_CYCLES_MONTHS = [1, 2, 3, 6, 7, 12, 14] as const;
export const MAX_CYCLE_MONTHS = 120;

/**
 * What fixes every emission date of one epoch of a schedule: the first emission (anchor), the
 * day rule and the cycle. Emission n is computed from the anchor's month and n alone, never from
 * when the previous emission ran, so a late or retried run never shifts later dates.
 */
export interface EmissionPlan {
  anchor: LocalDate;
  dayRule: DayRule;
  cycleMonths: number;
}

/** The date the day rule picks in a month: the configured day, or the last day when shorter. */
export function dayInMonth(month: YearMonth, rule: DayRule): LocalDate {
  const last = daysInMonth(month);
  const day = rule.kind === 'last_day' ? last : Math.min(rule.day, last);
  return formatLocalDate(month.year, month.month, day);
}

/** The first date on or after `start` that satisfies the day rule (day 31 from 10 February: 28 or 29 February). */
export function firstEmissionOnOrAfter(start: LocalDate, rule: DayRule): LocalDate {
  const { year, month } = parseLocalDate(start);
  const candidate = dayInMonth({ year, month }, rule);
  return compareLocalDates(candidate, start) >= 0 ? candidate : dayInMonth(addMonths({ year, month }, 1), rule);
}

/**
 * Emission `index` (0 is the anchor): `cycleMonths * index` months after the anchor's month, on
 * the rule's day. The anchor itself is kept as given, so an imported schedule's explicit next date
 * is honored.
 */
export function emissionDate(plan: EmissionPlan, index: number): LocalDate {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`emission index must be a whole number >= 0, got ${index}`);
  if (index === 0) return plan.anchor;
  const { year, month } = parseLocalDate(plan.anchor);
  return dayInMonth(addMonths({ year, month }, plan.cycleMonths * index), plan.dayRule);
}

export interface ScheduledEmission {
  index: number;
  date: LocalDate;
}

export function upcomingEmissions(plan: EmissionPlan, fromIndex: number, count: number): ScheduledEmission[] {
  return Array.from({ length: count }, (_, i) => ({ index: fromIndex + i, date: emissionDate(plan, fromIndex + i) }));
}

/** When emission `index` happens: the configured local hour of its date in the tenant's zone. */
export function emissionInstant(plan: EmissionPlan, index: number, emissionHour: number, timeZone: string): number {
  return zonedInstant(emissionDate(plan, index), emissionHour, 0, timeZone);
}

/**
 * The first emission at or after `fromIndex` whose instant is later than `now`: where a resumed
 * schedule goes on (passed emissions are skipped, not caught up).
 */
export function firstIndexAfter(plan: EmissionPlan, fromIndex: number, now: number, emissionHour: number, timeZone: string): number {
  let index = fromIndex;
  while (emissionInstant(plan, index, emissionHour, timeZone) <= now) index += 1;
  return index;
}

/** "Later than today" in the tenant's zone: the seed never programs an emission for today. */
export function isAfterToday(date: LocalDate, now: number, timeZone: string): boolean {
  return compareLocalDates(date, localDateAt(now, timeZone)) > 0;
}

/** Problems of a rule, keyed by field, as stable codes (the caller words them). */
export function ruleProblems(input: { dayRule: DayRule; cycleMonths: number; start?: LocalDate }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (input.dayRule.kind === 'day_of_month') {
    const day = input.dayRule.day;
    if (!Number.isInteger(day) || day < 1 || day > 31) problems.day = 'schedule.day_out_of_range';
  } else if (input.dayRule.kind !== 'last_day') {
    problems.dayRule = 'schedule.day_rule_unknown';
  }
  if (!Number.isInteger(input.cycleMonths) || input.cycleMonths < 1 || input.cycleMonths > MAX_CYCLE_MONTHS) {
    problems.cycleMonths = 'schedule.cycle_out_of_range';
  }
  if (input.start !== undefined && !isLocalDate(input.start)) problems.startDate = 'schedule.date_invalid';
  return problems;
}
