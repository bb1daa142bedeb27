import {
  AUTO_SEND_RECIPIENTS,
  AUTOMATION_TEMPLATES,
  REMINDER_CHANNELS,
  REMINDER_KINDS,
  REMINDER_MAX_DAYS,
  REMINDER_MAX_RULES,
  STATEMENT_DAY_RULES,
} from '@cobranza/contracts';

/** The automations of a tenant as plain values (the entity stores them, the contract carries them). */
export interface AutoSendValues {
  enabled: boolean;
  subject: string;
  template: string;
  body: string;
  recipients: string;
}

export interface ScheduledStatementValues {
  enabled: boolean;
  dayRule: string;
  day: number;
  cycleMonths: number;
  timeOfDay: string;
  format: string;
  attachOpenInvoices: boolean;
}

export interface ReminderRuleValues {
  id: string;
  kind: string;
  days: number;
  channel: string;
  attachStatement: boolean;
}

export interface ReminderValues {
  enabled: boolean;
  timeOfDay: string;
  rules: ReminderRuleValues[];
}

export const DEFAULT_AUTO_SEND: AutoSendValues = { enabled: false, subject: '', template: 'original', body: '', recipients: 'all' };
export const DEFAULT_STATEMENTS: ScheduledStatementValues = {
  enabled: false,
  dayRule: 'last_day',
  day: 0,
  cycleMonths: 1,
  timeOfDay: '08:00',
  format: 'pdf',
  attachOpenInvoices: true,
};
export const DEFAULT_REMINDERS: ReminderValues = { enabled: false, timeOfDay: '08:00', rules: [] };

export const SUBJECT_MAX = 200;
export const BODY_MAX = 5000;
export const MAX_CYCLE_MONTHS = 120;

/** A problem of one field, as a stable code and its message parameters. */
export interface FieldProblem {
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
const RULE_ID = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const includes = (list: readonly string[], value: string) => list.includes(value);

/** "before-3", "on-due", "after-5": the id a rule gets when none is given. */
export const defaultRuleId = (kind: string, days: number): string => (kind === 'on' ? 'on-due' : `${kind}-${days}`);

/** The local hour and minute of "HH:MM". */
export function parseTimeOfDay(value: string): { hour: number; minute: number } {
  const [hour, minute] = value.split(':').map(Number);
  return { hour, minute };
}

export function autoSendProblems(values: AutoSendValues): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!includes(AUTOMATION_TEMPLATES, values.template)) problems.push({ field: 'autoSend.template', code: 'automation.template_invalid', params: { value: values.template } });
  if (!includes(AUTO_SEND_RECIPIENTS, values.recipients)) problems.push({ field: 'autoSend.recipients', code: 'automation.recipients_invalid', params: { value: values.recipients } });
  if (values.subject.length > SUBJECT_MAX) problems.push({ field: 'autoSend.subject', code: 'automation.too_long', params: { max: SUBJECT_MAX } });
  if (values.body.length > BODY_MAX) problems.push({ field: 'autoSend.body', code: 'automation.too_long', params: { max: BODY_MAX } });
  return problems;
}

export function statementProblems(values: ScheduledStatementValues): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const at = (name: string) => `scheduledStatements.${name}`;
  if (!includes(STATEMENT_DAY_RULES, values.dayRule)) problems.push({ field: at('dayRule'), code: 'automation.day_rule_invalid', params: { value: values.dayRule } });
  else if (values.dayRule === 'day_of_month' && !(Number.isInteger(values.day) && values.day >= 1 && values.day <= 31))
    problems.push({ field: at('day'), code: 'automation.day_out_of_range' });
  if (!(Number.isInteger(values.cycleMonths) && values.cycleMonths >= 1 && values.cycleMonths <= MAX_CYCLE_MONTHS))
    problems.push({ field: at('cycleMonths'), code: 'automation.cycle_out_of_range', params: { max: MAX_CYCLE_MONTHS } });
  if (!TIME_OF_DAY.test(values.timeOfDay)) problems.push({ field: at('timeOfDay'), code: 'automation.time_invalid' });
  if (!['pdf', 'xlsx'].includes(values.format)) problems.push({ field: at('format'), code: 'automation.format_invalid', params: { value: values.format } });
  return problems;
}

/**
 * The reminder rules with their ids filled in, and their problems: kinds, day ranges (1 to 90
 * before or after, none on the due date), channels, and no two rules for the same moment or id.
 */
export function normalizeReminders(values: ReminderValues): { reminders: ReminderValues; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (!TIME_OF_DAY.test(values.timeOfDay)) problems.push({ field: 'reminders.timeOfDay', code: 'automation.time_invalid' });
  if (values.rules.length > REMINDER_MAX_RULES) problems.push({ field: 'reminders.rules', code: 'automation.too_many_rules', params: { max: REMINDER_MAX_RULES } });
  if (values.enabled && values.rules.length === 0) problems.push({ field: 'reminders.rules', code: 'automation.rules_required' });
  const moments = new Set<string>();
  const ids = new Set<string>();
  const rules = values.rules.map((rule, index) => {
    const at = (name: string) => `reminders.rules[${index}].${name}`;
    const id = rule.id.trim() || defaultRuleId(rule.kind, rule.days);
    const kindKnown = includes(REMINDER_KINDS, rule.kind);
    if (!kindKnown) problems.push({ field: at('kind'), code: 'automation.rule_kind_invalid', params: { value: rule.kind } });
    else if (rule.kind === 'on') {
      if (rule.days !== 0) problems.push({ field: at('days'), code: 'automation.rule_on_days' });
    } else if (!(Number.isInteger(rule.days) && rule.days >= 1 && rule.days <= REMINDER_MAX_DAYS)) {
      problems.push({ field: at('days'), code: 'automation.rule_days_out_of_range', params: { max: REMINDER_MAX_DAYS } });
    }
    if (!includes(REMINDER_CHANNELS, rule.channel)) problems.push({ field: at('channel'), code: 'automation.rule_channel_invalid', params: { value: rule.channel } });
    if (!RULE_ID.test(id)) problems.push({ field: at('id'), code: 'automation.rule_id_invalid' });
    else if (ids.has(id)) problems.push({ field: at('id'), code: 'automation.rule_id_duplicate', params: { id } });
    ids.add(id);
    const moment = `${rule.kind}:${rule.kind === 'on' ? 0 : rule.days}`;
    if (kindKnown && moments.has(moment)) problems.push({ field: at('days'), code: 'automation.rule_duplicate' });
    moments.add(moment);
    return { ...rule, id };
  });
  return { reminders: { ...values, rules }, problems };
}
