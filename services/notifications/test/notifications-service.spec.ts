import { fromBinary } from '@bufbuild/protobuf';
import {
  ClientsRpc,
  DeliveryUpdatedSchema,
  NotificationsEvents,
  NotificationsRpc,
  SendEmailRequestSchema,
  SendWhatsAppDocumentRequestSchema,
  TenancyRpc,
  type DeliveryUpdated,
} from '@cobranza/contracts';
import { create, type MessageInitShape } from '@bufbuild/protobuf';
import { ArtifactStore, connectNats, DomainError, RpcClient, type ArtifactInfo } from '@cobranza/platform';
import { eventually, SmtpSink, startTestService, WhatsAppCloudStandIn, XLSX_TYPE } from '@cobranza/testing';
import { MikroORM } from '@mikro-orm/core';
import type { INestApplication } from '@nestjs/common';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { NatsConnection, Subscription } from 'nats';
import { AppModule as ClientsModule } from '../../clients/src/app.module';
import { clientsDefinition } from '../../clients/src/definition';
import { AppModule } from '../src/app.module';
import { Delivery, DeliveryStatusEvent } from '../src/deliveries/delivery.entity';
import { requestHash } from '../src/deliveries/domain/request-hash';
import { notificationsDefinition } from '../src/definition';
import { SecretBox } from '../src/settings/secret-box';

const PHONE_NUMBER_ID = '106540352242922';
const ACCESS_TOKEN = 'EAAGm0PX4ZCpsBAKtokentest9Qz';
const APP_SECRET = 'f3c1d2a4b5e6-app-secret-of-infotax';
const VERIFY_TOKEN = 'verificacion-infotax-2024';
const SMTP_PASSWORD = 'clave-smtp-muy-secreta';
const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/**
 * The notifications service over real NATS and PostgreSQL, with a real SMTP server (smtp-server +
 * mailparser) and a local stand-in of the WhatsApp Cloud API; the clients service is real too
 * (tenant e-mail and client defaults come from it).
 */
