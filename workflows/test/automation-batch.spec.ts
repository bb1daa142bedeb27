import { AutomationRpc, BillingRpc, ClientsRpc } from '@cobranza/contracts';
import { RpcClient } from '@cobranza/platform';
import { eventually, SmtpSink } from '@cobranza/testing';
import { WorkflowNotFoundError } from '@temporalio/common';
import type { NatsConnection } from 'nats';
import { batchDeliveryWorkflowId } from '../src/automation/shared';
import { type WorkerRuntime } from '../src/runtime';
import { startSystem, type RunningSystem } from '../../e2e/support/system';

/**
 * Seed 003's automatic sending on the Temporal dev server, with the real worker (its JetStream
 * consumer of evt.billing.batch.completed and the delivery engine), every service and a real SMTP
 * server: with "only multiple", only the client that got two invoices gets one email with both,
 * and the same event delivered again sends nothing more.
 */
describe('automatic sending after a batch', () => {
  let system: RunningSystem;
  let worker: WorkerRuntime;
  let nats: NatsConnection;
  let rpc: RpcClient;
  let sink: SmtpSink;
  let tenantId: string;

  beforeAll(async () => {
    system = await startSystem({ name: 'automation-batch-test', rpcTimeoutMs: 60_000, timezone: 'America/Caracas', gateway: false });
    ({ worker, nats, rpc, sink, tenantId } = system);
  });

  afterAll(async () => {
    await system?.stop();
  });

  const rent = (clientId: string, text: string) => ({
    clientId,
    kind: 'invoice',
    currency: 'USD',
    paymentTermsDays: 5,
    lines: [{ description: text, quantity: '1', unitPrice: '850.00', taxRatePercent: '16' }],
  });

  it('emails the client with two invoices once, with both, and the client with one nothing', async () => {
    await rpc.call(AutomationRpc.updateSettings, { tenantId, autoSend: { enabled: true, recipients: 'only_multiple', subject: '', template: 'original' } });
    const autoSend = { autoSend: true, onlyWhenSeveral: false, channels: ['email'] };
    const twice = (await rpc.call(ClientsRpc.createClient, { tenantId, legalName: 'Farmacia La Candelaria, C.A.', emails: ['pagos@lacandelaria.com.ve'], delivery: autoSend })).id;
    const once = (await rpc.call(ClientsRpc.createClient, { tenantId, legalName: 'Panadería El Trigal', emails: ['caja@eltrigal.com.ve'], delivery: autoSend })).id;
    const batchId = `alquileres-2026-11-${Date.now()}`;
    const batch = await rpc.call(BillingRpc.issueBatch, {
      tenantId,
      batchId,
      items: [rent(twice, 'Alquiler local PB-4, noviembre'), rent(once, 'Alquiler local PB-7, noviembre'), rent(twice, 'Estacionamiento E-12, noviembre')],
    });
    const invoices = batch.documents.filter((d) => d.clientId === twice).map((d) => d.displayNumber);
    expect(invoices).toHaveLength(2);

    // The delivery engine's workflow the event handler started, by its deterministic id.
    const delivery = worker.client.workflow.getHandle(batchDeliveryWorkflowId(batchId, twice));
    await eventually(() => delivery.describe().catch(() => undefined), 'the batch delivery workflow', 60_000);
    const firstRun = (await delivery.describe()).runId;
    await delivery.result();
    const [mail] = await sink.waitForMessages(1, 60_000);
    expect(mail.envelopeTo).toEqual(['pagos@lacandelaria.com.ve']);
    expect(mail.attachments.map((a) => a.filename).sort()).toEqual(invoices.flatMap((n) => [`Factura_${n}.pdf`, `Factura_${n}.xml`]).sort());
    await expect(worker.client.workflow.getHandle(batchDeliveryWorkflowId(batchId, once)).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);

    // The same event delivered again (JetStream redelivers after a lost ack): nothing new starts or is sent.
    const jsm = await nats.jetstreamManager();
    const original = await jsm.streams.getMessage('EVT_BILLING', { last_by_subj: 'evt.billing.batch.completed' });
    await nats.jetstream().publish('evt.billing.batch.completed', original.data, { msgID: `redelivered-${batchId}` });
    await eventually(async () => {
      const info = await jsm.consumers.info('EVT_BILLING', 'workflows-batch-completed');
      return info.num_pending === 0 && info.num_ack_pending === 0 && info.delivered.stream_seq > original.seq ? true : undefined;
    }, 'the redelivered event to be handled');
    expect((await delivery.describe()).runId).toBe(firstRun);
    await expect(worker.client.workflow.getHandle(batchDeliveryWorkflowId(batchId, once)).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
    expect(sink.messages).toHaveLength(1);
  });

  it('sends nothing when the tenant has automatic sending off', async () => {
    sink.clear();
    await rpc.call(AutomationRpc.updateSettings, { tenantId, autoSend: { enabled: false, recipients: 'all', subject: '', template: 'original' } });
    const client = (await rpc.call(ClientsRpc.createClient, { tenantId, legalName: 'Ferretería El Tornillo', emails: ['compras@eltornillo.com.ve'], delivery: { autoSend: true, onlyWhenSeveral: false, channels: ['email'] } })).id;
    const batchId = `off-${Date.now()}`;
    await rpc.call(BillingRpc.issueBatch, { tenantId, batchId, items: [rent(client, 'Alquiler depósito D-1'), rent(client, 'Alquiler depósito D-2')] });
    const jsm = await nats.jetstreamManager();
    const event = await eventually(async () => {
      const msg = await jsm.streams.getMessage('EVT_BILLING', { last_by_subj: 'evt.billing.batch.completed' });
      return Buffer.from(msg.data).includes(batchId) ? msg : undefined;
    }, 'the batch.completed event');
    await eventually(async () => {
      const info = await jsm.consumers.info('EVT_BILLING', 'workflows-batch-completed');
      return info.num_pending === 0 && info.num_ack_pending === 0 && info.delivered.stream_seq >= event.seq ? true : undefined;
    }, 'the event to be handled');
    await expect(worker.client.workflow.getHandle(batchDeliveryWorkflowId(batchId, client)).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
    expect(sink.messages).toHaveLength(0);
  });
});
