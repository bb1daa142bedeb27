import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A completed batch: its row is written with the batch.completed event, so the event goes out once. */
@Entity({ tableName: 'batch_run' })
export class BatchRun {
  @PrimaryKey({ type: 'uuid' })
  tenantId!: string;

  @PrimaryKey({ type: 'string', length: 100 })
  batchId!: string;

  @Property({ type: 'integer' })
  documents!: number;

  @Property({ type: 'datetime' })
  completedAt: Date = new Date();
}
