import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A client or prospect of a tenant (seeds 000, 001). */
@Entity({ tableName: 'client' })
@Unique({ name: 'client_tenant_code_unique', properties: ['tenantId', 'code'] })
@Index({ name: 'client_tenant_created_idx', properties: ['tenantId', 'createdAt'] })
export class Client {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'string', length: 20 })
  code!: string;

  /** "client" or "prospect". */
  @Property({ type: 'string', length: 10 })
  kind!: string;

  @Property({ type: 'string', length: 200 })
  legalName!: string;

  @Property({ type: 'string', length: 40 })
  taxId: string = '';

  @Property({ type: 'text' })
  address: string = '';

  @Property({ type: 'string', length: 2 })
  country!: string;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'text[]' })
  emails: string[] = [];

  /** National form (VE: 04247181811); empty when the client has none. */
  @Property({ type: 'string', length: 20 })
  whatsapp: string = '';

  @Property({ type: 'string', length: 20 })
  whatsappE164: string = '';

  @Property({ type: 'text' })
  notes: string = '';

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'boolean' })
  autoSend: boolean = false;

  @Property({ type: 'boolean' })
  onlyWhenSeveral: boolean = false;

  @Property({ type: 'text[]' })
  channels: string[] = ['email'];

  /** Code, name, tax id and e-mails, lower-case and without accents, for search. */
  @Property({ type: 'text' })
  searchText: string = '';

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
