import { LockMode, type MikroORM } from '@mikro-orm/core';
import { headers as natsHeaders, type JetStreamClient, type NatsConnection } from 'nats';
import type { Logger } from 'pino';
import { ensureStream } from '../nats/jetstream';
import { OutboxEvent } from './outbox-event.entity';

export interface OutboxRelayOptions {
  service: string;
  stream: { name: string; subjects: string[] };
  pollMs?: number;
  batchSize?: number;
  /** Published rows older than this are deleted; JetStream keeps its own copy. */
  retentionDays?: number;
}

/**
 * Moves outbox rows to JetStream. Rows are locked with SKIP LOCKED so replicas share the work;
 * a row is marked published only after JetStream acknowledged it. A crash between the two
 * republishes with the same message id: JetStream drops it inside its duplicate window, and
 * consumers remember what they processed for anything older.
 */
export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private running = false;
  private stopped = false;
  private js?: JetStreamClient;
  private lastPrune = 0;

  constructor(
    private readonly orm: MikroORM,
    private readonly connection: NatsConnection,
    private readonly logger: Logger,
    private readonly options: OutboxRelayOptions,
  ) {}

  async start(): Promise<void> {
    await ensureStream(this.connection, this.options.stream);
    this.js = this.connection.jetstream();
    this.schedule(0);
  }

  /** Publish now instead of at the next poll (called after a flush that recorded events). */
  kick(): void {
    if (!this.stopped) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.running) await new Promise((r) => setTimeout(r, 20));
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = true;
    let published = 0;
    try {
      published = await this.publishBatch();
      await this.pruneOccasionally();
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox relay: publishing failed, will retry');
    } finally {
      this.running = false;
    }
    if (!this.stopped) this.schedule(published > 0 ? 0 : (this.options.pollMs ?? 500));
  }

  async publishBatch(): Promise<number> {
    const js = this.js;
    if (!js) throw new Error('outbox relay not started');
    const em = this.orm.em.fork();
    return em.transactional(async (tx) => {
      const rows = await tx.find(
        OutboxEvent,
        { publishedAt: null },
        { orderBy: { id: 'asc' }, limit: this.options.batchSize ?? 100, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
      );
      for (const row of rows) {
        const headers = natsHeaders();
        for (const [key, value] of Object.entries(row.headers)) headers.set(key, value);
        await js.publish(row.subject, row.payload, { msgID: `${this.options.service}-outbox-${row.id}`, headers });
        row.publishedAt = new Date();
      }
      return rows.length;
    });
  }

  private async pruneOccasionally(): Promise<void> {
    if (Date.now() - this.lastPrune < 3600_000) return;
    this.lastPrune = Date.now();
    const cutoff = new Date(Date.now() - (this.options.retentionDays ?? 7) * 86400_000);
    await this.orm.em.fork().nativeDelete(OutboxEvent, { publishedAt: { $lt: cutoff } });
  }
}
