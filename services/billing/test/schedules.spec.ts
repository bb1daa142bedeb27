import { BillingRpc, ClientsRpc, type ScheduleConfig } from '@cobranza/contracts';
import { connectNats, RpcClient } from '@cobranza/platform';
import { startTestService } from '@cobranza/testing';
import type { INestApplication } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { AppModule as ClientsModule } from '../../clients/src/app.module';
import { clientsDefinition } from '../../clients/src/definition';
import { AppModule } from '../src/app.module';
import { billingDefinition } from '../src/definition';

/** Billing's side of recurring schedules over real NATS and PostgreSQL, the clients service beside it. */
describe('billing: recurring schedule configuration', () => {
  const apps: INestApplication[] = [];
  let nats: NatsConnection;
  let rpc: RpcClient;
  let tenantId: string;
  let clientId: string;
  let otherClientId: string;

  const config = (extra: Partial<ScheduleConfig> = {}) =>
    ({
      documentKind: 'invoice',
      lines: [{ description: 'Mantenimiento mensual del sistema administrativo', quantity: '1', unitPrice: '120.00', taxRatePercent: '16' }],
      dayRule: 'day_of_month',
      day: 15,
      cycleMonths: 1,
      startDate: '2027-03-01',
      ...extra,
    }) as ScheduleConfig;
  const create = (extra: Partial<ScheduleConfig> = {}, more: Record<string, unknown> = {}) =>
    rpc.call(BillingRpc.createSchedule, { tenantId, clientId, config: config(extra), ...more });

  beforeAll(async () => {
    apps.push(await startTestService(clientsDefinition(), ClientsModule));
    apps.push(await startTestService(billingDefinition(), AppModule));
    nats = await connectNats('billing-schedules-test');
    rpc = new RpcClient(nats, 20_000);
    tenantId = (await rpc.call(ClientsRpc.createTenant, { legalName: 'Galac Software, C.A.', email: 'cobranzas@galac.com', timezone: 'America/Caracas' })).id;
    clientId = (await rpc.call(ClientsRpc.createClient, { tenantId, code: '0000000044', legalName: 'Panadería El Trigal, C.A.', currency: 'VES' })).id;
    otherClientId = (await rpc.call(ClientsRpc.createClient, { tenantId, code: '0000000045', legalName: 'Ferretería Los Andes, S.R.L.' })).id;
  });

  afterAll(async () => {
    await nats?.drain();
    for (const app of apps.reverse()) await app.close();
  });

  it('stores a schedule with its defaults, the client’s currency and its first emission by the rule', async () => {
    const schedule = await create({ dayRule: 'last_day', day: 0, startDate: '2028-02-10', maxDocuments: 6 });
    expect(schedule).toMatchObject({
      clientName: 'Panadería El Trigal, C.A.',
      status: 'active',
      anchorDate: '2028-02-29',
      nextEmissionDate: '2028-02-29',
      // 07:00 in Caracas (UTC-4).
      nextEmissionAt: '2028-02-29T11:00:00.000Z',
      emittedCount: 0,
      configVersion: 1,
      workflowId: `recurring-schedule:${schedule.id}`,
    });
    expect(schedule.config).toMatchObject({ currency: 'VES', series: '0001', documentTime: '08:00:00', emissionHour: 7, maxDocuments: 6 });
    expect(schedule.config!.recipients).toMatchObject({ includeClient: true, contactIds: [], staffIds: [] });
  });

  it('names every bad field at once and stores nothing', async () => {
    const before = (await rpc.call(BillingRpc.listSchedules, { tenantId, clientId: otherClientId })).total;
    const call = rpc.call(BillingRpc.createSchedule, {
      tenantId,
      clientId: otherClientId,
      config: config({ documentKind: 'quote', day: 0, cycleMonths: 121, documentTime: '25:00', emissionHour: 24, maxDocuments: 0, lines: [] }),
    });
    await expect(call).rejects.toMatchObject({ code: 'validation_failed', status: 400 });
    const details = (await call.catch((e) => e)).details as Record<string, string>;
    expect(Object.keys(details).sort()).toEqual(['cycleMonths', 'day', 'documentKind', 'documentTime', 'emissionHour', 'lines', 'maxDocuments']);
    expect((await rpc.call(BillingRpc.listSchedules, { tenantId, clientId: otherClientId })).total).toBe(before);
  });

  it('refuses a contact not linked to the client and a staff member that does not exist', async () => {
    const stranger = await rpc.call(ClientsRpc.createContact, { tenantId, name: 'Luis Pérez', email: 'luis@otra.com' });
    const call = create({ recipients: { includeClient: true, contactIds: [stranger.id], staffIds: ['7d3c9f3e-0b0a-4c1d-9e8f-1a2b3c4d5e6f'], customText: '' } as never });
    const error = await call.catch((e) => e);
    expect(error).toMatchObject({ code: 'validation_failed' });
    expect(error.details).toEqual({
      'recipients.contactIds[0]': 'El contacto no está vinculado a este cliente para recibir este tipo de documento.',
      'recipients.staffIds[0]': 'No existe ese miembro del personal.',
    });

    const link = await rpc.call(ClientsRpc.addClientContact, { tenantId, clientId, contactId: stranger.id, role: 'Contador' });
    const staff = await rpc.call(ClientsRpc.createStaffMember, { tenantId, name: 'María Gómez', email: 'mgomez@galac.com' });
    const ok = await create({ recipients: { includeClient: false, contactIds: [link.contact!.id], staffIds: [staff.id], customText: 'su mensualidad de marzo.' } as never });
    expect(ok.config!.recipients).toMatchObject({ includeClient: false, contactIds: [link.contact!.id], staffIds: [staff.id], customText: 'su mensualidad de marzo.' });
  });

  it('imports a schedule from another system: its next date (today allowed) and its emitted count', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Caracas' }).format(new Date());
    const imported = await create({ maxDocuments: 12 }, { importedNextEmissionDate: today, importedEmittedCount: 10 });
    expect(imported).toMatchObject({ nextEmissionDate: today, emittedCount: 10 });
    const preview = await rpc.call(BillingRpc.previewSchedule, { tenantId, id: imported.id, count: 5 });
    expect(preview.emissions).toHaveLength(2);
    expect(preview.emissions[0].date).toBe(today);
    expect(preview.limited).toBe(true);

    await expect(create({ maxDocuments: 3 }, { importedNextEmissionDate: today, importedEmittedCount: 3 })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(create({}, { importedNextEmissionDate: '2020-01-01' })).rejects.toMatchObject({ details: { importedNextEmissionDate: expect.any(String) } });
  });

  it('previews a draft configuration without storing it', async () => {
    const preview = await rpc.call(BillingRpc.previewSchedule, { tenantId, config: config({ day: 31, cycleMonths: 7, startDate: '2027-01-10' }), count: 4 });
    expect(preview.emissions.map((e) => e.date)).toEqual(['2027-01-31', '2027-08-31', '2028-03-31', '2028-10-31']);
    expect(preview.limited).toBe(false);
    await expect(rpc.call(BillingRpc.previewSchedule, { tenantId, config: config(), count: 61 })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('keeps the newest runtime state the workflow reports and lists schedules by status and next date', async () => {
    const schedule = await rpc.call(BillingRpc.createSchedule, { tenantId, clientId: otherClientId, config: config({ startDate: '2027-05-01' }) });
    const report = { tenantId, id: schedule.id, anchorDate: schedule.anchorDate, epoch: 0, lastDocumentId: '', lastError: '' };
    await rpc.call(BillingRpc.reportScheduleState, { ...report, status: 'paused', emittedCount: 2, nextIndex: 2, nextEmissionDate: '2027-07-15', revision: 5 });
    const stale = await rpc.call(BillingRpc.reportScheduleState, { ...report, status: 'active', emittedCount: 1, nextIndex: 1, nextEmissionDate: '2027-06-15', revision: 4 });
    expect(stale).toMatchObject({ status: 'paused', emittedCount: 2, nextEmissionDate: '2027-07-15', stateRevision: 5 });

    const paused = await rpc.call(BillingRpc.listSchedules, { tenantId, status: 'paused' });
    expect(paused.items.map((s) => s.id)).toEqual([schedule.id]);
    const july = await rpc.call(BillingRpc.listSchedules, { tenantId, nextFrom: '2027-07-01', nextTo: '2027-07-31' });
    expect(july.items.map((s) => s.id)).toEqual([schedule.id]);
    await expect(rpc.call(BillingRpc.listSchedules, { tenantId, status: 'dormida' })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('a change of day rule needs a start after today and begins a new epoch; the limit cannot fall to the emitted count', async () => {
    const schedule = await create({ startDate: '2027-01-01', maxDocuments: 10 });
    await rpc.call(BillingRpc.reportScheduleState, {
      tenantId, id: schedule.id, status: 'active', emittedCount: 3, nextIndex: 3, anchorDate: schedule.anchorDate, epoch: 0, nextEmissionDate: '2027-04-15', revision: 1,
    });
    const sameRule = await rpc.call(BillingRpc.changeScheduleConfig, { tenantId, id: schedule.id, config: config({ startDate: '2027-01-01', maxDocuments: 10, notes: 'Nueva nota' }) });
    expect(sameRule).toMatchObject({ epoch: 0, nextIndex: 3, nextEmissionDate: '2027-04-15', configVersion: 2 });
    await expect(
      rpc.call(BillingRpc.changeScheduleConfig, { tenantId, id: schedule.id, config: config({ dayRule: 'last_day', day: 0, startDate: '2020-01-01' }) }),
    ).rejects.toMatchObject({ details: { startDate: expect.stringContaining('posterior a hoy') } });
    await expect(rpc.call(BillingRpc.changeScheduleConfig, { tenantId, id: schedule.id, config: config({ maxDocuments: 3 }) })).rejects.toMatchObject({
      details: { maxDocuments: 'El límite (3) no puede ser menor o igual a los documentos ya emitidos (3).' },
    });
    const moved = await rpc.call(BillingRpc.changeScheduleConfig, { tenantId, id: schedule.id, config: config({ dayRule: 'last_day', day: 0, cycleMonths: 2, startDate: '2027-09-02' }) });
    expect(moved).toMatchObject({ epoch: 1, nextIndex: 0, anchorDate: '2027-09-30', nextEmissionDate: '2027-09-30', emittedCount: 3, configVersion: 3 });
  });
});
