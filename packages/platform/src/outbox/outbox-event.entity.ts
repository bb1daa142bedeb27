import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An event written in the same transaction as the change it describes, then relayed to
 * JetStream with `<service>-outbox-<id>` as message id. Each service has this table in its schema.
 */
@Entity({ tableName: 'outbox_event' })
export class OutboxEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 200 })
  subject!: string;

  @Property({ type: 'blob' })
  payload!: Buffer;

  @Property({ type: 'json' })
  headers: Record<string, string> = {};

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  publishedAt?: Date | null = null;
}
