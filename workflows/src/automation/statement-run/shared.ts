import { emissionDate, firstEmissionOnOrAfter, localDateAt, zonedInstant, type DayRule, type EmissionPlan } from '@cobranza/recurrence';
import { defineQuery, defineSignal } from '@temporalio/workflow';

/** The scheduled-statement settings as the workflow runs them (billing's, with the tenant's zone). */
export interface StatementRunConfig {
  /** Billing's settings version: a configuration older than the running one is ignored. */
  version: number;
  enabled: boolean;
  dayRule: 'day_of_month' | 'last_day';
  day: number;
  cycleMonths: number;
  /** "HH:MM" in the tenant's time zone. */
  timeOfDay: string;
  format: 'pdf' | 'xlsx';
  attachOpenInvoices: boolean;
  timeZone: string;
}

/** Carried across continue-as-new. */
export interface StatementRunState {
  /** First date of the current rule; date n is computed from it and n alone. */
  anchor: string;
  nextIndex: number;
  /** The last date statements went out; never run twice for one date. */
  lastRunDate: string;
  lastSent: number;
  lastSkipped: number;
}

export interface StatementRunInput {
  tenantId: string;
  config: StatementRunConfig;
  state?: StatementRunState;
}

export interface StatementRunView {
  tenantId: string;
  enabled: boolean;
  version: number;
  nextRunDate: string;
  nextRunAt: string;
  lastRunDate: string;
  lastSent: number;
  lastSkipped: number;
}

export const configureStatementRunSignal = defineSignal<[StatementRunConfig]>('configure');
export const statementRunStateQuery = defineQuery<StatementRunView>('state');

export function planOf(anchor: string, config: StatementRunConfig): EmissionPlan {
  const dayRule: DayRule = config.dayRule === 'last_day' ? { kind: 'last_day' } : { kind: 'day_of_month', day: config.day };
  return { anchor, dayRule, cycleMonths: config.cycleMonths };
}

/** When date n of the plan happens: its local time of day in the tenant's zone. */
export function runInstant(plan: EmissionPlan, index: number, config: StatementRunConfig): number {
  const [hour, minute] = config.timeOfDay.split(':').map(Number);
  return zonedInstant(emissionDate(plan, index), hour, minute, config.timeZone);
}

/** A new rule starts from today in the tenant's zone: its first date on or after today. */
export function anchorFor(now: number, config: StatementRunConfig): string {
  return firstEmissionOnOrAfter(localDateAt(now, config.timeZone), planOf('1970-01-01', config).dayRule);
}

/** The first date from `fromIndex` that is still ahead and after the last run: missed dates are not caught up. */
export function nextIndexAfter(plan: EmissionPlan, fromIndex: number, now: number, lastRunDate: string, config: StatementRunConfig): number {
  let index = fromIndex;
  while (runInstant(plan, index, config) <= now || (lastRunDate !== '' && emissionDate(plan, index) <= lastRunDate)) index += 1;
  return index;
}

export const sameRule = (a: StatementRunConfig, b: StatementRunConfig): boolean =>
  a.dayRule === b.dayRule && (a.dayRule === 'last_day' || a.day === b.day) && a.cycleMonths === b.cycleMonths;
