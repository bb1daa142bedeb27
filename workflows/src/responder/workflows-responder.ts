import { create, fromBinary, toBinary, type DescMessage } from '@bufbuild/protobuf';
import { DeliveryRpc, StatusReplySchema, StatusRequestSchema, SystemRpc, WorkflowsRpc, type RpcContract } from '@cobranza/contracts';
import {
  CORRELATION_HEADER,
  DomainError,
  encodeError,
  LOCALE_HEADER,
  RpcClient,
  serviceVersion,
  ValidationError,
  withRequestScope,
} from '@cobranza/platform';
import type { Client } from '@temporalio/client';
import type { NatsConnection, Service, ServiceMsg } from 'nats';
import type { Logger } from 'pino';
import { DeliveryCommands } from './delivery-commands';
import { ScheduleCommands } from './schedule-commands';

/**
 * The worker's side of NATS request/reply: the gateway and the services update and query
 * workflows through it (schedule commands), and it answers the worker's system status.
 */
export class WorkflowsResponder {
  private service?: Service;
  private readonly schedules: ScheduleCommands;
  private readonly deliveries: DeliveryCommands;

  constructor(
    private readonly connection: NatsConnection,
    private readonly temporal: Client,
    private readonly logger: Logger,
  ) {
    this.schedules = new ScheduleCommands(temporal, new RpcClient(connection));
    this.deliveries = new DeliveryCommands(temporal, new RpcClient(connection));
  }

  async start(): Promise<void> {
    this.service = await this.connection.services.add({ name: 'workflows', version: serviceVersion(), queue: 'workflows' });
    this.service.addEndpoint('system_status', {
      subject: SystemRpc.status.workflows.subject,
      handler: (_error, msg) => {
        fromBinary(StatusRequestSchema, msg.data);
        void this.status().then((checks) =>
          msg.respond(
            toBinary(
              StatusReplySchema,
              create(StatusReplySchema, {
                service: 'workflows',
                version: serviceVersion(),
                ready: Object.values(checks).every((v) => v === 'ok'),
                checks,
              }),
            ),
          ),
        );
      },
    });
    this.endpoint('schedule_pause', WorkflowsRpc.pauseSchedule, (r) => this.schedules.pause(r));
    this.endpoint('schedule_resume', WorkflowsRpc.resumeSchedule, (r) => this.schedules.resume(r));
    this.endpoint('schedule_skip', WorkflowsRpc.skipScheduleEmission, (r) => this.schedules.skip(r));
    this.endpoint('schedule_end', WorkflowsRpc.endSchedule, (r) => this.schedules.end(r));
    this.endpoint('schedule_change_config', WorkflowsRpc.changeScheduleConfig, (r) => this.schedules.changeConfig(r));
    this.endpoint('schedule_state', WorkflowsRpc.scheduleState, (r) => this.schedules.state(r));
    this.endpoint('delivery_start', DeliveryRpc.start, (r) => this.deliveries.start(r));
    this.endpoint('delivery_state', DeliveryRpc.state, (r) => this.deliveries.state(r));
    this.endpoint('delivery_retry_now', DeliveryRpc.retryNow, (r) => this.deliveries.retryNow(r));
    this.endpoint('delivery_change_recipient', DeliveryRpc.changeRecipient, (r) => this.deliveries.changeRecipient(r));
    this.endpoint('delivery_cancel', DeliveryRpc.cancel, (r) => this.deliveries.cancel(r));
  }

  /** A request/reply endpoint with the services' conventions: protobuf bodies, locale, ErrorReply. */
  private endpoint<Req extends DescMessage, Rep extends DescMessage>(
    name: string,
    contract: RpcContract<Req, Rep>,
    handle: (request: never) => Promise<unknown>,
  ): void {
    this.service!.addEndpoint(name, {
      subject: contract.subject,
      handler: (_error, msg) => void this.answer(contract, handle, msg),
    });
  }

  private async answer(contract: RpcContract, handle: (request: never) => Promise<unknown>, msg: ServiceMsg): Promise<void> {
    const scope = { correlationId: msg.headers?.get(CORRELATION_HEADER) || undefined, locale: msg.headers?.get(LOCALE_HEADER) || undefined };
    await withRequestScope(scope, async () => {
      try {
        let request: unknown;
        try {
          request = fromBinary(contract.request, msg.data);
        } catch {
          throw new ValidationError(`The request body is not a valid ${contract.request.typeName}.`);
        }
        const reply = await handle(request as never);
        msg.respond(toBinary(contract.reply, create(contract.reply, reply as never)));
      } catch (error) {
        const domain = error instanceof DomainError ? error : new DomainError('internal_error', 'An unexpected error occurred; it has been logged.', 500);
        if (!(error instanceof DomainError)) this.logger.error({ err: error, subject: msg.subject }, 'unexpected error in workflows endpoint');
        msg.respondError(domain.status, domain.message, encodeError(domain));
      }
    });
  }

  async status(): Promise<Record<string, string>> {
    const checks: Record<string, string> = { nats: this.connection.isClosed() ? 'connection closed' : 'ok' };
    try {
      await this.temporal.connection.workflowService.getSystemInfo({});
      checks.temporal = 'ok';
    } catch (error) {
      checks.temporal = (error as Error).message;
    }
    return checks;
  }

  async stop(): Promise<void> {
    await this.service?.stop().catch(() => undefined);
  }
}
