import { ClientsRpc, NotificationsRpc } from '@cobranza/contracts';
import { connectNats, RpcClient } from '@cobranza/platform';
import { SmtpSink, startTestService } from '@cobranza/testing';
import type { INestApplication } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { AppModule as BillingModule } from '../../services/billing/src/app.module';
import { billingDefinition } from '../../services/billing/src/definition';
import { AppModule as ClientsModule } from '../../services/clients/src/app.module';
import { clientsDefinition } from '../../services/clients/src/definition';
import { AppModule as DocumentsModule } from '../../services/documents/src/app.module';
import { documentsDefinition } from '../../services/documents/src/definition';
import { createGateway } from '../../services/gateway/src/create-gateway';
import { AppModule as NotificationsModule } from '../../services/notifications/src/app.module';
import { notificationsDefinition } from '../../services/notifications/src/definition';
import { startWorkerRuntime, type WorkerRuntime } from '../../workflows/src/runtime';

export interface RunningSystem {
  services: { clients: INestApplication; billing: INestApplication; documents: INestApplication; notifications: INestApplication };
  worker: WorkerRuntime;
  /** Absent when started with `gateway: false`. */
  gateway?: INestApplication;
  /** The gateway's base URL ('' without a gateway). */
  url: string;
  nats: NatsConnection;
  rpc: RpcClient;
  sink: SmtpSink;
  /** A tenant whose email goes to the sink, and its API key's headers. */
  tenantId: string;
  headers: Record<string, string>;
  stop(): Promise<void>;
}

export interface SystemOptions {
  /** Names the NATS connection and the API key. */
  name: string;
  rpcTimeoutMs?: number;
  /** The tenant's IANA time zone; the clients service's default otherwise. */
  timezone?: string;
  /** The From address of the tenant's SMTP settings (the sink's default otherwise). */
  fromAddress?: string;
  gateway?: boolean;
}

/**
 * The whole system in this process against the real servers the test run started: the four
 * services, the worker, the gateway, a real SMTP sink, and a tenant that sends through it.
 */
export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  const sink = await SmtpSink.start();
  const services = {
    clients: await startTestService(clientsDefinition(), ClientsModule),
    billing: await startTestService(billingDefinition(), BillingModule),
    documents: await startTestService(documentsDefinition(), DocumentsModule),
    notifications: await startTestService(notificationsDefinition(), NotificationsModule),
  };
  const worker = await startWorkerRuntime();
  let gateway: INestApplication | undefined;
  let url = '';
  if (options.gateway !== false) {
    gateway = await createGateway();
    await gateway.listen(0, '127.0.0.1');
    url = (await gateway.getUrl()).replace('[::1]', '127.0.0.1');
  }
  const nats = await connectNats(options.name);
  const rpc = new RpcClient(nats, options.rpcTimeoutMs ?? 20_000);
  const tenant = { legalName: 'Inversiones Torre Europa, C.A.', email: 'administracion@torreeuropa.com.ve', timezone: options.timezone };
  const tenantId = (await rpc.call(ClientsRpc.createTenant, tenant)).id;
  const { key } = await rpc.call(ClientsRpc.createApiKey, { tenantId, name: options.name });
  await rpc.call(NotificationsRpc.updateSettings, { tenantId, smtp: { ...sink.settings(options.fromAddress), password: 'sink-password' } });
  return {
    services,
    worker,
    gateway,
    url,
    nats,
    rpc,
    sink,
    tenantId,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    async stop() {
      await nats.drain();
      await gateway?.close();
      await worker.stop();
      for (const app of Object.values(services).reverse()) await app.close();
      await sink.down();
    },
  };
}
