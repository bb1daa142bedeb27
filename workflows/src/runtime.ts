import { AutomationEvents, BillingEvents, ClientsEvents, eventStreamOf, NotificationsEvents } from '@cobranza/contracts';
import { connectNats, createLogger, RpcClient, temporalAddress, temporalNamespace, tracingExport } from '@cobranza/platform';
import { OpenTelemetryPlugin, OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { NatsConnection } from 'nats';
import { createActivities } from './activities';
import { EventConsumer } from './events/event-consumer';
import { correlationActivityInterceptor, correlationClientInterceptor } from './observability/correlation-interceptors';
import { automationUpdatedHandler, tenantZoneChangedHandler } from './events/automation-events.handler';
import { batchCompletedHandler } from './events/batch-events.handler';
import { paymentReportedHandler } from './events/payment-report-events.handler';
import { deliveryUpdatedHandler } from './events/delivery-events.handler';
import { scheduleCreatedHandler } from './events/schedule-events.handler';
import { tenantCreatedHandler, tenantUpdatedHandler } from './events/tenant-events.handler';
import { WorkflowsResponder } from './responder/workflows-responder';
import { MAIN_TASK_QUEUE } from './task-queues';

export interface WorkerRuntime {
  client: Client;
  nats: NatsConnection;
  responder: WorkflowsResponder;
  stop(): Promise<void>;
}

export interface WorkerRuntimeOptions {
  natsUrl?: string;
  temporalAddress?: string;
  namespace?: string;
  taskQueue?: string;
}

/**
 * Everything the worker process runs: the Temporal worker (workflows + activities calling the
 * services over NATS), the JetStream consumers that turn events into workflows, and the NATS
 * responder for workflow requests.
 */
export async function startWorkerRuntime(options: WorkerRuntimeOptions = {}): Promise<WorkerRuntime> {
  const logger = createLogger('workflows');
  const address = options.temporalAddress ?? temporalAddress();
  const namespace = options.namespace ?? temporalNamespace();
  const taskQueue = options.taskQueue ?? MAIN_TASK_QUEUE;

  const nats = await connectNats('workflows', options.natsUrl);
  const rpc = new RpcClient(nats);
  const clientConnection = await Connection.connect({ address });
  // Tracing (when an OTLP endpoint is configured) and the correlation id follow requests into workflows.
  const tracing = tracingExport();
  const client = new Client({
    connection: clientConnection,
    namespace,
    interceptors: { workflow: tracing ? [correlationClientInterceptor, new OpenTelemetryWorkflowClientInterceptor()] : [correlationClientInterceptor] },
  });
  const workerConnection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection: workerConnection,
    namespace,
    taskQueue,
    workflowsPath: require.resolve('./workflows'),
    activities: createActivities({ rpc }),
    interceptors: {
      workflowModules: [require.resolve('./observability/workflow-interceptors')],
      activity: [(ctx) => ({ inbound: correlationActivityInterceptor(ctx) })],
    },
    plugins: tracing ? [new OpenTelemetryPlugin({ resource: tracing.resource, spanProcessor: new BatchSpanProcessor(tracing.exporter) })] : [],
  });
  const running = worker.run();

  const consumers = [
    new EventConsumer(nats, {
      stream: eventStreamOf('clients'),
      durable: 'workflows-tenant-created',
      filterSubject: ClientsEvents.tenantCreated.subject,
      handle: tenantCreatedHandler(client),
      logger,
    }),
    new EventConsumer(nats, {
      stream: eventStreamOf('clients'),
      durable: 'workflows-tenant-updated',
      filterSubject: ClientsEvents.tenantUpdated.subject,
      handle: tenantUpdatedHandler(client),
      logger,
    }),
    new EventConsumer(nats, {
      stream: eventStreamOf('billing'),
      durable: 'workflows-schedule-created',
      filterSubject: BillingEvents.scheduleCreated.subject,
      handle: scheduleCreatedHandler(client),
      logger,
    }),
    new EventConsumer(nats, {
      stream: eventStreamOf('notifications'),
      durable: 'workflows-delivery-updated',
      filterSubject: NotificationsEvents.deliveryUpdated.subject,
      handle: deliveryUpdatedHandler(client),
      logger,
    }),
    // The company's email about a customer's payment report (issue 9, the customer portal).
    new EventConsumer(nats, {
      stream: eventStreamOf('billing'),
      durable: 'workflows-payment-reported',
      filterSubject: BillingEvents.paymentReported.subject,
      handle: paymentReportedHandler(rpc, logger),
      logger,
    }),
    // Automations (issue 8): automatic sending after a batch, the reminder Schedule, scheduled statements.
    new EventConsumer(nats, {
      stream: eventStreamOf('billing'),
      durable: 'workflows-batch-completed',
      filterSubject: BillingEvents.batchCompleted.subject,
      handle: batchCompletedHandler(client, rpc, logger),
      logger,
    }),
    new EventConsumer(nats, {
      stream: eventStreamOf('billing'),
      durable: 'workflows-automation-updated',
      filterSubject: AutomationEvents.settingsUpdated.subject,
      handle: automationUpdatedHandler(client, rpc),
      logger,
    }),
    new EventConsumer(nats, {
      stream: eventStreamOf('clients'),
      durable: 'workflows-automation-tenant-updated',
      filterSubject: ClientsEvents.tenantUpdated.subject,
      handle: tenantZoneChangedHandler(client, rpc),
      logger,
    }),
  ];
  for (const consumer of consumers) await consumer.start();
  const responder = new WorkflowsResponder(nats, client, logger);
  await responder.start();
  logger.info({ address, namespace, taskQueue }, 'worker started');

  return {
    client,
    nats,
    responder,
    async stop() {
      await responder.stop();
      for (const consumer of consumers) await consumer.stop();
      worker.shutdown();
      await running;
      await workerConnection.close();
      await clientConnection.close();
      await nats.drain().catch(() => undefined);
    },
  };
}
