import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export interface StoredLine {
  description: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  taxRatePercent: string;
  gross: string;
  discount: string;
  net: string;
  tax: string;
  total: string;
}

/** A quote, order, remission, invoice or credit note. Amounts are exact decimals (strings). */
@Entity({ tableName: 'sales_document' })
@Unique({ name: 'sales_document_number_unique', properties: ['tenantId', 'kind', 'series', 'letter', 'number'] })
@Unique({ name: 'sales_document_idempotency_unique', properties: ['tenantId', 'idempotencyKey'] })
@Index({ name: 'sales_document_client_idx', properties: ['tenantId', 'clientId', 'issueDate'] })
export class SalesDocument {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'string', length: 20 })
  kind!: string;

  /** draft, issued, partially_paid, paid or voided. */
  @Property({ type: 'string', length: 20 })
  status!: string;

  @Property({ type: 'string', length: 4 })
  series!: string;

  @Property({ type: 'string', length: 1 })
  letter: string = '';

  /** Null while a draft: the number is taken when it is issued (the unique key ignores nulls). */
  @Property({ type: 'integer', nullable: true })
  number?: number | null = null;

  @Property({ type: 'uuid' })
  clientId!: string;

  @Property({ type: 'string', length: 20 })
  clientCode!: string;

  @Property({ type: 'string', length: 200 })
  clientName!: string;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'string', columnType: 'date' })
  issueDate!: string;

  /** Empty only on a draft: it takes the time it is issued. */
  @Property({ type: 'string', length: 8 })
  issueTime!: string;

  /** A draft saved without an issue date: issuing dates it that day (issueDate is a placeholder till then). */
  @Property({ type: 'boolean' })
  datedOnIssue: boolean = false;

  @Property({ type: 'integer' })
  paymentTermsDays: number = 0;

  @Property({ type: 'string', columnType: 'date' })
  dueDate!: string;

  @Property({ type: 'json' })
  lines: StoredLine[] = [];

  @Property({ type: 'decimal', precision: 20, scale: 4 })
  gross!: string;

  @Property({ type: 'decimal', precision: 20, scale: 4 })
  discount!: string;

  @Property({ type: 'decimal', precision: 20, scale: 4 })
  net!: string;

  @Property({ type: 'decimal', precision: 20, scale: 4 })
  tax!: string;

  @Property({ type: 'decimal', precision: 20, scale: 4 })
  total!: string;

  /** Sum of the payment allocations; kept in the same transaction that allocates. */
  @Property({ type: 'decimal', precision: 20, scale: 4 })
  paid: string = '0';

  @Property({ type: 'uuid' })
  operationId!: string;

  @Property({ type: 'uuid', nullable: true })
  sourceDocumentId?: string | null = null;

  @Property({ type: 'string', length: 100 })
  batchId: string = '';

  @Property({ type: 'text' })
  notes: string = '';

  @Property({ type: 'string', length: 200, nullable: true })
  idempotencyKey?: string | null = null;

  /** SHA-256 of the request, to tell a retry from a different request reusing a key. */
  @Property({ type: 'string', length: 64 })
  requestHash: string = '';

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  voidedAt?: Date | null = null;

  @Property({ type: 'text' })
  voidReason: string = '';
}
