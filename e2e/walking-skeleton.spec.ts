import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { ClientsEvents, ClientsRpc, ErrorReplySchema, TenancyRpc, TenantCreatedSchema } from '@cobranza/contracts';
import { connectNats, DomainError, RpcClient, ServiceUnavailableError } from '@cobranza/platform';
import { eventually, startTestService } from '@cobranza/testing';
import type { INestApplication } from '@nestjs/common';
import { headers as natsHeaders, ServiceError, type NatsConnection } from 'nats';
import { AppModule as BillingModule } from '../services/billing/src/app.module';
import { billingDefinition } from '../services/billing/src/definition';
import { AppModule as ClientsModule } from '../services/clients/src/app.module';
import { clientsDefinition } from '../services/clients/src/definition';
import { AppModule as DocumentsModule } from '../services/documents/src/app.module';
import { documentsDefinition } from '../services/documents/src/definition';
import { createGateway } from '../services/gateway/src/create-gateway';
import { AppModule as NotificationsModule } from '../services/notifications/src/app.module';
import { notificationsDefinition } from '../services/notifications/src/definition';
import { startWorkerRuntime, type WorkerRuntime } from '../workflows/src/runtime';
import { tenantOnboardingWorkflowId, tenantSettingsSyncWorkflowId, type TenantOnboardingResult } from '../workflows/src/tenant-onboarding/shared';

/**
 * The walking skeleton, against the real servers started by scripts/test.sh: the gateway over
 * HTTP, four services over NATS request/reply with their own schemas, the outbox relaying to
 * JetStream, and the worker turning an event into a Temporal workflow on the dev server.
 */
