import { create, fromBinary, toBinary, type DescMessage } from '@bufbuild/protobuf';
import type { RpcContract } from '@cobranza/contracts';
import { BaseRpcContext, CustomTransportStrategy, Server, type MessageHandler } from '@nestjs/microservices';
import type { NatsConnection, Service, ServiceMsg } from 'nats';
import { lastValueFrom } from 'rxjs';
import type { Logger } from 'pino';
import { DomainError, ValidationError } from '../errors';
import { connectNats } from './connection';
import { CORRELATION_HEADER, LOCALE_HEADER, withRequestScope } from './correlation';
import { encodeError } from './error-codec';
import { outcomeOf, rpcServerDuration } from '../observability/metrics';
import { extractTraceContext, inSpan, SpanKind } from '../observability/tracing';

export type ContextRunner = <T>(fn: () => Promise<T>) => Promise<T>;

export interface NatsRpcServerOptions {
  /** NATS service name; replicas share it as their queue group so each request reaches one. */
  service: string;
  version: string;
  servers?: string;
  /** Every subject this service answers, with its protobuf request and reply. */
  contracts: RpcContract[];
  logger: Logger;
}

/**
 * NestJS transport over the NATS Services API with protobuf bodies. Each `@MessagePattern(subject)`
 * becomes an endpoint; the request is decoded with the subject's contract, the handler runs in its
 * own context (a forked MikroORM EntityManager), and failures travel as a typed ErrorReply.
 */
export class NatsRpcServer extends Server implements CustomTransportStrategy {
  private connection?: NatsConnection;
  private natsService?: Service;
  private runInContext: ContextRunner = (fn) => fn();
  private readonly contracts: Map<string, RpcContract>;

  constructor(private readonly options: NatsRpcServerOptions) {
    super();
    this.contracts = new Map(options.contracts.map((c) => [c.subject, c]));
  }

  /** Set once the Nest application exists, e.g. to `RequestContext.create(orm.em, fn)`. */
  useContextRunner(runner: ContextRunner): void {
    this.runInContext = runner;
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      this.connection = await connectNats(`${this.options.service}-rpc`, this.options.servers);
      this.natsService = await this.connection.services.add({
        name: this.options.service,
        version: this.options.version,
        queue: this.options.service,
      });
      for (const [pattern, handler] of this.messageHandlers) {
        if (handler.isEventHandler) continue;
        const contract = this.contracts.get(pattern);
        if (!contract) throw new Error(`${this.options.service}: no protobuf contract registered for subject ${pattern}`);
        this.natsService.addEndpoint(pattern.replace(/[.*>]/g, '_'), {
          subject: pattern,
          handler: (error, msg) => {
            if (error) {
              this.options.logger.error({ err: error, subject: pattern }, 'NATS endpoint error');
              return;
            }
            void this.handle(contract, handler, msg);
          },
        });
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  private async handle(contract: RpcContract, handler: MessageHandler, msg: ServiceMsg): Promise<void> {
    const correlationId = msg.headers?.get(CORRELATION_HEADER) || undefined;
    const locale = msg.headers?.get(LOCALE_HEADER) || undefined;
    const parent = extractTraceContext((key) => msg.headers?.get(key) || undefined, () => msg.headers?.keys() ?? []);
    const stopTimer = rpcServerDuration.startTimer({ service: this.options.service, subject: contract.subject });
    await withRequestScope({ correlationId, locale }, () =>
      inSpan(`rpc ${contract.subject}`, { kind: SpanKind.SERVER, parent, attributes: { 'messaging.system': 'nats', 'messaging.destination.name': contract.subject } }, async () => {
        let request: unknown;
        try {
          request = fromBinary(contract.request, msg.data);
        } catch {
          this.replyError(msg, new ValidationError(`The request body is not a valid ${contract.request.typeName}.`));
          stopTimer({ outcome: 'client_error' });
          return;
        }
        try {
          const reply = await this.runInContext(async () => {
            const context = new BaseRpcContext([msg.subject, msg.headers]);
            return lastValueFrom(this.transformToObservable(await handler(request, context)));
          });
          msg.respond(toBinary(contract.reply, create(contract.reply as DescMessage, reply as never)));
          this.options.logger.debug({ subject: msg.subject, ms: stopTimer({ outcome: 'ok' }) * 1000 }, 'rpc handled');
        } catch (error) {
          const failure = this.toDomainError(error, msg.subject);
          stopTimer({ outcome: outcomeOf(failure.status) });
          this.replyError(msg, failure);
        }
      }),
    );
  }

  private toDomainError(error: unknown, subject: string): DomainError {
    if (error instanceof DomainError) return error;
    this.options.logger.error({ err: error, subject }, 'unexpected error in NATS handler');
    return new DomainError('internal_error', 'An unexpected error occurred; it has been logged.', 500);
  }

  private replyError(msg: ServiceMsg, error: DomainError): void {
    msg.respondError(error.status, error.message, encodeError(error));
  }

  on(): never {
    throw new Error('NatsRpcServer does not emit events');
  }

  unwrap<T>(): T {
    if (!this.connection) throw new Error('NatsRpcServer is not listening');
    return this.connection as T;
  }

  async close(): Promise<void> {
    await this.natsService?.stop().catch(() => undefined);
    await this.connection?.drain().catch(() => undefined);
  }
}
