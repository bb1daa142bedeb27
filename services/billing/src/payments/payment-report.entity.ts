import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A payment a customer reports; pending until the company confirms or rejects it (seed 004). */
@Entity({ tableName: 'payment_report' })
@Unique({ name: 'payment_report_idempotency_unique', properties: ['tenantId', 'idempotencyKey'] })
@Index({ name: 'payment_report_tenant_status_idx', properties: ['tenantId', 'status'] })
export class PaymentReport {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'uuid' })
  clientId!: string;

  /** pending, confirmed or rejected. */
  @Property({ type: 'string', length: 10 })
  status: string = 'pending';

  @Property({ type: 'string', columnType: 'date' })
  date!: string;

  @Property({ type: 'decimal', precision: 20, scale: 4 })
  amount!: string;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'string', length: 20 })
  method!: string;

  @Property({ type: 'string', length: 100 })
  reference: string = '';

  /** The documents the customer says it paid, as { documentId, amount }. */
  @Property({ type: 'json' })
  allocations: Array<{ documentId: string; amount: string }> = [];

  @Property({ type: 'text' })
  notes: string = '';

  @Property({ type: 'string', length: 254 })
  reporterEmail: string = '';

  @Property({ type: 'uuid', nullable: true })
  paymentId?: string | null = null;

  @Property({ type: 'text' })
  rejectReason: string = '';

  @Property({ type: 'string', length: 200, nullable: true })
  idempotencyKey?: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  decidedAt?: Date | null = null;

  /** The receipt (image or PDF) in the artifact store, kind payment_receipt; files never travel in messages. */
  @Property({ type: 'uuid', nullable: true })
  receiptArtifactId?: string | null = null;
}
