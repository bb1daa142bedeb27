import { ArtifactStore, connectNats, RpcClient } from '@cobranza/platform';
import { ClientsRpc, NotificationsRpc } from '@cobranza/contracts';
import { startTestService, WhatsAppCloudStandIn } from '@cobranza/testing';
import type { INestApplication } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { AppModule as ClientsModule } from '../../clients/src/app.module';
import { clientsDefinition } from '../../clients/src/definition';
import { AppModule as NotificationsModule } from '../../notifications/src/app.module';
import { notificationsDefinition } from '../../notifications/src/definition';
import { createGateway } from '../src/create-gateway';
import { HttpApi, type Json } from './http-api';

const PHONE_NUMBER_ID = '106540352242922';
const ACCESS_TOKEN = 'EAAGm0PX4ZCpsBAKgatewaytest7Wq1';
const APP_SECRET = 'infotax-app-secret-0f9e8d7c';
const VERIFY_TOKEN = 'token-de-verificacion-infotax';
const SMTP_PASSWORD = 'clave-de-aplicacion-smtp';

/**
 * The gateway's notifications API over HTTP with real API keys, against the real clients and
 * notifications services, and Meta's status webhooks signed by the Cloud API stand-in.
 */
describe('gateway: notifications API', () => {
  let clientsService: INestApplication;
  let notificationsService: INestApplication;
  let gateway: INestApplication;
  let nats: NatsConnection;
  let rpc: RpcClient;
  let cloud: WhatsAppCloudStandIn;
  let url: string;
  let a: HttpApi;
  let b: HttpApi;
  let anonymous: HttpApi;
  let tenantA: string;
  let tenantB: string;
  let clientId: string;
  let delivery: Json;

  beforeAll(async () => {
    cloud = await WhatsAppCloudStandIn.start({ accessToken: ACCESS_TOKEN, phoneNumberIds: [PHONE_NUMBER_ID] });
    clientsService = await startTestService(clientsDefinition(), ClientsModule);
    notificationsService = await startTestService(notificationsDefinition(), NotificationsModule);
    gateway = await createGateway();
    await gateway.listen(0, '127.0.0.1');
    url = (await gateway.getUrl()).replace('[::1]', '127.0.0.1');
    nats = await connectNats('gateway-notifications-api-test');
    rpc = new RpcClient(nats, 30_000);
    tenantA = (await rpc.call(ClientsRpc.createTenant, { legalName: 'Infotax, S.A.', email: 'cobranzas@infotax.com.ve' })).id;
    tenantB = (await rpc.call(ClientsRpc.createTenant, { legalName: 'Galac Software, C.A.', email: 'cobranzas@galac.com' })).id;
    a = new HttpApi(url, (await rpc.call(ClientsRpc.createApiKey, { tenantId: tenantA, name: 'Pruebas A' })).key);
    b = new HttpApi(url, (await rpc.call(ClientsRpc.createApiKey, { tenantId: tenantB, name: 'Pruebas B' })).key);
    anonymous = new HttpApi(url);
    clientId = (await rpc.call(ClientsRpc.createClient, { tenantId: tenantA, code: '0000000012', legalName: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.', whatsapp: '04247181811' })).id;
  });

  afterAll(async () => {
    await nats?.drain();
    await gateway?.close();
    await notificationsService?.close();
    await clientsService?.close();
    await cloud?.stop();
  });

  const settingsBody = {
    smtp: { host: 'smtp.gmail.com', port: 587, tlsMode: 'starttls', user: 'facturacion@infotax.com.ve', password: SMTP_PASSWORD, fromAddress: 'facturacion@infotax.com.ve' },
    whatsapp: {
      phoneNumberId: PHONE_NUMBER_ID,
      accessToken: ACCESS_TOKEN,
      appSecret: APP_SECRET,
      verifyToken: VERIFY_TOKEN,
      templates: [{ documentKind: 'statement', name: 'estado_de_cuenta', linkName: 'estado_de_cuenta_enlace', language: 'es' }],
      apiBaseUrl: '',
      apiVersion: 'v22.0',
    },
  };

  describe('channel settings', () => {
    it('stores the settings and answers them without any secret', async () => {
      const put = await a.send('PUT', '/v1/notification-settings', JSON.stringify(settingsBody));
      expect(put.status).toBe(200);
      for (const secret of [SMTP_PASSWORD, ACCESS_TOKEN, APP_SECRET, VERIFY_TOKEN]) expect(put.text).not.toContain(secret);
      expect(put.body).toMatchObject({
        smtp: { configured: true, host: 'smtp.gmail.com', port: 587, tlsMode: 'starttls', passwordConfigured: true, fromAddress: 'facturacion@infotax.com.ve' },
        whatsapp: {
          configured: true,
          phoneNumberId: PHONE_NUMBER_ID,
          accessTokenConfigured: true,
          accessTokenLast4: ACCESS_TOKEN.slice(-4),
          appSecretConfigured: true,
          verifyTokenConfigured: true,
          webhookPath: `/v1/webhooks/whatsapp/${tenantA}`,
        },
        entitlement: { mode: 'disabled', allowed: false },
      });
      const get = await a.get('/v1/notification-settings');
      expect(get.status).toBe(200);
      for (const secret of [SMTP_PASSWORD, ACCESS_TOKEN, APP_SECRET, VERIFY_TOKEN]) expect(get.text).not.toContain(secret);
      expect(get.body).toEqual(put.body);
      const other = await b.get('/v1/notification-settings');
      expect(other.body).toMatchObject({ smtp: { configured: false }, whatsapp: { configured: false } });
    });

    it('refuses malformed bodies at the edge and invalid settings with the service’s messages', async () => {
      const shape = await a.send('PUT', '/v1/notification-settings', JSON.stringify({ smtp: { ...settingsBody.smtp, port: '587' }, extra: true }));
      expect(shape.status).toBe(400);
      expect(shape.contentType).toMatch(/^application\/problem\+json/);
      expect(shape.body).toMatchObject({ code: 'request.invalid', errors: { 'smtp.port': expect.any(String), extra: 'Campo desconocido.' } });
      const invalid = await a.send('PUT', '/v1/notification-settings', JSON.stringify({ smtp: { ...settingsBody.smtp, tlsMode: 'ssl' } }), { 'accept-language': 'en' });
      expect(invalid.status).toBe(400);
      expect(invalid.body).toMatchObject({ code: 'validation_failed', errors: { 'smtp.tlsMode': 'Unknown TLS mode: ssl. Use starttls, tls or none.' } });
    });

    it('shows the WhatsApp entitlement as the operator set it', async () => {
      expect((await a.get('/v1/notification-settings/whatsapp-entitlement')).body).toEqual({
        mode: 'disabled',
        freeUntil: '',
        allowed: false,
        explanation: 'El envío por WhatsApp no está habilitado para su empresa; contrate el servicio para usarlo.',
      });
      await rpc.call(NotificationsRpc.setEntitlement, { tenantId: tenantA, mode: 'free_until', freeUntil: '2999-07-01' });
      expect((await a.get('/v1/notification-settings/whatsapp-entitlement')).body).toMatchObject({ mode: 'free_until', freeUntil: '2999-07-01', allowed: true });
      expect((await anonymous.get('/v1/notification-settings/whatsapp-entitlement')).status).toBe(401);
    });
  });

  describe('templates', () => {
    it('lists, stores, checks and resets the e-mail templates', async () => {
      const list = await a.get('/v1/notification-templates');
      expect(list.status).toBe(200);
      const listed = list.body as Json;
      expect(listed.items.find((t: Json) => t.documentKind === 'invoice')).toMatchObject({ source: 'built_in', subject: 'Adjuntamos su factura Nro. {{documentNumber}}' });
      expect(listed.variables.map((v: Json) => v.name)).toContain('portalLink');

      const bad = await a.send('PUT', '/v1/notification-templates/invoice', JSON.stringify({ subject: 'Factura', body: '{{> parcial}}' }));
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ code: 'validation_failed', errors: { body: expect.stringMatching(/parcial|partials/) } });

      const saved = await a.send('PUT', '/v1/notification-templates/invoice', JSON.stringify({ subject: 'Factura {{documentNumber}}', body: 'Hola {{clientName}}' }));
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ documentKind: 'invoice', language: 'es', source: 'tenant', subject: 'Factura {{documentNumber}}' });
      expect((await b.get('/v1/notification-templates/invoice')).body).toMatchObject({ source: 'built_in' });
      const lastUsed = await a.get(`/v1/notification-templates/invoice?choice=last_used&clientId=${clientId}`);
      expect(lastUsed.body).toMatchObject({ source: 'tenant' });
      const english = await a.get('/v1/notification-templates/invoice?language=en');
      expect(english.body).toMatchObject({ source: 'built_in', language: 'en', subject: 'Your invoice No. {{documentNumber}}' });
      const reset = await a.delete('/v1/notification-templates/invoice');
      expect(reset.body).toMatchObject({ source: 'built_in' });
      expect((await a.get('/v1/notification-templates/factura')).body).toMatchObject({ code: 'validation_failed' });
    });
  });

  describe('delivery log and WhatsApp webhooks', () => {
    beforeAll(async () => {
      await rpc.call(NotificationsRpc.updateSettings, { tenantId: tenantA, whatsapp: { ...settingsBody.whatsapp, apiBaseUrl: cloud.url } });
      const store = await ArtifactStore.open(nats);
      const pdf = await store.put(
        { tenantId: tenantA, kind: 'statement_pdf', mediaType: 'application/pdf', fileName: 'Estado_de_Cuenta_0000000012.pdf' },
        Buffer.from('%PDF-1.4 estado de cuenta'),
      );
      delivery = (await rpc.call(NotificationsRpc.sendWhatsAppDocument, {
        tenantId: tenantA,
        deliveryKey: 'estado-2024-03-26',
        clientId,
        documentKind: 'statement',
        artifactId: pdf.id,
      })) as unknown as Json;
      expect(delivery.status).toBe('accepted');
    });

    it('lists and shows deliveries of the tenant only', async () => {
      const list = await a.get(`/v1/deliveries?clientId=${clientId}&status=accepted,delivered&from=2024-01-01`);
      expect(list.status).toBe(200);
      const body = list.body as Json;
      expect(body.items.map((d: Json) => d.id)).toEqual([delivery.id]);
      expect(body.items[0]).toMatchObject({ channel: 'whatsapp', recipients: ['+584247181811'], status: 'accepted', deliveryKey: 'estado-2024-03-26' });
      expect(body.items[0]).not.toHaveProperty('tenantId');
      const one = await a.get(`/v1/deliveries/${delivery.id}`);
      expect(one.body).toMatchObject({ id: delivery.id, history: [expect.objectContaining({ status: 'sending' }), expect.objectContaining({ status: 'accepted' })] });
      expect((await b.get(`/v1/deliveries/${delivery.id}`)).body).toMatchObject({ status: 404, code: 'delivery.not_found' });
      expect((await a.get('/v1/deliveries/no-es-un-id')).status).toBe(404);
      expect((await b.get('/v1/deliveries')).body).toMatchObject({ items: [], total: 0 });
      const badFilter = await a.get('/v1/deliveries?status=entregado');
      expect(badFilter.body).toMatchObject({ code: 'validation_failed', errors: { status: expect.stringMatching(/entregado/) } });
    });

    it('answers Meta’s subscription challenge without an API key, only with the right token', async () => {
      const path = `/v1/webhooks/whatsapp/${tenantA}`;
      const ok = await anonymous.get(`${path}?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${encodeURIComponent(VERIFY_TOKEN)}`);
      expect(ok.status).toBe(200);
      expect(ok.contentType).toMatch(/^text\/plain/);
      expect(ok.text).toBe('1158201444');
      const refused = await anonymous.get(`${path}?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=otro`);
      expect(refused.status).toBe(403);
      expect(refused.contentType).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ code: 'webhook.verify_refused' });
      expect((await anonymous.get(`/v1/webhooks/whatsapp/${tenantB}?hub.mode=subscribe&hub.challenge=1&hub.verify_token=${VERIFY_TOKEN}`)).status).toBe(403);
    });

    it('verifies X-Hub-Signature-256 over the raw body: 401 when unsigned or badly signed, the status recorded when good', async () => {
      const webhookUrl = `${url}/v1/webhooks/whatsapp/${tenantA}`;
      const statuses = [{ messageId: delivery.providerMessageId as string, status: 'delivered' as const }];
      for (const signature of ['none', 'bad', 'sha256=abc'] as const) {
        const res = await cloud.sendStatuses({ url: webhookUrl, appSecret: APP_SECRET, phoneNumberId: PHONE_NUMBER_ID, statuses, signature });
        expect(res.status).toBe(401);
        expect(res.contentType).toMatch(/^application\/problem\+json/);
        expect(JSON.parse(res.text)).toMatchObject({ code: 'webhook.signature_invalid', status: 401 });
      }
      const garbage = await cloud.sendStatuses({ url: webhookUrl, appSecret: APP_SECRET, phoneNumberId: PHONE_NUMBER_ID, statuses, signature: 'none', body: 'esto no es JSON' });
      expect(garbage.status).toBe(401);
      const otherTenant = await cloud.sendStatuses({ url: `${url}/v1/webhooks/whatsapp/${tenantB}`, appSecret: APP_SECRET, phoneNumberId: PHONE_NUMBER_ID, statuses });
      expect(otherTenant.status).toBe(401);
      expect((await a.get(`/v1/deliveries/${delivery.id}`)).body).toMatchObject({ status: 'accepted' });

      // Pretty-printed, with raw UTF-8: re-serializing it would break the signature; the raw bytes are what is verified.
      const payload = cloud.webhookBody(PHONE_NUMBER_ID, statuses) as Json;
      payload.entry[0].changes[0].value.metadata.display_phone_number = '58 424 718 1811 · Infotax, S.A. — Peñalver';
      const good = await cloud.sendStatuses({ url: webhookUrl, appSecret: APP_SECRET, phoneNumberId: PHONE_NUMBER_ID, statuses, body: JSON.stringify(payload, null, 2) });
      expect(good.status).toBe(200);
      expect(JSON.parse(good.text)).toEqual({ statuses: 1, changed: 1, ignored: 0 });
      const again = await cloud.sendStatuses({ url: webhookUrl, appSecret: APP_SECRET, phoneNumberId: PHONE_NUMBER_ID, statuses });
      expect(JSON.parse(again.text)).toEqual({ statuses: 1, changed: 0, ignored: 1 });
      const shown = (await a.get(`/v1/deliveries/${delivery.id}`)).body as Json;
      expect(shown.status).toBe('delivered');
      expect(shown.history.map((h: Json) => [h.status, h.source])).toEqual([
        ['sending', 'system'],
        ['accepted', 'system'],
        ['delivered', 'webhook'],
      ]);
    });

    it('documents the routes in OpenAPI', async () => {
      const doc = (await anonymous.get('/docs/openapi.json')).body as Json;
      for (const path of ['/v1/notification-settings', '/v1/notification-settings/whatsapp-entitlement', '/v1/notification-templates/{documentKind}', '/v1/deliveries', '/v1/deliveries/{id}', '/v1/webhooks/whatsapp/{tenantId}']) {
        expect(doc.paths).toHaveProperty([path]);
      }
      expect(doc.paths['/v1/webhooks/whatsapp/{tenantId}'].post.responses).toHaveProperty('401');
      expect(doc.paths['/v1/webhooks/whatsapp/{tenantId}'].post.security ?? []).toEqual([]);
    });
  });
});
