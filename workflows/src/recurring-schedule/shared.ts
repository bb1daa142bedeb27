import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { SearchAttributeKey } from '@temporalio/common/lib/search-attributes';

/** The configuration as billing stores it (plain JSON; see billing's StoredScheduleConfig). */
export interface ScheduleConfigJson {
  documentKind: 'invoice' | 'remission';
  lines: Array<{ description: string; quantity: string; unitPrice: string; discountPercent: string; taxRatePercent: string }>;
  currency: string;
  paymentTermsDays: number;
  series: string;
  letter: string;
  notes: string;
  dayRule: 'day_of_month' | 'last_day';
  day: number;
  cycleMonths: number;
  startDate: string;
  documentTime: string;
  emissionHour: number;
  maxDocuments: number | null;
  recipients: { includeClient: boolean; contactIds: string[]; staffIds: string[]; customText: string };
}

export type ScheduleStatus = 'active' | 'paused' | 'completed' | 'ended';

/** Everything the workflow carries across continue-as-new. */
export interface ScheduleState {
  scheduleId: string;
  tenantId: string;
  clientId: string;
  clientName: string;
  timeZone: string;
  config: ScheduleConfigJson;
  configVersion: number;
  status: ScheduleStatus;
  /** First emission of the current epoch; emission n is computed from it and n alone. */
  anchorDate: string;
  epoch: number;
  nextIndex: number;
  emittedCount: number;
  skippedCount: number;
  lastEmissionDate: string;
  lastDocumentId: string;
  lastError: string;
  /** When an emission last failed (ISO instant); absent when none did. */
  lastFailureAt?: string;
  /** Increases with every report to billing, so an older report never overwrites a newer one. */
  revision: number;
}

export interface RecurringScheduleInput {
  tenantId: string;
  scheduleId: string;
  /** Set by continue-as-new; a fresh start loads the schedule from billing. */
  state?: ScheduleState;
}

/** What operators and portals see of a running schedule. */
export interface ScheduleView {
  scheduleId: string;
  status: ScheduleStatus;
  emittedCount: number;
  skippedCount: number;
  nextEmissionDate: string;
  nextEmissionAt: string;
  lastEmissionDate: string;
  lastDocumentId: string;
  lastError: string;
  configVersion: number;
}

export const scheduleStateQuery = defineQuery<ScheduleView>('state');
export const pauseScheduleUpdate = defineUpdate<ScheduleView>('pause');
export const resumeScheduleUpdate = defineUpdate<ScheduleView>('resume');
export const skipNextEmissionUpdate = defineUpdate<ScheduleView>('skipNextEmission');
export const endScheduleUpdate = defineUpdate<ScheduleView>('end');
export const changeScheduleConfigUpdate = defineUpdate<ScheduleView, [ScheduleConfigJson]>('changeConfiguration');

/** One workflow per schedule; the same id billing shows as the schedule's workflow id. */
export const recurringScheduleWorkflowId = (scheduleId: string): string => `recurring-schedule:${scheduleId}`;

/** A retried or replayed emission issues nothing new: billing returns the first document for the key. */
export const emissionIdempotencyKey = (scheduleId: string, epoch: number, index: number): string =>
  `recurring-schedule:${scheduleId}:e${epoch}-${index}`;

/** Error types an update or activity uses for a refusal the caller must see as such. */
export const REFUSED = 'ScheduleRefused';

export const SCHEDULE_STATUS_KEY: SearchAttributeKey<'KEYWORD'> = { name: 'ScheduleStatus', type: 'KEYWORD' };
export const NEXT_EMISSION_KEY: SearchAttributeKey<'DATETIME'> = { name: 'NextEmission', type: 'DATETIME' };
/** When an emission last failed: "schedules that failed last night" is one query on it. */
export const LAST_FAILURE_KEY: SearchAttributeKey<'DATETIME'> = { name: 'LastFailure', type: 'DATETIME' };
