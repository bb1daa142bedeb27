import { create } from '@bufbuild/protobuf';
import { RecurringScheduleSchema, ScheduleConfigSchema, type RecurringSchedule as ScheduleMessage, type ScheduleConfig } from '@cobranza/contracts';
import { RecurringSchedule, scheduleWorkflowId, type StoredScheduleConfig } from './recurring-schedule.entity';

export function toConfigMessage(config: StoredScheduleConfig): ScheduleConfig {
  return create(ScheduleConfigSchema, {
    documentKind: config.documentKind,
    lines: config.lines,
    currency: config.currency,
    paymentTermsDays: config.paymentTermsDays,
    series: config.series,
    letter: config.letter,
    notes: config.notes,
    dayRule: config.dayRule,
    day: config.day,
    cycleMonths: config.cycleMonths,
    startDate: config.startDate,
    documentTime: config.documentTime,
    emissionHour: config.emissionHour,
    maxDocuments: config.maxDocuments ?? undefined,
    recipients: config.recipients,
  });
}

export function toScheduleMessage(schedule: RecurringSchedule): ScheduleMessage {
  return create(RecurringScheduleSchema, {
    id: schedule.id,
    tenantId: schedule.tenantId,
    clientId: schedule.clientId,
    clientName: schedule.clientName,
    config: toConfigMessage(schedule.config),
    status: schedule.status,
    emittedCount: schedule.emittedCount,
    skippedCount: schedule.skippedCount,
    anchorDate: schedule.anchorDate,
    epoch: schedule.epoch,
    nextIndex: schedule.nextIndex,
    nextEmissionDate: schedule.nextEmissionDate ?? '',
    nextEmissionAt: schedule.nextEmissionAt?.toISOString() ?? '',
    lastEmissionDate: schedule.lastEmissionDate,
    lastDocumentId: schedule.lastDocumentId,
    lastError: schedule.lastError,
    configVersion: schedule.configVersion,
    stateRevision: schedule.stateRevision,
    workflowId: scheduleWorkflowId(schedule.id),
    createdAt: schedule.createdAt.toISOString(),
    updatedAt: schedule.updatedAt.toISOString(),
  });
}
