import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

export interface WhatsAppTemplateRef {
  documentKind: string;
  name: string;
  linkName: string;
  language: string;
}

/**
 * A tenant's channel settings. Secrets are stored only encrypted (`*_enc`, AES-256-GCM, see
 * SecretBox) and never leave this service; host, user and addresses are not secrets.
 */
@Entity({ tableName: 'channel_settings' })
export class ChannelSettingsRow {
  @PrimaryKey({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'string', length: 253, nullable: true })
  smtpHost?: string | null = null;

  @Property({ type: 'integer', nullable: true })
  smtpPort?: number | null = null;

  @Property({ type: 'string', length: 10, nullable: true })
  smtpTlsMode?: string | null = null;

  @Property({ type: 'string', length: 254, nullable: true })
  smtpUser?: string | null = null;

  @Property({ type: 'text', nullable: true })
  smtpPasswordEnc?: string | null = null;

  @Property({ type: 'string', length: 254, nullable: true })
  smtpFromAddress?: string | null = null;

  @Property({ type: 'string', length: 30, nullable: true })
  waPhoneNumberId?: string | null = null;

  @Property({ type: 'text', nullable: true })
  waAccessTokenEnc?: string | null = null;

  @Property({ type: 'string', length: 4, nullable: true })
  waAccessTokenLast4?: string | null = null;

  @Property({ type: 'text', nullable: true })
  waAppSecretEnc?: string | null = null;

  @Property({ type: 'text', nullable: true })
  waVerifyTokenEnc?: string | null = null;

  @Property({ type: 'json' })
  waTemplates: WhatsAppTemplateRef[] = [];

  @Property({ type: 'string', length: 300, nullable: true })
  waApiBaseUrl?: string | null = null;

  @Property({ type: 'string', length: 10, nullable: true })
  waApiVersion?: string | null = null;

  /** seed 000: disabled, free_until or contracted. */
  @Property({ type: 'string', length: 12 })
  entitlementMode: string = 'disabled';

  @Property({ type: 'date', nullable: true })
  entitlementFreeUntil?: string | null = null;

  /** Increases with every change; pooled SMTP transports are rebuilt when it moves. */
  @Property({ type: 'integer' })
  version: number = 0;

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
