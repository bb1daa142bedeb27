import { REMINDER_MAX_DAYS, type ClaimReminderRequest, type DueRemindersRequest } from '@cobranza/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { displayNumber } from '../documents/document-rules';
import { SalesDocument } from '../documents/sales-document.entity';
import { addDays, isLocalDate, localDateOf } from '../domain/calendar';
import { balanceOf } from '../documents/document.mapper';
import { BillingTenants } from '../tenants/billing-tenants';
import { throwProblems } from './automation-messages';
import { automationSettingsOf } from './automation-settings.usecases';
import { dueReminders, REMINDER_CATCH_UP_DAYS } from './domain/due-reminders';
import { ReminderClaim } from './reminder-claim.entity';

/**
 * Reminders of seed 004: which (invoice, rule) pairs a pass sends on the tenant's local date, and
 * the claim that makes each pair happen once. Only invoices that still owe something are
 * reminded: paid, voided and draft ones never are.
 */
@Injectable()
export class RemindersUseCases {
  constructor(
    private readonly em: EntityManager,
    private readonly tenants: BillingTenants,
  ) {}

  async due(request: DueRemindersRequest) {
    const at = request.at ? new Date(request.at) : new Date();
    if (Number.isNaN(at.getTime())) throwProblems([{ field: 'at', code: 'automation.at_invalid' }]);
    const tenant = await this.tenants.get(request.tenantId);
    const today = localDateOf(at, tenant.timezone);
    const em = this.em.fork();
    const settings = await automationSettingsOf(em, tenant.id);
    if (!settings.remindersEnabled || settings.reminderRules.length === 0) return { date: today, items: [] };

    // Due dates a rule can still be due for today, catch-up days included.
    const span = REMINDER_MAX_DAYS + REMINDER_CATCH_UP_DAYS;
    const invoices = await em.find(
      SalesDocument,
      { tenantId: tenant.id, kind: 'invoice', status: { $in: ['issued', 'partially_paid'] }, dueDate: { $gte: addDays(today, -span), $lte: addDays(today, REMINDER_MAX_DAYS) } },
      { orderBy: { dueDate: 'asc', id: 'asc' } },
    );
    const open = invoices.map((d) => ({ doc: d, id: d.id, dueDate: d.dueDate, balance: balanceOf(d) })).filter((d) => Number(d.balance) > 0);
    const claims = open.length
      ? await em.find(ReminderClaim, { tenantId: tenant.id, documentId: { $in: open.map((d) => d.id) } })
      : [];
    const pairs = dueReminders(today, open, settings.reminderRules, claims);
    return {
      date: today,
      items: pairs.map(({ invoice, rule, ruleDate }) => ({
        documentId: invoice.id,
        clientId: invoice.doc.clientId,
        displayNumber: displayNumber(invoice.doc.series, invoice.doc.number, invoice.doc.letter),
        dueDate: invoice.dueDate,
        balance: invoice.balance,
        currency: invoice.doc.currency,
        rule: { ...rule },
        ruleDate,
      })),
    };
  }

  /**
   * Inserts the claim unless one exists, then answers who holds it: the same claimant asking
   * again (a retried activity, a replayed pass) is told yes again, any other no.
   */
  async claim(request: ClaimReminderRequest) {
    if (!request.documentId || !request.ruleId || !request.claimant || !isLocalDate(request.ruleDate))
      throwProblems([{ field: 'claim', code: 'automation.claim_invalid' }]);
    const tenant = await this.tenants.get(request.tenantId);
    const em = this.em.fork();
    await em
      .getConnection()
      .execute(
        `insert into reminder_claim (tenant_id, document_id, rule_id, claimant, rule_date, claimed_at) values (?, ?, ?, ?, ?, now()) on conflict do nothing`,
        [tenant.id, request.documentId, request.ruleId, request.claimant, request.ruleDate],
      );
    const claim = await em.findOneOrFail(ReminderClaim, { tenantId: tenant.id, documentId: request.documentId, ruleId: request.ruleId });
    return { claimed: claim.claimant === request.claimant, claimant: claim.claimant, claimedAt: claim.claimedAt.toISOString() };
  }
}

