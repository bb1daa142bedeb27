import {
  BillingEvents,
  ClientsRpc,
  type ChangeScheduleConfigRequest,
  type CreateScheduleRequest,
  type ListSchedulesRequest,
  type PreviewScheduleRequest,
  type ReportScheduleStateRequest,
} from '@cobranza/contracts';
import { DomainError, OutboxRelay, recordEvent, RpcClient, ValidationError } from '@cobranza/platform';
import { emissionDate, emissionInstant, isLocalDate, type EmissionPlan } from '@cobranza/recurrence';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { domainError, fieldErrors, isUuid, message, notFound } from '../common/messages';
import { IssueDocumentUseCase } from '../documents/issue-document.usecase';
import { BillingTenants } from '../tenants/billing-tenants';
import { RecurringSchedule, type ScheduleStatus, type StoredScheduleConfig } from './recurring-schedule.entity';
import { toScheduleMessage } from './schedule.mapper';
import { dayRuleOf, planFrom, sameRule, validateScheduleConfig } from './schedule-config';

const STATUSES: readonly ScheduleStatus[] = ['active', 'paused', 'completed', 'ended'];
const FINISHED: readonly ScheduleStatus[] = ['completed', 'ended'];

/**
 * Billing's side of recurring schedules: it validates and stores the configuration, answers
 * lists and previews, and keeps the runtime state the schedule's workflow reports back.
 */
@Injectable()
export class ScheduleUseCases {
  constructor(
    private readonly em: EntityManager,
    private readonly tenants: BillingTenants,
    private readonly documents: IssueDocumentUseCase,
    private readonly rpc: RpcClient,
    private readonly relay: OutboxRelay,
  ) {}

  async create(request: CreateScheduleRequest) {
    const config = validateScheduleConfig(request.config, this.documents);
    const tenant = await this.tenants.get(request.tenantId);
    const client = await this.tenants.client(request.tenantId, request.clientId);
    await this.checkRecipients(request.tenantId, request.clientId, config);
    const now = Date.now();
    const plan = planFrom(config, tenant.timezone, now, request.importedNextEmissionDate.trim());
    if (config.maxDocuments !== null && request.importedEmittedCount >= config.maxDocuments) {
      throw new ValidationError(message('validation_failed'), { importedEmittedCount: message('schedule.import_count_reaches_limit') });
    }
    const schedule = Object.assign(new RecurringSchedule(), {
      id: randomUUID(),
      tenantId: tenant.id,
      clientId: client.id,
      clientName: client.legalName,
      config: { ...config, currency: config.currency || client.currency },
      status: 'active',
      emittedCount: request.importedEmittedCount,
      anchorDate: plan.anchor,
      epoch: 0,
      nextIndex: 0,
      nextEmissionDate: plan.anchor,
      nextEmissionAt: new Date(emissionInstant(plan, 0, config.emissionHour, tenant.timezone)),
    });
    this.em.persist(schedule);
    recordEvent(this.em, BillingEvents.scheduleCreated, { schedule: toScheduleMessage(schedule) });
    await this.em.flush();
    this.relay.kick();
    return toScheduleMessage(schedule);
  }

  async get(tenantId: string, id: string) {
    return toScheduleMessage(await this.find(tenantId, id));
  }

