import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** One of the tenant's own people ("Recursos Humanos", seed 001): a possible copy recipient. */
@Entity({ tableName: 'staff_member' })
@Index({ properties: ['tenantId', 'name'] })
export class StaffMember {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 254 })
  email!: string;

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'text' })
  searchText: string = '';

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
