import { create } from '@bufbuild/protobuf';
import { IssueDocumentRequestSchema, type ScheduleConfig } from '@cobranza/contracts';
import { ValidationError } from '@cobranza/platform';
import { firstEmissionOnOrAfter, isAfterToday, isLocalDate, localDateAt, ruleProblems, type DayRule, type EmissionPlan } from '@cobranza/recurrence';
import { message } from '../common/messages';
import type { IssueDocumentUseCase } from '../documents/issue-document.usecase';
import { isClockTime } from '../documents/document-rules';
import type { StoredScheduleConfig } from './recurring-schedule.entity';

export const SCHEDULE_DOCUMENT_KINDS = ['invoice', 'remission'] as const;
const DEFAULT_EMISSION_HOUR = 7;
const MAX_RECIPIENT_IDS = 50;

/** Every problem of a configuration at once, or its normalized form. */
export function validateScheduleConfig(config: ScheduleConfig | undefined, documents: IssueDocumentUseCase): StoredScheduleConfig {
  const problems: Record<string, string> = {};
  const add = (field: string, code: string, params: Record<string, string | number> = {}) => {
    problems[field] ??= message(code, params);
  };
  if (!config) {
    add('config', 'required');
    throw new ValidationError(message('validation_failed'), problems);
  }

  // The document part follows the same rules as issuing one by hand.
  let lines: StoredScheduleConfig['lines'] = [];
  let series = '';
  let letter = '';
  try {
    ({ lines, series, letter } = documents.validate(
      create(IssueDocumentRequestSchema, {
        kind: config.documentKind,
        lines: config.lines,
        currency: config.currency,
        paymentTermsDays: config.paymentTermsDays,
        series: config.series,
        letter: config.letter,
        notes: config.notes,
      }),
    ));
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    for (const [field, text] of Object.entries(error.details)) problems[field === 'kind' ? 'documentKind' : field] ??= text;
  }
  if (!(SCHEDULE_DOCUMENT_KINDS as readonly string[]).includes(config.documentKind)) {
    add('documentKind', 'schedule.kind_invalid', { value: config.documentKind });
  }

  const dayRule = toDayRule(config);
  if (!dayRule) add('dayRule', 'schedule.day_rule_invalid', { value: config.dayRule });
  const startDate = config.startDate.trim();
  if (!startDate) add('startDate', 'required');
  for (const [field, code] of Object.entries(ruleProblems({ dayRule: dayRule ?? { kind: 'last_day' }, cycleMonths: config.cycleMonths, start: startDate || undefined }))) {
    add(field, code, { max: 120 });
  }
  const documentTime = config.documentTime.trim() || '08:00:00';
  if (!isClockTime(documentTime)) add('documentTime', 'time_invalid');
  const emissionHour = config.emissionHour ?? DEFAULT_EMISSION_HOUR;
  if (emissionHour > 23) add('emissionHour', 'schedule.hour_invalid');
  if (config.maxDocuments !== undefined && config.maxDocuments < 1) add('maxDocuments', 'schedule.limit_invalid');

  const recipients = config.recipients;
  const contactIds = unique(recipients?.contactIds ?? []);
  const staffIds = unique(recipients?.staffIds ?? []);
  if (contactIds.length > MAX_RECIPIENT_IDS) add('recipients.contactIds', 'schedule.too_many_recipients', { max: MAX_RECIPIENT_IDS });
  if (staffIds.length > MAX_RECIPIENT_IDS) add('recipients.staffIds', 'schedule.too_many_recipients', { max: MAX_RECIPIENT_IDS });
  const customText = (recipients?.customText ?? '').trim();
  if (customText.length > 1000) add('recipients.customText', 'too_long', { max: 1000 });

  if (Object.keys(problems).length > 0) throw new ValidationError(message('validation_failed'), problems);
  return {
    documentKind: config.documentKind as StoredScheduleConfig['documentKind'],
    lines,
    currency: config.currency.trim().toUpperCase(),
    paymentTermsDays: config.paymentTermsDays,
    series,
    letter,
    notes: config.notes.trim(),
    dayRule: dayRule!.kind,
    day: dayRule!.kind === 'day_of_month' ? dayRule!.day : 0,
    cycleMonths: config.cycleMonths,
    startDate,
    documentTime,
    emissionHour,
    maxDocuments: config.maxDocuments ?? null,
    recipients: { includeClient: recipients?.includeClient ?? true, contactIds, staffIds, customText },
  };
}

function toDayRule(config: ScheduleConfig): DayRule | null {
  if (config.dayRule === 'last_day') return { kind: 'last_day' };
  if (config.dayRule === 'day_of_month' || config.dayRule === '') return { kind: 'day_of_month', day: config.day };
  return null;
}

export function dayRuleOf(config: StoredScheduleConfig): DayRule {
  return config.dayRule === 'last_day' ? { kind: 'last_day' } : { kind: 'day_of_month', day: config.day };
}

export function sameRule(a: StoredScheduleConfig, b: StoredScheduleConfig): boolean {
  return a.dayRule === b.dayRule && a.day === b.day && a.cycleMonths === b.cycleMonths;
}

/**
 * Where a new plan starts: the explicit next date of an import (today allowed), or the first date
 * fitting the rule on or after a start date later than today in the tenant's zone.
 */
export function planFrom(config: StoredScheduleConfig, timeZone: string, now: number, importedNextDate = ''): EmissionPlan {
  const dayRule = dayRuleOf(config);
  if (importedNextDate) {
    if (!isLocalDate(importedNextDate)) throw invalid('importedNextEmissionDate', 'date_invalid');
    if (!isAfterToday(importedNextDate, now, timeZone) && !isToday(importedNextDate, now, timeZone)) {
      throw invalid('importedNextEmissionDate', 'schedule.import_date_past');
    }
    return { anchor: importedNextDate, dayRule, cycleMonths: config.cycleMonths };
  }
  if (!isAfterToday(config.startDate, now, timeZone)) throw invalid('startDate', 'schedule.start_not_after_today');
  return { anchor: firstEmissionOnOrAfter(config.startDate, dayRule), dayRule, cycleMonths: config.cycleMonths };
}

function isToday(date: string, now: number, timeZone: string): boolean {
  return date === localDateAt(now, timeZone);
}

function invalid(field: string, code: string): ValidationError {
  return new ValidationError(message('validation_failed'), { [field]: message(code) });
}

function unique(ids: string[]): string[] {
  return [...new Set(ids.map((id) => id.trim()).filter(Boolean))];
}
