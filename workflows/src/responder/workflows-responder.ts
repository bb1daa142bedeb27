import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { StatusReplySchema, StatusRequestSchema, SystemRpc } from '@cobranza/contracts';
import { serviceVersion } from '@cobranza/platform';
import type { Client } from '@temporalio/client';
import type { NatsConnection, Service } from 'nats';

/**
 * The worker's side of NATS request/reply: the gateway and the services start, signal, update
 * and query workflows through it. For now it answers the system status.
 */
export class WorkflowsResponder {
  private service?: Service;

  constructor(
    private readonly connection: NatsConnection,
    private readonly temporal: Client,
  ) {}

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
