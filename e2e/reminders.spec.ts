import { BillingRpc, ClientsRpc } from '@cobranza/contracts';
import { RpcClient } from '@cobranza/platform';
import { eventually, SmtpSink } from '@cobranza/testing';
import { ScheduleNotFoundError } from '@temporalio/client';
import type { ReminderPassResult } from '../workflows/src/automation/reminders/shared';
import { reminderDeliveryWorkflowId, reminderScheduleId, statementRunWorkflowId } from '../workflows/src/automation/shared';
import { statementRunStateQuery } from '../workflows/src/automation/statement-run/shared';
import { type WorkerRuntime } from '../workflows/src/runtime';
import { startSystem, type RunningSystem } from './support/system';

type Json = Record<string, any>;

/**
 * Reminders (seed 004) end to end on the Temporal dev server: the settings stored through the
 * gateway create the tenant's Temporal Schedule in its time zone; its pass reminds each open
 * invoice by the rule due today, once, into a real SMTP server; a second pass the same day sends
 * nothing; turning reminders off deletes the Schedule.
 */
describe('payment reminders through the gateway', () => {
  let system: RunningSystem;
  let url: string;
  let worker: WorkerRuntime;
  let rpc: RpcClient;
  let headers: Record<string, string>;
  let tenantId: string;
  let clientId: string;
  let sink: SmtpSink;
  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Caracas' }).format(new Date());

  beforeAll(async () => {
    system = await startSystem({ name: 'reminders-e2e', rpcTimeoutMs: 60_000, timezone: 'America/Caracas' });
    ({ url, worker, rpc, headers, tenantId, sink } = system);
    clientId = (await rpc.call(ClientsRpc.createClient, { tenantId, code: '0000000031', legalName: 'Farmacia La Candelaria, C.A.', emails: ['pagos@lacandelaria.com.ve'] })).id;
  });

  afterAll(async () => {
    await system?.stop();
  });

  const call = async (method: string, path: string, body?: unknown, lang = 'es') => {
    const res = await fetch(`${url}${path}`, { method, headers: { ...headers, 'accept-language': lang }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as Json };
  };

  const invoice = (paymentTermsDays: number, text: string) =>
    rpc.call(BillingRpc.issueDocument, {
      tenantId,
      clientId,
      kind: 'invoice',
      currency: 'USD',
      issueDate: today(),
      paymentTermsDays,
      lines: [{ description: text, quantity: '1', unitPrice: '850.00', taxRatePercent: '16' }],
    });

  it('refuses bad settings field by field and stores nothing', async () => {
    const bad = await call('PUT', '/v1/automation-settings', {
      reminders: { enabled: true, rules: [{ kind: 'after', days: 5 }, { kind: 'after', days: 91 }, { kind: 'after', days: 5, id: 'otra' }] },
      autoSend: { recipients: 'algunos' },
    });
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    expect(bad.body).toMatchObject({ code: 'validation_failed' });
    expect(bad.body.errors).toEqual({
      'autoSend.recipients': expect.any(String),
      'reminders.rules[1].days': 'Los días antes o después del vencimiento deben estar entre 1 y 90.',
      'reminders.rules[2].days': 'Ya hay una regla para ese mismo momento; cada momento se recuerda una sola vez.',
    });
    const english = await call('PUT', '/v1/automation-settings', { reminders: { enabled: true, timeOfDay: '8am', rules: [{ kind: 'on', channel: 'sms' }] } }, 'en');
    expect(english.body.errors).toEqual({ 'reminders.timeOfDay': 'The time must be hh:mm (24-hour), for example 08:00.', 'reminders.rules[0].channel': 'The channel is email or whatsapp, not sms.' });
    const shape = await call('PUT', '/v1/automation-settings', { reminders: { rules: [{ days: '3' }] }, colour: 'red' });
    expect(shape.body).toMatchObject({ code: 'request.invalid' });
    expect(Object.keys(shape.body.errors).sort()).toEqual(['colour', 'reminders.rules[0].days']);
    expect((await call('GET', '/v1/automation-settings')).body).toMatchObject({ version: 0, reminders: { enabled: false }, timeZone: 'America/Caracas' });
  });

  it('runs a daily Schedule in the tenant time zone whose passes remind each open invoice once', async () => {
    const dueToday = await invoice(0, 'Alquiler local PB-4, noviembre');
    const dueIn3 = await invoice(3, 'Estacionamiento E-12, noviembre');
    const paid = await invoice(0, 'Depósito en garantía');
    await rpc.call(BillingRpc.recordPayment, { tenantId, clientId, date: today(), amount: paid.total, currency: 'USD', method: 'transfer', allocations: [{ documentId: paid.id, amount: paid.total }] });

    const saved = await call('PUT', '/v1/automation-settings', {
      reminders: {
        enabled: true,
        timeOfDay: '07:30',
        rules: [
          { kind: 'before', days: 3, channel: 'email', attachStatement: false },
          { kind: 'on', days: 0, channel: 'email', attachStatement: true },
          { kind: 'after', days: 5, channel: 'email' },
        ],
      },
      scheduledStatements: { enabled: true, dayRule: 'last_day', timeOfDay: '18:00' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.reminders.rules.map((r: Json) => r.id)).toEqual(['before-3', 'on-due', 'after-5']);

    // The settings event made the Schedule, at 07:30 in Caracas.
    const schedule = worker.client.schedule.getHandle(reminderScheduleId(tenantId));
    const described = await eventually(() => schedule.describe().catch(() => undefined), 'the reminder Schedule');
    expect(described.spec.timezone).toBe('America/Caracas');
    expect(described.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 7, end: 7, step: 1 }], minute: [{ start: 30, end: 30, step: 1 }] });
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'reminderPass' });
    // ...and started the scheduled-statement workflow on the last day of this month.
    const run = worker.client.workflow.getHandle(statementRunWorkflowId(tenantId));
    const runState = await eventually(() => run.query(statementRunStateQuery).catch(() => undefined), 'the statement run');
    const [y, m] = today().split('-').map(Number);
    expect(runState.nextRunDate).toBe(`${today().slice(0, 7)}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`);

    const pass = async (): Promise<ReminderPassResult> => {
      const before = (await schedule.describe()).info.recentActions.length;
      await schedule.trigger();
      const actions = await eventually(async () => {
        const { info } = await schedule.describe();
        return info.recentActions.length > before ? info.recentActions : undefined;
      }, 'the triggered pass');
      return worker.client.workflow.getHandle(actions[actions.length - 1].action.workflow.workflowId).result();
    };

    const first = await pass();
    expect(first.date).toBe(today());
    expect(first.started.sort()).toEqual([reminderDeliveryWorkflowId(dueToday.id, 'on-due'), reminderDeliveryWorkflowId(dueIn3.id, 'before-3')].sort());
    for (const id of first.started) await worker.client.workflow.getHandle(id).result();
    const mails = await sink.waitForMessages(2, 60_000);
    expect(mails.map((m) => m.envelopeTo)).toEqual([['pagos@lacandelaria.com.ve'], ['pagos@lacandelaria.com.ve']]);
    const names = mails.map((m) => m.attachments.map((a) => a.filename).sort());
    expect(names).toContainEqual(expect.arrayContaining([`Factura_${dueToday.displayNumber}.pdf`, expect.stringMatching(/^Estado_de_Cuenta_0000000031_.*\.pdf$/)]));
    expect(names).toContainEqual([`Factura_${dueIn3.displayNumber}.pdf`, `Factura_${dueIn3.displayNumber}.xml`]);

    // A second pass the same day, by the Schedule and started directly: nothing is due any more.
    const second = await pass();
    expect(second).toMatchObject({ date: today(), started: [] });
    const direct = await worker.client.workflow.execute('reminderPass', { taskQueue: 'cobranza-main', workflowId: `reminder-pass:${tenantId}:manual`, args: [{ tenantId }] });
    expect(direct).toMatchObject({ started: [] });
    expect(sink.messages).toHaveLength(2);
  });

  it('deletes the Schedule and ends the statement run when turned off', async () => {
    const off = await call('PUT', '/v1/automation-settings', { reminders: { enabled: false, rules: [] }, scheduledStatements: { enabled: false } });
    expect(off.status).toBe(200);
    await eventually(
      () => worker.client.schedule.getHandle(reminderScheduleId(tenantId)).describe().then(() => undefined, (e) => (e instanceof ScheduleNotFoundError ? true : undefined)),
      'the Schedule deleted',
    );
    const run = await worker.client.workflow.getHandle(statementRunWorkflowId(tenantId)).result();
    expect(run).toMatchObject({ enabled: false });
  });
});
