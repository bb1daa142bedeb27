import { ClientsRpc } from '@cobranza/contracts';
import { ARTIFACT_BUCKET, connectNats, RpcClient } from '@cobranza/platform';
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
const MB = 1024 * 1024;

/**
 * Draft sales documents and the receipt of a payment report over HTTP, with real API keys, against
 * the real clients and billing services and the artifact store (PostgreSQL and NATS).
 */
describe('gateway: drafts and payment receipts', () => {
  const services: INestApplication[] = [];
  let gateway: INestApplication;
  let nats: NatsConnection;
  let url: string;
  let keyA: string;
  let keyB: string;
  let tenantA: string;
  let tenantB: string;
  let a: HttpApi;
  let b: HttpApi;
  let client: Json;

  const line = { description: 'Servicio de asesoría tributaria, marzo 2024', quantity: '1', unitPrice: '360.00', taxRatePercent: '16' };
  const draftBody = (extra: Json = {}): Json => ({ kind: 'invoice', clientId: client.id, paymentTermsDays: 15, lines: [line], ...extra });
  const withKey = (key: string): Record<string, string> => ({ 'idempotency-key': key });

  /** A POST of raw bytes with the given Content-Type (and any other header). */
  async function upload(path: string, body: Uint8Array | ReadableStream<Uint8Array>, contentType: string, key = keyA, headers: Record<string, string> = {}) {
    const init: RequestInit & { duplex?: 'half' } = {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': contentType, ...headers },
      body: body as unknown as RequestInit['body'],
    };
    if (body instanceof ReadableStream) init.duplex = 'half';
    const res = await fetch(`${url}${path}`, init);
    const text = await res.text();
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: (text ? JSON.parse(text) : undefined) as Json };
  }

  async function download(path: string) {
    const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${keyA}` } });
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  }

  /** How many files a tenant has in the artifact store. */
  async function storedFiles(tenantId: string): Promise<number> {
    const bucket = await nats.jetstream().views.os(ARTIFACT_BUCKET);
    return (await bucket.list()).filter((o) => o.name.startsWith(`${tenantId}/`) && !o.deleted).length;
  }

  beforeAll(async () => {
    services.push(await startTestService(clientsDefinition(), ClientsModule));
    services.push(await startTestService(billingDefinition(), BillingModule));
    gateway = await createGateway();
    await gateway.listen(0, '127.0.0.1');
    url = (await gateway.getUrl()).replace('[::1]', '127.0.0.1');
    nats = await connectNats('gateway-drafts-receipts-test');
    const rpc = new RpcClient(nats);
    tenantA = (await rpc.call(ClientsRpc.createTenant, { legalName: 'Infotax, S.A.', email: 'cobranzas@infotax.com.ve' })).id;
    tenantB = (await rpc.call(ClientsRpc.createTenant, { legalName: 'Galac Software, C.A.', email: 'cobranzas@galac.com' })).id;
    keyA = (await rpc.call(ClientsRpc.createApiKey, { tenantId: tenantA, name: 'Pruebas A' })).key;
    keyB = (await rpc.call(ClientsRpc.createApiKey, { tenantId: tenantB, name: 'Pruebas B' })).key;
    a = new HttpApi(url, keyA);
    b = new HttpApi(url, keyB);
    const created = await a.post('/v1/clients', { code: '0000000012', legalName: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.' });
    expect(created.status).toBe(201);
    client = created.body as Json;
  });

  afterAll(async () => {
    await nats?.drain();
    await gateway?.close();
    for (const service of services.reverse()) await service.close();
  });

  describe('drafts', () => {
    let draft: Json;

    it('saves a draft without a number or a date, and lists it only among drafts', async () => {
      const res = await a.post('/v1/drafts', draftBody({ notes: 'Pendiente de aprobación del cliente' }));
      expect(res.status).toBe(201);
      draft = res.body as Json;
      expect(draft).toMatchObject({
        id: expect.stringMatching(UUID),
        kind: 'invoice',
        status: 'draft',
        series: '0001',
        number: 0,
        displayNumber: '',
        issueDate: '',
        issueTime: '',
        dueDate: '',
        clientId: client.id,
        clientCode: '0000000012',
        currency: 'VES',
        total: '417.60',
        balance: '417.60',
        paid: '0.00',
        notes: 'Pendiente de aprobación del cliente',
      });
      expect(draft).not.toHaveProperty('tenantId');
      expect((await a.get(`/v1/documents/${draft.id}`)).body).toEqual(draft);
      expect((await a.get('/v1/drafts')).body).toEqual({ items: [draft], page: { page: 1, pageSize: 20, total: 1 } });
      expect((await a.get('/v1/documents?status=draft')).body).toEqual({ items: [draft], page: { page: 1, pageSize: 20, total: 1 } });
      expect((await a.get(`/v1/drafts?clientId=${client.id}&kind=invoice`)).body).toMatchObject({ page: { total: 1 } });
      expect((await a.get('/v1/drafts?kind=quote')).body).toMatchObject({ items: [], page: { total: 0 } });
      expect((await a.get('/v1/documents')).body).toEqual({ items: [], page: { page: 1, pageSize: 20, total: 0 } });
      expect((await a.get('/v1/drafts?status=issued')).body).toMatchObject({ code: 'request.invalid', errors: { status: 'Campo desconocido.' } });
    });

    it('refuses bad drafts as problem+json and stores nothing', async () => {
      const asNumber = await a.post('/v1/drafts', draftBody({ lines: [{ ...line, unitPrice: 360 }], tenantId: 'x' }));
      expect(asNumber.status).toBe(400);
      expect(asNumber.contentType).toMatch(/^application\/problem\+json/);
      expect(asNumber.body).toMatchObject({
        code: 'request.invalid',
        errors: { 'lines[0].unitPrice': expect.stringMatching(/como texto/), tenantId: 'Campo desconocido.' },
      });
      const invalid = await a.post('/v1/drafts', draftBody({ kind: 'factura', issueDate: '2024-02-30', lines: [{ ...line, quantity: '0' }] }));
      expect(invalid.status).toBe(400);
      expect(invalid.body).toMatchObject({
        code: 'validation_failed',
        errors: { kind: expect.stringMatching(/factura/), issueDate: expect.any(String), 'lines[0].quantity': expect.stringMatching(/cantidad/) },
      });
      expect((await a.post('/v1/drafts', draftBody({ clientId: '12' }))).body).toMatchObject({ code: 'client.not_found', status: 404 });
      expect((await a.get('/v1/drafts')).body).toMatchObject({ page: { total: 1 } });
    });

    it('replaces every field of a draft, and refuses a bad edit leaving it as it was', async () => {
      const res = await a.send(
        'PUT',
        `/v1/drafts/${draft.id}`,
        JSON.stringify(
          draftBody({
            kind: 'quote',
            issueDate: '2024-03-01',
            issueTime: '08:00:00',
            paymentTermsDays: 30,
            lines: [{ description: 'Implantación del sistema administrativo, 40 horas', quantity: '40', unitPrice: '25.00', taxRatePercent: '16' }],
            notes: 'Cotización válida por 15 días.',
          }),
        ),
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: draft.id,
        kind: 'quote',
        status: 'draft',
        number: 0,
        displayNumber: '',
        issueDate: '2024-03-01',
        issueTime: '08:00:00',
        dueDate: '2024-03-31',
        total: '1160.00',
        notes: 'Cotización válida por 15 días.',
      });
      draft = res.body as Json;
      const bad = await a.send('PUT', `/v1/drafts/${draft.id}`, JSON.stringify(draftBody({ lines: [] })));
      expect(bad.body).toMatchObject({ code: 'validation_failed', errors: { lines: expect.any(String) } });
      expect((await a.get(`/v1/documents/${draft.id}`)).body).toEqual(draft);
      expect((await a.send('PUT', '/v1/drafts/no-es-un-id', JSON.stringify(draftBody()))).body).toMatchObject({ code: 'document.not_found', status: 404 });
    });

    it('issues a draft with the next number, once per Idempotency-Key; an issued document is never edited', async () => {
      const before = (await a.post('/v1/documents', { kind: 'quote', clientId: client.id, lines: [line] })).body as Json;
      expect(before.number).toBe(1);
      const res = await a.post(`/v1/drafts/${draft.id}/issue`, undefined, withKey('cotizacion-2024-03-0001'));
      expect(res.status).toBe(200);
      const issued = res.body as Json;
      expect(issued).toMatchObject({ id: draft.id, status: 'issued', number: 2, displayNumber: '0001-00000002', issueDate: '2024-03-01', total: '1160.00' });
      expect((await a.post(`/v1/drafts/${draft.id}/issue`, undefined, withKey('cotizacion-2024-03-0001'))).body).toEqual(issued);
      const again = await a.post(`/v1/drafts/${draft.id}/issue`, undefined);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'draft.not_editable', detail: expect.stringMatching(/0001-00000002/) });
      expect((await a.post(`/v1/drafts/${draft.id}/issue`, undefined, withKey('clave con espacios'))).body).toMatchObject({ code: 'request.invalid' });

      for (const attempt of [
        await a.send('PUT', `/v1/drafts/${draft.id}`, JSON.stringify(draftBody())),
        await a.delete(`/v1/drafts/${draft.id}`),
        await a.delete(`/v1/drafts/${before.id}`),
      ])
        expect({ status: attempt.status, code: (attempt.body as Json).code }).toEqual({ status: 409, code: 'draft.not_editable' });
      expect((await a.get(`/v1/documents/${draft.id}`)).body).toEqual(issued);
      expect((await a.post('/v1/documents', { kind: 'quote', clientId: client.id, lines: [line] })).body).toMatchObject({ number: 3 });
      expect((await a.get('/v1/drafts')).body).toMatchObject({ items: [], page: { total: 0 } });
    });

    it('deletes a draft, and keeps drafts off the statement and the sales history', async () => {
      const invoice = (await a.post('/v1/documents', draftBody({ issueDate: '2024-03-01' }))).body as Json;
      const pending = (await a.post('/v1/drafts', draftBody({ issueDate: '2024-03-02' }))).body as Json;
      const statement = (await a.get(`/v1/clients/${client.id}/statement?asOf=2024-03-31`)).body as Json;
      expect((statement.rows as Json[]).map((r) => r.documentId)).toEqual([invoice.id]);
      expect(statement.totals).toMatchObject({ balance: '417.60' });
      const history = (await a.get(`/v1/clients/${client.id}/sales-history`)).body as Json;
      expect({ invoices: history.invoices, quotes: history.quotes, pendingBalance: history.pendingBalance }).toEqual({
        invoices: 1,
        quotes: 3,
        pendingBalance: '417.60',
      });

      // Another tenant finds nothing to change.
      for (const attempt of [
        await b.send('PUT', `/v1/drafts/${pending.id}`, JSON.stringify(draftBody())),
        await b.delete(`/v1/drafts/${pending.id}`),
        await b.post(`/v1/drafts/${pending.id}/issue`, undefined),
      ])
        expect({ status: attempt.status, code: (attempt.body as Json).code }).toMatchObject({ status: 404, code: expect.stringMatching(/not_found$/) });

      const deleted = await a.delete(`/v1/drafts/${pending.id}`);
      expect(deleted.status).toBe(204);
      expect(deleted.text).toBe('');
      expect((await a.get(`/v1/documents/${pending.id}`)).body).toMatchObject({ code: 'document.not_found' });
      expect((await a.delete(`/v1/drafts/${pending.id}`)).status).toBe(404);
    });
  });

  describe('payment report receipts', () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n'), Buffer.alloc(300_000, 7), Buffer.from('\n%%EOF\n')]);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('0000000dIHDR', 'latin1'), Buffer.alloc(64, 1)]);
    let report: Json;

    const newReport = async (): Promise<Json> => {
      const invoice = (await a.post('/v1/documents', draftBody({ issueDate: '2024-03-20' }))).body as Json;
      const res = await a.post('/v1/payment-reports', {
        clientId: client.id,
        date: '2024-03-21',
        amount: '17.60',
        currency: 'VES',
        method: 'mobile_payment',
        reference: 'PM-0102-778899',
        allocations: [{ documentId: invoice.id, amount: '17.60' }],
        reporterEmail: 'usuario@galac.com',
      });
      expect(res.status).toBe(201);
      return res.body as Json;
    };

    it('stores a PDF receipt in the artifact store and downloads it back byte for byte', async () => {
      report = await newReport();
      expect(report.receiptArtifactId).toBe('');
      const res = await upload(`/v1/payment-reports/${report.id}/receipt`, pdf, 'application/pdf');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: report.id, status: 'pending', receiptArtifactId: expect.stringMatching(UUID) });
      const artifactId = res.body.receiptArtifactId as string;
      const file = await download(`/v1/artifacts/${artifactId}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(file.headers.get('content-disposition')).toContain(`Comprobante_${report.id}.pdf`);
      expect(file.body.equals(pdf)).toBe(true);
      expect(((await a.get('/v1/payment-reports?status=pending')).body as Json).items).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: report.id, receiptArtifactId: artifactId })]),
      );

      // A new receipt (a photo) replaces it while the report is pending.
      const photo = await upload(`/v1/payment-reports/${report.id}/receipt`, png, 'image/png; charset=binary');
      expect(photo.status).toBe(200);
      expect(photo.body.receiptArtifactId).not.toBe(artifactId);
      const image = await download(`/v1/artifacts/${photo.body.receiptArtifactId}`);
      expect(image.headers.get('content-type')).toBe('image/png');
      expect(image.body.equals(png)).toBe(true);
      // Another tenant cannot download it.
      const other = await fetch(`${url}/v1/artifacts/${photo.body.receiptArtifactId}`, { headers: { authorization: `Bearer ${keyB}` } });
      expect(other.status).toBe(404);
    });

    it('refuses other types, mismatched content, empty and too large bodies, storing nothing', async () => {
      const path = `/v1/payment-reports/${report.id}/receipt`;
      const files = await storedFiles(tenantA);

      for (const type of ['text/plain', 'application/json', 'image/gif', 'application/octet-stream']) {
        const res = await upload(path, type === 'application/json' ? Buffer.from('{"a":1}') : pdf, type);
        expect({ type, status: res.status, contentType: res.contentType, code: res.body.code }).toEqual({
          type,
          status: 415,
          contentType: expect.stringMatching(/^application\/problem\+json/),
          code: 'receipt.type_not_allowed',
        });
      }
      const english = await upload(path, pdf, 'text/plain', keyA, { 'accept-language': 'en' });
      expect(english.body.detail).toMatch(/image\/jpeg, image\/png, image\/webp or application\/pdf/);

      for (const [type, bytes] of [
        ['application/pdf', png],
        ['image/png', pdf],
        ['image/jpeg', pdf],
        ['image/webp', Buffer.from('RIFF\x00\x00\x00\x00WAVEfmt ', 'latin1')],
        ['application/pdf', Buffer.from('%PD')],
      ] as Array<[string, Buffer]>) {
        const res = await upload(path, bytes, type);
        expect({ type, status: res.status, code: res.body.code }).toEqual({ type, status: 415, code: 'receipt.type_mismatch' });
      }

      const empty = await upload(path, Buffer.alloc(0), 'application/pdf');
      expect({ status: empty.status, code: empty.body.code }).toEqual({ status: 400, code: 'receipt.empty' });

      // Declared too large: refused before reading.
      const big = Buffer.concat([pdf, Buffer.alloc(5 * MB - pdf.length + 1)]);
      const declared = await upload(path, big, 'application/pdf');
      expect({ status: declared.status, code: declared.body.code }).toEqual({ status: 413, code: 'receipt.too_large' });
      // Sent in chunks without a length: refused while streaming, and the chunks stored are removed.
      const chunk = Buffer.alloc(MB, 1);
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent === 0) controller.enqueue(pdf);
          else if (sent <= 6) controller.enqueue(chunk);
          else controller.close();
          sent++;
        },
      });
      const streamed = await upload(path, stream, 'application/pdf');
      expect({ status: streamed.status, code: streamed.body.code }).toEqual({ status: 413, code: 'receipt.too_large' });
      // Exactly 5 MB is accepted.
      const limit = Buffer.concat([pdf, Buffer.alloc(5 * MB - pdf.length)]);
      const atLimit = await upload(path, limit, 'application/pdf');
      expect(atLimit.status).toBe(200);
      expect((await download(`/v1/artifacts/${atLimit.body.receiptArtifactId}`)).body.length).toBe(5 * MB);

      expect(await storedFiles(tenantA)).toBe(files + 1);
      // JSON routes are untouched: the report still reads, and a JSON body still parses.
      expect((await a.post(`/v1/payment-reports/${report.id}/reject`, { reason: 1 })).body).toMatchObject({
        code: 'request.invalid',
        errors: { reason: 'Debe ser un texto.' },
      });
    });

    it('refuses a report that is not pending, unknown, or of another tenant, keeping no file', async () => {
      const filesA = await storedFiles(tenantA);
      const filesB = await storedFiles(tenantB);
      const unknown = await upload('/v1/payment-reports/00000000-0000-4000-8000-000000000000/receipt', pdf, 'application/pdf');
      expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'payment_report.not_found' });
      const malformed = await upload('/v1/payment-reports/no-es-un-id/receipt', pdf, 'application/pdf');
      expect({ status: malformed.status, code: malformed.body.code }).toEqual({ status: 404, code: 'payment_report.not_found' });
      const otherTenant = await upload(`/v1/payment-reports/${report.id}/receipt`, pdf, 'application/pdf', keyB);
      expect({ status: otherTenant.status, code: otherTenant.body.code }).toEqual({ status: 404, code: 'payment_report.not_found' });
      const anonymous = await fetch(`${url}/v1/payment-reports/${report.id}/receipt`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: pdf });
      expect(anonymous.status).toBe(401);

      expect((await a.post(`/v1/payment-reports/${report.id}/confirm`, {})).body).toMatchObject({ status: 'confirmed' });
      const decided = await upload(`/v1/payment-reports/${report.id}/receipt`, pdf, 'application/pdf');
      expect({ status: decided.status, code: decided.body.code }).toEqual({ status: 409, code: 'payment_report.already_decided' });
      expect(await storedFiles(tenantA)).toBe(filesA);
      expect(await storedFiles(tenantB)).toBe(filesB);
    });
  });

  describe('OpenAPI', () => {
    it('documents the draft and receipt routes with problem+json answers, 413 and 415 included', async () => {
      const doc = (await a.get('/docs/openapi.json')).body as { paths: Record<string, Record<string, Json>> };
      const routes = Object.entries(doc.paths).filter(([path]) => /^\/v1\/(drafts|payment-reports\/\{id\}\/receipt)/.test(path));
      expect(routes.map(([path, ops]) => `${Object.keys(ops).sort().join(',')} ${path}`).sort()).toEqual([
        'delete,put /v1/drafts/{id}',
        'get,post /v1/drafts',
        'post /v1/drafts/{id}/issue',
        'post /v1/payment-reports/{id}/receipt',
      ]);
      for (const [path, operations] of routes)
        for (const [method, operation] of Object.entries(operations))
          for (const status of Object.keys(operation.responses).filter((s) => Number(s) >= 400))
            expect({ where: `${method} ${path}`, status, content: Object.keys(operation.responses[status].content ?? {}) }).toEqual({
              where: `${method} ${path}`,
              status,
              content: ['application/problem+json'],
            });
      const receipt = doc.paths['/v1/payment-reports/{id}/receipt'].post;
      expect(Object.keys(receipt.requestBody.content).sort()).toEqual(['application/pdf', 'image/jpeg', 'image/png', 'image/webp']);
      expect(Object.keys(receipt.responses).sort()).toEqual(['200', '400', '401', '404', '409', '413', '415', '503']);
      expect(Object.keys(receipt.responses['415'].content['application/problem+json'].examples).sort()).toEqual([
        'receipt.type_mismatch',
        'receipt.type_not_allowed',
      ]);
      expect(Object.keys(doc.paths['/v1/drafts/{id}/issue'].post.responses['422'].content['application/problem+json'].examples)).toEqual([
        'document.idempotency_conflict',
      ]);
    });
  });
});
