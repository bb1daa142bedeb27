import { create } from '@bufbuild/protobuf';
import { BillingRpc, ClientsRpc, ScheduleConfigSchema, type RecurringSchedule, type ScheduleConfig } from '@cobranza/contracts';
import type { RpcClient } from '@cobranza/platform';
import type { ScheduleConfigJson, ScheduleState } from '../recurring-schedule/shared';
import { refusalsAreFinal } from './failures';

export interface ScheduleReport {
  tenantId: string;
  id: string;
  status: string;
  emittedCount: number;
  skippedCount: number;
  anchorDate: string;
  epoch: number;
  nextIndex: number;
  nextEmissionDate: string;
  nextEmissionAt: string;
  lastEmissionDate: string;
  lastDocumentId: string;
  lastError: string;
  revision: number;
}

export function scheduleActivities(rpc: RpcClient) {
  return {
    /** The schedule as billing stores it, with the tenant's time zone, to start (or restart) its workflow. */
    async loadScheduleState(tenantId: string, scheduleId: string): Promise<ScheduleState> {
      const schedule = await refusalsAreFinal(() => rpc.call(BillingRpc.getSchedule, { tenantId, id: scheduleId }));
      const tenant = await refusalsAreFinal(() => rpc.call(ClientsRpc.getTenant, { id: tenantId }));
      return {
        scheduleId: schedule.id,
        tenantId,
        clientId: schedule.clientId,
        clientName: schedule.clientName,
        timeZone: tenant.timezone,
        config: toConfigJson(schedule.config!),
        configVersion: schedule.configVersion,
        status: schedule.status as ScheduleState['status'],
        anchorDate: schedule.anchorDate,
        epoch: schedule.epoch,
        nextIndex: schedule.nextIndex,
        emittedCount: schedule.emittedCount,
        skippedCount: schedule.skippedCount,
        lastEmissionDate: schedule.lastEmissionDate,
        lastDocumentId: schedule.lastDocumentId,
        lastError: schedule.lastError,
        revision: schedule.stateRevision,
      };
    },

    /** Issues one emission; the idempotency key makes a retry or replay return the same document. */
    async issueScheduledDocument(input: { tenantId: string; clientId: string; idempotencyKey: string; issueDate: string; config: ScheduleConfigJson }) {
      const { config } = input;
      const document = await refusalsAreFinal(() =>
        rpc.call(BillingRpc.issueDocument, {
          tenantId: input.tenantId,
          idempotencyKey: input.idempotencyKey,
          kind: config.documentKind,
          clientId: input.clientId,
          series: config.series,
          letter: config.letter,
          currency: config.currency,
          issueDate: input.issueDate,
          issueTime: config.documentTime,
          paymentTermsDays: config.paymentTermsDays,
          lines: config.lines,
          notes: config.notes,
        }),
      );
      return { id: document.id, displayNumber: document.displayNumber, total: document.total, currency: document.currency };
    },

    async reportScheduleState(report: ScheduleReport): Promise<void> {
      await refusalsAreFinal(() => rpc.call(BillingRpc.reportScheduleState, report));
    },

    /** Billing validates and stores a user's change; a refusal fails the update with billing's words. */
    async applyScheduleConfig(tenantId: string, scheduleId: string, config: ScheduleConfigJson) {
      const schedule: RecurringSchedule = await refusalsAreFinal(() =>
        rpc.call(BillingRpc.changeScheduleConfig, { tenantId, id: scheduleId, config: toConfigMessage(config) }),
      );
      return {
        config: toConfigJson(schedule.config!),
        configVersion: schedule.configVersion,
        anchorDate: schedule.anchorDate,
        epoch: schedule.epoch,
        nextIndex: schedule.nextIndex,
      };
    },
  };
}

export function toConfigJson(config: ScheduleConfig): ScheduleConfigJson {
  return {
    documentKind: config.documentKind as ScheduleConfigJson['documentKind'],
    lines: config.lines.map((l) => ({
      description: l.description,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discountPercent: l.discountPercent,
      taxRatePercent: l.taxRatePercent,
    })),
    currency: config.currency,
    paymentTermsDays: config.paymentTermsDays,
    series: config.series,
    letter: config.letter,
    notes: config.notes,
    dayRule: config.dayRule as ScheduleConfigJson['dayRule'],
    day: config.day,
    cycleMonths: config.cycleMonths,
    startDate: config.startDate,
    documentTime: config.documentTime,
    emissionHour: config.emissionHour ?? 7,
    maxDocuments: config.maxDocuments ?? null,
    recipients: {
      includeClient: config.recipients?.includeClient ?? true,
      contactIds: [...(config.recipients?.contactIds ?? [])],
      staffIds: [...(config.recipients?.staffIds ?? [])],
      customText: config.recipients?.customText ?? '',
    },
  };
}

export function toConfigMessage(config: ScheduleConfigJson): ScheduleConfig {
  return create(ScheduleConfigSchema, { ...config, maxDocuments: config.maxDocuments ?? undefined });
}
