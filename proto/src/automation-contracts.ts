import {
  AutomationSettingsSchema,
  AutomationSettingsUpdatedSchema,
  ClaimReminderReplySchema,
  ClaimReminderRequestSchema,
  DueRemindersReplySchema,
  DueRemindersRequestSchema,
  GetAutomationSettingsRequestSchema,
  OpenBalancesReplySchema,
  OpenBalancesRequestSchema,
  UpdateAutomationSettingsRequestSchema,
} from './gen/cobranza/billing/v1/automation_pb';
import { event, rpc } from './contract';

export * from './gen/cobranza/billing/v1/automation_pb';

/** The tenant's automations (issue 8); billing stores them and answers what is due. */
export const AutomationRpc = {
  getSettings: rpc('rpc.billing.automation.get', GetAutomationSettingsRequestSchema, AutomationSettingsSchema),
  updateSettings: rpc('rpc.billing.automation.update', UpdateAutomationSettingsRequestSchema, AutomationSettingsSchema),
  /** Clients with an open balance as of a date and their open invoices (scheduled statements). */
  openBalances: rpc('rpc.billing.automation.open_balances', OpenBalancesRequestSchema, OpenBalancesReplySchema),
  /** The (invoice, rule) pairs a reminder pass sends on the tenant's local date. */
  dueReminders: rpc('rpc.billing.automation.due_reminders', DueRemindersRequestSchema, DueRemindersReplySchema),
  /** Claims one (invoice, rule) pair for a pass; idempotent for the same claimant. */
  claimReminder: rpc('rpc.billing.automation.claim_reminder', ClaimReminderRequestSchema, ClaimReminderReplySchema),
} as const;

export const AutomationEvents = {
  settingsUpdated: event('evt.billing.automation.updated', AutomationSettingsUpdatedSchema),
} as const;

/** Values the settings take. */
export const AUTO_SEND_RECIPIENTS = ['all', 'only_multiple'] as const;
export const AUTOMATION_TEMPLATES = ['original', 'last_used'] as const;
export const REMINDER_KINDS = ['before', 'on', 'after'] as const;
export const REMINDER_CHANNELS = ['email', 'whatsapp'] as const;
export const STATEMENT_DAY_RULES = ['day_of_month', 'last_day'] as const;
export const REMINDER_MAX_DAYS = 90;
export const REMINDER_MAX_RULES = 20;
