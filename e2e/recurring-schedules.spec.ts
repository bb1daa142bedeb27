import { ClientsRpc } from '@cobranza/contracts';
import { eventually, type SmtpSink } from '@cobranza/testing';
import { startSystem, type RunningSystem } from './support/system';

type Json = Record<string, any>;

/**
 * Recurring schedules end to end on the Temporal dev server: the gateway stores the schedule in
 * billing, the created event starts its workflow, and pause / resume / change / end reach the
 * workflow as updates through the worker's NATS responder.
 */
describe('recurring schedules through the gateway', () => {
  let system: RunningSystem;
  let url: string;
  let headers: Record<string, string>;
  let clientId: string;
  let sink: SmtpSink;

  beforeAll(async () => {
    system = await startSystem({ name: 'schedules-e2e' });
    ({ url, headers, sink } = system);
    clientId = (
      await system.rpc.call(ClientsRpc.createClient, { tenantId: system.tenantId, code: '0000000031', legalName: 'Farmacia La Candelaria, C.A.', emails: ['pagos@lacandelaria.com.ve'] })
    ).id;
  });

  afterAll(async () => {
    await system?.stop();
  });

  const call = async (method: string, path: string, body?: unknown, lang = 'es') => {
    const res = await fetch(`${url}${path}`, { method, headers: { ...headers, 'accept-language': lang }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Json };
  };

  const rent = {
    documentKind: 'invoice',
    lines: [{ description: 'Alquiler local PB-4, Torre Europa', quantity: '1', unitPrice: '850.00', taxRatePercent: '16' }],
    currency: 'USD',
    paymentTermsDays: 5,
    dayRule: 'day_of_month',
    day: 31,
    cycleMonths: 1,
    startDate: '2027-02-10',
    documentTime: '08:00:00',
    maxDocuments: 12,
    recipients: { includeClient: true, customText: 'le recordamos que el alquiler vence a los 5 días.' },
  };

  it('previews the dates of a draft by the same rule, and refuses a start that is not after today', async () => {
    const preview = await call('POST', '/v1/recurring-schedules/preview', { ...rent, count: 3 });
    expect(preview.status).toBe(200);
    expect(preview.body.emissions.map((e: Json) => e.date)).toEqual(['2027-02-28', '2027-03-31', '2027-04-30']);

    const today = new Date().toISOString().slice(0, 10);
    const refused = await call('POST', '/v1/recurring-schedules', { ...rent, clientId, startDate: '2020-01-01', day: 40, cycleMonths: 0 });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'validation_failed' });
    expect(Object.keys(refused.body.errors).sort()).toEqual(['cycleMonths', 'day']);
    const sameDay = await call('POST', '/v1/recurring-schedules', { ...rent, clientId, startDate: today }, 'en');
    expect(sameDay.status).toBe(400);
    expect(sameDay.body.errors.startDate).toMatch(/later than today/);
    expect((await call('GET', `/v1/recurring-schedules?clientId=${clientId}`)).body.total).toBe(0);
  });

  it('programs a schedule whose workflow pauses, resumes, changes and ends on request', async () => {
    const created = await call('POST', '/v1/recurring-schedules', { ...rent, clientId });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'active', nextEmissionDate: '2027-02-28', emittedCount: 0, clientName: 'Farmacia La Candelaria, C.A.' });
    const id = created.body.id as string;
    expect(created.body.workflowId).toBe(`recurring-schedule:${id}`);

    // The created event starts the workflow; its live state answers once it runs.
    const state = await eventually(async () => {
      const res = await call('GET', `/v1/recurring-schedules/${id}/state`);
      return res.status === 200 ? res.body : undefined;
    }, 'the schedule workflow');
    expect(state).toMatchObject({ status: 'active', nextEmissionDate: '2027-02-28' });

    expect((await call('POST', `/v1/recurring-schedules/${id}/pause`)).body).toMatchObject({ status: 'paused' });
    const again = await call('POST', `/v1/recurring-schedules/${id}/pause`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'schedule.not_active', detail: 'La programación no está activa (está paused).' });
    expect((await call('GET', `/v1/recurring-schedules/${id}`)).body).toMatchObject({ status: 'paused' });
    expect((await call('POST', `/v1/recurring-schedules/${id}/resume`)).body).toMatchObject({ status: 'active', skippedCount: 0 });

    const changed = await call('PUT', `/v1/recurring-schedules/${id}/configuration`, { ...rent, dayRule: 'last_day', cycleMonths: 3, startDate: '2027-05-02' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ nextEmissionDate: '2027-05-31', configVersion: 2 });
    const preview = await call('GET', `/v1/recurring-schedules/${id}/preview?count=3`);
    expect(preview.body.emissions.map((e: Json) => e.date)).toEqual(['2027-05-31', '2027-08-31', '2027-11-30']);
    const badChange = await call('PUT', `/v1/recurring-schedules/${id}/configuration`, { ...rent, startDate: '2020-01-01' });
    expect(badChange.status).toBe(400);
    expect(badChange.body.errors.startDate).toBeDefined();

    expect((await call('POST', `/v1/recurring-schedules/${id}/skip`)).body).toMatchObject({ skippedCount: 1, nextEmissionDate: '2027-08-31' });
    expect((await call('POST', `/v1/recurring-schedules/${id}/end`)).body).toMatchObject({ status: 'ended', nextEmissionDate: '' });
    await eventually(async () => ((await call('GET', `/v1/recurring-schedules?status=ended&clientId=${clientId}`)).body.total === 1 ? true : undefined), 'the ended state in billing');
    const afterEnd = await call('POST', `/v1/recurring-schedules/${id}/resume`);
    expect(afterEnd.status).toBe(409);
    expect(afterEnd.body.code).toBe('schedule.finished');
  });

  it('an imported schedule due today emits at once and emails the invoice, PDF and XML, to the client', async () => {
    sink.clear();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Caracas' }).format(new Date());
    const created = await call('POST', '/v1/recurring-schedules', {
      ...rent,
      clientId,
      emissionHour: 0,
      maxDocuments: 1,
      importedNextEmissionDate: today,
      recipients: { includeClient: true, customText: 'su alquiler de este mes.' },
    });
    expect(created.status).toBe(201);
    const done = await eventually(async () => {
      const res = await call('GET', `/v1/recurring-schedules/${created.body.id}`);
      return res.body.status === 'completed' ? res.body : undefined;
    }, 'the schedule to emit its only document', 60_000);
    expect(done).toMatchObject({ emittedCount: 1, lastEmissionDate: today });
    const document = await call('GET', `/v1/documents/${done.lastDocumentId}`);
    expect(document.body).toMatchObject({ issueDate: today, issueTime: '08:00:00', total: '986.00' });

    const [mail] = await sink.waitForMessages(1, 60_000);
    expect(mail.envelopeTo).toEqual(['pagos@lacandelaria.com.ve']);
    expect(mail.subject).toContain(document.body.displayNumber);
    expect(mail.text).toContain('su alquiler de este mes.');
    expect(mail.attachments.map((a) => a.filename).sort()).toEqual([`Factura_${document.body.displayNumber}.pdf`, `Factura_${document.body.displayNumber}.xml`]);
    const deliveries = await eventually(async () => {
      const res = await call('GET', `/v1/deliveries?clientId=${clientId}`);
      return res.body.items?.length ? res.body.items : undefined;
    }, 'the delivery log');
    expect(deliveries[0]).toMatchObject({ status: 'accepted', channel: 'email' });
  });

  it('answers 404 for an unknown or malformed schedule id', async () => {
    expect((await call('GET', '/v1/recurring-schedules/0f0e0d0c-0b0a-4909-8807-060504030201')).body).toMatchObject({ code: 'schedule.not_found' });
    expect((await call('POST', '/v1/recurring-schedules/abc/pause')).status).toBe(404);
  });
});
