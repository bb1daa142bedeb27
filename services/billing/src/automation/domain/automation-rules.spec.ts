import { autoSendProblems, DEFAULT_AUTO_SEND, DEFAULT_STATEMENTS, normalizeReminders, statementProblems, type ReminderRuleValues } from './automation-rules';

const rule = (extra: Partial<ReminderRuleValues>): ReminderRuleValues => ({ id: '', kind: 'before', days: 3, channel: 'email', attachStatement: false, ...extra });
const fields = (problems: Array<{ field: string; code: string }>) => Object.fromEntries(problems.map((p) => [p.field, p.code]));

describe('automation settings rules', () => {
  it('accepts the defaults and both recipient choices of seed 003', () => {
    expect(autoSendProblems(DEFAULT_AUTO_SEND)).toEqual([]);
    expect(autoSendProblems({ ...DEFAULT_AUTO_SEND, enabled: true, recipients: 'only_multiple', template: 'last_used', subject: 'Sus facturas de marzo' })).toEqual([]);
    expect(statementProblems(DEFAULT_STATEMENTS)).toEqual([]);
  });

  it('names every bad field of automatic sending and scheduled statements', () => {
    expect(fields(autoSendProblems({ ...DEFAULT_AUTO_SEND, template: 'fancy', recipients: 'some', subject: 'x'.repeat(201) }))).toEqual({
      'autoSend.template': 'automation.template_invalid',
      'autoSend.recipients': 'automation.recipients_invalid',
      'autoSend.subject': 'automation.too_long',
    });
    expect(
      fields(statementProblems({ ...DEFAULT_STATEMENTS, dayRule: 'day_of_month', day: 32, cycleMonths: 0, timeOfDay: '8:00', format: 'docx' })),
    ).toEqual({
      'scheduledStatements.day': 'automation.day_out_of_range',
      'scheduledStatements.cycleMonths': 'automation.cycle_out_of_range',
      'scheduledStatements.timeOfDay': 'automation.time_invalid',
      'scheduledStatements.format': 'automation.format_invalid',
    });
    expect(fields(statementProblems({ ...DEFAULT_STATEMENTS, dayRule: 'weekly' }))).toEqual({ 'scheduledStatements.dayRule': 'automation.day_rule_invalid' });
    expect(statementProblems({ ...DEFAULT_STATEMENTS, dayRule: 'day_of_month', day: 31, timeOfDay: '23:59' })).toEqual([]);
  });

  it('gives rules without an id a stable one from their moment', () => {
    const { reminders, problems } = normalizeReminders({
      enabled: true,
      timeOfDay: '08:00',
      rules: [rule({ kind: 'before', days: 3 }), rule({ kind: 'on', days: 0, channel: 'whatsapp' }), rule({ kind: 'after', days: 5, attachStatement: true }), rule({ id: 'cobro-30', kind: 'after', days: 30 })],
    });
    expect(problems).toEqual([]);
    expect(reminders.rules.map((r) => r.id)).toEqual(['before-3', 'on-due', 'after-5', 'cobro-30']);
  });

  it('refuses out-of-range days, unknown kinds and channels, duplicates and an empty enabled list', () => {
    const { problems } = normalizeReminders({
      enabled: true,
      timeOfDay: '25:00',
      rules: [
        rule({ kind: 'before', days: 0 }),
        rule({ kind: 'after', days: 91 }),
        rule({ kind: 'on', days: 2 }),
        rule({ kind: 'soon', channel: 'sms' }),
        rule({ kind: 'before', days: 3 }),
        rule({ kind: 'before', days: 3, id: 'otra' }),
        rule({ kind: 'after', days: 7, id: 'before-3' }),
        rule({ kind: 'after', days: 8, id: 'Mal Id' }),
      ],
    });
    expect(fields(problems)).toEqual({
      'reminders.timeOfDay': 'automation.time_invalid',
      'reminders.rules[0].days': 'automation.rule_days_out_of_range',
      'reminders.rules[1].days': 'automation.rule_days_out_of_range',
      'reminders.rules[2].days': 'automation.rule_on_days',
      'reminders.rules[3].kind': 'automation.rule_kind_invalid',
      'reminders.rules[3].channel': 'automation.rule_channel_invalid',
      'reminders.rules[5].days': 'automation.rule_duplicate',
      'reminders.rules[6].id': 'automation.rule_id_duplicate',
      'reminders.rules[7].id': 'automation.rule_id_invalid',
    });
    expect(fields(normalizeReminders({ enabled: true, timeOfDay: '08:00', rules: [] }).problems)).toEqual({ 'reminders.rules': 'automation.rules_required' });
    expect(normalizeReminders({ enabled: false, timeOfDay: '08:00', rules: [] }).problems).toEqual([]);
  });
});
