import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { PORTAL_LINK_TTL_DAYS_DEFAULT } from '@cobranza/contracts';

/** A tenant's customer portal settings (seed 002's "Portal Clientes"); no row: the defaults (off). */
@Entity({ tableName: 'portal_settings' })
export class PortalSettingsRow {
  @PrimaryKey({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'boolean' })
  enabled: boolean = false;

  @Property({ type: 'boolean' })
  linkInInvoiceEmails: boolean = false;

  @Property({ type: 'integer' })
  linkTtlDays: number = PORTAL_LINK_TTL_DAYS_DEFAULT;

  /** Empty: PORTAL_BASE_URL. */
  @Property({ type: 'string', length: 300 })
  baseUrl: string = '';

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
