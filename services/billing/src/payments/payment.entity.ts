import { Collection, Entity, Index, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { SalesDocument } from '../documents/sales-document.entity';

@Entity({ tableName: 'payment' })
@Unique({ name: 'payment_idempotency_unique', properties: ['tenantId', 'idempotencyKey'] })
export class Payment {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'uuid', index: true })
  clientId!: string;

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

  @OneToMany(() => PaymentAllocation, (a) => a.payment)
  allocations = new Collection<PaymentAllocation>(this);

  @Property({ type: 'string', length: 200, nullable: true })
  idempotencyKey?: string | null = null;

  @Property({ type: 'string', length: 64 })
  requestHash: string = '';

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}

/** The part of a payment applied to one document. */
@Entity({ tableName: 'payment_allocation' })
@Index({ name: 'payment_allocation_document_id_index', properties: ['document'] })
export class PaymentAllocation {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Payment, { deleteRule: 'cascade' })
  payment!: Payment;

  @ManyToOne(() => SalesDocument)
  document!: SalesDocument;

  @Property({ type: 'decimal', precision: 20, scale: 4 })
  amount!: string;
}