describe('notifications service', () => {
  let clients: INestApplication;
  let app: INestApplication;
  let nats: NatsConnection;
  let rpc: RpcClient;
  let store: ArtifactStore;
  let sink: SmtpSink;
  let cloud: WhatsAppCloudStandIn;
  let orm: MikroORM;
  let events: Subscription;
  const updates: DeliveryUpdated[] = [];
  let tenantId: string;
  let clientId: string;
  let otherClientId: string;
  let pdf: ArtifactInfo;
  let xlsx: ArtifactInfo;
  const pdfBytes = Buffer.from('%PDF-1.4\n% factura 0001-00000012 de prueba\n%%EOF\n');
  const xlsxBytes = Buffer.from('PK\u0003\u0004 estado de cuenta en hoja de calculo');

  beforeAll(async () => {
    process.env.NOTIFICATIONS_SENDING_LEASE_MS = '4000';
    process.env.WHATSAPP_HTTP_TIMEOUT_MS = '1500';
    process.env.SMTP_SOCKET_TIMEOUT_MS = '5000';
    sink = await SmtpSink.start({ users: { sink: 'sink-password', rotated: 'rotated-password' } });
    cloud = await WhatsAppCloudStandIn.start({
      accessToken: ACCESS_TOKEN,
      phoneNumberIds: [PHONE_NUMBER_ID],
      templates: ['factura_documento', 'estado_de_cuenta', 'estado_de_cuenta_enlace'],
      notWhatsAppUsers: ['584141111111'],
    });
    clients = await startTestService(clientsDefinition(), ClientsModule);
    app = await startTestService(notificationsDefinition(), AppModule);
    orm = app.get(MikroORM);
    nats = await connectNats('notifications-service-test');
    rpc = new RpcClient(nats, 30_000);
    store = await ArtifactStore.open(nats);
    events = nats.subscribe(NotificationsEvents.deliveryUpdated.subject);
    void (async () => {
      for await (const msg of events) updates.push(fromBinary(DeliveryUpdatedSchema, msg.data));
    })();

    const tenant = await rpc.call(ClientsRpc.createTenant, { legalName: 'Infotax, S.A.', taxId: 'J-30012345-6', email: 'cobranzas@infotax.com.ve' });
    tenantId = tenant.id;
    const client = await rpc.call(ClientsRpc.createClient, {
      tenantId,
      code: '0000000012',
      legalName: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.',
      emails: ['usuario@galac.com'],
      whatsapp: '04247181811',
    });
    clientId = client.id;
    otherClientId = (await rpc.call(ClientsRpc.createClient, { tenantId, code: '0000000013', legalName: 'Otro Cliente, C.A.', emails: ['otro@cliente.com'] })).id;
    pdf = await store.put({ tenantId, kind: 'invoice_pdf', mediaType: 'application/pdf', fileName: 'Factura_0001-00000012.pdf' }, pdfBytes);
    xlsx = await store.put({ tenantId, kind: 'statement_xlsx', mediaType: XLSX_TYPE, fileName: 'Estado_de_Cuenta_0000000012.xlsx' }, xlsxBytes);

    await rpc.call(NotificationsRpc.updateSettings, {
      tenantId,
      smtp: { ...sink.settings(), password: 'sink-password' },
      whatsapp: {
        phoneNumberId: PHONE_NUMBER_ID,
        accessToken: ACCESS_TOKEN,
        appSecret: APP_SECRET,
        verifyToken: VERIFY_TOKEN,
        templates: [
          { documentKind: 'invoice', name: 'factura_documento', linkName: '', language: 'es' },
          { documentKind: 'statement', name: 'estado_de_cuenta', linkName: 'estado_de_cuenta_enlace', language: 'es' },
          { documentKind: 'reminder', name: 'recordatorio_no_aprobado', linkName: '', language: 'es' },
        ],
        apiBaseUrl: cloud.url,
        apiVersion: 'v22.0',
      },
    });
    await rpc.call(NotificationsRpc.setEntitlement, { tenantId, mode: 'contracted' });
  });

  afterAll(async () => {
    events?.unsubscribe();
    await nats?.drain();
    await app?.close();
    await clients?.close();
    await sink?.stop();
    await cloud?.stop();
  });

  const invoiceVariables = {
    clientName: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.',
    documentLetter: 'B',
    documentNumber: '0001-00000012',
    amount: '54.33',
    currency: 'USD',
    dueDate: '2020-08-13',
    portalLink: 'https://portal.cobranza.dev/e/abc123',
    customText: '',
  };

  const email = (key: string, extra: Partial<MessageInitShape<typeof SendEmailRequestSchema>> = {}) =>
    rpc.call(NotificationsRpc.sendEmail, {
      tenantId,
      deliveryKey: key,
      clientId,
      documentKind: 'invoice',
      to: 'usuario@galac.com',
      variables: invoiceVariables,
      artifactIds: [pdf.id],
      ...extra,
    } as MessageInitShape<typeof SendEmailRequestSchema>);

  const whatsapp = (key: string, extra: Partial<MessageInitShape<typeof SendWhatsAppDocumentRequestSchema>> = {}) =>
    rpc.call(NotificationsRpc.sendWhatsAppDocument, {
      tenantId,
      deliveryKey: key,
      clientId,
      documentKind: 'invoice',
      to: '04247181811',
      artifactId: pdf.id,
      variables: invoiceVariables,
      ...extra,
    } as MessageInitShape<typeof SendWhatsAppDocumentRequestSchema>);

  const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: DomainError) => e);
  const rows = (sql: string, params: unknown[] = []) => orm.em.fork().getConnection().execute<Array<Record<string, unknown>>>(sql, params);

  /** Leaves an intent "sending" as a process that crashed between the intent and the outcome would. */
  async function leaveInterruptedIntent(channel: 'email' | 'whatsapp', key: string, hash: string, recipients: string[]): Promise<string> {
    const em = orm.em.fork();
    const longAgo = new Date(Date.now() - 3600_000);
    const d = Object.assign(new Delivery(), {
      tenantId,
      deliveryKey: key,
      attempt: 1,
      requestHash: hash,
      channel,
      clientId,
      documentKind: 'invoice',
      recipients,
      artifactIds: [pdf.id],
      status: 'sending',
      createdAt: longAgo,
      updatedAt: longAgo,
    });
    em.persist(d);
    em.persist(Object.assign(new DeliveryStatusEvent(), { delivery: d, status: 'sending', occurredAt: longAgo, source: 'system' }));
    await em.flush();
    return d.id;
  }

  describe('channel settings', () => {
    it('stores secrets encrypted (AES-256-GCM, bound to tenant and field) and never answers them', async () => {
      const [row] = await rows(`select * from notifications.channel_settings where tenant_id = ?`, [tenantId]);
      const raw = JSON.stringify(row);
      for (const secret of ['sink-password', ACCESS_TOKEN, APP_SECRET, VERIFY_TOKEN]) expect(raw).not.toContain(secret);
      for (const column of ['smtp_password_enc', 'wa_access_token_enc', 'wa_app_secret_enc', 'wa_verify_token_enc']) {
        expect(String(row[column])).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
      }
      const box = SecretBox.fromEnv();
      expect(box.decrypt(String(row.wa_app_secret_enc), `notifications:${tenantId}:wa_app_secret`)).toBe(APP_SECRET);
      // Moved to another field or tenant, the ciphertext does not decrypt.
      expect(() => box.decrypt(String(row.wa_app_secret_enc), `notifications:${tenantId}:smtp_password`)).toThrow();
      expect(() => box.decrypt(String(row.wa_app_secret_enc), `notifications:${randomUUID()}:wa_app_secret`)).toThrow();

      const view = await rpc.call(NotificationsRpc.getSettings, { tenantId });
      const answered = JSON.stringify(view);
      for (const secret of ['sink-password', ACCESS_TOKEN, APP_SECRET, VERIFY_TOKEN]) expect(answered).not.toContain(secret);
      expect(view.smtp).toMatchObject({ configured: true, host: '127.0.0.1', port: sink.port, tlsMode: 'none', user: 'sink', passwordConfigured: true });
      expect(view.whatsapp).toMatchObject({
        configured: true,
        phoneNumberId: PHONE_NUMBER_ID,
        accessTokenConfigured: true,
        accessTokenLast4: ACCESS_TOKEN.slice(-4),
        appSecretConfigured: true,
        verifyTokenConfigured: true,
      });
    });

    it('refuses to start in production without a key, and rejects a key of the wrong size', () => {
      expect(() => SecretBox.fromEnv({ NODE_ENV: 'production' })).toThrow(/NOTIFICATIONS_SECRET_KEY is required in production/);
      expect(() => SecretBox.fromEnv({ NODE_ENV: 'production', NOTIFICATIONS_SECRET_KEY: 'c2hvcnQ=' })).toThrow(/32 bytes/);
      const key = Buffer.alloc(32, 7).toString('base64');
      const box = SecretBox.fromEnv({ NODE_ENV: 'production', NOTIFICATIONS_SECRET_KEY: key });
      expect(box.usingDevelopmentKey).toBe(false);
      expect(box.decrypt(box.encrypt('secreto', 'ctx'), 'ctx')).toBe('secreto');
      expect(SecretBox.fromEnv({}).usingDevelopmentKey).toBe(true);
    });

    it('names every invalid field, in Spanish and in English', async () => {
      const bad = { tenantId, smtp: { host: 'smtp gmail', port: 70000, tlsMode: 'ssl', user: '', fromAddress: 'sin-arroba' } };
      const es = await failure(rpc.call(NotificationsRpc.updateSettings, bad));
      expect(es).toMatchObject({ code: 'validation_failed', status: 400 });
      expect(Object.keys(es!.details).sort()).toEqual(['smtp.fromAddress', 'smtp.host', 'smtp.port', 'smtp.tlsMode']);
      expect(es!.details['smtp.tlsMode']).toBe('Modo TLS desconocido: ssl. Use starttls, tls o none.');
      const en = await failure(rpc.call(NotificationsRpc.updateSettings, bad, { locale: 'en' }));
      expect(en!.details['smtp.port']).toBe('The port must be between 1 and 65535, for example 587.');
    });
  });

  describe('e-mail', () => {
    it('sends seed 002’s original template: From the legal name, several To addresses, the copy to the requester, the PDF attached', async () => {
      sink.clear();
      const reply = await email('factura-0001-00000012', {
        to: 'usuario@galac.com; pedro.gomez@infotax.com.ve, Admin@Infotax.COM.VE',
        sendCopy: true,
        copyTo: 'maria.perez@infotax.com.ve',
      });
      expect(reply).toMatchObject({
        status: 'accepted',
        channel: 'email',
        attempt: 1,
        recipients: ['usuario@galac.com', 'pedro.gomez@infotax.com.ve', 'Admin@infotax.com.ve'],
        copyTo: 'maria.perez@infotax.com.ve',
        artifactIds: [pdf.id],
        subject: 'Adjuntamos su factura Nro. 0001-00000012',
        sender: '"Infotax, S.A." <facturacion@infotax.com.ve>',
        errorCode: '',
        note: 'El servidor de correo aceptó el mensaje; eso no garantiza que haya llegado al buzón.',
      });
      expect(reply.history.map((h) => h.status)).toEqual(['sending', 'accepted']);
      const [mail] = await sink.waitForMessages(1);
      expect(mail.envelopeTo.sort()).toEqual(['Admin@infotax.com.ve', 'maria.perez@infotax.com.ve', 'pedro.gomez@infotax.com.ve', 'usuario@galac.com']);
      expect(mail.to).toEqual(['usuario@galac.com', 'pedro.gomez@infotax.com.ve', 'Admin@infotax.com.ve']);
      expect(mail.raw.toString()).not.toMatch(/^Bcc:/im);
      expect(mail.fromName).toBe('Infotax, S.A.');
      expect(mail.from).toBe('facturacion@infotax.com.ve');
      expect(mail.user).toBe('sink');
      expect(mail.subject).toBe('Adjuntamos su factura Nro. 0001-00000012');
      expect(mail.text).toContain('Estimado cliente INFOTAX, INFORMATICA TRIBUTARIA, S.A.:');
      expect(mail.text).toContain(
        'Le informamos que hemos emitido la factura B Nro. 0001-00000012 por el valor de USD 54,33 con vencimiento el 13/08/2020. La misma está adjunta al presente correo en formato PDF.',
      );
      expect(mail.text).toContain('https://portal.cobranza.dev/e/abc123');
      expect(mail.text).toMatch(/Atentamente\s+Infotax, S\.A\.\s*$/);
      expect(mail.attachments).toEqual([
        expect.objectContaining({ filename: 'Factura_0001-00000012.pdf', contentType: 'application/pdf', sha256: pdf.sha256, size: pdfBytes.length }),
      ]);
      expect(sha256(pdfBytes)).toBe(pdf.sha256);
      expect(mail.messageId).toBe(reply.providerMessageId);
    });

    it('copies to the tenant’s e-mail when the requester gives none, lets the sender change the From name, and writes English on request', async () => {
      sink.clear();
      const reply = await email('factura-copia-empresa', { sendCopy: true, fromName: 'Cobranzas Infotax', language: 'en' });
      expect(reply).toMatchObject({ status: 'accepted', copyTo: 'cobranzas@infotax.com.ve' });
      const [mail] = await sink.waitForMessages(1);
      expect(mail.envelopeTo.sort()).toEqual(['cobranzas@infotax.com.ve', 'usuario@galac.com']);
      expect(mail.fromName).toBe('Cobranzas Infotax');
      expect(mail.subject).toBe('Your invoice No. 0001-00000012');
      expect(mail.text).toContain('We have issued invoice B No. 0001-00000012 for USD 54.33, due on 2020-08-13.');
    });

    it('defaults To to the client’s addresses and the client name to the registry’s', async () => {
      sink.clear();
      const reply = await email('factura-por-defecto', { to: '', variables: { ...invoiceVariables, clientName: '' } });
      expect(reply.recipients).toEqual(['usuario@galac.com']);
      const [mail] = await sink.waitForMessages(1);
      expect(mail.text).toContain('Estimado cliente INFOTAX, INFORMATICA TRIBUTARIA, S.A.:');
    });

    it('escapes variables in the HTML part and keeps them as typed in the text part', async () => {
      sink.clear();
      await email('factura-html', { variables: { ...invoiceVariables, customText: 'Pague <b>hoy</b> & "gracias" <script>alert(1)</script>' } });
      const [mail] = await sink.waitForMessages(1);
      expect(mail.html).toContain('Pague &lt;b&gt;hoy&lt;/b&gt; &amp; &quot;gracias&quot; &lt;script&gt;alert(1)&lt;/script&gt;');
      expect(mail.html).not.toContain('<script>');
      expect(mail.html).toContain('Estimado cliente INFOTAX, INFORMATICA TRIBUTARIA, S.A.:<br>');
      expect(mail.text).toContain('Pague <b>hoy</b> & "gracias" <script>alert(1)</script>');
    });

    it('refuses an invalid address in the list, naming it, and records nothing', async () => {
      sink.clear();
      const error = await failure(email('factura-mala-direccion', { to: 'usuario@galac.com; pedro@infotax' }));
      expect(error).toMatchObject({ code: 'validation_failed', status: 400 });
      expect(error!.details.to).toBe('La dirección pedro@infotax no es válida: el correo debe tener la forma usuario@dominio.com.');
      expect(await failure(email('factura-cliente-malo', { clientId: 'no-es-un-id' }))).toMatchObject({ code: 'client.not_found', status: 404 });
      expect(await failure(email('factura-otro-cliente', { clientId: randomUUID(), to: '' }))).toMatchObject({ code: 'client.not_found', status: 404 });
      expect(await failure(email('clave con espacios'))).toMatchObject({ code: 'validation_failed', details: { deliveryKey: expect.any(String) } });
      const list = await rpc.call(NotificationsRpc.listDeliveries, { tenantId, deliveryKey: 'factura-mala-direccion' });
      expect(list.total).toBe(0);
      expect(sink.messages).toHaveLength(0);
    });

    it('answers the recorded outcome for a repeated key, sends once, and refuses the key for another message', async () => {
      sink.clear();
      const first = await email('factura-idempotente');
      const again = await email('factura-idempotente');
      expect(again).toMatchObject({ id: first.id, status: 'accepted', replayed: true, providerMessageId: first.providerMessageId });
      await sink.waitForMessages(1);
      await new Promise((r) => setTimeout(r, 300));
      expect(sink.messages).toHaveLength(1);
      const conflict = await failure(email('factura-idempotente', { to: 'otro@cliente.com' }));
      expect(conflict).toMatchObject({ code: 'delivery.key_conflict', status: 422 });
    });

    it('classifies a 4xx as transient: the same key is attempted again as attempt 2', async () => {
      sink.clear();
      sink.refuse({ stage: 'data', code: 451, message: '4.3.0 Temporary local problem, try later' });
      const first = await email('factura-451');
      expect(first).toMatchObject({ status: 'failed', errorKind: 'transient', errorCode: 'smtp.451', attempt: 1 });
      expect(first.errorMessage).toContain('Temporary local problem');
      expect(first.note).toBe('Falla transitoria: puede reintentarse con la misma clave de envío.');
      const second = await email('factura-451');
      expect(second).toMatchObject({ status: 'accepted', attempt: 2, replayed: false });
      expect(second.id).not.toBe(first.id);
      expect(sink.messages).toHaveLength(1);
      const list = await rpc.call(NotificationsRpc.listDeliveries, { tenantId, deliveryKey: 'factura-451' });
      expect(list.items.map((d) => [d.attempt, d.status])).toEqual([
        [2, 'accepted'],
        [1, 'failed'],
      ]);
    });

    it('classifies a 5xx (unknown mailbox) as permanent: the key never sends again', async () => {
      sink.clear();
      sink.refuse({ stage: 'rcpt', code: 550, recipient: 'no-existe@galac.com' });
      const first = await email('factura-550', { to: 'no-existe@galac.com' });
      expect(first).toMatchObject({ status: 'failed', errorKind: 'permanent', errorCode: 'smtp.550' });
      const again = await email('factura-550', { to: 'no-existe@galac.com' });
      expect(again).toMatchObject({ id: first.id, status: 'failed', replayed: true, attempt: 1 });
      expect(sink.messages).toHaveLength(0);
    });

    it('classifies a server that is down as transient, and sends once it is back', async () => {
      sink.clear();
      await sink.down();
      try {
        const first = await email('factura-servidor-caido');
        expect(first).toMatchObject({ status: 'failed', errorKind: 'transient' });
        expect(first.errorCode).toMatch(/^smtp\.(ECONNECTION|ESOCKET)$/);
      } finally {
        await sink.up();
      }
      const second = await email('factura-servidor-caido');
      expect(second).toMatchObject({ status: 'accepted', attempt: 2 });
      expect(await sink.waitForMessages(1)).toHaveLength(1);
    });

    it('rebuilds the pooled connection when the settings change', async () => {
      sink.clear();
      await rpc.call(NotificationsRpc.updateSettings, { tenantId, smtp: { ...sink.settings(), user: 'rotated', password: 'rotated-password' } });
      await email('factura-usuario-nuevo');
      const [mail] = await sink.waitForMessages(1);
      expect(mail.user).toBe('rotated');
      // A password absent is kept: the rotated one stays, which the user "sink" does not have.
      const { password: _password, ...withoutPassword } = sink.settings();
      await rpc.call(NotificationsRpc.updateSettings, { tenantId, smtp: withoutPassword });
      const failed = await email('factura-clave-vieja');
      expect(failed).toMatchObject({ status: 'failed', errorKind: 'permanent', errorCode: 'smtp.535' });
      await rpc.call(NotificationsRpc.updateSettings, { tenantId, smtp: { ...sink.settings(), password: 'sink-password' } });
    });

    it('turns an intent left "sending" by a crash into "unknown": never resent, listed for operators, with an event', async () => {
      sink.clear();
      const request = create(SendEmailRequestSchema, {
        tenantId,
        deliveryKey: 'factura-interrumpida',
        clientId,
        documentKind: 'invoice',
        to: 'usuario@galac.com',
        variables: invoiceVariables,
        artifactIds: [pdf.id],
      });
      const id = await leaveInterruptedIntent('email', 'factura-interrumpida', requestHash(SendEmailRequestSchema, request), ['usuario@galac.com']);
      const reply = await rpc.call(NotificationsRpc.sendEmail, request);
      expect(reply).toMatchObject({ id, status: 'unknown', replayed: true });
      expect(reply.note).toMatch(/^El resultado es desconocido/);
      expect(reply.history.map((h) => h.status)).toEqual(['sending', 'unknown']);
      expect(await rpc.call(NotificationsRpc.sendEmail, request)).toMatchObject({ id, status: 'unknown', replayed: true });
      await new Promise((r) => setTimeout(r, 300));
      expect(sink.messages).toHaveLength(0);
      const unknown = await rpc.call(NotificationsRpc.listDeliveries, { tenantId, statuses: ['unknown'] });
      expect(unknown.items.map((d) => d.id)).toContain(id);
      await eventually(async () => updates.find((u) => u.delivery?.id === id && u.delivery.status === 'unknown' && u.previousStatus === 'sending'), 'the unknown event');
    });

    it('answers 409 while an attempt under the key is in flight', async () => {
      const request = create(SendEmailRequestSchema, { tenantId, deliveryKey: 'factura-en-curso', clientId, documentKind: 'invoice', to: 'usuario@galac.com', variables: invoiceVariables });
      const em = orm.em.fork();
      const now = new Date();
      em.persist(
        Object.assign(new Delivery(), {
          tenantId,
          deliveryKey: 'factura-en-curso',
          requestHash: requestHash(SendEmailRequestSchema, request),
          channel: 'email',
          documentKind: 'invoice',
          status: 'sending',
          createdAt: now,
          updatedAt: now,
        }),
      );
      await em.flush();
      expect(await failure(rpc.call(NotificationsRpc.sendEmail, request))).toMatchObject({ code: 'delivery.in_progress', status: 409 });
    });
  });

  describe('templates', () => {
    it('lists the built-in Spanish templates with their variables, and stores the tenant’s own', async () => {
      const list = await rpc.call(NotificationsRpc.listTemplates, { tenantId });
      expect(list.items.map((t) => t.documentKind)).toEqual(['quote', 'order', 'remission', 'invoice', 'statement', 'reminder']);
      expect(list.items.find((t) => t.documentKind === 'invoice')).toMatchObject({ source: 'built_in', language: 'es', subject: 'Adjuntamos su factura Nro. {{documentNumber}}' });
      expect(list.variables.map((v) => v.name)).toEqual(['clientName', 'documentName', 'documentLetter', 'documentNumber', 'amount', 'dueDate', 'portalLink', 'customText', 'companyName']);
      const bad = await failure(rpc.call(NotificationsRpc.saveTemplate, { tenantId, documentKind: 'invoice', subject: 'Factura {{{documentNumber}}}', body: 'Hola {{cliente}}' }));
      expect(bad).toMatchObject({ code: 'validation_failed' });
      expect(bad!.details.subject).toMatch(/llaves triples/);
      expect(bad!.details.body).toMatch(/^La plantilla usa la variable \{\{cliente\}\}, que no existe/);
    });

    it('sends the original or the last one used for that client (seed 002)', async () => {
      await rpc.call(NotificationsRpc.saveTemplate, {
        tenantId,
        documentKind: 'invoice',
        subject: 'Factura {{documentNumber}} de {{companyName}}',
        body: 'Hola {{clientName}}, su factura vence el {{dueDate}}.',
      });
      sink.clear();
      await email('plantilla-original-1', { template: 'original' });
      expect((await sink.waitForMessages(1))[0].subject).toBe('Factura 0001-00000012 de Infotax, S.A.');

      // The sender edits subject and body: remembered as the client's last used.
      await email('plantilla-editada', { subject: 'Su factura {{documentNumber}} (editada)', body: 'Estimado {{clientName}}: adjuntamos la factura editada.' });
      const last = await rpc.call(NotificationsRpc.getTemplate, { tenantId, documentKind: 'invoice', clientId, choice: 'last_used' });
      expect(last).toMatchObject({ source: 'last_used', subject: 'Su factura {{documentNumber}} (editada)' });

      sink.clear();
      await email('plantilla-ultima', { template: 'last_used' });
      await email('plantilla-original-2', { template: 'original' });
      await email('plantilla-otro-cliente', { template: 'last_used', clientId: otherClientId, to: 'otro@cliente.com' });
      const mails = await sink.waitForMessages(3);
      expect(mails.map((m) => m.subject)).toEqual([
        'Su factura 0001-00000012 (editada)',
        'Factura 0001-00000012 de Infotax, S.A.',
        'Factura 0001-00000012 de Infotax, S.A.',
      ]);
      expect(mails[0].text.trim()).toBe('Estimado INFOTAX, INFORMATICA TRIBUTARIA, S.A.: adjuntamos la factura editada.');

      const reset = await rpc.call(NotificationsRpc.resetTemplate, { tenantId, documentKind: 'invoice' });
      expect(reset).toMatchObject({ source: 'built_in', subject: 'Adjuntamos su factura Nro. {{documentNumber}}' });
    });
  });

  describe('WhatsApp', () => {
    it('refuses the channel with the reason when the entitlement does not allow it (seed 000)', async () => {
      await rpc.call(NotificationsRpc.setEntitlement, { tenantId, mode: 'free_until', freeUntil: '2024-07-01' });
      const expired = await failure(whatsapp('ws-vencido'));
      expect(expired).toMatchObject({ code: 'whatsapp.not_entitled', status: 403 });
      expect(expired!.message).toBe(
        'El envío por WhatsApp estuvo disponible sin costo hasta el 01/07/2024; para seguir usándolo debe contratar el servicio, que no está incluido en el Plan de Asistencia y Servicios.',
      );
      await rpc.call(NotificationsRpc.setEntitlement, { tenantId, mode: 'disabled' });
      const disabled = await failure(whatsapp('ws-deshabilitado', {}));
      expect(disabled!.message).toBe('El envío por WhatsApp no está habilitado para su empresa; contrate el servicio para usarlo.');
      const en = await failure(rpc.call(NotificationsRpc.sendWhatsAppDocument, { tenantId, deliveryKey: 'ws-en', documentKind: 'invoice', artifactId: pdf.id, to: '04247181811' }, { locale: 'en' }));
      expect(en!.message).toBe('Sending by WhatsApp is not enabled for your company; contract the service to use it.');
      const free = await rpc.call(NotificationsRpc.setEntitlement, { tenantId, mode: 'free_until', freeUntil: '2999-12-31' });
      expect(free).toMatchObject({ allowed: true, explanation: 'El envío por WhatsApp está disponible sin costo hasta el 31/12/2999.' });
      expect(cloud.requests).toHaveLength(0);
      await rpc.call(NotificationsRpc.setEntitlement, { tenantId, mode: 'contracted' });
    });

    it('uploads the PDF and sends the template with it in the document header, in the Cloud API’s shapes', async () => {
      cloud.clear();
      const reply = await whatsapp('ws-factura-12');
      expect(reply).toMatchObject({ status: 'accepted', channel: 'whatsapp', recipients: ['+584247181811'], fallback: '' });
      expect(reply.providerMessageId).toMatch(/^wamid\./);
      const [upload] = cloud.requestsTo('media');
      expect(upload.path).toBe(`/v22.0/${PHONE_NUMBER_ID}/media`);
      expect(upload.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
      expect(upload.form).toEqual({ messaging_product: 'whatsapp', type: 'application/pdf' });
      expect(upload.file).toEqual({ filename: 'Factura_0001-00000012.pdf', type: 'application/pdf', size: pdfBytes.length, sha256: pdf.sha256 });
      const mediaId = (upload.response as { id: string }).id;
      const [send] = cloud.requestsTo('messages');
      expect(send.path).toBe(`/v22.0/${PHONE_NUMBER_ID}/messages`);
      expect(send.headers['content-type']).toBe('application/json');
      expect(send.json).toEqual({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '+584247181811',
        type: 'template',
        template: {
          name: 'factura_documento',
          language: { code: 'es' },
          components: [
            { type: 'header', parameters: [{ type: 'document', document: { id: mediaId, filename: 'Factura_0001-00000012.pdf' } }] },
            { type: 'body', parameters: [{ type: 'text', text: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.' }] },
          ],
        },
        biz_opaque_callback_data: 'ws-factura-12',
      });
      expect((send.response as { messages: Array<{ id: string }> }).messages[0].id).toBe(reply.providerMessageId);

      // The media is no longer needed once asked, and a second call finds nothing left.
      expect(await rpc.call(NotificationsRpc.deleteWhatsAppMedia, { tenantId, deliveryId: reply.id })).toEqual(expect.objectContaining({ deleted: 1 }));
      expect(cloud.requestsTo('delete').map((r) => r.path)).toEqual([`/v22.0/${mediaId}`]);
      expect(cloud.media.get(mediaId)?.deleted).toBe(true);
      expect(await rpc.call(NotificationsRpc.deleteWhatsAppMedia, { tenantId, deliveryId: reply.id })).toEqual(expect.objectContaining({ deleted: 0 }));
    });

    it('sends the portal link instead when the spreadsheet is refused in the header, deletes the media, and says so', async () => {
      cloud.clear();
      const reply = await whatsapp('ws-estado-xlsx', { documentKind: 'statement', artifactId: xlsx.id });
      expect(reply).toMatchObject({ status: 'accepted', fallback: 'portal_link' });
      expect(reply.note).toBe(
        'La hoja de cálculo no se admite como encabezado de la plantilla de WhatsApp; se envió la plantilla con el enlace al portal para descargarla.',
      );
      const sends = cloud.requestsTo('messages');
      expect(sends.map((r) => r.status)).toEqual([400, 200]);
      expect((sends[0].response as { error: { code: number } }).error.code).toBe(132012);
      expect(sends[1].json.template).toEqual({
        name: 'estado_de_cuenta_enlace',
        language: { code: 'es' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.' },
              { type: 'text', text: 'https://portal.cobranza.dev/e/abc123' },
            ],
          },
        ],
      });
      const uploaded = (cloud.requestsTo('media')[0].response as { id: string }).id;
      expect(cloud.requestsTo('delete').map((r) => r.path)).toEqual([`/v22.0/${uploaded}`]);
    });

    it('classifies Cloud API errors by code: not a WhatsApp user and template errors permanent, rate limits and outages transient', async () => {
      cloud.clear();
      const notUser = await whatsapp('ws-no-usuario', { to: '+58 414 111 1111' });
      expect(notUser).toMatchObject({ status: 'failed', errorKind: 'permanent', errorCode: 'whatsapp.131026' });
      expect(notUser.errorMessage).toContain('Message undeliverable');
      // Its uploaded media is deleted at once.
      expect(cloud.requestsTo('delete')).toHaveLength(1);

      const template = await whatsapp('ws-plantilla', { documentKind: 'reminder' });
      expect(template).toMatchObject({ status: 'failed', errorKind: 'permanent', errorCode: 'whatsapp.132001' });

      cloud.inject({ route: 'messages', code: 130429 });
      const limited = await whatsapp('ws-limite');
      expect(limited).toMatchObject({ status: 'failed', errorKind: 'transient', errorCode: 'whatsapp.130429', attempt: 1 });
      const retried = await whatsapp('ws-limite');
      expect(retried).toMatchObject({ status: 'accepted', attempt: 2 });

      cloud.inject({ route: 'media', code: 131016 });
      expect(await whatsapp('ws-caido')).toMatchObject({ status: 'failed', errorKind: 'transient', errorCode: 'whatsapp.131016' });

      cloud.inject({ route: 'messages', code: 190 });
      expect(await whatsapp('ws-token')).toMatchObject({ status: 'failed', errorKind: 'permanent', errorCode: 'whatsapp.190' });

      expect(await failure(whatsapp('ws-fijo', { to: '02125551234' }))).toMatchObject({ code: 'validation_failed' });
    });

    it('leaves the outcome unknown when the Cloud API does not answer in time, and never resends it', async () => {
      cloud.clear();
      cloud.inject({ route: 'messages', delayMs: 2500 });
      const reply = await whatsapp('ws-sin-respuesta');
      expect(reply).toMatchObject({ status: 'unknown', errorCode: 'whatsapp.no_answer' });
      await new Promise((r) => setTimeout(r, 1500));
      const again = await whatsapp('ws-sin-respuesta');
      expect(again).toMatchObject({ id: reply.id, status: 'unknown', replayed: true });
      expect(cloud.requestsTo('messages')).toHaveLength(1);
    });

    const webhook = (statuses: Parameters<WhatsAppCloudStandIn['webhookBody']>[1], secret = APP_SECRET) => {
      const body = Buffer.from(JSON.stringify(cloud.webhookBody(PHONE_NUMBER_ID, statuses)));
      const hmac = createHmac('sha256', secret).update(body).digest('hex');
      return rpc.call(NotificationsRpc.receiveWhatsAppWebhook, { tenantId, body, signature: `sha256=${hmac}` });
    };

    it('records sent, delivered and read once each and never moves a status backwards', async () => {
      cloud.clear();
      const sent = await whatsapp('ws-estados');
      const id = sent.providerMessageId;
      const t = Math.floor(Date.now() / 1000);
      await eventually(async () => updates.find((u) => u.delivery?.id === sent.id && u.delivery.status === 'accepted'), 'the accepted event');
      const before = updates.length;
      expect(await webhook([{ messageId: id, status: 'read', timestamp: t + 3 }])).toEqual(expect.objectContaining({ statuses: 1, changed: 1 }));
      expect(await webhook([{ messageId: id, status: 'delivered', timestamp: t + 2 }, { messageId: id, status: 'sent', timestamp: t + 1 }])).toEqual(
        expect.objectContaining({ statuses: 2, changed: 0, ignored: 2 }),
      );
      expect(await webhook([{ messageId: id, status: 'read', timestamp: t + 3 }])).toEqual(expect.objectContaining({ changed: 0, ignored: 1 }));
      expect(await webhook([{ messageId: id, status: 'failed', timestamp: t + 4, errors: [{ code: 131026, title: 'Message undeliverable' }] }])).toEqual(
        expect.objectContaining({ changed: 0 }),
      );
      const d = await rpc.call(NotificationsRpc.getDelivery, { tenantId, id: sent.id });
      expect(d.status).toBe('read');
      expect(d.errorCode).toBe('');
      expect(d.history.map((h) => [h.status, h.source])).toEqual([
        ['sending', 'system'],
        ['accepted', 'system'],
        ['sent', 'webhook'],
        ['delivered', 'webhook'],
        ['read', 'webhook'],
        ['failed', 'webhook'],
      ]);
      expect(d.history.find((h) => h.status === 'delivered')?.at).toBe(new Date((t + 2) * 1000).toISOString());
      await eventually(async () => (updates.slice(before).some((u) => u.delivery?.id === sent.id) ? true : undefined), 'the read event');
      await new Promise((r) => setTimeout(r, 500));
      const mine = updates.slice(before).filter((u) => u.delivery?.id === sent.id);
      expect(mine.map((u) => [u.previousStatus, u.delivery?.status])).toEqual([['accepted', 'read']]);
      // Read: the uploaded media is deleted.
      expect(cloud.requestsTo('delete')).toHaveLength(1);
    });

    it('records a failed status with the provider’s code', async () => {
      const sent = await whatsapp('ws-falla-webhook');
      await webhook([{ messageId: sent.providerMessageId, status: 'failed', errors: [{ code: 131047, title: 'Re-engagement message' }] }]);
      const d = await rpc.call(NotificationsRpc.getDelivery, { tenantId, id: sent.id });
      expect(d).toMatchObject({ status: 'failed', errorCode: 'whatsapp.131047', errorKind: 'permanent' });
    });

    it('reconciles an unknown outcome from a later webhook through biz_opaque_callback_data', async () => {
      cloud.clear();
      const request = create(SendWhatsAppDocumentRequestSchema, {
        tenantId,
        deliveryKey: 'ws-reconciliar',
        clientId,
        documentKind: 'invoice',
        to: '04247181811',
        artifactId: pdf.id,
        variables: invoiceVariables,
      });
      const id = await leaveInterruptedIntent('whatsapp', 'ws-reconciliar', requestHash(SendWhatsAppDocumentRequestSchema, request), ['+584247181811']);
      const unknown = await rpc.call(NotificationsRpc.sendWhatsAppDocument, request);
      expect(unknown).toMatchObject({ id, status: 'unknown', providerMessageId: '' });
      expect(cloud.requests).toHaveLength(0);

      const wamid = 'wamid.HBgMNTg0MjQ3MTgxODExFQIAERgSRkE1QjM1';
      const result = await webhook([{ messageId: wamid, status: 'delivered', callbackData: 'ws-reconciliar', timestamp: Math.floor(Date.now() / 1000) + 1 }]);
      expect(result).toEqual(expect.objectContaining({ changed: 1 }));
      const d = await rpc.call(NotificationsRpc.getDelivery, { tenantId, id });
      expect(d).toMatchObject({ status: 'delivered', providerMessageId: wamid });
      expect(d.history.map((h) => h.status)).toEqual(['sending', 'unknown', 'delivered']);
      await eventually(async () => updates.find((u) => u.delivery?.id === id && u.previousStatus === 'unknown' && u.delivery.status === 'delivered'), 'the reconciled event');
      // Later statuses find it by its message id now.
      await webhook([{ messageId: wamid, status: 'read', timestamp: Math.floor(Date.now() / 1000) + 2 }]);
      expect((await rpc.call(NotificationsRpc.getDelivery, { tenantId, id })).status).toBe('read');
      expect(cloud.requestsTo('messages')).toHaveLength(0);
    });

    it('refuses unsigned and badly signed webhooks, and another tenant’s secret', async () => {
      const body = Buffer.from(JSON.stringify(cloud.webhookBody(PHONE_NUMBER_ID, [{ messageId: 'wamid.x', status: 'read' }])));
      const hmac = (secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
      for (const signature of ['', 'sha256=', hmac('otro-secreto'), hmac(APP_SECRET).replace('sha256=', 'sha1=')]) {
        expect(await failure(rpc.call(NotificationsRpc.receiveWhatsAppWebhook, { tenantId, body, signature }))).toMatchObject({
          code: 'webhook.signature_invalid',
          status: 401,
        });
      }
      const tampered = Buffer.concat([body, Buffer.from(' ')]);
      expect(await failure(rpc.call(NotificationsRpc.receiveWhatsAppWebhook, { tenantId, body: tampered, signature: hmac(APP_SECRET) }))).toMatchObject({ status: 401 });
      expect(await failure(rpc.call(NotificationsRpc.receiveWhatsAppWebhook, { tenantId: randomUUID(), body, signature: hmac(APP_SECRET) }))).toMatchObject({ status: 401 });
      expect(await rpc.call(NotificationsRpc.receiveWhatsAppWebhook, { tenantId, body, signature: hmac(APP_SECRET) })).toEqual(
        expect.objectContaining({ statuses: 1, changed: 0, ignored: 1 }),
      );
    });

    it('answers the subscription challenge only for the right token', async () => {
      expect(await rpc.call(NotificationsRpc.verifyWhatsAppWebhook, { tenantId, mode: 'subscribe', verifyToken: VERIFY_TOKEN, challenge: '1158201444' })).toEqual(
        expect.objectContaining({ challenge: '1158201444' }),
      );
      for (const input of [
        { mode: 'subscribe', verifyToken: 'otro' },
        { mode: 'unsubscribe', verifyToken: VERIFY_TOKEN },
      ]) {
        expect(await failure(rpc.call(NotificationsRpc.verifyWhatsAppWebhook, { tenantId, challenge: '1', ...input }))).toMatchObject({
          code: 'webhook.verify_refused',
          status: 403,
        });
      }
    });
  });

  describe('delivery log', () => {
    it('is queried by client, status and date, newest first, only within the tenant', async () => {
      const all = await rpc.call(NotificationsRpc.listDeliveries, { tenantId, clientId, pageSize: 100 });
      expect(all.total).toBeGreaterThan(10);
      const times = all.items.map((d) => d.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
      const failed = await rpc.call(NotificationsRpc.listDeliveries, { tenantId, statuses: ['failed'], channel: 'whatsapp' });
      expect(failed.items.length).toBeGreaterThan(0);
      expect(failed.items.every((d) => d.status === 'failed' && d.channel === 'whatsapp')).toBe(true);
      const other = await rpc.call(NotificationsRpc.listDeliveries, { tenantId, clientId: otherClientId });
      expect(other.items.map((d) => d.deliveryKey)).toEqual(['plantilla-otro-cliente']);
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Caracas' }).format(new Date());
      const newest = all.items[0];
      const todays = await rpc.call(NotificationsRpc.listDeliveries, { tenantId, clientId, from: today, to: today, pageSize: 100 });
      expect(todays.items.map((d) => d.id)).toContain(newest.id);
      const instant = await rpc.call(NotificationsRpc.listDeliveries, { tenantId, clientId, from: newest.createdAt, to: newest.createdAt });
      expect(instant.items.map((d) => d.id)).toEqual([newest.id]);
      expect((await rpc.call(NotificationsRpc.listDeliveries, { tenantId, from: '2999-01-01' })).total).toBe(0);
      expect((await rpc.call(NotificationsRpc.listDeliveries, { tenantId, to: '2000-01-01' })).total).toBe(0);
      const page2 = await rpc.call(NotificationsRpc.listDeliveries, { tenantId, clientId, page: 2, pageSize: 5 });
      expect(page2.items.map((d) => d.id)).toEqual(all.items.slice(5, 10).map((d) => d.id));
      expect(await failure(rpc.call(NotificationsRpc.listDeliveries, { tenantId: randomUUID() }))).toMatchObject({ code: 'tenant.not_found', status: 404 });
      expect(await failure(rpc.call(NotificationsRpc.getDelivery, { tenantId: randomUUID(), id: newest.id }))).toMatchObject({ code: 'delivery.not_found', status: 404 });
      expect(await failure(rpc.call(NotificationsRpc.listDeliveries, { tenantId, statuses: ['entregado'], from: '26/03/2024' }))).toMatchObject({ code: 'validation_failed' });
    });
  });
});

