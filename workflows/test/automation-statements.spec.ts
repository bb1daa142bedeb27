import { BillingRpc, ClientsRpc, NotificationsRpc } from '@cobranza/contracts';
import { connectNats, RpcClient } from '@cobranza/platform';
import { eventually, SmtpSink, startTestService } from '@cobranza/testing';
import type { INestApplication } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { NatsConnection } from 'nats';
import { AppModule as BillingModule } from '../../services/billing/src/app.module';
import { billingDefinition } from '../../services/billing/src/definition';
import { AppModule as ClientsModule } from '../../services/clients/src/app.module';
import { clientsDefinition } from '../../services/clients/src/definition';
import { AppModule as DocumentsModule } from '../../services/documents/src/app.module';
import { documentsDefinition } from '../../services/documents/src/definition';
import { AppModule as NotificationsModule } from '../../services/notifications/src/app.module';
import { notificationsDefinition } from '../../services/notifications/src/definition';
import { createActivities } from '../src/activities';
import { scheduledStatementWorkflowId, statementRunWorkflowId } from '../src/automation/shared';
import { configureStatementRunSignal, statementRunStateQuery, type StatementRunConfig } from '../src/automation/statement-run/shared';
import { createTimeSkippingEnv } from './time-skipping-env';

/**
 * Scheduled statements on the time-skipping server, with the real activities and delivery engine
 * (billing, documents with Chromium, notifications into a real SMTP server): on the last day of
 * each month at 18:00 in Caracas, the client that owes gets its statement with its open invoice;
 * clients with nothing open get nothing; a date is never sent twice, even when the time of day
 * moves later on that same day.
 */
describe('statementRun workflow', () => {
  let env: TestWorkflowEnvironment;
  const apps: INestApplication[] = [];
  let nats: NatsConnection;
  let rpc: RpcClient;
  let sink: SmtpSink;
  let tenantId: string;

  const zone = 'America/Caracas';
  const localDate = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(ms));
  const lastDayOf = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    sink = await SmtpSink.start();
    apps.push(await startTestService(clientsDefinition(), ClientsModule));
    apps.push(await startTestService(billingDefinition(), BillingModule));
    apps.push(await startTestService(documentsDefinition(), DocumentsModule));
    apps.push(await startTestService(notificationsDefinition(), NotificationsModule));
    nats = await connectNats('statement-run-test');
    rpc = new RpcClient(nats, 60_000);
    tenantId = (await rpc.call(ClientsRpc.createTenant, { legalName: 'Inversiones Torre Europa, C.A.', email: 'administracion@torreeuropa.com.ve', timezone: zone })).id;
    await rpc.call(NotificationsRpc.updateSettings, { tenantId, smtp: { ...sink.settings(), password: 'sink-password' } });
  });

  afterAll(async () => {
    await nats?.drain();
    for (const app of apps.reverse()) await app.close();
    await sink?.down();
    await env?.teardown();
  });

  it('sends each client with an open balance one statement on the month\'s last day, skips the rest, and never sends a date twice', async () => {
    const client = (legalName: string, code: string, email: string) => rpc.call(ClientsRpc.createClient, { tenantId, code, legalName, emails: [email], currency: 'USD' }).then((c) => c.id);
    const owing = await client('Farmacia La Candelaria, C.A.', '0000000031', 'pagos@lacandelaria.com.ve');
    const settled = await client('Panadería El Trigal', '0000000032', 'caja@eltrigal.com.ve');
    const idle = await client('Ferretería El Tornillo', '0000000033', 'compras@eltornillo.com.ve');
    const rent = (clientId: string) =>
      rpc.call(BillingRpc.issueDocument, { tenantId, clientId, kind: 'invoice', currency: 'USD', paymentTermsDays: 5, lines: [{ description: 'Alquiler local PB-4', quantity: '1', unitPrice: '850.00', taxRatePercent: '16' }] });
    const open = await rent(owing);
    const paid = await rent(settled);
    await rpc.call(BillingRpc.recordPayment, { tenantId, clientId: settled, date: paid.issueDate, amount: paid.total, currency: 'USD', method: 'transfer' });

    const config: StatementRunConfig = { version: 1, enabled: true, dayRule: 'last_day', day: 0, cycleMonths: 1, timeOfDay: '18:00', format: 'pdf', attachOpenInvoices: true, timeZone: zone };
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: 'statement-run', workflowsPath: require.resolve('../src/workflows'), activities: createActivities({ rpc }) });
    await worker.runUntil(async () => {
      const now = await env.currentTimeMs();
      const [year, month] = localDate(now).split('-').map(Number);
      const first = lastDayOf(year, month);
      const second = month === 12 ? lastDayOf(year + 1, 1) : lastDayOf(year, month + 1);
      const handle = await env.client.workflow.start('statementRun', { taskQueue: 'statement-run', workflowId: statementRunWorkflowId(tenantId), args: [{ tenantId, config }] });
      const planned = await handle.query(statementRunStateQuery);
      expect(planned).toMatchObject({ nextRunDate: first, lastRunDate: '' });
      // Skipped to 2 s before the timer, which then fires in real time: a skip across a firing
      // timer made the test server's sleep call hang here for a minute (and, after a first run, for
      // good), so the month-to-month dates are covered by automation-statement-dates.spec.ts.
      const skipTo = async (at: string) => env.sleep(Date.parse(at) - (await env.currentTimeMs()) - 2000);
      const sendsOn = (date: string, clientId: string) => env.client.workflow.getHandle(scheduledStatementWorkflowId(tenantId, date, clientId));
      // The timer fired; the run asks billing, then starts the deliveries.
      const delivered = async (date: string, clientId: string) => {
        // Polled: the delivery runs on real time, with time skipping locked.
        await eventually(async () => ((await sendsOn(date, clientId).describe().catch(() => undefined))?.status.name === 'COMPLETED' ? true : undefined), `the statement of ${date}`, 60_000);
      };

      // 18:00 in Caracas on the month's last day.
      await skipTo(planned.nextRunAt);
      await delivered(first, owing);
      const [mail] = await sink.waitForMessages(1, 60_000);
      expect(mail.envelopeTo).toEqual(['pagos@lacandelaria.com.ve']);
      const files = mail.attachments.map((a) => a.filename);
      expect(files).toHaveLength(3);
      expect(files).toEqual(expect.arrayContaining([`Factura_${open.displayNumber}.pdf`, `Factura_${open.displayNumber}.xml`, expect.stringMatching(/^Estado_de_Cuenta_0000000031_.*\.pdf$/)]));
      for (const skipped of [settled, idle]) await expect(sendsOn(first, skipped).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
      expect(await handle.query(statementRunStateQuery)).toMatchObject({ lastRunDate: first, lastSent: 1, nextRunDate: second });

      // The time moves later on the same day: that date already went out and is not sent again.
      await handle.signal(configureStatementRunSignal, { ...config, version: 2, timeOfDay: '23:00' });
      await eventually(async () => ((await handle.query(statementRunStateQuery)).version === 2 ? true : undefined), 'the new configuration');
      expect(await handle.query(statementRunStateQuery)).toMatchObject({ lastRunDate: first, nextRunDate: second, nextRunAt: expect.stringMatching(/T03:00:00.000Z$/) });
      expect(sink.messages).toHaveLength(1);

      // Turned off: the workflow ends.
      await handle.signal(configureStatementRunSignal, { ...config, version: 3, enabled: false });
      expect(await handle.result()).toMatchObject({ enabled: false, lastRunDate: first });
      expect(sink.messages).toHaveLength(1);
    });
  });
});