describe('walking skeleton', () => {
  const services: Record<string, INestApplication> = {};
  let gateway: INestApplication;
  let gatewayUrl: string;
  let worker: WorkerRuntime;
  let nats: NatsConnection;
  let rpc: RpcClient;
  let auth: { authorization: string };

  beforeAll(async () => {
    services.clients = await startTestService(clientsDefinition(), ClientsModule);
    services.billing = await startTestService(billingDefinition(), BillingModule);
    services.documents = await startTestService(documentsDefinition(), DocumentsModule);
    services.notifications = await startTestService(notificationsDefinition(), NotificationsModule);
    worker = await startWorkerRuntime();
    gateway = await createGateway();
    await gateway.listen(0, '127.0.0.1');
    gatewayUrl = (await gateway.getUrl()).replace('[::1]', '127.0.0.1');
    nats = await connectNats('skeleton-test');
    rpc = new RpcClient(nats);
    const operator = await rpc.call(ClientsRpc.createTenant, { legalName: 'Operador, C.A.', email: 'ops@operador.com' });
    const { key } = await rpc.call(ClientsRpc.createApiKey, { tenantId: operator.id, name: 'skeleton test' });
    auth = { authorization: `Bearer ${key}` };
  });

  afterAll(async () => {
    await nats?.drain();
    await gateway?.close();
    await worker?.stop();
    for (const app of Object.values(services)) await app.close();
  });

  it('an HTTP request to the gateway reaches each service over NATS and returns their answers', async () => {
    const res = await fetch(`${gatewayUrl}/v1/system/status`, { headers: auth });
    const body = (await res.json()) as { ready: boolean; services: Array<Record<string, unknown>> };
    expect(res.status).toBe(200);
    expect(body.ready).toBe(true);
    expect(body.services.map((s) => s.service)).toEqual(['clients', 'billing', 'documents', 'notifications', 'workflows']);
    for (const s of body.services) expect(s).toMatchObject({ reachable: true, ready: true });
    const documents = body.services.find((s) => s.service === 'documents')!;
    expect(documents.checks).toEqual({ database: 'ok', nats: 'ok', chromium: 'ok' });
    expect((documents.migrations as string[])[0]).toMatch(/^Migration\d+_initial$/);
    expect(body.services.find((s) => s.service === 'workflows')!.checks).toEqual({ nats: 'ok', temporal: 'ok' });
  });

  it('provisions a tenant copy once when requests race to create it', async () => {
    const tenantId = '3a9c1f2e-8b7d-4c6e-9f0a-1b2c3d4e5f60';
    const command = { tenantId, legalName: 'Carrera, C.A.', country: 'VE', timezone: 'America/Caracas', locale: 'es-VE', currency: 'VES', version: 1 };
    const replies = await Promise.all(Array.from({ length: 6 }, () => rpc.call(TenancyRpc.provision.documents, command)));
    expect(replies.filter((r) => r.created)).toHaveLength(1);
  });

  it('serves the OpenAPI document and problem+json for unknown routes', async () => {
    const doc = (await (await fetch(`${gatewayUrl}/docs/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain('/v1/system/status');
    const res = await fetch(`${gatewayUrl}/v1/nope`, { headers: auth });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ code: 'route.not_found', status: 404 });
  });

  it('sends domain errors over NATS as a typed code and message', async () => {
    const call = rpc.call(ClientsRpc.createTenant, { legalName: 'Infotax, S.A.', email: 'no-es-un-correo', timezone: 'Marte/Olimpo' });
    await expect(call).rejects.toBeInstanceOf(DomainError);
    await expect(call).rejects.toMatchObject({
      code: 'validation_failed',
      status: 400,
      details: {
        email: 'El correo no-es-un-correo no es válido; debe tener la forma usuario@dominio.com.',
        timezone: 'Zona horaria desconocida: Marte/Olimpo. Ejemplo: America/Caracas.',
      },
    });
    await expect(rpc.call(ClientsRpc.getTenant, { id: '00000000-0000-0000-0000-000000000000' })).rejects.toMatchObject({
      code: 'tenant.not_found',
      status: 404,
    });
  });

  it('answers a malformed protobuf body with a validation error, not a crash', async () => {
    const reply = await nats.request(ClientsRpc.getTenant.subject, new Uint8Array([0xff, 0xff, 0xff]), { timeout: 3000 });
    expect(ServiceError.isServiceError(reply)).toBe(true);
    expect(fromBinary(ErrorReplySchema, reply.data)).toMatchObject({ code: 'validation_failed', status: 400 });
  });

  it('turns "no responders" into 503 service.unavailable, at the client and at the gateway', async () => {
    await expect(rpc.call({ ...ClientsRpc.getTenant, subject: 'rpc.nobody.tenant.get' }, { id: 'x' })).rejects.toBeInstanceOf(
      ServiceUnavailableError,
    );
    await services.billing.close();
    delete services.billing;
    const res = await fetch(`${gatewayUrl}/v1/system/status`, { headers: auth });
    const body = (await res.json()) as { ready: boolean; services: Array<Record<string, unknown>> };
    expect(res.status).toBe(503);
    expect(body.services.find((s) => s.service === 'billing')).toMatchObject({ reachable: false, error: 'service.unavailable' });
    services.billing = await startTestService(billingDefinition(), BillingModule);
  });

  it('an event on JetStream starts one workflow with a deterministic id, even when delivered twice', async () => {
    const tenant = await rpc.call(ClientsRpc.createTenant, {
      legalName: 'Infotax, S.A.',
      taxId: 'J-30012345-6',
      email: 'cobranzas@infotax.com.ve',
    });
    expect(tenant).toMatchObject({ country: 'VE', timezone: 'America/Caracas', locale: 'es-VE', currency: 'VES' });

    // The outbox relay publishes evt.clients.tenant.created; the worker starts the workflow.
    const handle = worker.client.workflow.getHandle(tenantOnboardingWorkflowId(tenant.id));
    const first = await eventually(() => handle.describe().catch(() => undefined), 'the onboarding workflow to start');
    const result = (await handle.result()) as TenantOnboardingResult;
    expect(result.provisioned).toEqual([
      { service: 'billing', created: true, changed: true },
      { service: 'documents', created: true, changed: true },
      { service: 'notifications', created: true, changed: true },
    ]);
    expect(first.searchAttributes.TenantId).toEqual([tenant.id]);

    // A second delivery of the same event (a new message id, as after the duplicate window).
    const js = nats.jetstream();
    const payload = toBinary(TenantCreatedSchema, create(TenantCreatedSchema, { tenant }));
    const h = natsHeaders();
    h.set('x-correlation-id', 'redelivery-test');
    const ack = await js.publish(ClientsEvents.tenantCreated.subject, payload, { msgID: `redelivery-${tenant.id}`, headers: h });
    const jsm = await nats.jetstreamManager();
    await eventually(async () => {
      const info = await jsm.consumers.info(ack.stream, 'workflows-tenant-created');
      return info.ack_floor.stream_seq >= ack.seq ? info : undefined;
    }, 'the worker to acknowledge the duplicate event');

    const executions = [];
    for await (const execution of worker.client.workflow.list({ query: `WorkflowId = "${handle.workflowId}"` })) executions.push(execution);
    expect(executions).toHaveLength(1);
    expect((await handle.describe()).runId).toBe(first.runId);

    // A change of settings reaches every service's copy through evt.clients.tenant.updated.
    const updated = await rpc.call(ClientsRpc.updateTenant, { id: tenant.id, timezone: 'America/Bogota', currency: 'COP' });
    expect(updated.version).toBe(2);
    const sync = worker.client.workflow.getHandle(tenantSettingsSyncWorkflowId(tenant.id, 2));
    await eventually(() => sync.describe().catch(() => undefined), 'the settings sync workflow to start');
    expect(((await sync.result()) as TenantOnboardingResult).provisioned).toEqual([
      { service: 'billing', created: false, changed: true },
      { service: 'documents', created: false, changed: true },
      { service: 'notifications', created: false, changed: true },
    ]);
  });
});
