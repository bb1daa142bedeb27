import { ClientsRpc } from '@cobranza/contracts';
import { connectNats, RpcClient } from '@cobranza/platform';
import { startTestService } from '@cobranza/testing';
import type { INestApplication } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { AppModule as BillingModule } from '../../billing/src/app.module';
import { billingDefinition } from '../../billing/src/definition';
import { AppModule as ClientsModule } from '../../clients/src/app.module';
import { clientsDefinition } from '../../clients/src/definition';
import { createGateway } from '../src/create-gateway';
import { HttpApi, type Json } from './http-api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The gateway's billing API over HTTP (documents, payments, statements), with real API keys,
 * against the real clients and billing services (PostgreSQL and NATS started by scripts/test.sh).
 */
describe('gateway: billing API', () => {
  let clientsService: INestApplication;
  let billingService: INestApplication | undefined;
  let gateway: INestApplication;
  let nats: NatsConnection;
  /** Tenant A (Infotax) and tenant B (Galac), each with its own key. */
  let a: HttpApi;
  let b: HttpApi;
  /** Tenant A's client 0000000012. */
  let client: Json;

  const line = {
    description: 'Servicio de asesoría tributaria, marzo 2024',
    quantity: '1',
    unitPrice: '360.00',
    discountPercent: '0',
    taxRatePercent: '16',
  };
  const invoiceBody = (extra: Json = {}): Json => ({
    kind: 'invoice',
    clientId: client.id,
    series: '0001',
    currency: 'VES',
    issueDate: '2024-03-01',
    issueTime: '08:00:00',
    paymentTermsDays: 15,
    lines: [line],
    notes: 'Pago por transferencia a la cuenta corriente del Banco Mercantil.',
    ...extra,
  });
  const withKey = (key: string): Record<string, string> => ({ 'idempotency-key': key });

  beforeAll(async () => {
    clientsService = await startTestService(clientsDefinition(), ClientsModule);
    billingService = await startTestService(billingDefinition(), BillingModule);
    gateway = await createGateway();
    await gateway.listen(0, '127.0.0.1');
    const url = (await gateway.getUrl()).replace('[::1]', '127.0.0.1');
    nats = await connectNats('gateway-billing-api-test');
    const rpc = new RpcClient(nats);

    const tenantA = await rpc.call(ClientsRpc.createTenant, { legalName: 'Infotax, S.A.', taxId: 'J-30012345-6', email: 'cobranzas@infotax.com.ve' });
    const tenantB = await rpc.call(ClientsRpc.createTenant, { legalName: 'Galac Software, C.A.', taxId: 'J-30398545-0', email: 'cobranzas@galac.com' });
    a = new HttpApi(url, (await rpc.call(ClientsRpc.createApiKey, { tenantId: tenantA.id, name: 'Pruebas A' })).key);
    b = new HttpApi(url, (await rpc.call(ClientsRpc.createApiKey, { tenantId: tenantB.id, name: 'Pruebas B' })).key);

    const created = await a.post('/v1/clients', {
      code: '0000000012',
      legalName: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.',
      taxId: 'J-31234567-8',
      address: 'Av. Sanatorio del Ávila, Centro Empresarial Ciudad Center, Torre C, piso 1.',
      emails: ['usuario@galac.com'],
    });
    expect(created.status).toBe(201);
    client = created.body as Json;
  });

  afterAll(async () => {
    await nats?.drain();
    await gateway?.close();
    await billingService?.close();
    await clientsService?.close();
  });

  let invoice: Json;
  let payment: Json;

  describe('documents', () => {
    it('issues an invoice: next number, exact totals from decimal strings, the client snapshot and every field', async () => {
      const res = await a.post('/v1/documents', invoiceBody(), withKey('factura-2024-03-0012'));
      expect(res.status).toBe(201);
      expect(res.contentType).toMatch(/^application\/json/);
      invoice = res.body as Json;
      expect(invoice).toEqual({
        id: expect.stringMatching(UUID),
        kind: 'invoice',
        status: 'issued',
        series: '0001',
        letter: '',
        number: 1,
        displayNumber: '0001-00000001',
        clientId: client.id,
        clientCode: '0000000012',
        clientName: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.',
        currency: 'VES',
        issueDate: '2024-03-01',
        issueTime: '08:00:00',
        paymentTermsDays: 15,
        dueDate: '2024-03-16',
        lines: [
          {
            description: 'Servicio de asesoría tributaria, marzo 2024',
            quantity: '1',
            unitPrice: '360.00',
            discountPercent: '0',
            taxRatePercent: '16',
            gross: '360.00',
            discount: '0.00',
            net: '360.00',
            tax: '57.60',
            total: '417.60',
          },
        ],
        gross: '360.00',
        discount: '0.00',
        net: '360.00',
        tax: '57.60',
        total: '417.60',
        paid: '0.00',
        balance: '417.60',
        operationId: invoice.id,
        sourceDocumentId: '',
        batchId: '',
        notes: 'Pago por transferencia a la cuenta corriente del Banco Mercantil.',
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      });
      expect(invoice).not.toHaveProperty('tenantId');
      expect((await a.get(`/v1/documents/${invoice.id}`)).body).toEqual(invoice);
    });

    it('answers the same document for the same Idempotency-Key, and 422 for the same key with another request', async () => {
      const again = await a.post('/v1/documents', invoiceBody(), withKey('factura-2024-03-0012'));
      expect(again.status).toBe(201);
      expect(again.body).toEqual(invoice);

      const conflict = await a.post('/v1/documents', invoiceBody({ lines: [{ ...line, unitPrice: '380.00' }] }), withKey('factura-2024-03-0012'));
      expect(conflict.status).toBe(422);
      expect(conflict.contentType).toMatch(/^application\/problem\+json/);
      expect(conflict.body).toMatchObject({
        code: 'document.idempotency_conflict',
        status: 422,
        detail: expect.stringMatching(/factura-2024-03-0012/),
      });
      expect((await a.get('/v1/documents')).body).toMatchObject({ items: [{ id: invoice.id }], page: { total: 1 } });
    });

    it('refuses a bad Idempotency-Key before the service', async () => {
      for (const key of ['clave con espacios', 'clave/barra', 'x'.repeat(201)]) {
        const res = await a.post('/v1/documents', invoiceBody(), withKey(key));
        expect({ key, status: res.status, body: res.body }).toMatchObject({
          key,
          status: 400,
          body: { code: 'request.invalid', errors: { 'Idempotency-Key': expect.stringMatching(/1 a 200 caracteres/) } },
        });
      }
    });

    it('answers a bad line with 400 and issues nothing', async () => {
      const before = (await a.get('/v1/documents')).body;
      // Every request to billing, seen from a plain subscription (the service still answers them).
      const seen: string[] = [];
      const spy = nats.subscribe('rpc.billing.>', { callback: (_error, msg) => seen.push(msg.subject) });
      await nats.flush();

      const asNumber = await a.post('/v1/documents', invoiceBody({ lines: [{ ...line, unitPrice: 360 }] }), withKey('factura-mala-1'));
      expect(asNumber.status).toBe(400);
      expect(asNumber.body).toMatchObject({
        code: 'request.invalid',
        errors: { 'lines[0].unitPrice': expect.stringMatching(/se envían como texto, por ejemplo "360.00", para evitar errores de redondeo/) },
      });
      const english = await a.post(
        '/v1/documents',
        invoiceBody({ paymentTermsDays: '15', lines: [{ ...line, quantity: 1, price: '360.00' }, 'línea'], tenantId: 'x' }),
        { 'accept-language': 'en' },
      );
      expect(english.body).toMatchObject({
        code: 'request.invalid',
        detail: 'The request is not valid; check the fields listed.',
        errors: {
          paymentTermsDays: 'Must be a whole number from 0 to 1000000.',
          'lines[0].quantity': expect.stringMatching(/sent as strings.*rounding/),
          'lines[0].price': 'Unknown field.',
          'lines[1]': 'Must be an object.',
          tenantId: 'Unknown field.',
        },
      });
      const notAList = await a.post('/v1/documents', invoiceBody({ lines: line }));
      expect(notAList.body).toMatchObject({ code: 'request.invalid', errors: { lines: 'Debe ser una lista de objetos.' } });
      await nats.flush();
      expect(seen).toEqual([]);
      spy.unsubscribe();

      const invalid = await a.post('/v1/documents', invoiceBody({ lines: [{ ...line, description: '', quantity: '0' }] }), withKey('factura-mala-2'));
      expect(invalid.status).toBe(400);
      expect(invalid.body).toMatchObject({
        code: 'validation_failed',
        detail: expect.stringMatching(/no son válidos/),
        errors: { 'lines[0].description': expect.any(String), 'lines[0].quantity': expect.stringMatching(/cantidad/) },
      });
      const invalidEn = await a.post('/v1/documents', invoiceBody({ lines: [{ ...line, taxRatePercent: '116' }] }), { 'accept-language': 'en' });
      expect(invalidEn.body).toMatchObject({ code: 'validation_failed', errors: { 'lines[0].taxRatePercent': expect.stringMatching(/tax rate/) } });

      expect((await a.get('/v1/documents')).body).toEqual(before);
    });

    it('gets and lists documents, and answers a malformed id like an unknown one', async () => {
      expect((await a.get(`/v1/documents/${invoice.id.toUpperCase()}`)).body).toEqual(invoice);
      const list = await a.get(`/v1/documents?clientId=${client.id}&kind=invoice&status=issued&page=1&pageSize=10`);
      expect(list.status).toBe(200);
      expect(list.body).toEqual({ items: [invoice], page: { page: 1, pageSize: 10, total: 1 } });
      expect((await a.get('/v1/documents?kind=quote')).body).toEqual({ items: [], page: { page: 1, pageSize: 20, total: 0 } });
      for (const query of ['?page=0', '?pageSize=diez', '?kinds=invoice', '?kind=invoice&kind=quote']) {
        expect({ query, body: (await a.get(`/v1/documents${query}`)).body }).toMatchObject({ query, body: { code: 'request.invalid' } });
      }
      expect((await a.get('/v1/documents?kind=factura')).body).toMatchObject({ code: 'validation_failed', errors: { kind: expect.stringMatching(/factura/) } });

      const malformed = await a.get('/v1/documents/123');
      const unknown = await a.get('/v1/documents/00000000-0000-4000-8000-000000000000');
      expect(malformed.status).toBe(404);
      expect(unknown.status).toBe(404);
      expect(malformed.body).toMatchObject({ code: 'document.not_found', detail: (unknown.body as Json).detail });
      expect((await a.get('/v1/documents/123', { 'accept-language': 'en' })).body).toMatchObject({ detail: 'The document does not exist.' });
      expect((await a.post('/v1/documents/no-es-un-id/void', { reason: 'x' })).body).toMatchObject({ code: 'document.not_found' });
      expect((await a.post('/v1/documents', invoiceBody({ clientId: '0000000012' }))).body).toMatchObject({ code: 'client.not_found' });
      expect((await a.post('/v1/documents', invoiceBody({ clientId: '00000000-0000-4000-8000-000000000000' }))).body).toMatchObject({
        code: 'client.not_found',
      });
    });
  });

  describe('payments', () => {
    it('records a partial payment: the invoice becomes partially_paid with its balance', async () => {
      const body = {
        clientId: client.id,
        date: '2024-03-10',
        amount: '200.00',
        currency: 'VES',
        method: 'transfer',
        reference: 'Transferencia Banco Mercantil 004512',
        allocations: [{ documentId: invoice.id, amount: '200.00' }],
      };
      const res = await a.post('/v1/payments', body, withKey('pago-2024-03-0012'));
      expect(res.status).toBe(201);
      payment = res.body as Json;
      expect(payment).toEqual({
        id: expect.stringMatching(UUID),
        clientId: client.id,
        date: '2024-03-10',
        amount: '200.00',
        currency: 'VES',
        method: 'transfer',
        reference: 'Transferencia Banco Mercantil 004512',
        allocations: [{ documentId: invoice.id, displayNumber: '0001-00000001', amount: '200.00' }],
        allocated: '200.00',
        unallocated: '0.00',
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      });

      expect((await a.post('/v1/payments', body, withKey('pago-2024-03-0012'))).body).toEqual(payment);
      const conflict = await a.post('/v1/payments', { ...body, amount: '250.00' }, withKey('pago-2024-03-0012'));
      expect(conflict.status).toBe(422);
      expect(conflict.body).toMatchObject({ code: 'payment.idempotency_conflict' });

      const doc = (await a.get(`/v1/documents/${invoice.id}`)).body as Json;
      expect(doc).toMatchObject({ status: 'partially_paid', total: '417.60', paid: '200.00', balance: '217.60' });
      expect((await a.get('/v1/documents?status=partially_paid')).body).toMatchObject({ items: [{ id: invoice.id }], page: { total: 1 } });
      expect((await a.get(`/v1/clients/${client.id}/payments`)).body).toEqual({ items: [payment] });
    });

    it('refuses amounts as JSON numbers, over-allocations and malformed ids, recording nothing', async () => {
      const base = { clientId: client.id, date: '2024-03-11', amount: '50.00', currency: 'VES', method: 'cash' };
      const asNumber = await a.post('/v1/payments', { ...base, amount: 50, allocations: [{ documentId: invoice.id, amount: 50 }] });
      expect(asNumber.status).toBe(400);
      expect(asNumber.body).toMatchObject({
        code: 'request.invalid',
        errors: { amount: expect.stringMatching(/como texto/), 'allocations[0].amount': expect.stringMatching(/como texto/) },
      });
      const over = await a.post('/v1/payments', { ...base, amount: '300.00', allocations: [{ documentId: invoice.id, amount: '300.00' }] });
      expect(over.status).toBe(400);
      expect(over.body).toMatchObject({ code: 'validation_failed', errors: { 'allocations[0].amount': expect.stringMatching(/217\.60/) } });
      expect((await a.post('/v1/payments', { ...base, allocations: [{ documentId: 'no-es-un-id', amount: '50.00' }] })).body).toMatchObject({
        code: 'document.not_found',
      });
      expect((await a.post('/v1/payments', { ...base, clientId: '12' })).body).toMatchObject({ code: 'client.not_found' });
      expect((await a.post('/v1/payments', base, withKey('pago con espacios'))).body).toMatchObject({ code: 'request.invalid' });
      expect((await a.get(`/v1/clients/${client.id}/payments`)).body).toEqual({ items: [payment] });
      expect((await a.get('/v1/clients/123/payments')).body).toMatchObject({ code: 'client.not_found' });
    });
  });

  describe('void', () => {
    it('voids an unpaid document, keeping its number; refuses a paid one and a second void', async () => {
      const paid = await a.post(`/v1/documents/${invoice.id}/void`, { reason: 'Emitida por error.' });
      expect(paid.status).toBe(409);
      expect(paid.body).toMatchObject({ code: 'document.not_voidable', detail: expect.stringMatching(/pagos/) });

      const second = (await a.post('/v1/documents', invoiceBody({ issueDate: '2024-03-02' }))).body as Json;
      // The refused requests above took no number.
      expect(second).toMatchObject({ number: 2, displayNumber: '0001-00000002', status: 'issued' });
      const voided = await a.post(`/v1/documents/${second.id}/void`, { reason: 'Emitida por error: el servicio se facturó dos veces.' });
      expect(voided.status).toBe(200);
      expect(voided.body).toMatchObject({ id: second.id, displayNumber: '0001-00000002', status: 'voided', balance: '0.00' });
      const twice = await a.post(`/v1/documents/${second.id}/void`, { reason: 'otra vez' });
      expect(twice.status).toBe(409);
      expect(twice.body).toMatchObject({ code: 'document.not_voidable' });
      expect((await a.post(`/v1/documents/${second.id}/void`, { reason: 1 })).body).toMatchObject({
        code: 'request.invalid',
        errors: { reason: 'Debe ser un texto.' },
      });
      expect((await a.get('/v1/documents?status=voided')).body).toMatchObject({ items: [{ id: second.id }], page: { total: 1 } });
    });
  });

  describe('statement', () => {
    const statement = async (query: string): Promise<Json> => {
      const res = await a.get(`/v1/clients/${client.id}/statement${query}`);
      expect(res.status).toBe(200);
      return res.body as Json;
    };

    it('shows days overdue, bucket, payments up to the date and totals as of each date', async () => {
      const beforePayment = await statement('?asOf=2024-03-05');
      expect(beforePayment.header).toEqual({
        tenantName: 'Infotax, S.A.',
        issuedAtText: expect.stringMatching(/^Emitido el \d{2}\/\d{2}\/\d{4} a las /),
        issuedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        clientId: client.id,
        clientCode: '0000000012',
        clientName: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.',
        clientAddress: 'Av. Sanatorio del Ávila, Centro Empresarial Ciudad Center, Torre C, piso 1.',
        currency: 'VES',
        asOf: '2024-03-05',
      });
      // The voided invoice 0001-00000002 is left out.
      expect(beforePayment.rows).toEqual([
        {
          documentId: invoice.id,
          kind: 'invoice',
          number: '0001-00000001',
          issueDate: '2024-03-01',
          dueDate: '2024-03-16',
          daysOverdue: 0,
          amount: '417.60',
          paid: '0.00',
          balance: '417.60',
          status: 'pending',
          bucket: 'not_due',
        },
      ]);
      expect(beforePayment.totals).toEqual({ balance: '417.60', overdue: '0.00', notDue: '417.60' });

      const onDueDate = await statement('?asOf=2024-03-16');
      expect(onDueDate.rows).toMatchObject([{ daysOverdue: 0, bucket: 'not_due', paid: '200.00', balance: '217.60', status: 'partially_paid' }]);
      expect(onDueDate.totals).toEqual({ balance: '217.60', overdue: '0.00', notDue: '217.60' });
      expect(onDueDate.aging).toEqual({ notDue: '217.60', days1To30: '0.00', days31To60: '0.00', days61To90: '0.00', over90: '0.00' });

      const tenDaysLate = await statement('?asOf=2024-03-26');
      expect(tenDaysLate.rows).toMatchObject([{ daysOverdue: 10, bucket: '1_30', balance: '217.60' }]);
      expect(tenDaysLate.totals).toEqual({ balance: '217.60', overdue: '217.60', notDue: '0.00' });
      expect(tenDaysLate.aging).toEqual({ notDue: '0.00', days1To30: '217.60', days31To60: '0.00', days61To90: '0.00', over90: '0.00' });

      expect((await statement('?asOf=2024-04-20')).rows).toMatchObject([{ daysOverdue: 35, bucket: '31_60' }]);
      const late = await statement('?asOf=2024-06-20');
      expect(late.rows).toMatchObject([{ daysOverdue: 96, bucket: 'over_90' }]);
      expect(late.aging).toMatchObject({ over90: '217.60' });
    });

    it('filters by kind (repeated or comma list), status, bucket, days overdue and dates', async () => {
      const ids = async (query: string) => ((await statement(`?asOf=2024-03-26&${query}`)).rows as Json[]).map((r) => r.documentId);
      expect(await ids('kind=invoice,credit_note')).toEqual([invoice.id]);
      expect(await ids('kind=remission&kind=credit_note')).toEqual([]);
      expect(await ids('status=partially_paid')).toEqual([invoice.id]);
      expect(await ids('status=pending,paid')).toEqual([]);
      expect(await ids('bucket=1_30')).toEqual([invoice.id]);
      expect(await ids('bucket=31_60')).toEqual([]);
      expect(await ids('minDaysOverdue=10&maxDaysOverdue=10')).toEqual([invoice.id]);
      expect(await ids('minDaysOverdue=11')).toEqual([]);
      expect(await ids('number=00000001')).toEqual([invoice.id]);
      expect(await ids('issueFrom=2024-03-02')).toEqual([]);
      expect(await ids('dueFrom=2024-03-01&dueTo=2024-03-31')).toEqual([invoice.id]);
      const filtered = await statement('?asOf=2024-03-26&bucket=31_60');
      expect(filtered.totals).toEqual({ balance: '0.00', overdue: '0.00', notDue: '0.00' });

      for (const query of ['?minDaysOverdue=-1', '?maxDaysOverdue=diez', '?asOf=2024-03-26&asOf=2024-03-27', '?kinds=invoice', '?bucket=1_30&bucket=31_60']) {
        const res = await a.get(`/v1/clients/${client.id}/statement${query}`);
        expect({ query, status: res.status, code: (res.body as Json).code }).toEqual({ query, status: 400, code: 'request.invalid' });
      }
      const invalid = await a.get(`/v1/clients/${client.id}/statement?asOf=2024-02-30&kind=factura&status=vencido&bucket=0_30`);
      expect(invalid.status).toBe(400);
      expect(invalid.body).toMatchObject({
        code: 'validation_failed',
        errors: {
          asOf: expect.any(String),
          kind: expect.stringMatching(/factura/),
          status: expect.stringMatching(/vencido/),
          bucket: expect.stringMatching(/0_30/),
        },
      });
      expect((await a.get('/v1/clients/no-es-un-id/statement')).body).toMatchObject({ code: 'client.not_found' });
      expect((await a.get('/v1/clients/00000000-0000-4000-8000-000000000000/statement')).body).toMatchObject({ code: 'client.not_found' });
    });
  });

  describe('document batches', () => {
    it('issues a batch once and names a bad item without issuing anything', async () => {
      const item = invoiceBody({ issueDate: '2024-03-01' });
      const bad = await a.post('/v1/document-batches', {
        batchId: 'alquileres-2024-03',
        items: [item, { ...item, lines: [{ description: 'Alquiler', quantity: '0', unitPrice: '500.00' }] }],
      });
      expect(bad.status).toBe(400);
      expect((bad.body as Json).errors).toHaveProperty(['items[1].lines[0].quantity']);
      const body = { batchId: 'alquileres-2024-03', items: [item, item] };
      const res = await a.post('/v1/document-batches', body);
      expect(res.status).toBe(201);
      expect((res.body as Json).perClient).toEqual([{ clientId: client.id, invoices: 2 }]);
      const again = await a.post('/v1/document-batches', body);
      expect(((again.body as Json).documents as Json[]).map((d) => d.id)).toEqual(((res.body as Json).documents as Json[]).map((d) => d.id));
    });
  });

  describe('billing settings', () => {
    it('reads and changes whether uninvoiced remissions count as receivable', async () => {
      expect((await a.get('/v1/billing-settings')).body).toEqual({ remissionsReceivable: true, statementInInvoiceEmails: false });
      expect((await a.patch('/v1/billing-settings', { remissionsReceivable: 'no' })).body).toMatchObject({ code: 'request.invalid' });
      expect((await a.patch('/v1/billing-settings', { remissionsReceivable: false })).body).toEqual({ remissionsReceivable: false, statementInInvoiceEmails: false });
      expect((await b.get('/v1/billing-settings')).body).toEqual({ remissionsReceivable: true, statementInInvoiceEmails: false });
      expect((await a.patch('/v1/billing-settings', { remissionsReceivable: true, statementInInvoiceEmails: true })).body).toEqual({
        remissionsReceivable: true,
        statementInInvoiceEmails: true,
      });
      expect((await b.get('/v1/billing-settings')).body).toEqual({ remissionsReceivable: true, statementInInvoiceEmails: false });
    });
  });

  describe('payment reports', () => {
    it('keeps a reported payment pending until the company confirms it, and only for its own tenant', async () => {
      const fresh = (await a.post('/v1/documents', invoiceBody({ issueDate: '2024-03-20' }))).body as Json;
      const res = await a.post('/v1/payment-reports', {
        clientId: client.id,
        date: '2024-03-21',
        amount: '17.60',
        currency: 'VES',
        method: 'mobile_payment',
        reference: 'PM-0102-778899',
        allocations: [{ documentId: fresh.id, amount: '17.60' }],
        reporterEmail: 'usuario@galac.com',
      });
      expect(res.status).toBe(201);
      const report = res.body as Json;
      expect(report).toMatchObject({ status: 'pending', amount: '17.60', paymentId: '' });
      expect(((await a.get('/v1/payment-reports?status=pending')).body as Json).items).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: report.id })]),
      );
      expect((await b.post(`/v1/payment-reports/${report.id}/confirm`, {})).status).toBe(404);
      expect((await a.post('/v1/payment-reports/not-a-uuid/confirm', {})).body).toMatchObject({ code: 'payment_report.not_found' });
      const confirmed = await a.post(`/v1/payment-reports/${report.id}/confirm`, {});
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toMatchObject({ status: 'confirmed', paymentId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      expect((await a.get(`/v1/documents/${fresh.id}`)).body).toMatchObject({ balance: '400.00', status: 'partially_paid' });
      const again = await a.post(`/v1/payment-reports/${report.id}/reject`, { reason: 'tarde' });
      expect(again.body).toMatchObject({ status: 409, code: 'payment_report.already_decided' });
    });
  });

  describe('sales history', () => {
    it("shows the client's operations newest first with counters and the pending balance of the statement", async () => {
      const res = await a.get(`/v1/clients/${client.id}/sales-history`);
      expect(res.status).toBe(200);
      const history = res.body as Json;
      const withInvoice = (history.operations as Json[]).find((o) => (o.invoice as Json | undefined)?.id === invoice.id);
      expect(withInvoice).toMatchObject({ operationId: invoice.id, invoice: { displayNumber: invoice.displayNumber } });
      expect(history.invoices).toBe((history.operations as Json[]).filter((o) => o.invoice).length);
      const statement = (await a.get(`/v1/clients/${client.id}/statement`)).body as Json;
      expect(history.pendingBalance).toBe((statement.totals as Json).balance);
    });
  });

  describe('tenant isolation', () => {
    it("answers 404 to another tenant's key on A's document, client statement and payments, and changes nothing", async () => {
      const snapshot = await snapshotOfA();
      const clientOfB = (await b.post('/v1/clients', { code: '0000000012', legalName: 'Cliente de Galac, C.A.' })).body as Json;

      const attempts: Array<[string, string, Json?]> = [
        ['GET', `/v1/documents/${invoice.id}`],
        ['POST', `/v1/documents/${invoice.id}/void`, { reason: 'de B' }],
        ['GET', `/v1/clients/${client.id}/statement`],
        ['GET', `/v1/clients/${client.id}/payments`],
        ['GET', `/v1/clients/${client.id}/sales-history`],
        ['POST', '/v1/documents', invoiceBody()],
        ['POST', '/v1/documents', invoiceBody({ clientId: clientOfB.id, kind: 'credit_note', sourceDocumentId: invoice.id })],
        ['POST', '/v1/payments', { clientId: client.id, date: '2024-03-12', amount: '10.00', currency: 'VES', method: 'cash' }],
      ];
      for (const [method, path, body] of attempts) {
        const res = await b.send(method, path, body === undefined ? undefined : JSON.stringify(body));
        expect({ method, path, status: res.status, code: (res.body as Json | undefined)?.code }).toEqual({
          method,
          path,
          status: 404,
          code: expect.stringMatching(/^(client|document)\.not_found$/),
        });
      }
      // B cannot pay A's invoice through its own client either.
      const pay = await b.post('/v1/payments', {
        clientId: clientOfB.id,
        date: '2024-03-12',
        amount: '10.00',
        currency: 'VES',
        method: 'cash',
        allocations: [{ documentId: invoice.id, amount: '10.00' }],
      });
      expect(pay.status).toBe(400);
      expect(pay.body).toMatchObject({ code: 'validation_failed', errors: { 'allocations[0].documentId': expect.any(String) } });

      // B sees none of A's documents; idempotency keys and numbering are per tenant.
      expect((await b.get('/v1/documents')).body).toEqual({ items: [], page: { page: 1, pageSize: 20, total: 0 } });
      expect((await b.get(`/v1/documents?clientId=${client.id}`)).body).toMatchObject({ items: [], page: { total: 0 } });
      const own = await b.post('/v1/documents', invoiceBody({ clientId: clientOfB.id }), withKey('factura-2024-03-0012'));
      expect(own.status).toBe(201);
      expect(own.body).toMatchObject({ number: 1, displayNumber: '0001-00000001', clientName: 'Cliente de Galac, C.A.' });
      expect((own.body as Json).id).not.toBe(invoice.id);

      expect(await snapshotOfA()).toEqual(snapshot);
    });
  });

  describe('OpenAPI', () => {
    it('documents every billing route with a summary, the key, problem+json answers and Spanish examples', async () => {
      const doc = (await a.get('/docs/openapi.json')).body as { paths: Record<string, Record<string, Json>> };
      // File exports (statement.pdf, /pdf, /xml) are checked in exports-api.spec.ts.
      const routes = Object.entries(doc.paths).filter(
        ([path]) => /^\/v1\/(documents|payments|clients\/\{id\}\/(payments|statement))/.test(path) && !/(\.pdf|\.xlsx|\/pdf|\/xml|\/deliveries)$/.test(path),
      );
      expect(routes.map(([path, ops]) => `${Object.keys(ops).sort().join(',')} ${path}`).sort()).toEqual([
        'get /v1/clients/{id}/payments',
        'get /v1/clients/{id}/statement',
        'get /v1/documents/{id}',
        'get,post /v1/documents',
        'post /v1/documents/{id}/void',
        'post /v1/payments',
      ]);
      for (const [path, operations] of routes) {
        for (const [method, operation] of Object.entries(operations)) {
          const where = `${method} ${path}`;
          expect({ where, summary: typeof operation.summary, security: operation.security }).toEqual({
            where,
            summary: 'string',
            security: [{ 'api-key': [] }],
          });
          for (const status of Object.keys(operation.responses).filter((s) => Number(s) >= 400)) {
            expect({ where, status, content: Object.keys(operation.responses[status].content ?? {}) }).toEqual({
              where,
              status,
              content: ['application/problem+json'],
            });
          }
        }
      }
      const issue = doc.paths['/v1/documents'].post;
      expect(issue.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false })]));
      expect(Object.keys(issue.responses['422'].content['application/problem+json'].examples)).toEqual(['document.idempotency_conflict']);
      expect(Object.keys(issue.responses).sort()).toEqual(['201', '400', '401', '404', '422', '503']);
      expect(JSON.stringify(issue.requestBody)).toContain('Servicio de asesoría tributaria, marzo 2024');
      expect(doc.paths['/v1/documents/{id}/void'].post.responses).toHaveProperty('409');
      expect(Object.keys(doc.paths['/v1/payments'].post.responses['422'].content['application/problem+json'].examples)).toEqual([
        'payment.idempotency_conflict',
      ]);
      const statementParams = (doc.paths['/v1/clients/{id}/statement'].get.parameters as Json[]).map((p) => p.name).sort();
      expect(statementParams).toEqual(
        ['asOf', 'bucket', 'dueFrom', 'dueTo', 'id', 'issueFrom', 'issueTo', 'kind', 'maxDaysOverdue', 'minDaysOverdue', 'number', 'status'].sort(),
      );
    });
  });

  describe('service unavailable', () => {
    it('answers 503 service.unavailable when billing does not answer', async () => {
      await billingService?.close();
      billingService = undefined;
      const res = await a.get('/v1/documents');
      expect(res.status).toBe(503);
      expect(res.contentType).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'service.unavailable', status: 503 });
      // The clients routes still work.
      expect((await a.get(`/v1/clients/${client.id}`)).status).toBe(200);
    });
  });

  /** What tenant A can see of billing, to compare before and after another tenant's attempts. */
  async function snapshotOfA(): Promise<Json> {
    return {
      documents: (await a.get('/v1/documents?pageSize=100')).body,
      payments: (await a.get(`/v1/clients/${client.id}/payments`)).body,
      statement: ((await a.get(`/v1/clients/${client.id}/statement?asOf=2024-03-26`)).body as Json).rows,
    };
  }
});
