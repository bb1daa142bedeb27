import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A service's own copy of the tenant settings it needs (time zone, locale, currency), filled by
 * the tenant-onboarding workflow, so it never reads another service's tables.
 */
@Entity({ tableName: 'tenant' })
export class ProvisionedTenant {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 200 })
  legalName: string = '';

  @Property({ type: 'string', length: 2 })
  country!: string;

  @Property({ type: 'string', length: 64 })
  timezone!: string;

  @Property({ type: 'string', length: 10 })
  locale!: string;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  /** The tenant's version in the clients service; an older copy never overwrites a newer one. */
  @Property({ type: 'integer' })
  version: number = 0;

  @Property({ type: 'datetime' })
  provisionedAt: Date = new Date();
}
