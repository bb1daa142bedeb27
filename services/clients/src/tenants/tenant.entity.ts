import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A company that uses the system. The clients service is the source of truth for tenants. */
@Entity({ tableName: 'tenant' })
export class Tenant {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  legalName!: string;

  @Property({ type: 'string', length: 40 })
  taxId!: string;

  @Property({ type: 'string', length: 2 })
  country!: string;

  @Property({ type: 'string', length: 64 })
  timezone!: string;

  @Property({ type: 'string', length: 10 })
  locale!: string;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'string', length: 254 })
  email!: string;

  @Property({ type: 'text' })
  address: string = '';

  /** The artifact of the logo (kind `tenant_logo`) printed on the tenant's PDFs; null when it has none. */
  @Property({ type: 'uuid', nullable: true })
  logoArtifactId: string | null = null;

  /** Increases with every change; other services keep the copy with the highest version. */
  @Property({ type: 'integer' })
  version: number = 1;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
