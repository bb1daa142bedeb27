import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A service's own copy of the tenant settings it needs (time zone, locale, currency), filled by
 * the tenant-onboarding workflow, so it never reads another service's tables.
 */
@Entity({ tableName: 'tenant' })
export class ProvisionedTenant {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 2 })
  country!: string;

  @Property({ type: 'string', length: 64 })
  timezone!: string;

  @Property({ type: 'string', length: 10 })
  locale!: string;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'datetime' })
  provisionedAt: Date = new Date();
}
