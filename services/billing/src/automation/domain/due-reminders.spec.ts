import { localDateOf } from '../../domain/calendar';
import type { ReminderRuleValues } from './automation-rules';
import { dueReminders, REMINDER_CATCH_UP_DAYS, ruleDateOf } from './due-reminders';

const rule = (id: string, kind: string, days: number): ReminderRuleValues => ({ id, kind, days, channel: 'email', attachStatement: false });
const before3 = rule('before-3', 'before', 3);
const onDue = rule('on-due', 'on', 0);
const after5 = rule('after-5', 'after', 5);
const rules = [before3, onDue, after5];
const invoice = { id: 'f-1', dueDate: '2024-03-31' };
const due = (today: string, claims: Array<{ documentId: string; ruleId: string; ruleDate: string }> = [], list = [invoice]) =>
  dueReminders(today, list, rules, claims).map((p) => `${p.invoice.id}:${p.rule.id}:${p.ruleDate}`);

describe('due reminders', () => {
  it('dates each rule from the due date, across month and year ends', () => {
    expect(ruleDateOf('2024-03-01', before3)).toBe('2024-02-27');
    expect(ruleDateOf('2024-03-31', onDue)).toBe('2024-03-31');
    expect(ruleDateOf('2024-12-29', after5)).toBe('2025-01-03');
  });

  it('sends before, on and after the due date on their own days, and nothing between', () => {
    expect(due('2024-03-27')).toEqual([]);
    expect(due('2024-03-28')).toEqual(['f-1:before-3:2024-03-28']);
    expect(due('2024-03-31')).toEqual(['f-1:on-due:2024-03-31']);
    expect(due('2024-04-05')).toEqual(['f-1:after-5:2024-04-05']);
  });

  it('never sends a claimed rule again, nor an earlier rule once a later one was claimed', () => {
    expect(due('2024-03-29', [{ documentId: 'f-1', ruleId: 'before-3', ruleDate: '2024-03-28' }])).toEqual([]);
    expect(due('2024-04-01', [{ documentId: 'f-1', ruleId: 'on-due', ruleDate: '2024-03-31' }])).toEqual([]);
    // Another invoice's claim changes nothing for this one.
    expect(due('2024-03-28', [{ documentId: 'f-2', ruleId: 'before-3', ruleDate: '2024-03-28' }])).toEqual(['f-1:before-3:2024-03-28']);
  });

  it(`catches up a missed day for ${REMINDER_CATCH_UP_DAYS} days, only the latest rule, and a before rule only while not due`, () => {
    expect(due('2024-03-30')).toEqual(['f-1:before-3:2024-03-28']);
    // On the due date the "on" rule supersedes the missed "before" one.
    expect(due('2024-04-01')).toEqual(['f-1:on-due:2024-03-31']);
    expect(due('2024-04-03')).toEqual(['f-1:on-due:2024-03-31']);
    expect(due('2024-04-04')).toEqual([]);
    expect(due('2024-04-08')).toEqual(['f-1:after-5:2024-04-05']);
    expect(due('2024-04-09')).toEqual([]);
  });

  it('reads "today" in the tenant time zone: 02:00 UTC is still the day before in Caracas', () => {
    const at = new Date('2024-03-28T02:00:00Z');
    expect(localDateOf(at, 'America/Caracas')).toBe('2024-03-27');
    expect(due(localDateOf(at, 'America/Caracas'))).toEqual([]);
    expect(due(localDateOf(at, 'Europe/Madrid'))).toEqual(['f-1:before-3:2024-03-28']);
  });
});
