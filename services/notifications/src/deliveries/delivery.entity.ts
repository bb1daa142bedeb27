import { ArrayType, Collection, Entity, Index, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * One attempt to send one message. The intent is stored (status "sending") and committed before
 * the provider is called; (tenant, delivery key, attempt) is unique, so the same key never sends
 * two messages at once.
 */
@Entity({ tableName: 'delivery' })
@Unique({ properties: ['tenantId', 'deliveryKey', 'attempt'] })
@Index({ properties: ['tenantId', 'createdAt'] })
@Index({ properties: ['tenantId', 'clientId', 'createdAt'] })
@Index({ properties: ['tenantId', 'status'] })
@Index({ properties: ['tenantId', 'providerMessageId'] })
@Index({ name: 'delivery_reference_ids_index', expression: 'create index "delivery_reference_ids_index" on "notifications"."delivery" using gin ("reference_ids")' })
export class Delivery {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'string', length: 200 })
  deliveryKey!: string;

  @Property({ type: 'integer' })
  attempt: number = 1;

  /** SHA-256 of what was asked, so a key reused for another message is refused. */
  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  @Property({ type: 'string', length: 10 })
  channel!: 'email' | 'whatsapp';

  @Property({ type: 'uuid', nullable: true })
  clientId?: string | null = null;

  @Property({ type: 'string', length: 20 })
  documentKind!: string;

  @Property({ type: 'json' })
  recipients: string[] = [];

  @Property({ type: 'string', length: 254, nullable: true })
  copyTo?: string | null = null;

  @Property({ type: 'json' })
  artifactIds: string[] = [];

  /** What the message is about (document ids, a statement's client, a schedule): lists one document's sends from any path. */
  @Property({ type: ArrayType, columnType: 'text[]', default: '{}' })
  referenceIds: string[] = [];

  @Property({ type: 'string', length: 300, nullable: true })
  providerMessageId?: string | null = null;

  /** WhatsApp media uploaded for this message, deleted once no longer needed. */
  @Property({ type: 'json' })
  mediaIds: string[] = [];

  @Property({ type: 'datetime', nullable: true })
  mediaDeletedAt?: Date | null = null;

  @Property({ type: 'string', length: 10 })
  status!: string;

  @Property({ type: 'string', length: 60, nullable: true })
  errorCode?: string | null = null;

  @Property({ type: 'text', nullable: true })
  errorMessage?: string | null = null;

  @Property({ type: 'string', length: 10, nullable: true })
  errorKind?: string | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  fallback?: string | null = null;

  @Property({ type: 'text', nullable: true })
  subject?: string | null = null;

  @Property({ type: 'string', length: 400, nullable: true })
  sender?: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();

  @OneToMany(() => DeliveryStatusEvent, (e) => e.delivery, { orderBy: { occurredAt: 'asc', id: 'asc' } })
  history = new Collection<DeliveryStatusEvent>(this);
}

/** One status a delivery went through; a status is recorded once per delivery (webhooks repeat). */
@Entity({ tableName: 'delivery_status_event' })
@Unique({ properties: ['delivery', 'status'] })
export class DeliveryStatusEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Delivery, { deleteRule: 'cascade' })
  delivery!: Delivery;

  @Property({ type: 'string', length: 10 })
  status!: string;

  @Property({ type: 'datetime' })
  occurredAt!: Date;

  @Property({ type: 'datetime' })
  recordedAt: Date = new Date();

  /** system or webhook. */
  @Property({ type: 'string', length: 10 })
  source!: string;

  @Property({ type: 'string', length: 60, nullable: true })
  errorCode?: string | null = null;

  @Property({ type: 'text', nullable: true })
  detail?: string | null = null;
}
