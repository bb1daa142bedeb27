import { fromBinary } from '@bufbuild/protobuf';
import { AutomationEvents, AutomationRpc, AutomationSettingsUpdatedSchema, BillingRpc, ClientsRpc } from '@cobranza/contracts';
import { connectNats, DomainError, RpcClient, withRequestScope } from '@cobranza/platform';
import { eventually, startTestService } from '@cobranza/testing';
import type { INestApplication } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { AppModule as ClientsModule } from '../../clients/src/app.module';
import { clientsDefinition } from '../../clients/src/definition';
import { AppModule } from '../src/app.module';
import { billingDefinition } from '../src/definition';

/** Billing's automation settings, the open balances of scheduled statements and the reminder claims, over real NATS and PostgreSQL. */
describe('billing automations', () => {
  const apps: INestApplication[] = [];
  let nats: NatsConnection;
  let rpc: RpcClient;
  let tenantId: string;

  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Caracas' }).format(new Date());
  const line = { description: 'Alquiler local PB-4', quantity: '1', unitPrice: '100.00' };

  beforeAll(async () => {
    apps.push(await startTestService(clientsDefinition(), ClientsModule));
    apps.push(await startTestService(billingDefinition(), AppModule));
    nats = await connectNats('billing-automation-test');
    rpc = new RpcClient(nats, 20_000);
    tenantId = (await rpc.call(ClientsRpc.createTenant, { legalName: 'Inversiones Torre Europa, C.A.', email: 'administracion@torreeuropa.com.ve', timezone: 'America/Caracas' })).id;
  });

  afterAll(async () => {
    await nats?.drain();
    for (const app of apps.reverse()) await app.close();
  });

  it('starts with everything off, stores a valid change with a new version and records the event', async () => {
    const initial = await rpc.call(AutomationRpc.getSettings, { tenantId });
    expect(initial).toMatchObject({ version: 0, timeZone: 'America/Caracas', autoSend: { enabled: false, recipients: 'all' }, reminders: { enabled: false, timeOfDay: '08:00' } });
    const saved = await rpc.call(AutomationRpc.updateSettings, {
      tenantId,
      autoSend: { enabled: true, recipients: 'only_multiple', subject: 'Sus facturas' },
      reminders: { enabled: true, timeOfDay: '07:30', rules: [{ kind: 'before', days: 3 }, { kind: 'on', channel: 'whatsapp' }] },
    });
    expect(saved.version).toBe(1);
    expect(saved.autoSend).toMatchObject({ enabled: true, recipients: 'only_multiple', template: 'original', subject: 'Sus facturas' });
    expect(saved.reminders!.rules.map((r) => [r.id, r.kind, r.days, r.channel])).toEqual([
      ['before-3', 'before', 3, 'email'],
      ['on-due', 'on', 0, 'whatsapp'],
    ]);
    // A section left out stays as it was.
    const again = await rpc.call(AutomationRpc.updateSettings, { tenantId, scheduledStatements: { enabled: true, dayRule: 'last_day', attachOpenInvoices: true } });
    expect(again).toMatchObject({ version: 2, autoSend: { enabled: true }, scheduledStatements: { enabled: true, dayRule: 'last_day', cycleMonths: 1, format: 'pdf' } });

    const jsm = await nats.jetstreamManager();
    const last = await eventually(async () => {
      const msg = await jsm.streams.getMessage('EVT_BILLING', { last_by_subj: AutomationEvents.settingsUpdated.subject }).catch(() => undefined);
      const event = msg && fromBinary(AutomationSettingsUpdatedSchema, msg.data);
      return event?.settings?.tenantId === tenantId && event.settings.version === 2 ? event : undefined;
    }, 'the automation.updated event');
    expect(last.settings).toMatchObject({ timeZone: 'America/Caracas', scheduledStatements: { enabled: true } });
  });

  it('refuses bad settings with one message per field, in Spanish or English, and stores nothing', async () => {
    const before = await rpc.call(AutomationRpc.getSettings, { tenantId });
    const refused = (await rpc
      .call(AutomationRpc.updateSettings, {
        tenantId,
        autoSend: { enabled: true, recipients: 'algunos' },
        reminders: { enabled: true, rules: [{ kind: 'after', days: 5 }, { kind: 'after', days: 120 }, { kind: 'after', days: 5, id: 'otra' }] },
      })
      .catch((e: DomainError) => e)) as DomainError;
    expect(refused.code).toBe('validation_failed');
    expect(refused.details).toEqual({
      'autoSend.recipients': expect.stringContaining('only_multiple'),
      'reminders.rules[1].days': 'Los días antes o después del vencimiento deben estar entre 1 y 90.',
      'reminders.rules[2].days': 'Ya hay una regla para ese mismo momento; cada momento se recuerda una sola vez.',
    });
    const english = (await withRequestScope({ locale: 'en' }, () =>
      rpc.call(AutomationRpc.updateSettings, { tenantId, scheduledStatements: { enabled: true, dayRule: 'day_of_month', day: 40 } }).catch((e: DomainError) => e),
    )) as DomainError;
    expect(english.details['scheduledStatements.day']).toBe('The day of the month must be between 1 and 31.');
    expect((await rpc.call(AutomationRpc.getSettings, { tenantId })).version).toBe(before.version);
  });

  it('lists clients with an open balance and their open invoices, skipping settled ones', async () => {
    const open = (await rpc.call(ClientsRpc.createClient, { tenantId, legalName: 'Farmacia La Candelaria, C.A.' })).id;
    const settled = (await rpc.call(ClientsRpc.createClient, { tenantId, legalName: 'Panadería El Trigal' })).id;
    const invoice = (clientId: string, issueDate: string) => rpc.call(BillingRpc.issueDocument, { tenantId, clientId, kind: 'invoice', currency: 'VES', issueDate, paymentTermsDays: 10, lines: [line] });
    const a1 = await invoice(open, '2024-03-01');
    const a2 = await invoice(open, '2024-03-05');
    const b1 = await invoice(settled, '2024-03-01');
    await rpc.call(BillingRpc.recordPayment, { tenantId, clientId: open, date: '2024-03-10', amount: '100.00', currency: 'VES', method: 'transfer', allocations: [{ documentId: a1.id, amount: '100.00' }] });
    await rpc.call(BillingRpc.recordPayment, { tenantId, clientId: settled, date: '2024-03-10', amount: '100.00', currency: 'VES', method: 'transfer' });
    const reply = await rpc.call(AutomationRpc.openBalances, { tenantId, asOf: '2024-03-31' });
    expect(reply.clients.map((c) => [c.clientId, c.balance, c.openInvoiceIds])).toEqual([[open, '100.00', [a2.id]]]);
    // Before the payments, both owed.
    const earlier = await rpc.call(AutomationRpc.openBalances, { tenantId, asOf: '2024-03-09' });
    expect(earlier.clients.map((c) => c.clientId).sort()).toEqual([open, settled].sort());
    expect(earlier.clients.find((c) => c.clientId === settled)!.openInvoiceIds).toEqual([b1.id]);
  });

  it('answers the reminders due on the local date, and a claim holds once per invoice and rule', async () => {
    const client = (await rpc.call(ClientsRpc.createClient, { tenantId, legalName: 'Ferretería El Tornillo' })).id;
    await rpc.call(AutomationRpc.updateSettings, { tenantId, reminders: { enabled: true, rules: [{ kind: 'before', days: 3 }, { kind: 'on' }] } });
    const dueToday = await rpc.call(BillingRpc.issueDocument, { tenantId, clientId: client, kind: 'invoice', currency: 'VES', issueDate: today(), paymentTermsDays: 0, lines: [line] });
    const dueIn3 = await rpc.call(BillingRpc.issueDocument, { tenantId, clientId: client, kind: 'invoice', currency: 'VES', issueDate: today(), paymentTermsDays: 3, lines: [line] });
    const paid = await rpc.call(BillingRpc.issueDocument, { tenantId, clientId: client, kind: 'invoice', currency: 'VES', issueDate: today(), paymentTermsDays: 0, lines: [line] });
    await rpc.call(BillingRpc.recordPayment, { tenantId, clientId: client, date: today(), amount: '100.00', currency: 'VES', method: 'cash', allocations: [{ documentId: paid.id, amount: '100.00' }] });

    const due = await rpc.call(AutomationRpc.dueReminders, { tenantId, at: new Date().toISOString() });
    expect(due.date).toBe(today());
    const mine = due.items.filter((i) => i.clientId === client).map((i) => [i.documentId, i.rule!.id]);
    expect(mine.sort()).toEqual([[dueToday.id, 'on-due'], [dueIn3.id, 'before-3']].sort());

    const claim = (claimant: string) => rpc.call(AutomationRpc.claimReminder, { tenantId, documentId: dueToday.id, ruleId: 'on-due', claimant, ruleDate: dueToday.dueDate });
    const [first, retried] = await Promise.all([claim('reminder-pass:a'), claim('reminder-pass:a')]);
    expect([first.claimed, retried.claimed]).toEqual([true, true]);
    expect(await claim('reminder-pass:b')).toMatchObject({ claimed: false, claimant: 'reminder-pass:a' });
    const after = await rpc.call(AutomationRpc.dueReminders, { tenantId });
    expect(after.items.filter((i) => i.clientId === client).map((i) => i.documentId)).toEqual([dueIn3.id]);
  });
});