  async list(request: ListSchedulesRequest) {
    const errors = fieldErrors();
    const pageSize = request.pageSize || 20;
    if (pageSize > 100) errors.add('pageSize', 'page_size_invalid');
    if (request.clientId && !isUuid(request.clientId)) errors.add('clientId', 'filter_invalid', { value: request.clientId });
    if (request.status && !STATUSES.includes(request.status as ScheduleStatus)) errors.add('status', 'schedule.status_invalid', { value: request.status });
    if (request.nextFrom && !isLocalDate(request.nextFrom)) errors.add('nextFrom', 'date_invalid');
    if (request.nextTo && !isLocalDate(request.nextTo)) errors.add('nextTo', 'date_invalid');
    errors.throwIfAny();
    if (!isUuid(request.tenantId)) throw notFound('tenant.not_found');
    const where: Record<string, unknown> = { tenantId: request.tenantId };
    if (request.clientId) where.clientId = request.clientId;
    if (request.status) where.status = request.status;
    if (request.nextFrom || request.nextTo) {
      where.nextEmissionDate = { ...(request.nextFrom ? { $gte: request.nextFrom } : {}), ...(request.nextTo ? { $lte: request.nextTo } : {}) };
    }
    const page = Math.max(1, request.page || 1);
    const [items, total] = await this.em.findAndCount(RecurringSchedule, where, {
      orderBy: { nextEmissionDate: 'asc nulls last', createdAt: 'asc' },
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return { items: items.map(toScheduleMessage), page, pageSize, total };
  }

  /** The next dates of a stored schedule, or of a draft configuration, by the workflow's own rule. */
  async preview(request: PreviewScheduleRequest) {
    const count = request.count || 12;
    if (count > 60) throw new ValidationError(message('validation_failed'), { count: message('schedule.count_invalid') });
    const tenant = await this.tenants.get(request.tenantId);
    let plan: EmissionPlan;
    let fromIndex = 0;
    let remaining: number | null;
    let hour: number;
    if (request.id) {
      const schedule = await this.find(request.tenantId, request.id);
      if (FINISHED.includes(schedule.status)) return { emissions: [], limited: schedule.status === 'completed' };
      plan = { anchor: schedule.anchorDate, dayRule: dayRuleOf(schedule.config), cycleMonths: schedule.config.cycleMonths };
      fromIndex = schedule.nextIndex;
      hour = schedule.config.emissionHour;
      remaining = schedule.config.maxDocuments === null ? null : schedule.config.maxDocuments - schedule.emittedCount;
    } else {
      const config = validateScheduleConfig(request.config, this.documents);
      plan = planFrom(config, tenant.timezone, Date.now(), request.importedNextEmissionDate.trim());
      hour = config.emissionHour;
      remaining = config.maxDocuments;
    }
    const shown = remaining === null ? count : Math.max(0, Math.min(count, remaining));
    const emissions = Array.from({ length: shown }, (_, i) => ({
      number: i + 1,
      date: emissionDate(plan, fromIndex + i),
      at: new Date(emissionInstant(plan, fromIndex + i, hour, tenant.timezone)).toISOString(),
    }));
    return { emissions, limited: remaining !== null && remaining <= count };
  }

  /**
   * A user's change, carried by the schedule's workflow. A new day rule or cycle needs a start
   * date later than today and begins a new epoch; the emitted count is always kept.
   */
  async changeConfig(request: ChangeScheduleConfigRequest) {
    const config = validateScheduleConfig(request.config, this.documents);
    const tenant = await this.tenants.get(request.tenantId);
    return this.em.transactional(async (tx) => {
      const schedule = await this.find(request.tenantId, request.id, tx, LockMode.PESSIMISTIC_WRITE);
      if (FINISHED.includes(schedule.status)) throw domainError('schedule.finished', 409, { status: schedule.status });
      await this.checkRecipients(schedule.tenantId, schedule.clientId, config);
      if (config.maxDocuments !== null && config.maxDocuments <= schedule.emittedCount) {
        throw new ValidationError(message('validation_failed'), {
          maxDocuments: message('schedule.limit_below_emitted', { max: config.maxDocuments, emitted: schedule.emittedCount }),
        });
      }
      const next: StoredScheduleConfig = { ...config, currency: config.currency || schedule.config.currency };
      const ruleChanged = !sameRule(schedule.config, next) || next.startDate !== schedule.config.startDate;
      if (ruleChanged) {
        const plan = planFrom(next, tenant.timezone, Date.now());
        schedule.anchorDate = plan.anchor;
        schedule.epoch += 1;
        schedule.nextIndex = 0;
      }
      const plan: EmissionPlan = { anchor: schedule.anchorDate, dayRule: dayRuleOf(next), cycleMonths: next.cycleMonths };
      schedule.config = next;
      schedule.configVersion += 1;
      schedule.nextEmissionDate = emissionDate(plan, schedule.nextIndex);
      schedule.nextEmissionAt = new Date(emissionInstant(plan, schedule.nextIndex, next.emissionHour, tenant.timezone));
      schedule.updatedAt = new Date();
      return toScheduleMessage(schedule);
    });
  }

  /** The workflow's runtime state; a report older than the stored one changes nothing. */
  async reportState(request: ReportScheduleStateRequest) {
    return this.em.transactional(async (tx) => {
      const schedule = await this.find(request.tenantId, request.id, tx, LockMode.PESSIMISTIC_WRITE);
      if (request.revision <= schedule.stateRevision) return toScheduleMessage(schedule);
      if (!STATUSES.includes(request.status as ScheduleStatus)) {
        throw new ValidationError(message('validation_failed'), { status: message('schedule.status_invalid', { value: request.status }) });
      }
      Object.assign(schedule, {
        status: request.status as ScheduleStatus,
        emittedCount: request.emittedCount,
        skippedCount: request.skippedCount,
        anchorDate: request.anchorDate || schedule.anchorDate,
        epoch: request.epoch,
        nextIndex: request.nextIndex,
        nextEmissionDate: request.nextEmissionDate || null,
        nextEmissionAt: request.nextEmissionAt ? new Date(request.nextEmissionAt) : null,
        lastEmissionDate: request.lastEmissionDate,
        lastDocumentId: request.lastDocumentId,
        lastError: request.lastError.slice(0, 2000),
        stateRevision: request.revision,
        updatedAt: new Date(),
      });
      return toScheduleMessage(schedule);
    });
  }

  private async find(tenantId: string, id: string, em: EntityManager = this.em, lockMode?: LockMode): Promise<RecurringSchedule> {
    if (!isUuid(tenantId)) throw notFound('tenant.not_found');
    const schedule = isUuid(id) ? await em.findOne(RecurringSchedule, { id, tenantId }, lockMode ? { lockMode } : {}) : null;
    if (!schedule) throw notFound('schedule.not_found');
    return schedule;
  }

  /** Chosen contacts must be offered this kind of document for this client; staff must exist. */
  private async checkRecipients(tenantId: string, clientId: string, config: StoredScheduleConfig): Promise<void> {
    const problems: Record<string, string> = {};
    if (config.recipients.contactIds.length > 0) {
      const offered = await this.rpc.call(ClientsRpc.resolveRecipients, { tenantId, clientId, documentKind: config.documentKind });
      const linked = new Set(offered.recipients.map((r) => r.contactId).filter(Boolean));
      config.recipients.contactIds.forEach((id, i) => {
        if (!linked.has(id)) problems[`recipients.contactIds[${i}]`] ??= message('schedule.contact_not_linked');
      });
    }
    for (const [i, id] of config.recipients.staffIds.entries()) {
      try {
        if (!isUuid(id)) throw notFound('schedule.staff_not_found');
        await this.rpc.call(ClientsRpc.getStaffMember, { tenantId, id });
      } catch (error) {
        if (!(error instanceof DomainError) || error.status !== 404) throw error;
        problems[`recipients.staffIds[${i}]`] = message('schedule.staff_not_found');
      }
    }
    if (Object.keys(problems).length > 0) throw new ValidationError(message('validation_failed'), problems);
  }
}
