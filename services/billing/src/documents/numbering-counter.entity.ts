import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The next number of a tenant's series for one kind of document. Taken with an UPSERT inside the
 * issuing transaction: the row stays locked until commit, so concurrent issues queue up and get
 * consecutive numbers, and a rolled-back issue gives its number back (no gaps).
 */
@Entity({ tableName: 'numbering_counter' })
export class NumberingCounter {
  @PrimaryKey({ type: 'uuid' })
  tenantId!: string;

  @PrimaryKey({ type: 'string', length: 20 })
  kind!: string;

  @PrimaryKey({ type: 'string', length: 4 })
  series!: string;

  @PrimaryKey({ type: 'string', length: 1 })
  letter!: string;

  @Property({ type: 'integer' })
  nextNumber!: number;
}
