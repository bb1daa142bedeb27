import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { LineInput } from '../domain/document-totals';

export type ScheduleStatus = 'active' | 'paused' | 'completed' | 'ended';

/** A schedule's configuration as validated and stored (normalized: defaults filled in). */
export interface StoredScheduleConfig {
  documentKind: 'invoice' | 'remission';
  lines: LineInput[];
  currency: string;
  paymentTermsDays: number;
  series: string;
  letter: string;
  notes: string;
  dayRule: 'day_of_month' | 'last_day';
  /** 1 to 31 with day_of_month; 0 with last_day. */
  day: number;
  cycleMonths: number;
  startDate: string;
  documentTime: string;
  emissionHour: number;
  maxDocuments: number | null;
  recipients: { includeClient: boolean; contactIds: string[]; staffIds: string[]; customText: string };
}

/**
 * A recurring invoice or remission (seed 001). Billing owns the configuration; the schedule's
 * Temporal workflow runs it and reports its runtime state back here (status, counts, next date,
 * last error), newest revision winning.
 */
@Entity({ tableName: 'recurring_schedule' })
@Index({ name: 'recurring_schedule_client_idx', properties: ['tenantId', 'clientId'] })
@Index({ name: 'recurring_schedule_next_idx', properties: ['tenantId', 'status', 'nextEmissionDate'] })
export class RecurringSchedule {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'uuid' })
  clientId!: string;

  @Property({ type: 'string', length: 300 })
  clientName!: string;

  @Property({ type: 'json' })
  config!: StoredScheduleConfig;

  @Property({ type: 'string', length: 20 })
  status: ScheduleStatus = 'active';

  @Property({ type: 'integer' })
  emittedCount: number = 0;

  @Property({ type: 'integer' })
  skippedCount: number = 0;

  /** First emission of the current epoch (day rule and cycle); emission n follows from it alone. */
  @Property({ type: 'string', length: 10 })
  anchorDate!: string;

  /** Incremented when the day rule or cycle changes; part of each emission's idempotency key. */
  @Property({ type: 'integer' })
  epoch: number = 0;

  @Property({ type: 'integer' })
  nextIndex: number = 0;

  @Property({ type: 'string', length: 10, nullable: true })
  nextEmissionDate: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  nextEmissionAt: Date | null = null;

  @Property({ type: 'string', length: 10 })
  lastEmissionDate: string = '';

  @Property({ type: 'string', length: 36 })
  lastDocumentId: string = '';

  @Property({ type: 'text' })
  lastError: string = '';

  @Property({ type: 'integer' })
  configVersion: number = 1;

  /** The last runtime revision the workflow reported; older reports are ignored. */
  @Property({ type: 'integer' })
  stateRevision: number = 0;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}

/** One workflow per schedule, readable in the Temporal UI. */
export const scheduleWorkflowId = (scheduleId: string): string => `recurring-schedule:${scheduleId}`;
