import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A fixed-window counter of the portal's rate limits (renewal requests per client and per
 * address). In PostgreSQL so every gateway and clients replica counts against the same window.
 */
@Entity({ tableName: 'portal_rate_window' })
export class PortalRateWindow {
  /** For example `renewal:client:<id>` or `renewal:ip:<address>`. */
  @PrimaryKey({ type: 'string', length: 200 })
  key!: string;

  @PrimaryKey({ type: 'datetime' })
  windowStart!: Date;

  @Property({ type: 'integer' })
  count: number = 0;
}
