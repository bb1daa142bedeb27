import { BillingRpc, ClientsRpc, type ScheduleConfig } from '@cobranza/contracts';
import { connectNats, RpcClient } from '@cobranza/platform';
import { eventually, startTestService } from '@cobranza/testing';
import type { INestApplication } from '@nestjs/common';
import { ApplicationFailure, WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { NatsConnection } from 'nats';
import { AppModule as BillingModule } from '../../services/billing/src/app.module';
import { billingDefinition } from '../../services/billing/src/definition';
import { AppModule as ClientsModule } from '../../services/clients/src/app.module';
import { clientsDefinition } from '../../services/clients/src/definition';
import { createActivities } from '../src/activities';
import { toConfigJson } from '../src/activities/schedule.activities';
import {
  changeScheduleConfigUpdate,
  pauseScheduleUpdate,
  recurringScheduleWorkflowId,
  resumeScheduleUpdate,
  scheduleStateQuery,
  skipNextEmissionUpdate,
} from '../src/recurring-schedule/shared';
import { recurringSchedule } from '../src/workflows';
import { createTimeSkippingEnv } from './time-skipping-env';

/**
 * The schedule workflow on the time-skipping server with its real activities, calling the real
 * billing and clients services over NATS and PostgreSQL: years of emissions run in seconds.
 */
describe('recurringSchedule workflow', () => {
  let env: TestWorkflowEnvironment;
  const apps: INestApplication[] = [];
  let nats: NatsConnection;
  let rpc: RpcClient;
  let tenantId: string;
  let clientId: string;
  let queue = 0;

  // Each test gets its own server, so its workflow clock starts at today's date again.
  beforeEach(async () => {
    env = await createTimeSkippingEnv();
  });
  afterEach(async () => {
    await env?.teardown();
  });

  beforeAll(async () => {
    apps.push(await startTestService(clientsDefinition(), ClientsModule));
    apps.push(await startTestService(billingDefinition(), BillingModule));
    nats = await connectNats('schedule-workflow-test');
    rpc = new RpcClient(nats, 20_000);
    tenantId = (await rpc.call(ClientsRpc.createTenant, { legalName: 'Infotax, S.A.', email: 'cobranzas@infotax.com.ve', timezone: 'America/Caracas' })).id;
    clientId = (await rpc.call(ClientsRpc.createClient, { tenantId, code: '0000000012', legalName: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.' })).id;
  });

  afterAll(async () => {
    await nats?.drain();
    for (const app of apps.reverse()) await app.close();
  });

  const config = (extra: Partial<ScheduleConfig> = {}) => ({
    documentKind: 'invoice',
    lines: [{ description: 'Alquiler oficina 3-B', quantity: '1', unitPrice: '450.00', taxRatePercent: '16' }],
    currency: 'USD',
    paymentTermsDays: 15,
    dayRule: 'day_of_month',
    day: 31,
    cycleMonths: 1,
    startDate: '2027-01-10',
    documentTime: '08:30:00',
    emissionHour: 7,
    // No recipients: these tests are about dates and counts; delivery has its own tests.
    recipients: { includeClient: false },
    ...extra,
  });

  async function createSchedule(extra: Partial<ScheduleConfig>) {
    return rpc.call(BillingRpc.createSchedule, { tenantId, clientId, config: config(extra) as ScheduleConfig });
  }

  function newWorker(activities = createActivities({ rpc }), maxCachedWorkflows?: number) {
    const taskQueue = `schedules-${++queue}`;
    return Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath: require.resolve('../src/workflows'), activities, maxCachedWorkflows }).then(
      (worker) => ({ worker, taskQueue }),
    );
  }

  function start(scheduleId: string, taskQueue: string) {
    return env.client.workflow.start(recurringSchedule, {
      taskQueue,
      workflowId: recurringScheduleWorkflowId(scheduleId),
      args: [{ tenantId, scheduleId }],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
  }

  async function issuedDates(notes: string) {
    const { items } = await rpc.call(BillingRpc.listDocuments, { tenantId, clientId, kind: 'invoice', pageSize: 100 });
    return items.filter((d) => d.notes === notes).map((d) => d.issueDate).sort();
  }

  it('runs a 14-month cycle with a limit of 3 to completion: exactly 3 documents dated by the rule, then "completed"', async () => {
    const notes = 'ciclo 14 meses';
    const schedule = await createSchedule({ cycleMonths: 14, maxDocuments: 3, notes });
    const { worker, taskQueue } = await newWorker();
    const handle = await start(schedule.id, taskQueue);
    const result = await worker.runUntil(handle.result());

    expect(result).toMatchObject({ status: 'completed', emittedCount: 3, skippedCount: 0, nextEmissionDate: '' });
    expect(await issuedDates(notes)).toEqual(['2027-01-31', '2028-03-31', '2029-05-31']);
    const { items } = await rpc.call(BillingRpc.listDocuments, { tenantId, clientId, kind: 'invoice', pageSize: 100 });
    expect(items.filter((d) => d.notes === notes).every((d) => d.issueTime === '08:30:00' && d.total === '522.00')).toBe(true);
    // Continue-as-new after each emission: the count survived two new runs.
    const described = await handle.describe();
    expect(described.runId).not.toBe(handle.firstExecutionRunId);
    const stored = await rpc.call(BillingRpc.getSchedule, { tenantId, id: schedule.id });
    expect(stored).toMatchObject({ status: 'completed', emittedCount: 3, nextEmissionDate: '', lastEmissionDate: '2029-05-31' });
    // A closed schedule's id is never started again.
    await expect(start(schedule.id, taskQueue)).rejects.toThrow();
  });

  it('pauses without catching up: emissions passed while paused are skipped and not counted', async () => {
    const notes = 'pausa';
    const schedule = await createSchedule({ day: 10, maxDocuments: 1, notes, startDate: '2027-01-01' });
    const { worker, taskQueue } = await newWorker();
    const handle = await start(schedule.id, taskQueue);
    const result = await worker.runUntil(async () => {
      expect(await handle.executeUpdate(pauseScheduleUpdate)).toMatchObject({ status: 'paused', nextEmissionDate: '2027-01-10' });
      await expect(handle.executeUpdate(pauseScheduleUpdate)).rejects.toThrow();
      // Well past 10 January, February and March 2027 of workflow time.
      await env.sleep(Date.parse('2027-03-20T00:00:00Z') - (await env.currentTimeMs()));
      expect(await handle.executeUpdate(resumeScheduleUpdate)).toMatchObject({ status: 'active', skippedCount: 3, nextEmissionDate: '2027-04-10' });
      return handle.result();
    });
    expect(result).toMatchObject({ status: 'completed', emittedCount: 1, skippedCount: 3 });
    expect(await issuedDates(notes)).toEqual(['2027-04-10']);
  });

  it('skips the next emission on request, without counting it', async () => {
    const notes = 'omitir';
    const schedule = await createSchedule({ dayRule: 'last_day', day: 0, maxDocuments: 2, notes, startDate: '2027-02-01' });
    const { worker, taskQueue } = await newWorker();
    const handle = await start(schedule.id, taskQueue);
    const result = await worker.runUntil(async () => {
      expect(await handle.executeUpdate(skipNextEmissionUpdate)).toMatchObject({ skippedCount: 1, nextEmissionDate: '2027-03-31' });
      return handle.result();
    });
    expect(result).toMatchObject({ status: 'completed', emittedCount: 2, skippedCount: 1 });
    expect(await issuedDates(notes)).toEqual(['2027-03-31', '2027-04-30']);
  });

  it('changes the day rule: new dates from the new start, the emitted count kept; a bad change is refused at once', async () => {
    const notes = 'cambio de día';
    const schedule = await createSchedule({ day: 5, maxDocuments: 3, notes, startDate: '2027-01-01' });
    const { worker, taskQueue } = await newWorker();
    const handle = await start(schedule.id, taskQueue);
    const result = await worker.runUntil(async () => {
      await env.sleep(Date.parse('2027-01-06T00:00:00Z') - (await env.currentTimeMs()));
      await eventually(async () => {
        expect(await issuedDates(notes)).toEqual(['2027-01-05']);
        return true;
      }, 'the first emission');
      const stored = await rpc.call(BillingRpc.getSchedule, { tenantId, id: schedule.id });
      const changed = { ...toConfigJson(stored.config!), dayRule: 'last_day' as const, day: 0, startDate: '2027-06-01' };
      // A day of 40 fails the update's validator; billing refuses a start that is not after today.
      await expect(handle.executeUpdate(changeScheduleConfigUpdate, { args: [{ ...changed, dayRule: 'day_of_month', day: 40 }] })).rejects.toThrow();
      await expect(handle.executeUpdate(changeScheduleConfigUpdate, { args: [{ ...changed, startDate: '2020-01-01' }] })).rejects.toThrow();
      expect(await handle.executeUpdate(changeScheduleConfigUpdate, { args: [changed] })).toMatchObject({
        emittedCount: 1,
        nextEmissionDate: '2027-06-30',
        configVersion: 2,
      });
      return handle.result();
    });
    expect(result).toMatchObject({ status: 'completed', emittedCount: 3 });
    expect(await issuedDates(notes)).toEqual(['2027-01-05', '2027-06-30', '2027-07-31']);
  });

  it('never issues a second document when a worker dies after billing issued one', async () => {
    const notes = 'caída del worker';
    const schedule = await createSchedule({ day: 15, maxDocuments: 2, notes, startDate: '2027-01-01' });
    const real = createActivities({ rpc });
    let crashes = 0;
    const crashing = {
      ...real,
      // Billing issues the document, then the worker "dies" before Temporal records the result.
      async issueScheduledDocument(input: Parameters<typeof real.issueScheduledDocument>[0]) {
        const document = await real.issueScheduledDocument(input);
        if (crashes++ === 0) throw new Error('worker lost before recording the result');
        return document;
      },
    };
    // No sticky cache: the time-skipping server would keep routing the workflow to the dead worker.
    const first = await newWorker(crashing, 0);
    const handle = await start(schedule.id, first.taskQueue);
    await first.worker.runUntil(async () => {
      await env.sleep(Date.parse('2027-01-16T00:00:00Z') - (await env.currentTimeMs()));
      // The retry waits on a server timer: move workflow time on while polling.
      await eventually(async () => {
        await env.sleep(5_000);
        expect((await handle.query(scheduleStateQuery)).emittedCount).toBe(1);
        return true;
      }, 'the first emission after the crash');
    });
    // A new worker process on the same task queue finishes the schedule.
    const second = await Worker.create({ connection: env.nativeConnection, taskQueue: first.taskQueue, workflowsPath: require.resolve('../src/workflows'), activities: real });
    const result = await second.runUntil(handle.result());
    expect(crashes).toBeGreaterThanOrEqual(2);
    expect(result).toMatchObject({ status: 'completed', emittedCount: 2 });
    expect(await issuedDates(notes)).toEqual(['2027-01-15', '2027-02-15']);
  });

  it('records an emission billing refuses as skipped, and marks the workflow with LastFailure for the operators\' query', async () => {
    const notes = 'emisión rechazada';
    const schedule = await createSchedule({ day: 20, maxDocuments: 2, notes, startDate: '2027-01-01' });
    const real = createActivities({ rpc });
    let refusals = 0;
    const refusing = {
      ...real,
      // What refusalsAreFinal makes of a 4xx from billing: final, never retried.
      async issueScheduledDocument(input: Parameters<typeof real.issueScheduledDocument>[0]) {
        if (refusals++ === 0) throw ApplicationFailure.create({ type: 'validation_failed', message: 'La línea 1 no es válida.', nonRetryable: true });
        return real.issueScheduledDocument(input);
      },
    };
    const { worker, taskQueue } = await newWorker(refusing);
    const handle = await start(schedule.id, taskQueue);
    const result = await worker.runUntil(handle.result());
    expect(result).toMatchObject({ status: 'completed', emittedCount: 2, skippedCount: 1 });
    expect(result.lastError).toBe('');
    expect(await issuedDates(notes)).toEqual(['2027-02-20', '2027-03-20']);
    const described = await handle.describe();
    const lastFailure = described.searchAttributes.LastFailure?.[0] as Date | undefined;
    expect(lastFailure?.toISOString().slice(0, 10)).toBe('2027-01-20');
  });
});
