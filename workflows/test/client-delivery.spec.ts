import { BillingRpc, ClientsRpc, eventStreamOf, NotificationsEvents, NotificationsRpc, PortalRpc } from '@cobranza/contracts';
import { connectNats, createLogger, RpcClient } from '@cobranza/platform';
import { eventually, SmtpSink, startTestService, WhatsAppCloudStandIn } from '@cobranza/testing';
import type { INestApplication } from '@nestjs/common';
import { Client, Connection, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { NatsConnection } from 'nats';
import { createHmac } from 'node:crypto';
import { AppModule as BillingModule } from '../../services/billing/src/app.module';
import { billingDefinition } from '../../services/billing/src/definition';
import { AppModule as ClientsModule } from '../../services/clients/src/app.module';
import { clientsDefinition } from '../../services/clients/src/definition';
import { AppModule as DocumentsModule } from '../../services/documents/src/app.module';
import { documentsDefinition } from '../../services/documents/src/definition';
import { AppModule as NotificationsModule } from '../../services/notifications/src/app.module';
import { notificationsDefinition } from '../../services/notifications/src/definition';
import { createActivities } from '../src/activities';
import {
  cancelDeliveryUpdate,
  changeRecipientUpdate,
  deliveryStateQuery,
  documentDeliveryWorkflowId,
  retryNowUpdate,
  statementDeliveryWorkflowId,
  type ClientDeliveryRequest,
  type ClientDeliveryState,
} from '../src/client-delivery/shared';
import { EventConsumer } from '../src/events/event-consumer';
import { deliveryUpdatedHandler } from '../src/events/delivery-events.handler';
import { clientDelivery } from '../src/workflows';
import { createTimeSkippingEnv } from './time-skipping-env';

const PHONE_NUMBER_ID = '106540352242922';
const ACCESS_TOKEN = 'EAAG-delivery-test-token-0001';
const APP_SECRET = 'app-secret-delivery';

/**
 * The one delivery engine with the real activities: billing, clients (portal links), documents
 * (Chromium) and notifications over NATS, into a real SMTP server and the WhatsApp Cloud API
 * stand-in, on the time-skipping server so hours of retries take no time. Status webhooks reach
 * the workflow through the worker's real event handler (evt.notifications.delivery.updated).
 */
describe('clientDelivery workflow', () => {
  let env: TestWorkflowEnvironment;
  const apps: INestApplication[] = [];
  let nats: NatsConnection;
  let rpc: RpcClient;
  let sink: SmtpSink;
  let cloud: WhatsAppCloudStandIn;
  let consumer: EventConsumer;
  let tenantId: string;
  let clientId: string;
  let staffId: string;
  let queue = 0;
  let keys = 0;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    sink = await SmtpSink.start();
    cloud = await WhatsAppCloudStandIn.start({
      accessToken: ACCESS_TOKEN,
      phoneNumberIds: [PHONE_NUMBER_ID],
      notWhatsAppUsers: ['584141111111'],
    });
    apps.push(await startTestService(clientsDefinition(), ClientsModule));
    apps.push(await startTestService(billingDefinition(), BillingModule));
    apps.push(await startTestService(documentsDefinition(), DocumentsModule));
    apps.push(await startTestService(notificationsDefinition(), NotificationsModule));
    nats = await connectNats('client-delivery-test');
    rpc = new RpcClient(nats, 60_000);
    consumer = new EventConsumer(nats, {
      stream: eventStreamOf('notifications'),
      durable: 'client-delivery-test',
      filterSubject: NotificationsEvents.deliveryUpdated.subject,
      handle: deliveryUpdatedHandler(env.client),
      logger: createLogger('client-delivery-test'),
    });
    await consumer.start();
    tenantId = (await rpc.call(ClientsRpc.createTenant, { legalName: 'Infotax, S.A.', email: 'cobranzas@infotax.com.ve', timezone: 'America/Caracas' })).id;
    clientId = (
      await rpc.call(ClientsRpc.createClient, {
        tenantId,
        code: '0000000012',
        legalName: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.',
        emails: ['usuario@galac.com'],
        whatsapp: '04247181811',
      })
    ).id;
    staffId = (await rpc.call(ClientsRpc.createStaffMember, { tenantId, name: 'María Pérez', email: 'maria.perez@infotax.com.ve' })).id;
    await rpc.call(NotificationsRpc.updateSettings, {
      tenantId,
      smtp: { ...sink.settings(), password: 'sink-password' },
      whatsapp: {
        phoneNumberId: PHONE_NUMBER_ID,
        accessToken: ACCESS_TOKEN,
        appSecret: APP_SECRET,
        verifyToken: 'verify-token',
        templates: [
          { documentKind: 'invoice', name: 'factura_documento', linkName: '', language: 'es' },
          { documentKind: 'statement', name: 'estado_de_cuenta', linkName: 'estado_de_cuenta_enlace', language: 'es' },
        ],
        apiBaseUrl: cloud.url,
        apiVersion: 'v22.0',
      },
    });
    await rpc.call(NotificationsRpc.setEntitlement, { tenantId, mode: 'contracted' });
  });

  afterAll(async () => {
    await consumer?.stop();
    await nats?.drain();
    for (const app of apps.reverse()) await app.close();
    await sink?.down();
    await cloud?.stop();
    await env?.teardown();
  });

  const invoice = () =>
    rpc.call(BillingRpc.issueDocument, {
      tenantId,
      clientId,
      kind: 'invoice',
      currency: 'USD',
      paymentTermsDays: 15,
      lines: [{ description: 'Alquiler oficina 3-B', quantity: '1', unitPrice: '450.00', taxRatePercent: '16' }],
    });

  const base = (overrides: Partial<ClientDeliveryRequest> = {}): ClientDeliveryRequest => ({
    tenantId,
    clientId,
    origin: 'user',
    templateKind: 'invoice',
    documentIds: [],
    channels: ['email'],
    email: { includeClient: true, contactIds: [], staffIds: [], extraEmails: [] },
    whatsappTo: '',
    template: 'original',
    customText: '',
    includePortalLink: false,
    sendCopy: false,
    ...overrides,
  });

  const statementInput = (overrides: Partial<ClientDeliveryRequest> = {}) =>
    base({ templateKind: 'statement', statement: { format: 'pdf' }, channels: ['whatsapp'], ...overrides });

  /** Runs a worker on its own task queue while `fn` drives the workflow; answers what fn answers. */
  async function withWorker<T>(input: ClientDeliveryRequest, workflowId: string, fn: (handle: WorkflowHandle<typeof clientDelivery>) => Promise<T>): Promise<T> {
    const taskQueue = `client-delivery-${++queue}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath: require.resolve('../src/workflows'), activities: createActivities({ rpc }) });
    return worker.runUntil(async () => {
      const handle = await env.client.workflow.start(clientDelivery, { taskQueue, workflowId, workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE, args: [input] });
      return fn(handle);
    });
  }

  const statementId = () => statementDeliveryWorkflowId(clientId, `test-${++keys}`);

  /** Polls the query (which never skips time) until the state matches. */
  const stateWhen = (handle: WorkflowHandle, test: (s: ClientDeliveryState) => boolean, what: string) =>
    eventually(async () => {
      const s = await handle.query(deliveryStateQuery);
      return test(s) ? s : undefined;
    }, what);

  const webhook = async (statuses: Parameters<WhatsAppCloudStandIn['webhookBody']>[1]) => {
    const body = Buffer.from(JSON.stringify(cloud.webhookBody(PHONE_NUMBER_ID, statuses)));
    const signature = `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}`;
    return rpc.call(NotificationsRpc.receiveWhatsAppWebhook, { tenantId, body, signature });
  };

  const deliveriesOf = async (workflowId: string) =>
    (await rpc.call(NotificationsRpc.listDeliveries, { tenantId, pageSize: 100 })).items.filter((d) => d.deliveryKey.startsWith(`${workflowId}:`));

  it('emails the PDF and the UBL XML once to each addressee, with the portal link, the copy once, and lists it under the document', async () => {
    sink.clear();
    await rpc.call(PortalRpc.updateSettings, { tenantId, enabled: true, linkInInvoiceEmails: true, baseUrl: 'https://portal.infotax.test' });
    const doc = await invoice();
    const workflowId = documentDeliveryWorkflowId(doc.id);
    const input = base({
      documentIds: [doc.id],
      email: { includeClient: true, contactIds: [], staffIds: [staffId], extraEmails: ['administracion@galac.com'] },
      customText: 'gracias por su pago puntual.',
      includePortalLink: true,
      sendCopy: true,
      requestedBy: { name: 'Ana Rodríguez', email: 'ana.rodriguez@infotax.com.ve' },
    });
    const result = await withWorker(input, workflowId, (h) => h.result());
    expect(result.status).toBe('Delivered');
    expect(result.targets.map((t) => [t.channel, t.recipient, t.status, t.deliveryKey])).toEqual([
      ['email', 'usuario@galac.com', 'accepted', `${workflowId}:email:1`],
      ['email', 'maria.perez@infotax.com.ve', 'accepted', `${workflowId}:email:2`],
      ['email', 'administracion@galac.com', 'accepted', `${workflowId}:email:3`],
    ]);
    expect(result.artifactIds).toHaveLength(2);
    expect(result.portalLinkIncluded).toBe(true);
    const mails = await sink.waitForMessages(3);
    expect(sink.messages).toHaveLength(3);
    for (const mail of mails) {
      expect(mail.subject).toContain(doc.displayNumber);
      expect(mail.attachments.map((a) => a.filename).sort()).toEqual([`Factura_${doc.displayNumber}.pdf`, `Factura_${doc.displayNumber}.xml`]);
      expect(mail.text).toContain('https://portal.infotax.test/');
    }
    const toClient = mails.find((m) => m.envelopeTo.includes('usuario@galac.com'))!;
    expect(toClient.text).toContain('gracias por su pago puntual.');
    // The copy goes once, with the first addressee's message.
    expect(mails.filter((m) => m.envelopeTo.includes('ana.rodriguez@infotax.com.ve'))).toHaveLength(1);
    const listed = await rpc.call(NotificationsRpc.listDeliveries, { tenantId, referenceId: doc.id });
    expect(listed.items.map((d) => d.recipients[0]).sort()).toEqual(['administracion@galac.com', 'maria.perez@infotax.com.ve', 'usuario@galac.com']);
    await rpc.call(PortalRpc.updateSettings, { tenantId, enabled: false });
  });

  it('sends the statement by WhatsApp and waits for the delivered webhook', async () => {
    cloud.clear();
    const workflowId = statementId();
    const result = await withWorker(statementInput(), workflowId, async (handle) => {
      const waiting = await stateWhen(handle, (s) => s.status === 'AwaitingReceipt', 'the workflow awaiting the receipt');
      const target = waiting.targets[0];
      expect(target).toMatchObject({ channel: 'whatsapp', recipient: '+584247181811', deliveryKey: `${workflowId}:whatsapp:1` });
      const sent = await rpc.call(NotificationsRpc.getDelivery, { tenantId, id: target.deliveryId });
      await webhook([{ messageId: sent.providerMessageId, status: 'delivered', recipientId: '584247181811' }]);
      return handle.result();
    });
    expect(result.status).toBe('Delivered');
    expect(result.targets[0].status).toBe('delivered');
    const messages = cloud.requestsTo('messages');
    expect(messages).toHaveLength(1);
    expect(messages[0].json.template.name).toBe('estado_de_cuenta');
    expect(cloud.requestsTo('media')[0].file?.type).toBe('application/pdf');
  });

  it('says "sent, receipt unknown" when no status arrives in time, never delivered', async () => {
    const result = await withWorker(statementInput({ whatsappReceiptWaitMs: 60_000 }), statementId(), (h) => h.result());
    expect(result.status).toBe('Sent');
    expect(result.targets[0].status).toBe('sent_receipt_unknown');
  });

  it('falls back to e-mail when the number is not a WhatsApp user, and deletes the uploaded media', async () => {
    cloud.clear();
    sink.clear();
    const result = await withWorker(statementInput({ whatsappTo: '04141111111' }), statementId(), (h) => h.result());
    expect(result.status).toBe('FellBack');
    expect(result.fallbackReason).toContain('+584141111111');
    expect(result.targets.map((t) => [t.channel, t.status, t.reason])).toEqual([
      ['whatsapp', 'failed', 'requested'],
      ['email', 'accepted', 'fallback'],
    ]);
    expect(result.targets[0].lastErrorCode).toBe('whatsapp.131026');
    expect(cloud.requestsTo('delete')).toHaveLength(1);
    const [mail] = await sink.waitForMessages(1);
    expect(mail.envelopeTo).toEqual(['usuario@galac.com']);
    expect(mail.attachments.map((a) => a.filename)).toEqual([expect.stringMatching(/\.pdf$/)]);
  });

  it('compensates a failure reported later by the webhook: media deleted, e-mail instead', async () => {
    cloud.clear();
    sink.clear();
    const result = await withWorker(statementInput(), statementId(), async (handle) => {
      const waiting = await stateWhen(handle, (s) => s.status === 'AwaitingReceipt', 'the workflow awaiting the receipt');
      const sent = await rpc.call(NotificationsRpc.getDelivery, { tenantId, id: waiting.targets[0].deliveryId });
      await webhook([{ messageId: sent.providerMessageId, status: 'failed', errors: [{ code: 131026, title: 'Message undeliverable' }] }]);
      return handle.result();
    });
    expect(result.status).toBe('FellBack');
    expect(result.targets.map((t) => [t.channel, t.status])).toEqual([
      ['whatsapp', 'failed'],
      ['email', 'accepted'],
    ]);
    await eventually(async () => (cloud.requestsTo('delete').length > 0 ? true : undefined), 'the media deletion');
    await sink.waitForMessages(1);
  });

  it('waits out a mail server that is down for an hour of workflow time, then delivers once', async () => {
    sink.clear();
    await sink.down();
    const workflowId = statementId();
    const result = await withWorker(base({ templateKind: 'statement', statement: { format: 'pdf' } }), workflowId, async (handle) => {
      const retrying = await stateWhen(handle, (s) => s.status === 'Retrying', 'the first retry');
      expect(retrying.targets[0]).toMatchObject({ status: 'retrying', attempt: 1 });
      expect(retrying.summary).toMatch(/^Retrying, attempt 2 to usuario@galac.com, next at /);
      await env.sleep('1 hour');
      const later = await handle.query(deliveryStateQuery);
      expect(later.targets[0].attempt).toBeGreaterThanOrEqual(6);
      await sink.up();
      return handle.result();
    });
    expect(result.status).toBe('Delivered');
    expect(result.targets[0].attempt).toBeGreaterThanOrEqual(7);
    await sink.waitForMessages(1);
    expect(sink.messages).toHaveLength(1);
    const attempts = await deliveriesOf(workflowId);
    expect(attempts.filter((d) => d.status === 'accepted')).toHaveLength(1);
    expect(attempts.filter((d) => d.status === 'failed').every((d) => d.errorKind === 'transient')).toBe(true);
  });

  it('"retry now" cuts the wait', async () => {
    sink.clear();
    await sink.down();
    const result = await withWorker(base({ templateKind: 'statement', statement: { format: 'pdf' } }), statementId(), async (handle) => {
      const retrying = await stateWhen(handle, (s) => s.status === 'Retrying', 'the first retry');
      const nextAt = Date.parse(retrying.targets[0].nextRetryAt);
      await sink.up();
      await handle.executeUpdate(retryNowUpdate);
      // Queries never skip time: reaching Delivered here means the timer was cut, not waited out.
      const done = await stateWhen(handle, (s) => s.status === 'Delivered', 'the delivery after retry now');
      expect(await env.currentTimeMs()).toBeLessThan(nextAt);
      return done;
    });
    expect(result.targets[0]).toMatchObject({ status: 'accepted', attempt: 2 });
    await sink.waitForMessages(1);
    expect(sink.messages).toHaveLength(1);
  });

  it('changes the recipient of a stuck delivery and refuses a bad one at once', async () => {
    sink.clear();
    sink.refuse({ stage: 'rcpt', code: 451, recipient: 'usuario@galac.com', times: Infinity });
    const result = await withWorker(base({ templateKind: 'statement', statement: { format: 'pdf' } }), statementId(), async (handle) => {
      await stateWhen(handle, (s) => s.status === 'Retrying', 'the first retry');
      const refused = await handle.executeUpdate(changeRecipientUpdate, { args: [{ emails: ['no-es-un-correo'] }] }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((refused as WorkflowUpdateFailedError).cause?.message).toBe('the new recipient is not valid');
      const changed = await handle.executeUpdate(changeRecipientUpdate, { args: [{ emails: ['pagos@galac.com'] }] });
      expect(changed.targets.map((t) => [t.recipient, t.status])).toEqual([
        ['usuario@galac.com', 'replaced'],
        ['pagos@galac.com', 'pending'],
      ]);
      return handle.result();
    });
    sink.clearRefusals();
    expect(result.status).toBe('Delivered');
    const [mail] = await sink.waitForMessages(1);
    expect(mail.envelopeTo).toEqual(['pagos@galac.com']);
    expect(sink.messages).toHaveLength(1);
  });

  it('cancels a delivery that is waiting to retry: nothing is sent', async () => {
    sink.clear();
    await sink.down();
    const result = await withWorker(base({ templateKind: 'statement', statement: { format: 'pdf' } }), statementId(), async (handle) => {
      await stateWhen(handle, (s) => s.status === 'Retrying', 'the first retry');
      const cancelled = await handle.executeUpdate(cancelDeliveryUpdate);
      expect(cancelled.cancelRequested).toBe(true);
      return handle.result();
    });
    await sink.up();
    expect(result.status).toBe('Cancelled');
    expect(result.targets[0].status).toBe('cancelled');
    expect(sink.messages).toHaveLength(0);
  });

  it('tells the requester by e-mail when every channel failed', async () => {
    sink.clear();
    cloud.clear();
    sink.refuse({ stage: 'rcpt', code: 550, recipient: 'usuario@galac.com', times: Infinity });
    const result = await withWorker(
      statementInput({ channels: ['whatsapp', 'email'], whatsappTo: '04141111111', requestedBy: { name: 'Ana Rodríguez', email: 'ana.rodriguez@infotax.com.ve' } }),
      statementId(),
      (h) => h.result(),
    );
    sink.clearRefusals();
    expect(result.status).toBe('Failed');
    expect(result.targets.map((t) => [t.channel, t.status])).toEqual([
      ['email', 'failed'],
      ['whatsapp', 'failed'],
    ]);
    expect(result.failureNotice).toMatchObject({ to: 'ana.rodriguez@infotax.com.ve', status: 'accepted' });
    const [notice] = await sink.waitForMessages(1);
    expect(notice.envelopeTo).toEqual(['ana.rodriguez@infotax.com.ve']);
    expect(notice.subject).toBe('No se pudo enviar: el estado de cuenta');
    expect(notice.text).toContain('INFOTAX, INFORMATICA TRIBUTARIA, S.A.');
    expect(notice.text).toContain('usuario@galac.com');
    expect(notice.text).toContain('+584141111111');
  });

  it('delivers once when the worker dies after the send and before reporting it', async () => {
    sink.clear();
    const workflowId = statementId();
    const taskQueue = `client-delivery-${++queue}`;
    const real = createActivities({ rpc });
    let died!: () => void;
    const death = new Promise<void>((resolve) => (died = resolve));
    // The first worker sends for real, then hangs as a dead process would: it never reports the
    // outcome and is shut down by force, so Temporal only learns of it by the activity's timeout.
    const dying = {
      ...real,
      sendDeliveryEmail: async (input: Parameters<typeof real.sendDeliveryEmail>[0]) => {
        await real.sendDeliveryEmail(input);
        died();
        return new Promise<never>(() => undefined);
      },
    };
    // On the dev server: a dead worker is noticed by the real heartbeat timeout (20 s), which the
    // time-skipping server does not run while an activity is outstanding.
    const address = process.env.TEMPORAL_ADDRESS!;
    const connection = await NativeConnection.connect({ address });
    const clientConnection = await Connection.connect({ address });
    const client = new Client({ connection: clientConnection });
    const first = await Worker.create({
      connection,
      taskQueue,
      workflowsPath: require.resolve('../src/workflows'),
      activities: dying,
      shutdownForceTime: '1s',
    });
    const h = await client.workflow.start(clientDelivery, { taskQueue, workflowId, args: [base({ templateKind: 'statement', statement: { format: 'pdf' } })] });
    await first.runUntil(death).catch(() => undefined);
    await sink.waitForMessages(1);
    const second = await Worker.create({ connection, taskQueue, workflowsPath: require.resolve('../src/workflows'), activities: real });
    const result = await second.runUntil(h.result());
    expect(result.status).toBe('Delivered');
    expect(sink.messages).toHaveLength(1);
    const attempts = await deliveriesOf(workflowId);
    expect(attempts.map((d) => [d.attempt, d.status])).toEqual([[1, 'accepted']]);
    // The send ran again on the second worker (after the first one's timed out) and got the recorded outcome.
    const history = await h.fetchHistory();
    const started = history.events!.filter((e) => e.activityTaskStartedEventAttributes).map((e) => Number(e.activityTaskStartedEventAttributes!.attempt));
    expect(Math.max(...started)).toBeGreaterThanOrEqual(2);
    await clientConnection.close();
    await connection.close();
  });
});
