import { ClientsRpc, NotificationsRpc } from '@cobranza/contracts';
import { connectNats, RpcClient } from '@cobranza/platform';
import { eventually, freePort, migrate, ServiceProcess, SmtpSink } from '@cobranza/testing';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { Connection, Client as TemporalClient } from '@temporalio/client';
import type { NatsConnection } from 'nats';
import { billingDefinition } from '../services/billing/src/definition';
import { clientsDefinition } from '../services/clients/src/definition';
import { documentsDefinition } from '../services/documents/src/definition';
import { notificationsDefinition } from '../services/notifications/src/definition';

type Json = Record<string, any>;

/** What an OpenTelemetry collector would receive over OTLP/HTTP (JSON). */
class OtlpReceiver {
  readonly spans: Array<{ service: string; traceId: string; name: string; attributes: Record<string, unknown> }> = [];
  private server?: Server;

  async start(): Promise<number> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.url === '/v1/traces') this.collect(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    const port = await freePort();
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return port;
  }

  private collect(body: Json): void {
    for (const resourceSpans of body.resourceSpans ?? []) {
      const service = resourceSpans.resource?.attributes?.find((a: Json) => a.key === 'service.name')?.value?.stringValue ?? '?';
      for (const scope of resourceSpans.scopeSpans ?? []) {
        for (const span of scope.spans ?? []) {
          const attributes = Object.fromEntries((span.attributes ?? []).map((a: Json) => [a.key, Object.values(a.value ?? {})[0]]));
          this.spans.push({ service, traceId: span.traceId, name: span.name, attributes });
        }
      }
    }
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/**
 * Every process as in production (the built services, gateway and worker, each its own OS
 * process), traced to a local OTLP receiver: one HTTP request that ends in an email is followed
 * by its correlation id in the logs of several processes and by one trace across them, and
 * every process answers /metrics with its named series.
 */
describe('observability across processes', () => {
  const root = join(__dirname, '..');
  const processes: ServiceProcess[] = [];
  const ports: Record<string, number> = {};
  const receiver = new OtlpReceiver();
  let sink: SmtpSink;
  let nats: NatsConnection;
  let headers: Record<string, string>;
  let clientId: string;

  const byName = (name: string) => processes.find((p) => p.name === name)!;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    const otlpPort = await receiver.start();
    for (const definition of [clientsDefinition(), billingDefinition(), documentsDefinition(), notificationsDefinition()]) await migrate(definition);
    const common = { LOG_LEVEL: 'debug', OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${otlpPort}`, HTTP_HOST: '127.0.0.1' };
    const entries: Array<[string, string]> = [
      ['clients', 'services/clients'],
      ['billing', 'services/billing'],
      ['documents', 'services/documents'],
      ['notifications', 'services/notifications'],
      ['workflows', 'workflows'],
      ['gateway', 'services/gateway'],
    ];
    for (const [name, path] of entries) {
      ports[name] = await freePort();
      const extra: Record<string, string> = name === 'workflows' ? { TEMPORAL_METRICS_PORT: String(await freePort()) } : {};
      processes.push(ServiceProcess.start(name, root, path, { ...common, ...extra, HTTP_PORT: String(ports[name]) }));
    }
    for (const p of processes) {
      await eventually(
        async () => {
          if (!p.running) throw new Error(`${p.name} exited:\n${p.lines.slice(-20).join('\n')}`);
          const res = await fetch(`http://127.0.0.1:${ports[p.name]}/health/ready`).catch(() => undefined);
          return res?.status === 200 ? true : undefined;
        },
        `${p.name} to be ready`,
        90_000,
      );
    }

    nats = await connectNats('observability-e2e');
    const rpc = new RpcClient(nats, 20_000);
    const tenant = await rpc.call(ClientsRpc.createTenant, { legalName: 'Inversiones Torre Europa, C.A.', email: 'administracion@torreeuropa.com.ve' });
    const { key } = await rpc.call(ClientsRpc.createApiKey, { tenantId: tenant.id, name: 'observability e2e' });
    headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    clientId = (await rpc.call(ClientsRpc.createClient, { tenantId: tenant.id, code: '0000000012', legalName: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.', emails: ['cobranzas@infotax.com.ve'] })).id;
    await rpc.call(NotificationsRpc.updateSettings, { tenantId: tenant.id, smtp: { ...sink.settings(), password: 'sink-password' } });
  }, 180_000);

  afterAll(async () => {
    await nats?.drain();
    for (const p of processes.reverse()) await p.stop();
    // Kept for whoever reads a failure: .run/observability/<process>.log
    mkdirSync(join(root, '.run', 'observability'), { recursive: true });
    for (const p of processes) writeFileSync(join(root, '.run', 'observability', `${p.name}.log`), p.lines.join('\n'));
    await receiver.stop();
    await sink?.down();
  }, 60_000);

  it('follows one request from the gateway to the email: one correlation id in the logs of every process on the path, one trace', async () => {
    const correlationId = `obs-${randomUUID()}`;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Caracas' }).format(new Date());
    const res = await fetch(`http://127.0.0.1:${ports.gateway}/v1/recurring-schedules`, {
      method: 'POST',
      headers: { ...headers, 'x-correlation-id': correlationId },
      body: JSON.stringify({
        clientId,
        documentKind: 'invoice',
        lines: [{ description: 'Licencia anual Sistema Administrativo', quantity: '1', unitPrice: '360.00', taxRatePercent: '16' }],
        currency: 'USD',
        paymentTermsDays: 15,
        dayRule: 'day_of_month',
        day: 26,
        cycleMonths: 12,
        startDate: '2030-03-26',
        emissionHour: 0,
        maxDocuments: 1,
        importedNextEmissionDate: today,
        recipients: { includeClient: true, customText: '' },
      }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-correlation-id')).toBe(correlationId);
    const [mail] = await sink.waitForMessages(1, 90_000);
    expect(mail.envelopeTo).toEqual(['cobranzas@infotax.com.ve']);

    // Logs: the same id in the gateway, the service that stored the schedule, the worker and the sender.
    const withId = await eventually(async () => {
      const services = new Set(processes.filter((p) => p.json().some((line) => line.correlationId === correlationId)).map((p) => p.name));
      return ['gateway', 'billing', 'workflows', 'notifications'].every((s) => services.has(s)) ? services : undefined;
    }, 'log lines with the correlation id in the gateway, billing, the worker and notifications');
    expect(withId.size).toBeGreaterThanOrEqual(4);
    const sendLine = byName('notifications')
      .json()
      .find((line) => line.correlationId === correlationId && String(line.subject ?? '').startsWith('rpc.notifications.email.send'));
    expect(sendLine).toBeDefined();
    // Recipients' addresses never reach the logs.
    for (const p of processes) expect(p.lines.join('\n')).not.toContain('cobranzas@infotax.com.ve');

    // Traces: the gateway's server span starts a trace that billing, the worker and notifications continue.
    const traced = await eventually(async () => {
      const root = receiver.spans.find((s) => s.service === 'gateway' && s.attributes['http.route'] === '/v1/recurring-schedules');
      if (!root) return undefined;
      const services = new Set(receiver.spans.filter((s) => s.traceId === root.traceId).map((s) => s.service));
      return ['gateway', 'billing', 'workflows', 'notifications'].every((s) => services.has(s)) ? root.traceId : undefined;
    }, 'one trace from the gateway through billing and the worker to notifications', 30_000);
    const names = receiver.spans.filter((s) => s.traceId === traced).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['rpc rpc.billing.schedule.create', 'rpc rpc.notifications.email.send']));
    expect(names.some((n) => n.startsWith('RunActivity:'))).toBe(true);
  });

  it('answers /metrics on every process with its named series', async () => {
    const scrape = async (name: string) => {
      const res = await fetch(`http://127.0.0.1:${ports[name]}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/plain');
      return res.text();
    };
    const gateway = await scrape('gateway');
    expect(gateway).toMatch(/cobranza_http_request_duration_seconds_count\{method="POST",route="\/v1\/recurring-schedules",status="201"\} 1/);
    expect(gateway).toContain('cobranza_rpc_client_duration_seconds_count{subject="rpc.billing.schedule.create",outcome="ok"}');
    expect(gateway).toContain('process_resident_memory_bytes');

    const notifications = await scrape('notifications');
    expect(notifications).toContain('cobranza_rpc_server_duration_seconds_count{service="notifications",subject="rpc.notifications.email.send",outcome="ok"}');
    // Workflows left by earlier test files may also send through these processes: at least ours.
    expect(notifications).toMatch(/cobranza_deliveries_total\{channel="email",status="accepted"\} [1-9]/);

    const documents = await scrape('documents');
    expect(documents).toMatch(/cobranza_document_render_duration_seconds_count\{kind="invoice",format="pdf"\} [1-9]/);

    // The schedule reports "completed" to billing once its workflow has finished. The gauge counts
    // every tenant in the database, which earlier test files share: at least this one.
    await eventually(async () => {
      const completed = /cobranza_schedules\{status="completed"\} (\d+)/.exec(await scrape('billing'));
      return completed && Number(completed[1]) >= 1 ? true : undefined;
    }, 'billing to count the completed schedule');

    const worker = await scrape('workflows');
    expect(worker).toContain('cobranza_rpc_client_duration_seconds_count{subject="rpc.billing.document.issue"');
    // The Temporal SDK's own worker metrics, from its core.
    expect(worker).toMatch(/temporal_workflow_completed|temporal_activity_execution_latency/);
  });

  it('gives every workflow of the system its tenant as a search attribute and a memo, for the Temporal UI', async () => {
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
    try {
      const temporal = new TemporalClient({ connection });
      const seen: string[] = [];
      for await (const execution of temporal.workflow.list()) {
        seen.push(execution.type);
        expect({ type: execution.type, tenant: execution.searchAttributes.TenantId?.[0] }).toEqual({ type: execution.type, tenant: expect.any(String) });
        expect({ type: execution.type, memo: Object.keys(execution.memo ?? {}).length > 0 }).toEqual({ type: execution.type, memo: true });
      }
      // At least the path of the request above (the server also holds earlier test files' workflows,
      // which the checks above cover too): onboarding, the schedule, the delivery of what it issued.
      expect([...new Set(seen)]).toEqual(expect.arrayContaining(['tenantOnboarding', 'recurringSchedule', 'clientDelivery']));
    } finally {
      await connection.close();
    }
  });
});
