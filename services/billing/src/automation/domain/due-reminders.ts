import { addDays } from '../../domain/calendar';
import type { ReminderRuleValues } from './automation-rules';

/**
 * A pass that did not run on a rule's date (the worker was down, the Schedule paused) still sends
 * it on the first pass up to this many days later; older ones are dropped, so adding a rule never
 * reminds every invoice that went overdue long ago.
 */
export const REMINDER_CATCH_UP_DAYS = 3;

export interface RemindableInvoice {
  id: string;
  dueDate: string;
}

export interface ReminderClaimValue {
  documentId: string;
  ruleId: string;
  ruleDate: string;
}

export interface DueReminderPair<I extends RemindableInvoice> {
  invoice: I;
  rule: ReminderRuleValues;
  ruleDate: string;
}

/** The date a rule reminds an invoice: its due date, minus or plus the rule's days. */
export function ruleDateOf(dueDate: string, rule: Pick<ReminderRuleValues, 'kind' | 'days'>): string {
  if (rule.kind === 'before') return addDays(dueDate, -rule.days);
  if (rule.kind === 'after') return addDays(dueDate, rule.days);
  return dueDate;
}

/**
 * The reminders a pass on the tenant's local date `today` sends, at most one per invoice: a rule
 * is due from its date to REMINDER_CATCH_UP_DAYS later (a "before" rule only while the invoice is
 * not yet due), when it was never claimed and no reminder dated on or after it was claimed for
 * the invoice. Of several due rules of one invoice only the latest is sent; the earlier ones are
 * then older than a claimed one and never come back. Invoices given must be open (not paid, not
 * voided).
 */
export function dueReminders<I extends RemindableInvoice>(today: string, invoices: readonly I[], rules: readonly ReminderRuleValues[], claims: readonly ReminderClaimValue[]): Array<DueReminderPair<I>> {
  const claimsOf = new Map<string, ReminderClaimValue[]>();
  for (const claim of claims) claimsOf.set(claim.documentId, [...(claimsOf.get(claim.documentId) ?? []), claim]);
  const due: Array<DueReminderPair<I>> = [];
  for (const invoice of invoices) {
    const claimed = claimsOf.get(invoice.id) ?? [];
    let chosen: DueReminderPair<I> | undefined;
    for (const rule of rules) {
      const ruleDate = ruleDateOf(invoice.dueDate, rule);
      if (today < ruleDate || today > addDays(ruleDate, REMINDER_CATCH_UP_DAYS)) continue;
      if (rule.kind === 'before' && today >= invoice.dueDate) continue;
      if (claimed.some((c) => c.ruleId === rule.id || c.ruleDate >= ruleDate)) continue;
      if (!chosen || ruleDate > chosen.ruleDate) chosen = { invoice, rule, ruleDate };
    }
    if (chosen) due.push(chosen);
  }
  return due;
}
