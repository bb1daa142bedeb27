import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** One link to a client's portal; the token itself is never stored, only its SHA-256. */
@Entity({ tableName: 'portal_link' })
@Index({ name: 'portal_link_client_idx', properties: ['tenantId', 'clientId', 'createdAt'] })
export class PortalLinkRow {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'uuid' })
  clientId!: string;

  /** An email address or an E.164 number. */
  @Property({ type: 'string', length: 254 })
  recipient!: string;

  @Property({ type: 'string', length: 64, unique: true })
  tokenSha256!: string;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  /** The expired link whose renewal issued this one; null when the company issued it. */
  @Property({ type: 'uuid', nullable: true })
  renewedFromId: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
