import { CORRELATION_HEADER, ensureStream, extractTraceContext, inSpan, SpanKind, withRequestScope } from '@cobranza/platform';
import { AckPolicy, DeliverPolicy, nanos, type ConsumerMessages, type JsMsg, type NatsConnection } from 'nats';
import type { Logger } from 'pino';

export interface EventConsumerOptions {
  stream: { name: string; subjects: string[] };
  /** Durable consumer name; replicas of the worker share it, so each event reaches one. */
  durable: string;
  filterSubject: string;
  /** Must be idempotent: JetStream redelivers when an ack is lost. */
  handle: (msg: JsMsg) => Promise<void>;
  logger: Logger;
}

/** Consumes one durable JetStream consumer; acks after the handler succeeds, naks with a delay otherwise. */
export class EventConsumer {
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;

  constructor(
    private readonly connection: NatsConnection,
    private readonly options: EventConsumerOptions,
  ) {}

  async start(): Promise<void> {
    const { stream, durable, filterSubject } = this.options;
    await ensureStream(this.connection, stream);
    const jsm = await this.connection.jetstreamManager();
    await jsm.consumers.add(stream.name, {
      durable_name: durable,
      filter_subject: filterSubject,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(30_000),
      max_deliver: -1,
    });
    const consumer = await this.connection.jetstream().consumers.get(stream.name, durable);
    this.messages = await consumer.consume({ max_messages: 16 });
    this.loop = this.run(this.messages);
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    for await (const msg of messages) {
      try {
        // The event carries the correlation id and trace of the request that caused it.
        const correlationId = msg.headers?.get(CORRELATION_HEADER) || undefined;
        const parent = extractTraceContext((key) => msg.headers?.get(key) || undefined, () => msg.headers?.keys() ?? []);
        await withRequestScope({ correlationId }, () =>
          inSpan(`event ${msg.subject}`, { kind: SpanKind.CONSUMER, parent, attributes: { 'messaging.system': 'nats', 'messaging.destination.name': msg.subject } }, async () => {
            await this.options.handle(msg);
            this.options.logger.info({ subject: msg.subject, seq: msg.seq }, 'event handled');
          }),
        );
        msg.ack();
      } catch (error) {
        const delayMs = Math.min(60_000, 1000 * 2 ** Math.min(msg.info.redeliveryCount, 6));
        this.options.logger.warn({ err: error, subject: msg.subject, seq: msg.seq, delayMs }, 'event handling failed; redelivering');
        msg.nak(delayMs);
      }
    }
  }

  async stop(): Promise<void> {
    await this.messages?.close();
    await this.loop;
  }
}
