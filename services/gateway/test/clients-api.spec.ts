import { ClientsRpc } from '@cobranza/contracts';
import { connectNats, RpcClient } from '@cobranza/platform';
import { pngImage, startTestService } from '@cobranza/testing';
import type { INestApplication } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { AppModule as ClientsModule } from '../../clients/src/app.module';
import { clientsDefinition } from '../../clients/src/definition';
import { createGateway } from '../src/create-gateway';
import { HttpApi, type Json } from './http-api';

/**
 * The gateway's clients API over HTTP, with real API keys, against the real clients service
 * (PostgreSQL and NATS started by scripts/test.sh).
 */
describe('gateway: clients API', () => {
  let clientsService: INestApplication;
  let gateway: INestApplication;
  let nats: NatsConnection;
  let rpc: RpcClient;
  let anonymous: HttpApi;
  /** Tenant A (Infotax) and tenant B (Galac), each with its own key. */
  let a: HttpApi;
  let b: HttpApi;
  let tenantA: { id: string };
  let tenantB: { id: string };

  beforeAll(async () => {
    clientsService = await startTestService(clientsDefinition(), ClientsModule);
    gateway = await createGateway();
    await gateway.listen(0, '127.0.0.1');
    const url = (await gateway.getUrl()).replace('[::1]', '127.0.0.1');
    nats = await connectNats('gateway-clients-api-test');
    rpc = new RpcClient(nats);

    tenantA = await rpc.call(ClientsRpc.createTenant, { legalName: 'Infotax, S.A.', taxId: 'J-30012345-6', email: 'cobranzas@infotax.com.ve' });
    tenantB = await rpc.call(ClientsRpc.createTenant, { legalName: 'Galac Software, C.A.', taxId: 'J-30398545-0', email: 'cobranzas@galac.com' });
    const keyA = await rpc.call(ClientsRpc.createApiKey, { tenantId: tenantA.id, name: 'Pruebas A' });
    const keyB = await rpc.call(ClientsRpc.createApiKey, { tenantId: tenantB.id, name: 'Pruebas B' });
    anonymous = new HttpApi(url);
    a = new HttpApi(url, keyA.key);
    b = new HttpApi(url, keyB.key);
  });

  afterAll(async () => {
    await nats?.drain();
    await gateway?.close();
    await clientsService?.close();
  });

  describe('authentication', () => {
    it('answers 401 auth.missing_key without a key, in Spanish or English, with WWW-Authenticate', async () => {
      const res = await anonymous.get('/v1/clients');
      expect(res.status).toBe(401);
      expect(res.contentType).toMatch(/^application\/problem\+json/);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(res.body).toMatchObject({ code: 'auth.missing_key', status: 401, detail: expect.stringMatching(/Falta la clave de API/) });

      const en = await anonymous.get('/v1/clients', { 'accept-language': 'en-US,en;q=0.9' });
      expect(en.body).toMatchObject({ code: 'auth.missing_key', detail: expect.stringMatching(/API key is missing/) });
    });

    it('answers 401 auth.invalid_key for a malformed, an unknown and a revoked key', async () => {
      for (const authorization of ['Bearer nope', 'Basic dXN1YXJpbzpjbGF2ZQ==', `Bearer cbz_${'A'.repeat(43)}`, 'Bearer']) {
        const res = await anonymous.get('/v1/tenant', { authorization });
        expect(res.status).toBe(401);
        expect(res.body).toMatchObject({ code: 'auth.invalid_key', detail: 'La clave de API no es válida o fue revocada.' });
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      }

      const created = await rpc.call(ClientsRpc.createApiKey, { tenantId: tenantA.id, name: 'Se revoca' });
      const temporary = new HttpApi(a.baseUrl, created.key);
      expect((await temporary.get('/v1/tenant')).status).toBe(200);
      await rpc.call(ClientsRpc.revokeApiKey, { tenantId: tenantA.id, id: created.apiKey!.id });
      const revoked = await temporary.get('/v1/tenant', { 'accept-language': 'en' });
      expect(revoked.status).toBe(401);
      expect(revoked.body).toMatchObject({ code: 'auth.invalid_key', detail: 'The API key is not valid or was revoked.' });
    });

    it('keeps health and docs public, and protects the system status', async () => {
      expect((await anonymous.get('/health/live')).status).toBe(200);
      expect((await anonymous.get('/health/ready')).status).toBe(200);
      const docs = await anonymous.get('/docs/openapi.json');
      expect(docs.status).toBe(200);
      const doc = docs.body as { paths: Record<string, Record<string, { security?: unknown[] }>>; components: { securitySchemes: Json } };
      expect(doc.components.securitySchemes).toMatchObject({ 'api-key': { type: 'http', scheme: 'bearer' } });
      expect(doc.paths['/v1/clients/{id}'].patch.security).toEqual([{ 'api-key': [] }]);
      expect(doc.paths['/health/live'].get.security).toBeUndefined();
      const routes = Object.entries(doc.paths).filter(([path]) => path.startsWith('/v1/'));
      expect(routes.map(([path, ops]) => `${Object.keys(ops).sort().join(',')} ${path}`).sort()).toEqual([
        'delete /v1/clients/{id}/portal-links/{linkId}',
        'delete,get,patch /v1/staff/{id}',
        'delete,get,put /v1/notification-templates/{documentKind}',
        'delete,patch /v1/clients/{id}/contacts/{linkId}',
        'delete,put /v1/drafts/{id}',
        'delete,put /v1/tenant/logo',
        'get /v1/artifacts/{id}',
        'get /v1/clients/{id}/payments',
        'get /v1/clients/{id}/recipients',
        'get /v1/clients/{id}/sales-history',
        'get /v1/clients/{id}/sales-history.pdf',
        'get /v1/clients/{id}/statement',
        'get /v1/clients/{id}/statement.pdf',
        'get /v1/clients/{id}/statement.xlsx',
        'get /v1/deliveries',
        'get /v1/deliveries/{id}',
        'get /v1/documents/{id}',
        'get /v1/documents/{id}/pdf',
        'get /v1/documents/{id}/xml',
        'get /v1/notification-settings/whatsapp-entitlement',
        'get /v1/notification-templates',
        'get /v1/recurring-schedules/{id}',
        'get /v1/recurring-schedules/{id}/preview',
        'get /v1/recurring-schedules/{id}/state',
        'get /v1/system/status',
        'get,patch /v1/billing-settings',
        'get,patch /v1/clients/{id}',
        'get,patch /v1/contacts/{id}',
        'get,patch /v1/tenant',
        'get,post /v1/clients',
        'get,post /v1/clients/{id}/contacts',
        'get,post /v1/clients/{id}/portal-links',
        'get,post /v1/contacts',
        'get,post /v1/documents',
      'get,post /v1/documents/{documentId}/deliveries',
        'get,post /v1/drafts',
        'get,post /v1/payment-reports',
        'get,post /v1/recurring-schedules',
        'get,post /v1/staff',
        'get,post /v1/webhooks/whatsapp/{tenantId}',
      'get,put /v1/automation-settings',
        'get,put /v1/notification-settings',
        'get,put /v1/portal-settings',
      'post /v1/clients/{clientId}/statement/deliveries',
      'post /v1/deliveries/{workflowId}/cancel',
      'post /v1/deliveries/{workflowId}/retry',
        'post /v1/document-batches',
        'post /v1/documents/{id}/void',
        'post /v1/drafts/{id}/issue',
        'post /v1/payment-reports/{id}/confirm',
        'post /v1/payment-reports/{id}/receipt',
        'post /v1/payment-reports/{id}/reject',
        'post /v1/payments',
        'post /v1/recurring-schedules/preview',
        'post /v1/recurring-schedules/{id}/end',
        'post /v1/recurring-schedules/{id}/pause',
        'post /v1/recurring-schedules/{id}/resume',
        'post /v1/recurring-schedules/{id}/skip',
      'put /v1/deliveries/{workflowId}/recipient',
        'put /v1/recurring-schedules/{id}/configuration',
      ]);
      // WhatsApp webhooks are public by design: Meta signs them instead (notifications-api.spec.ts).
      for (const [path, operations] of routes.filter(([path]) => !path.startsWith('/v1/webhooks/'))) {
        for (const [method, operation] of Object.entries(operations as Record<string, Json>)) {
          const where = `${method} ${path}`;
          expect({ where, summary: typeof operation.summary, security: operation.security }).toEqual({
            where,
            summary: 'string',
            security: [{ 'api-key': [] }],
          });
          expect({ where, problem: Object.keys(operation.responses['401']?.content ?? {}) }).toEqual({
            where,
            problem: ['application/problem+json'],
          });
        }
      }
      expect((await anonymous.get('/v1/system/status')).body).toMatchObject({ code: 'auth.missing_key' });
    });

    it('takes the tenant from the key', async () => {
      expect((await a.get('/v1/tenant')).body).toMatchObject({ id: tenantA.id, legalName: 'Infotax, S.A.', locale: 'es-VE' });
      expect((await b.get('/v1/tenant')).body).toMatchObject({ id: tenantB.id, legalName: 'Galac Software, C.A.' });
    });
  });

  describe('tenant', () => {
    it('changes only the fields sent, never the tenant of another key', async () => {
      const before = (await b.get('/v1/tenant')).body as Json;
      const res = await a.patch('/v1/tenant', { address: 'Av. Francisco de Miranda, Torre Europa, piso 4, Caracas' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: tenantA.id, legalName: 'Infotax, S.A.', address: 'Av. Francisco de Miranda, Torre Europa, piso 4, Caracas' });
      expect((await a.get('/v1/tenant')).body).toMatchObject({ address: 'Av. Francisco de Miranda, Torre Europa, piso 4, Caracas' });
      expect((await b.get('/v1/tenant')).body).toEqual(before);
    });

    it('refuses a tenant id in the body and answers the service validation', async () => {
      const spoof = await a.patch('/v1/tenant', { id: tenantB.id, legalName: 'Otro' });
      expect(spoof.status).toBe(400);
      expect(spoof.body).toMatchObject({ code: 'request.invalid', errors: { id: 'Campo desconocido.' } });
      const invalid = await a.patch('/v1/tenant', { timezone: 'Marte/Olimpo' });
      expect(invalid.status).toBe(400);
      expect(invalid.body).toMatchObject({ code: 'validation_failed', errors: { timezone: expect.stringMatching(/Marte\/Olimpo/) } });
    });
  });

  describe('tenant logo', () => {
    const MB = 1024 * 1024;
    const png = pngImage(32, 16);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0', 'latin1'), Buffer.alloc(2000, 3), Buffer.from([0xff, 0xd9])]);

    /** A PUT of raw bytes with the given Content-Type. */
    async function putLogo(body: Uint8Array | ReadableStream<Uint8Array>, contentType: string, api = a, headers: Record<string, string> = {}) {
      const init: RequestInit & { duplex?: 'half' } = {
        method: 'PUT',
        headers: { authorization: `Bearer ${api.key}`, 'content-type': contentType, ...headers },
        body: body as unknown as RequestInit['body'],
      };
      if (body instanceof ReadableStream) init.duplex = 'half';
      const res = await fetch(`${api.baseUrl}/v1/tenant/logo`, init);
      const text = await res.text();
      return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: (text ? JSON.parse(text) : undefined) as Json };
    }

    async function download(artifactId: string) {
      const res = await fetch(`${a.baseUrl}/v1/artifacts/${artifactId}`, { headers: { authorization: `Bearer ${a.key}` } });
      return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
    }

    let logoId: string;

    it('stores a PNG as the tenant logo and shows its id on the tenant', async () => {
      expect((await a.get('/v1/tenant')).body).toMatchObject({ logoArtifactId: '' });
      const before = (await b.get('/v1/tenant')).body as Json;
      const res = await putLogo(png, 'image/png');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: tenantA.id, logoArtifactId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      logoId = res.body.logoArtifactId as string;
      expect((await a.get('/v1/tenant')).body).toMatchObject({ logoArtifactId: logoId });
      const file = await download(logoId);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('image/png');
      expect(file.headers.get('content-disposition')).toContain('Logo.png');
      expect(file.body.equals(png)).toBe(true);
      expect((await b.get('/v1/tenant')).body).toEqual(before);
    });

    it('replaces it with a JPEG and deletes the previous file', async () => {
      const res = await putLogo(jpeg, 'image/jpeg');
      expect(res.status).toBe(200);
      const jpegId = res.body.logoArtifactId as string;
      expect(jpegId).not.toBe(logoId);
      const file = await download(jpegId);
      expect(file.headers.get('content-type')).toBe('image/jpeg');
      expect(file.headers.get('content-disposition')).toContain('Logo.jpg');
      expect((await download(logoId)).status).toBe(404);
      logoId = jpegId;
    });

    it('refuses other types, mismatched content, empty and too large bodies, keeping the logo', async () => {
      for (const type of ['image/gif', 'image/webp', 'application/pdf', 'application/json', 'text/plain']) {
        const res = await putLogo(png, type);
        expect({ type, status: res.status, contentType: res.contentType, code: res.body.code }).toEqual({
          type,
          status: 415,
          contentType: expect.stringMatching(/^application\/problem\+json/),
          code: 'logo.type_not_allowed',
        });
      }
      const english = await putLogo(png, 'image/gif', a, { 'accept-language': 'en' });
      expect(english.body.detail).toBe('A logo must be sent as image/png or image/jpeg, not image/gif.');

      for (const [type, bytes] of [
        ['image/png', jpeg],
        ['image/jpeg', png],
        ['image/png', Buffer.from('%PDF-1.4\n% not an image at all')],
      ] as Array<[string, Buffer]>) {
        const res = await putLogo(bytes, type);
        expect({ type, status: res.status, code: res.body.code }).toEqual({ type, status: 415, code: 'logo.type_mismatch' });
      }

      const empty = await putLogo(Buffer.alloc(0), 'image/png');
      expect({ status: empty.status, code: empty.body.code }).toEqual({ status: 400, code: 'logo.empty' });

      // Declared larger than 1 MB: refused before reading.
      const declared = await putLogo(Buffer.concat([png, Buffer.alloc(MB - png.length + 1)]), 'image/png');
      expect({ status: declared.status, code: declared.body.code, detail: declared.body.detail }).toEqual({
        status: 413,
        code: 'logo.too_large',
        detail: 'El logo ocupa más de 1 MB.',
      });
      // Sent in chunks without a length: refused while streaming.
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent === 0) controller.enqueue(png);
          else if (sent <= 3) controller.enqueue(Buffer.alloc(MB / 2, 1));
          else controller.close();
          sent++;
        },
      });
      const streamed = await putLogo(stream, 'image/png');
      expect({ status: streamed.status, code: streamed.body.code }).toEqual({ status: 413, code: 'logo.too_large' });

      const anonymousPut = await fetch(`${a.baseUrl}/v1/tenant/logo`, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: png });
      expect(anonymousPut.status).toBe(401);
      expect((await a.get('/v1/tenant')).body).toMatchObject({ logoArtifactId: logoId });
      // JSON routes are untouched.
      expect((await a.patch('/v1/tenant', { logoArtifactId: logoId })).body).toMatchObject({
        code: 'request.invalid',
        errors: { logoArtifactId: 'Campo desconocido.' },
      });
    });

    it('removes the logo and its file', async () => {
      const res = await a.delete('/v1/tenant/logo');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: tenantA.id, logoArtifactId: '' });
      expect((await a.get('/v1/tenant')).body).toMatchObject({ logoArtifactId: '' });
      expect((await download(logoId)).status).toBe(404);
      // Removing it again is harmless.
      expect((await a.delete('/v1/tenant/logo')).body).toMatchObject({ logoArtifactId: '' });
    });
  });

  describe('clients', () => {
    let infotax: Json;

    it('creates, gets, lists, searches, pages and changes a client', async () => {
      const created = await a.post('/v1/clients', {
        code: '0000000012',
        legalName: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.',
        taxId: 'J-31234567-8',
        address: 'Av. Urdaneta, Edif. Galipán, piso 3, Caracas',
        emails: ['usuario@galac.com'],
        whatsapp: '04247181811',
      });
      expect(created.status).toBe(201);
      infotax = created.body as Json;
      expect(infotax).toMatchObject({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        code: '0000000012',
        kind: 'client',
        legalName: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.',
        country: 'VE',
        currency: 'VES',
        emails: ['usuario@galac.com'],
        whatsapp: '04247181811',
        whatsappE164: '+584247181811',
        notes: '',
        active: true,
        delivery: { autoSend: false, onlyWhenSeveral: false, channels: expect.any(Array) },
      });
      expect(infotax).not.toHaveProperty('tenantId');
      expect((await a.get(`/v1/clients/${infotax.id}`)).body).toEqual(infotax);

      expect((await a.post('/v1/clients', { code: '0000000013', legalName: 'Distribuidora Los Andes, C.A.', emails: ['pagos@losandes.com.ve'] })).status).toBe(201);
      expect((await a.post('/v1/clients', { code: '0000000014', kind: 'prospect', legalName: 'Ferretería El Tornillo, C.A.' })).status).toBe(201);

      const all = await a.get('/v1/clients');
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ page: { page: 1, pageSize: 20, total: 3 } });
      expect(codes(all.body)).toEqual(['0000000012', '0000000013', '0000000014']);

      expect(codes((await a.get('/v1/clients?query=informática')).body)).toEqual(['0000000012']);
      expect(codes((await a.get('/v1/clients?query=tornillo')).body)).toEqual(['0000000014']);
      expect(codes((await a.get('/v1/clients?kind=prospect')).body)).toEqual(['0000000014']);

      const page1 = await a.get('/v1/clients?page=1&pageSize=2');
      expect(codes(page1.body)).toEqual(['0000000012', '0000000013']);
      expect(page1.body).toMatchObject({ page: { page: 1, pageSize: 2, total: 3 } });
      const page2 = await a.get('/v1/clients?page=2&pageSize=2');
      expect(codes(page2.body)).toEqual(['0000000014']);
      expect(codes((await a.get('/v1/clients?sort=-code&pageSize=1')).body)).toEqual(['0000000014']);

      const patched = await a.patch(`/v1/clients/${infotax.id}`, {
        emails: ['usuario@galac.com', 'cobranzas@infotax.com.ve'],
        notes: 'Cobrar los primeros cinco días del mes.',
        delivery: { autoSend: true, onlyWhenSeveral: true, channels: ['email', 'whatsapp'] },
      });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({
        code: '0000000012',
        whatsapp: '04247181811',
        emails: ['usuario@galac.com', 'cobranzas@infotax.com.ve'],
        notes: 'Cobrar los primeros cinco días del mes.',
        delivery: { autoSend: true, onlyWhenSeveral: true, channels: ['email', 'whatsapp'] },
      });
      const deactivated = await a.patch(`/v1/clients/${infotax.id}`, { active: false });
      expect(deactivated.body).toMatchObject({ active: false, notes: 'Cobrar los primeros cinco días del mes.' });
      expect(codes((await a.get('/v1/clients?active=false')).body)).toEqual(['0000000012']);
      expect(codes((await a.get('/v1/clients?active=true')).body)).toEqual(['0000000013', '0000000014']);
      infotax = (await a.patch(`/v1/clients/${infotax.id}`, { active: true })).body as Json;
      expect(infotax.active).toBe(true);
    });

    it('rejects a landline as WhatsApp number, in Spanish by default and in English on request, storing nothing', async () => {
      const before = await a.get('/v1/clients?pageSize=100');
      const body = { code: '0000000015', legalName: 'Inversiones La Guaira, C.A.', whatsapp: '0212 5551234' };

      const es = await a.post('/v1/clients', body);
      expect(es.status).toBe(400);
      expect(es.contentType).toMatch(/^application\/problem\+json/);
      expect(es.body).toMatchObject({
        code: 'validation_failed',
        status: 400,
        detail: expect.stringMatching(/no son válidos/),
        errors: { whatsapp: expect.stringMatching(/teléfono fijo/) },
      });

      const en = await a.post('/v1/clients', body, { 'accept-language': 'en' });
      expect(en.status).toBe(400);
      expect(en.body).toMatchObject({ code: 'validation_failed', errors: { whatsapp: expect.stringMatching(/landline/) } });

      const patch = await a.patch(`/v1/clients/${infotax.id}`, { whatsapp: '0212 5551234', notes: 'no debe guardarse' });
      expect(patch.status).toBe(400);
      expect((await a.get('/v1/clients?pageSize=100')).body).toEqual(before.body);
    });

    it('answers 400 request.invalid for unknown fields, wrong types and non-object bodies, before the service', async () => {
      const before = await a.get('/v1/clients?pageSize=100');
      // Every request to the clients' subjects, seen from a plain subscription (the service still answers them).
      const seen: string[] = [];
      const spy = nats.subscribe('rpc.clients.client.>', { callback: (_error, msg) => seen.push(msg.subject) });
      await nats.flush();

      const unknown = await a.post('/v1/clients', { code: '0000000016', legalName: 'Con campo de más', legalNme: 'x', tenantId: tenantB.id });
      expect(unknown.status).toBe(400);
      expect(unknown.body).toMatchObject({
        code: 'request.invalid',
        detail: 'La solicitud no es válida; revise los campos indicados.',
        errors: { legalNme: 'Campo desconocido.', tenantId: 'Campo desconocido.' },
      });

      const types = await a.post(
        '/v1/clients',
        { code: 16, legalName: null, active: 'yes', emails: 'usuario@galac.com', delivery: { autoSend: 'sí', extra: true } },
        { 'accept-language': 'en' },
      );
      expect(types.status).toBe(400);
      expect(types.body).toMatchObject({
        code: 'request.invalid',
        detail: 'The request is not valid; check the fields listed.',
        errors: {
          code: 'Must be a string.',
          legalName: 'Must be a string.',
          active: 'Must be true or false.',
          emails: 'Must be a list of strings.',
          'delivery.autoSend': 'Must be true or false.',
          'delivery.extra': 'Unknown field.',
        },
      });

      for (const raw of ['[]', '"texto"', '42', '{"code": ']) {
        const res = await a.send('POST', '/v1/clients', raw);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ code: 'request.invalid', errors: { body: expect.any(String) } });
      }
      const tooLarge = await a.post('/v1/clients', { code: '0000000016', legalName: 'Grande', notes: 'x'.repeat(200_000) });
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body).toMatchObject({ code: 'request.too_large' });
      const notJson = await a.send('POST', '/v1/clients', 'code=0000000016', { 'content-type': 'application/x-www-form-urlencoded' });
      expect(notJson.body).toMatchObject({ code: 'request.invalid', errors: { body: expect.stringMatching(/objeto JSON/) } });

      const patch = await a.patch(`/v1/clients/${infotax.id}`, { emails: [1] });
      expect(patch.body).toMatchObject({ code: 'request.invalid', errors: { emails: 'Debe ser una lista de textos.' } });

      for (const query of ['?pagesize=2', '?page=0', '?page=uno', '?active=si', '?query=a&query=b']) {
        const res = await a.get(`/v1/clients${query}`);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ code: 'request.invalid' });
      }
      await nats.flush();
      spy.unsubscribe();
      expect(seen).toEqual([]);
      expect((await a.get('/v1/clients?pageSize=100')).body).toEqual(before.body);
    });

    it('answers a malformed id like an unknown one', async () => {
      const malformed = await a.get('/v1/clients/123');
      const unknown = await a.get('/v1/clients/00000000-0000-4000-8000-000000000000');
      expect(malformed.status).toBe(404);
      expect(unknown.status).toBe(404);
      expect(malformed.body).toMatchObject({ code: 'client.not_found', detail: (unknown.body as Json).detail });
      expect((await a.patch('/v1/clients/no-es-un-id', { notes: 'x' })).body).toMatchObject({ code: 'client.not_found' });
      expect((await a.get('/v1/contacts/123', { 'accept-language': 'en' })).body).toMatchObject({
        code: 'contact.not_found',
        detail: 'The contact does not exist.',
      });
      expect((await a.delete('/v1/staff/123')).body).toMatchObject({ code: 'staff.not_found' });
      expect((await a.delete(`/v1/clients/${infotax.id}/contacts/123`)).body).toMatchObject({ code: 'client_contact.not_found' });
    });

    it('answers 409 client.code_taken for a duplicated code', async () => {
      const dup = await a.post('/v1/clients', { code: '0000000012', legalName: 'Otra empresa, C.A.' });
      expect(dup.status).toBe(409);
      expect(dup.body).toMatchObject({ code: 'client.code_taken', detail: expect.stringMatching(/0000000012/) });
      const other = ((await a.get('/v1/clients?query=andes')).body as { items: Json[] }).items[0];
      const patch = await a.patch(`/v1/clients/${other.id}`, { code: '0000000012' });
      expect(patch.status).toBe(409);
      expect(patch.body).toMatchObject({ code: 'client.code_taken' });
      // The same code is free in another tenant.
      expect((await b.post('/v1/clients', { code: '0000000012', legalName: 'Cliente de Galac, C.A.' })).status).toBe(201);
    });
  });

  describe('contacts and recipients', () => {
    let client: Json;
    let maria: Json;
    let mariaLink: Json;
    let pedroLink: Json;

    beforeAll(async () => {
      const res = await a.post('/v1/clients', {
        code: '0000000020',
        legalName: 'Comercial Mérida, C.A.',
        emails: ['administracion@comercialmerida.com'],
        whatsapp: '04141234567',
      });
      client = res.body as Json;
    });

    it('creates, searches, gets and changes catalog contacts', async () => {
      const created = await a.post('/v1/contacts', { name: 'María González', email: 'usuario@galac.com', phone: '04247181811' });
      expect(created.status).toBe(201);
      maria = created.body as Json;
      expect(maria).toMatchObject({ name: 'María González', email: 'usuario@galac.com', phone: '04247181811', phoneE164: '+584247181811' });
      expect((await a.get(`/v1/contacts/${maria.id}`)).body).toEqual(maria);

      const found = await a.get('/v1/contacts?query=maria');
      expect(found.body).toMatchObject({ items: [maria], page: { page: 1, total: 1 } });

      const patched = await a.patch(`/v1/contacts/${maria.id}`, { name: 'María José González' });
      expect(patched.body).toMatchObject({ id: maria.id, name: 'María José González', email: 'usuario@galac.com' });
      maria = patched.body as Json;

      const invalid = await a.post('/v1/contacts', { name: 'Sin correo', email: 'no-es-un-correo' });
      expect(invalid.status).toBe(400);
      expect(invalid.body).toMatchObject({ code: 'validation_failed', errors: { email: expect.any(String) } });
    });

    it('links a catalog contact and a new one, edits, lists and unlinks', async () => {
      const linked = await a.post(`/v1/clients/${client.id}/contacts`, {
        contactId: maria.id,
        department: 'Administración',
        role: 'Gerente de cobranzas',
        offeredForAll: false,
        documentKinds: ['invoice'],
      });
      expect(linked.status).toBe(201);
      mariaLink = linked.body as Json;
      expect(mariaLink).toMatchObject({
        clientId: client.id,
        contact: maria,
        department: 'Administración',
        role: 'Gerente de cobranzas',
        offeredForAll: false,
        documentKinds: ['invoice'],
      });

      const again = await a.post(`/v1/clients/${client.id}/contacts`, { contactId: maria.id, offeredForAll: true });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'client_contact.already_linked' });

      const fresh = await a.post(`/v1/clients/${client.id}/contacts`, {
        newContact: { name: 'Pedro Pérez', email: 'pedro.perez@comercialmerida.com', phone: '04161234567' },
        department: 'Compras',
        role: 'Jefe de compras',
        offeredForAll: true,
      });
      expect(fresh.status).toBe(201);
      pedroLink = fresh.body as Json;
      expect(pedroLink).toMatchObject({ contact: { name: 'Pedro Pérez', phoneE164: '+584161234567' }, offeredForAll: true });
      const pedro = pedroLink.contact as Json;
      expect((await a.get(`/v1/contacts/${pedro.id}`)).body).toMatchObject({ name: 'Pedro Pérez' });

      const malformedContact = await a.post(`/v1/clients/${client.id}/contacts`, { contactId: 'no-es-un-id', offeredForAll: true });
      expect(malformedContact.body).toMatchObject({ code: 'contact.not_found' });
      const wrongShape = await a.post(`/v1/clients/${client.id}/contacts`, { newContact: { name: 'X', email: 'x@y.com', whatsapp: '0414' } });
      expect(wrongShape.body).toMatchObject({ code: 'request.invalid', errors: { 'newContact.whatsapp': 'Campo desconocido.' } });

      const list = await a.get(`/v1/clients/${client.id}/contacts`);
      expect(list.status).toBe(200);
      expect((list.body as { items: Json[] }).items.map((l) => l.id).sort()).toEqual([mariaLink.id, pedroLink.id].sort());

      const edited = await a.patch(`/v1/clients/${client.id}/contacts/${mariaLink.id}`, { role: 'Contadora', documentKinds: ['invoice', 'statement'] });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ id: mariaLink.id, department: 'Administración', role: 'Contadora', documentKinds: ['invoice', 'statement'] });
      mariaLink = edited.body as Json;
    });

    it('resolves recipients by document kind: a contact offered only for invoices is not offered for quotes', async () => {
      const invoice = await a.get(`/v1/clients/${client.id}/recipients?documentKind=invoice`);
      expect(invoice.status).toBe(200);
      expect(invoice.body).toMatchObject({ clientId: client.id, clientName: 'Comercial Mérida, C.A.', locale: 'es-VE' });
      const invoiceRecipients = (invoice.body as { recipients: Json[] }).recipients;
      expect(invoiceRecipients[0]).toMatchObject({
        source: 'client',
        email: 'administracion@comercialmerida.com',
        whatsappE164: '+584141234567',
        contactId: '',
      });
      expect(invoiceRecipients.filter((r) => r.source === 'contact').map((r) => r.name).sort()).toEqual(['María José González', 'Pedro Pérez']);
      expect(invoiceRecipients.find((r) => r.contactId === maria.id)).toMatchObject({ department: 'Administración', role: 'Contadora' });

      const quote = await a.get(`/v1/clients/${client.id}/recipients?documentKind=quote`);
      const quoteContacts = (quote.body as { recipients: Json[] }).recipients.filter((r) => r.source === 'contact');
      expect(quoteContacts.map((r) => r.name)).toEqual(['Pedro Pérez']);

      const unknownKind = await a.get(`/v1/clients/${client.id}/recipients?documentKind=factura`);
      expect(unknownKind.status).toBe(400);
      expect(unknownKind.body).toMatchObject({ code: 'validation_failed', errors: { documentKind: expect.stringMatching(/factura/) } });
    });

    it('unlinks a contact, which stays in the catalog', async () => {
      const removed = await a.delete(`/v1/clients/${client.id}/contacts/${mariaLink.id}`);
      expect(removed.status).toBe(204);
      expect(removed.text).toBe('');
      expect((await a.get(`/v1/clients/${client.id}/contacts`)).body).toMatchObject({ items: [{ id: pedroLink.id }] });
      expect((await a.get(`/v1/contacts/${maria.id}`)).status).toBe(200);
      const twice = await a.delete(`/v1/clients/${client.id}/contacts/${mariaLink.id}`);
      expect(twice.status).toBe(404);
      expect(twice.body).toMatchObject({ code: 'client_contact.not_found' });
      const quote = await a.get(`/v1/clients/${client.id}/recipients?documentKind=invoice`);
      expect((quote.body as { recipients: Json[] }).recipients.map((r) => r.name)).not.toContain('María José González');
    });
  });

  describe('staff', () => {
    it('creates, lists, changes and removes staff members', async () => {
      const created = await a.post('/v1/staff', { name: 'Ana Pérez', email: 'rrhh@infotax.com.ve' });
      expect(created.status).toBe(201);
      const ana = created.body as Json;
      expect(ana).toMatchObject({ name: 'Ana Pérez', email: 'rrhh@infotax.com.ve', active: true });
      const luis = (await a.post('/v1/staff', { name: 'Luis Rodríguez', email: 'gerencia@infotax.com.ve' })).body as Json;

      const list = await a.get('/v1/staff');
      expect(list.body).toMatchObject({ page: { total: 2 } });
      expect((await a.get('/v1/staff?query=rrhh')).body).toMatchObject({ items: [ana], page: { total: 1 } });
      expect((await a.get(`/v1/staff/${ana.id}`)).body).toEqual(ana);

      const patched = await a.patch(`/v1/staff/${ana.id}`, { active: false });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ id: ana.id, name: 'Ana Pérez', active: false });

      const removed = await a.delete(`/v1/staff/${luis.id}`);
      expect(removed.status).toBe(204);
      expect((await a.get(`/v1/staff/${luis.id}`)).body).toMatchObject({ code: 'staff.not_found' });
      expect((await a.get('/v1/staff')).body).toMatchObject({ items: [{ id: ana.id }], page: { total: 1 } });

      expect((await a.post('/v1/staff', { name: 'Sin correo', email: 'rrhh' })).body).toMatchObject({ code: 'validation_failed' });
      expect((await a.patch(`/v1/staff/${ana.id}`, { active: 'no' })).body).toMatchObject({ code: 'request.invalid' });
    });
  });

  describe('tenant isolation', () => {
    it("answers 404 to every route on tenant A's ids with tenant B's key, and leaves A's data unchanged", async () => {
      const client = (await a.post('/v1/clients', { code: '0000000030', legalName: 'Aislada, C.A.', emails: ['aislada@example.com'] })).body as Json;
      const contact = (await a.post('/v1/contacts', { name: 'Carmen Aislada', email: 'carmen@example.com' })).body as Json;
      const link = (
        await a.post(`/v1/clients/${client.id}/contacts`, { contactId: contact.id, department: 'Administración', offeredForAll: true })
      ).body as Json;
      const staff = (await a.post('/v1/staff', { name: 'Rosa Aislada', email: 'rosa@example.com' })).body as Json;
      const clientOfB = (await b.post('/v1/clients', { code: '0000000031', legalName: 'Propia de B, C.A.' })).body as Json;
      const snapshot = await snapshotOfA();

      const attempts: Array<[string, string, Json?]> = [
        ['GET', `/v1/clients/${client.id}`],
        ['PATCH', `/v1/clients/${client.id}`, { notes: 'de B' }],
        ['GET', `/v1/clients/${client.id}/contacts`],
        ['POST', `/v1/clients/${client.id}/contacts`, { newContact: { name: 'Intruso', email: 'intruso@example.com' }, offeredForAll: true }],
        ['POST', `/v1/clients/${client.id}/contacts`, { contactId: contact.id, offeredForAll: true }],
        ['POST', `/v1/clients/${clientOfB.id}/contacts`, { contactId: contact.id, offeredForAll: true }],
        ['PATCH', `/v1/clients/${client.id}/contacts/${link.id}`, { role: 'de B' }],
        ['PATCH', `/v1/clients/${clientOfB.id}/contacts/${link.id}`, { role: 'de B' }],
        ['DELETE', `/v1/clients/${client.id}/contacts/${link.id}`],
        ['DELETE', `/v1/clients/${clientOfB.id}/contacts/${link.id}`],
        ['GET', `/v1/clients/${client.id}/recipients?documentKind=invoice`],
        ['GET', `/v1/contacts/${contact.id}`],
        ['PATCH', `/v1/contacts/${contact.id}`, { name: 'de B' }],
        ['GET', `/v1/staff/${staff.id}`],
        ['PATCH', `/v1/staff/${staff.id}`, { active: false }],
        ['DELETE', `/v1/staff/${staff.id}`],
      ];
      for (const [method, path, body] of attempts) {
        const res = await b.send(method, path, body === undefined ? undefined : JSON.stringify(body));
        expect({ method, path, status: res.status, code: (res.body as Json | undefined)?.code }).toEqual({
          method,
          path,
          status: 404,
          code: expect.stringMatching(/^(client|contact|client_contact|staff)\.not_found$/),
        });
      }

      // B's lists show none of A's data.
      expect(codes((await b.get('/v1/clients?pageSize=100')).body)).toEqual(['0000000012', '0000000031']);
      expect((await b.get('/v1/contacts')).body).toMatchObject({ items: [], page: { total: 0 } });
      expect((await b.get('/v1/staff')).body).toMatchObject({ items: [], page: { total: 0 } });
      expect((await b.get(`/v1/clients/${clientOfB.id}/contacts`)).body).toEqual({ items: [] });

      expect(await snapshotOfA()).toEqual(snapshot);
      expect((await a.get(`/v1/clients/${client.id}`)).body).toEqual(client);
      expect((await a.get(`/v1/staff/${staff.id}`)).body).toEqual(staff);
    });
  });

  /** Everything tenant A can see, to compare before and after another tenant's attempts. */
  async function snapshotOfA(): Promise<Json> {
    const clients = (await a.get('/v1/clients?pageSize=100')).body as { items: Json[] };
    const links: Record<string, unknown> = {};
    for (const c of clients.items) links[c.id as string] = (await a.get(`/v1/clients/${c.id}/contacts`)).body;
    return {
      tenant: (await a.get('/v1/tenant')).body,
      clients,
      links,
      contacts: (await a.get('/v1/contacts?pageSize=100')).body,
      staff: (await a.get('/v1/staff?pageSize=100')).body,
    };
  }
});

function codes(body: unknown): string[] {
  return (body as { items: Array<{ code: string }> }).items.map((c) => c.code);
}
