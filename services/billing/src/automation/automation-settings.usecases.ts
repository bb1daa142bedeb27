import {
  AutomationEvents,
  type AutoSendSettings,
  type ReminderSettings,
  type ScheduledStatementSettings,
  type UpdateAutomationSettingsRequest,
} from '@cobranza/contracts';
import { OutboxRelay, recordEvent, type ProvisionedTenant } from '@cobranza/platform';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { BillingTenants } from '../tenants/billing-tenants';
import { throwProblems } from './automation-messages';
import { AutomationSettings } from './automation-settings.entity';
import {
  autoSendProblems,
  normalizeReminders,
  statementProblems,
  type AutoSendValues,
  type ReminderValues,
  type ScheduledStatementValues,
} from './domain/automation-rules';

export async function automationSettingsOf(em: EntityManager, tenantId: string): Promise<AutomationSettings> {
  return (await em.findOne(AutomationSettings, { tenantId })) ?? Object.assign(new AutomationSettings(), { tenantId, version: 0 });
}

/** The settings as the contract carries them, with the tenant's time zone in which they are read. */
export function automationView(settings: AutomationSettings, tenant: ProvisionedTenant) {
  return {
    tenantId: settings.tenantId,
    autoSend: {
      enabled: settings.autoSendEnabled,
      subject: settings.autoSendSubject,
      template: settings.autoSendTemplate,
      body: settings.autoSendBody,
      recipients: settings.autoSendRecipients,
    },
    scheduledStatements: {
      enabled: settings.statementsEnabled,
      dayRule: settings.statementsDayRule,
      day: settings.statementsDay,
      cycleMonths: settings.statementsCycleMonths,
      timeOfDay: settings.statementsTimeOfDay,
      format: settings.statementsFormat,
      attachOpenInvoices: settings.statementsAttachOpenInvoices,
    },
    reminders: {
      enabled: settings.remindersEnabled,
      timeOfDay: settings.remindersTimeOfDay,
      rules: settings.reminderRules.map((r) => ({ ...r })),
    },
    version: settings.version,
    timeZone: tenant.timezone,
    updatedAt: settings.updatedAt.toISOString(),
  };
}

// Empty strings and zeros are what proto3 carries for a field left out: they mean the default.
const autoSendOf = (s: AutoSendSettings): AutoSendValues => ({
  enabled: s.enabled,
  subject: s.subject.trim(),
  template: s.template || 'original',
  body: s.body,
  recipients: s.recipients || 'all',
});

const statementsOf = (s: ScheduledStatementSettings): ScheduledStatementValues => ({
  enabled: s.enabled,
  dayRule: s.dayRule || 'last_day',
  day: s.dayRule === 'last_day' || !s.dayRule ? 0 : s.day,
  cycleMonths: s.cycleMonths || 1,
  timeOfDay: s.timeOfDay || '08:00',
  format: s.format || 'pdf',
  attachOpenInvoices: s.attachOpenInvoices,
});

const remindersOf = (s: ReminderSettings): ReminderValues => ({
  enabled: s.enabled,
  timeOfDay: s.timeOfDay || '08:00',
  rules: s.rules.map((r) => ({ id: r.id, kind: r.kind, days: r.days, channel: r.channel || 'email', attachStatement: r.attachStatement })),
});

/**
 * Reads and changes a tenant's automations. Every change is checked as a whole (one answer names
 * every bad field, nothing is stored), bumps the version and records
 * `evt.billing.automation.updated` in the same transaction, which the worker turns into the
 * reminder Schedule and the scheduled-statement workflow.
 */
@Injectable()
export class AutomationSettingsUseCases {
  constructor(
    private readonly em: EntityManager,
    private readonly tenants: BillingTenants,
    private readonly relay: OutboxRelay,
  ) {}

  async get(tenantId: string) {
    const tenant = await this.tenants.get(tenantId);
    return automationView(await automationSettingsOf(this.em.fork(), tenant.id), tenant);
  }

  async update(request: UpdateAutomationSettingsRequest) {
    const tenant = await this.tenants.get(request.tenantId);
    const autoSend = request.autoSend ? autoSendOf(request.autoSend) : undefined;
    const statements = request.scheduledStatements ? statementsOf(request.scheduledStatements) : undefined;
    const normalized = request.reminders ? normalizeReminders(remindersOf(request.reminders)) : undefined;
    throwProblems([...(autoSend ? autoSendProblems(autoSend) : []), ...(statements ? statementProblems(statements) : []), ...(normalized?.problems ?? [])]);

    const saved = await this.em.fork().transactional(async (tx) => {
      // The row lock orders concurrent changes, so each gets its own version.
      await tx.getConnection().execute(`insert into automation_settings (tenant_id, reminder_rules, updated_at) values (?, '[]', now()) on conflict do nothing`, [tenant.id]);
      const row = await tx.findOneOrFail(AutomationSettings, { tenantId: tenant.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (autoSend) {
        Object.assign(row, {
          autoSendEnabled: autoSend.enabled,
          autoSendSubject: autoSend.subject,
          autoSendTemplate: autoSend.template,
          autoSendBody: autoSend.body,
          autoSendRecipients: autoSend.recipients,
        });
      }
      if (statements) {
        Object.assign(row, {
          statementsEnabled: statements.enabled,
          statementsDayRule: statements.dayRule,
          statementsDay: statements.day,
          statementsCycleMonths: statements.cycleMonths,
          statementsTimeOfDay: statements.timeOfDay,
          statementsFormat: statements.format,
          statementsAttachOpenInvoices: statements.attachOpenInvoices,
        });
      }
      if (normalized) {
        Object.assign(row, {
          remindersEnabled: normalized.reminders.enabled,
          remindersTimeOfDay: normalized.reminders.timeOfDay,
          reminderRules: normalized.reminders.rules,
        });
      }
      row.version += 1;
      row.updatedAt = new Date();
      recordEvent(tx, AutomationEvents.settingsUpdated, { settings: automationView(row, tenant) });
      return row;
    });
    this.relay.kick();
    return automationView(saved, tenant);
  }
}
