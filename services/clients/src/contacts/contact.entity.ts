import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A person in the tenant's contact catalog (seed 001); may be the contact of several clients. */
@Entity({ tableName: 'contact' })
@Index({ properties: ['tenantId', 'name'] })
export class Contact {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 254 })
  email!: string;

  @Property({ type: 'string', length: 20 })
  phone: string = '';

  @Property({ type: 'string', length: 20 })
  phoneE164: string = '';

  @Property({ type: 'text' })
  searchText: string = '';

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
