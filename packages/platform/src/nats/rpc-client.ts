import { create, fromBinary, toBinary, type DescMessage, type MessageInitShape, type MessageShape } from '@bufbuild/protobuf';
import type { RpcContract } from '@cobranza/contracts';
import { randomUUID } from 'node:crypto';
import { ErrorCode, headers as natsHeaders, ServiceError, type Msg, type NatsConnection, type NatsError } from 'nats';
import { rpcTimeoutMs } from '../config';
import { DomainError, ServiceUnavailableError } from '../errors';
import { CORRELATION_HEADER, currentCorrelationId, currentLocale, LOCALE_HEADER } from './correlation';
import { decodeError } from './error-codec';
import { outcomeOf, rpcClientDuration } from '../observability/metrics';
import { injectTraceContext, inSpan, SpanKind } from '../observability/tracing';

export interface CallOptions {
  timeoutMs?: number;
  correlationId?: string;
  /** Language of the error messages, e.g. "en"; defaults to the current request's. */
  locale?: string;
}

/**
 * Typed request/reply over NATS. Every call has a timeout; "no responders" and timeouts become
 * ServiceUnavailableError (503 at the gateway); a remote domain error is rethrown as DomainError.
 */
export class RpcClient {
  constructor(
    private readonly connection: NatsConnection,
    private readonly defaultTimeoutMs = rpcTimeoutMs(),
  ) {}

  async call<Req extends DescMessage, Res extends DescMessage>(
    contract: RpcContract<Req, Res>,
    request: MessageInitShape<Req>,
    options: CallOptions = {},
  ): Promise<MessageShape<Res>> {
    const stopTimer = rpcClientDuration.startTimer({ subject: contract.subject });
    try {
      const reply = await inSpan(`rpc ${contract.subject}`, { kind: SpanKind.CLIENT, attributes: { 'messaging.system': 'nats', 'messaging.destination.name': contract.subject } }, () =>
        this.request(contract, request, options),
      );
      stopTimer({ outcome: 'ok' });
      return reply;
    } catch (error) {
      stopTimer({ outcome: error instanceof ServiceUnavailableError ? 'unavailable' : error instanceof DomainError ? outcomeOf(error.status) : 'server_error' });
      throw error;
    }
  }

  private async request<Req extends DescMessage, Res extends DescMessage>(
    contract: RpcContract<Req, Res>,
    request: MessageInitShape<Req>,
    options: CallOptions,
  ): Promise<MessageShape<Res>> {
    const headers = natsHeaders();
    injectTraceContext((key, value) => headers.set(key, value));
    headers.set(CORRELATION_HEADER, options.correlationId ?? currentCorrelationId() ?? randomUUID());
    const locale = options.locale ?? currentLocale();
    if (locale) headers.set(LOCALE_HEADER, locale);
    let reply: Msg;
    try {
      reply = await this.connection.request(contract.subject, toBinary(contract.request, create(contract.request, request)), {
        timeout: options.timeoutMs ?? this.defaultTimeoutMs,
        headers,
      });
    } catch (error) {
      const code = (error as NatsError).code;
      if (code === ErrorCode.NoResponders) throw new ServiceUnavailableError(contract.subject, 'no_responders');
      if (code === ErrorCode.Timeout) throw new ServiceUnavailableError(contract.subject, 'timeout');
      throw error;
    }
    if (ServiceError.isServiceError(reply)) {
      if (reply.data.length > 0) throw decodeError(reply.data);
      const serviceError = ServiceError.toServiceError(reply);
      throw new DomainError('internal_error', serviceError?.message ?? 'remote error', serviceError?.code ?? 500);
    }
    return fromBinary(contract.reply, reply.data);
  }
}
