import { BillingRpc, ClientsRpc, NotificationsRpc } from '@cobranza/contracts';
import { connectNats, RpcClient } from '@cobranza/platform';
import { eventually, SmtpSink, startTestService } from '@cobranza/testing';
import type { INestApplication } from '@nestjs/common';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { NatsConnection } from 'nats';
import { AppModule as BillingModule } from '../../services/billing/src/app.module';
import { billingDefinition } from '../../services/billing/src/definition';
import { AppModule as ClientsModule } from '../../services/clients/src/app.module';
import { clientsDefinition } from '../../services/clients/src/definition';
import { AppModule as DocumentsModule } from '../../services/documents/src/app.module';
import { documentsDefinition } from '../../services/documents/src/definition';
import { AppModule as NotificationsModule } from '../../services/notifications/src/app.module';
import { notificationsDefinition } from '../../services/notifications/src/definition';
import { createActivities } from '../src/activities';
import { documentDeliveryWorkflowId } from '../src/document-delivery/shared';
import { documentEmailDelivery } from '../src/workflows';
import { createTimeSkippingEnv } from './time-skipping-env';

/**
 * An issued invoice emailed by its delivery workflow with the real activities: billing, documents
 * (Chromium) and notifications over NATS, into a real SMTP server.
 */
describe('documentEmailDelivery workflow', () => {
  let env: TestWorkflowEnvironment;
  const apps: INestApplication[] = [];
  let nats: NatsConnection;
  let rpc: RpcClient;
  let sink: SmtpSink;
  let tenantId: string;
  let clientId: string;
  let staffId: string;
  let queue = 0;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    sink = await SmtpSink.start();
    apps.push(await startTestService(clientsDefinition(), ClientsModule));
    apps.push(await startTestService(billingDefinition(), BillingModule));
    apps.push(await startTestService(documentsDefinition(), DocumentsModule));
    apps.push(await startTestService(notificationsDefinition(), NotificationsModule));
    nats = await connectNats('document-delivery-test');
    rpc = new RpcClient(nats, 60_000);
    tenantId = (await rpc.call(ClientsRpc.createTenant, { legalName: 'Infotax, S.A.', email: 'cobranzas@infotax.com.ve', timezone: 'America/Caracas' })).id;
    clientId = (
      await rpc.call(ClientsRpc.createClient, { tenantId, code: '0000000012', legalName: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.', emails: ['usuario@galac.com'] })
    ).id;
    staffId = (await rpc.call(ClientsRpc.createStaffMember, { tenantId, name: 'María Pérez', email: 'maria.perez@infotax.com.ve' })).id;
    await rpc.call(NotificationsRpc.updateSettings, { tenantId, smtp: { ...sink.settings(), password: 'sink-password' } });
  });

  afterAll(async () => {
    await nats?.drain();
    for (const app of apps.reverse()) await app.close();
    await sink?.down();
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

  async function run(documentId: string, fn?: () => Promise<void>) {
    const taskQueue = `delivery-${++queue}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath: require.resolve('../src/workflows'), activities: createActivities({ rpc }) });
    return worker.runUntil(async () => {
      const handle = await env.client.workflow.start(documentEmailDelivery, {
        taskQueue,
        workflowId: documentDeliveryWorkflowId(documentId),
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        args: [{ tenantId, clientId, documentId, documentKind: 'invoice', recipients: { includeClient: true, contactIds: [], staffIds: [staffId], customText: 'gracias por su pago puntual.' } }],
      });
      await fn?.();
      return handle.result();
    });
  }

  it('emails the PDF and the UBL XML to the client and the chosen staff member, once each', async () => {
    sink.clear();
    const doc = await invoice();
    const result = await run(doc.id);
    expect(result.outcomes.map((o) => [o.email, o.status, o.attempts])).toEqual([
      ['usuario@galac.com', 'accepted', 1],
      ['maria.perez@infotax.com.ve', 'accepted', 1],
    ]);
    const mails = await sink.waitForMessages(2);
    expect(mails.map((m) => m.envelopeTo).sort()).toEqual([['maria.perez@infotax.com.ve'], ['usuario@galac.com']]);
    for (const mail of mails) {
      expect(mail.subject).toContain(doc.displayNumber);
      expect(mail.attachments.map((a) => a.filename).sort()).toEqual([`Factura_${doc.displayNumber}.pdf`, `Factura_${doc.displayNumber}.xml`]);
    }
    expect(mails.find((m) => m.envelopeTo[0] === 'usuario@galac.com')!.text).toContain('gracias por su pago puntual.');
  });

  it('waits out a mail server that is down, then delivers once', async () => {
    sink.clear();
    const doc = await invoice();
    await sink.down();
    const result = await run(doc.id, async () => {
      // The first attempt fails transiently; the server comes back before the durable retry timer.
      await eventually(async () => {
        const { items } = await rpc.call(NotificationsRpc.listDeliveries, { tenantId, clientId });
        return items.some((d) => d.deliveryKey.startsWith(documentDeliveryWorkflowId(doc.id)) && d.status === 'failed') ? true : undefined;
      }, 'a failed first attempt');
      await sink.up();
    });
    expect(result.outcomes.map((o) => [o.email, o.status])).toEqual([
      ['usuario@galac.com', 'accepted'],
      ['maria.perez@infotax.com.ve', 'accepted'],
    ]);
    expect(result.outcomes[0].attempts).toBeGreaterThanOrEqual(2);
    await sink.waitForMessages(2);
    expect(sink.messages).toHaveLength(2);
  });
});
