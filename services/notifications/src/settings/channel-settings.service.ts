import type { SetWhatsAppEntitlementRequest, UpdateChannelSettingsRequest } from '@cobranza/contracts';
import type { MessageInitShape } from '@bufbuild/protobuf';
import type { ChannelSettingsSchema, WhatsAppEntitlementSchema } from '@cobranza/contracts';
import { messageLanguage, type ProvisionedTenant } from '@cobranza/platform';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { domainError, fieldErrors, message } from '../common/messages';
import { NotificationTenants } from '../tenants/notification-tenants';
import { ChannelSettingsRow, type WhatsAppTemplateRef } from './channel-settings.entity';
import { decideEntitlement, ENTITLEMENT_MODES, isIsoDate, todayIn } from './domain/entitlement';
import { checkSmtpInput, checkWhatsAppInput, last4 } from './domain/settings-rules';
import { SecretBox } from './secret-box';
import { SmtpTransports } from '../email/smtp-transports';

/** Decrypted SMTP settings; only ever held in memory for a send. */
export interface SmtpConfig {
  host: string;
  port: number;
  tlsMode: 'starttls' | 'tls' | 'none';
  user: string;
  password: string;
  fromAddress: string;
  version: number;
}

/** Decrypted Cloud API settings; only ever held in memory for a send. */
export interface WhatsAppConfig {
  phoneNumberId: string;
  accessToken: string;
  baseUrl: string;
  apiVersion: string;
  templates: WhatsAppTemplateRef[];
}

export const DEFAULT_WHATSAPP_BASE_URL = () => process.env.WHATSAPP_API_BASE_URL || 'https://graph.facebook.com';
export const DEFAULT_WHATSAPP_API_VERSION = () => process.env.WHATSAPP_API_VERSION || 'v22.0';

/** AAD of each encrypted column: the tenant and the field, so ciphertexts cannot be swapped. */
const context = (tenantId: string, field: string): string => `notifications:${tenantId}:${field}`;

@Injectable()
export class ChannelSettingsService {
  constructor(
    private readonly em: EntityManager,
    private readonly box: SecretBox,
    private readonly tenants: NotificationTenants,
    private readonly transports: SmtpTransports,
  ) {}

  private async row(tenantId: string): Promise<ChannelSettingsRow | null> {
    return this.em.fork().findOne(ChannelSettingsRow, { tenantId });
  }

  async view(tenantId: string): Promise<MessageInitShape<typeof ChannelSettingsSchema>> {
    const tenant = await this.tenants.get(tenantId);
    const row = (await this.row(tenant.id)) ?? Object.assign(new ChannelSettingsRow(), { tenantId: tenant.id, updatedAt: new Date(0) });
    return {
      tenantId: tenant.id,
      smtp: {
        configured: !!(row.smtpHost && row.smtpFromAddress),
        host: row.smtpHost ?? '',
        port: row.smtpPort ?? 0,
        tlsMode: row.smtpTlsMode ?? '',
        user: row.smtpUser ?? '',
        passwordConfigured: !!row.smtpPasswordEnc,
        fromAddress: row.smtpFromAddress ?? '',
      },
      whatsapp: {
        configured: !!(row.waPhoneNumberId && row.waAccessTokenEnc),
        phoneNumberId: row.waPhoneNumberId ?? '',
        accessTokenConfigured: !!row.waAccessTokenEnc,
        accessTokenLast4: row.waAccessTokenLast4 ?? '',
        appSecretConfigured: !!row.waAppSecretEnc,
        verifyTokenConfigured: !!row.waVerifyTokenEnc,
        templates: row.waTemplates,
        apiBaseUrl: row.waApiBaseUrl ?? '',
        apiVersion: row.waApiVersion ?? '',
      },
      entitlement: this.entitlementOf(row, tenant),
      version: row.version,
      updatedAt: row.version > 0 ? row.updatedAt.toISOString() : '',
    };
  }

  async update(request: UpdateChannelSettingsRequest) {
    const tenant = await this.tenants.get(request.tenantId);
    const errors = fieldErrors();
    const smtp = request.smtp
      ? {
          host: request.smtp.host.trim(),
          port: request.smtp.port,
          tlsMode: request.smtp.tlsMode.trim().toLowerCase() || 'starttls',
          user: request.smtp.user.trim(),
          password: request.smtp.password,
          fromAddress: request.smtp.fromAddress.trim(),
        }
      : undefined;
    const whatsapp = request.whatsapp
      ? {
          phoneNumberId: request.whatsapp.phoneNumberId.trim(),
          accessToken: request.whatsapp.accessToken,
          appSecret: request.whatsapp.appSecret,
          verifyToken: request.whatsapp.verifyToken,
          templates: request.whatsapp.templates.map((t) => ({
            documentKind: t.documentKind.trim(),
            name: t.name.trim(),
            linkName: t.linkName.trim(),
            language: t.language.trim() || 'es',
          })),
          apiBaseUrl: request.whatsapp.apiBaseUrl.trim().replace(/\/+$/, ''),
          apiVersion: request.whatsapp.apiVersion.trim(),
        }
      : undefined;
    for (const p of smtp ? checkSmtpInput(smtp) : []) errors.add(p.field, p.code, p.params);
    for (const p of whatsapp ? checkWhatsAppInput(whatsapp) : []) errors.add(p.field, p.code, p.params);
    errors.throwIfAny();

    const em = this.em.fork();
    await em.transactional(async (tx) => {
      let row = await tx.findOne(ChannelSettingsRow, { tenantId: tenant.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!row) {
        row = Object.assign(new ChannelSettingsRow(), { tenantId: tenant.id });
        tx.persist(row);
      }
      if (request.clearSmtp) {
        Object.assign(row, { smtpHost: null, smtpPort: null, smtpTlsMode: null, smtpUser: null, smtpPasswordEnc: null, smtpFromAddress: null });
      } else if (smtp) {
        row.smtpHost = smtp.host;
        row.smtpPort = smtp.port;
        row.smtpTlsMode = smtp.tlsMode;
        row.smtpUser = smtp.user || null;
        row.smtpFromAddress = smtp.fromAddress;
        if (smtp.password !== undefined) row.smtpPasswordEnc = smtp.password === '' ? null : this.box.encrypt(smtp.password, context(tenant.id, 'smtp_password'));
      }
      if (request.clearWhatsapp) {
        Object.assign(row, {
          waPhoneNumberId: null,
          waAccessTokenEnc: null,
          waAccessTokenLast4: null,
          waAppSecretEnc: null,
          waVerifyTokenEnc: null,
          waTemplates: [],
          waApiBaseUrl: null,
          waApiVersion: null,
        });
      } else if (whatsapp) {
        row.waPhoneNumberId = whatsapp.phoneNumberId;
        row.waTemplates = whatsapp.templates;
        row.waApiBaseUrl = whatsapp.apiBaseUrl || null;
        row.waApiVersion = whatsapp.apiVersion || null;
        if (whatsapp.accessToken !== undefined) {
          row.waAccessTokenEnc = this.box.encrypt(whatsapp.accessToken, context(tenant.id, 'wa_access_token'));
          row.waAccessTokenLast4 = last4(whatsapp.accessToken);
        }
        if (whatsapp.appSecret !== undefined) row.waAppSecretEnc = this.box.encrypt(whatsapp.appSecret, context(tenant.id, 'wa_app_secret'));
        if (whatsapp.verifyToken !== undefined) row.waVerifyTokenEnc = this.box.encrypt(whatsapp.verifyToken, context(tenant.id, 'wa_verify_token'));
      }
      row.version += 1;
      row.updatedAt = new Date();
    });
    this.transports.invalidate(tenant.id);
    return this.view(tenant.id);
  }

  async entitlement(tenantId: string): Promise<MessageInitShape<typeof WhatsAppEntitlementSchema>> {
    const tenant = await this.tenants.get(tenantId);
    const row = await this.row(tenant.id);
    return this.entitlementOf(row, tenant);
  }

  async setEntitlement(request: SetWhatsAppEntitlementRequest) {
    const tenant = await this.tenants.get(request.tenantId);
    const mode = request.mode.trim();
    const freeUntil = request.freeUntil.trim();
    const errors = fieldErrors();
    if (!(ENTITLEMENT_MODES as readonly string[]).includes(mode)) errors.add('mode', 'entitlement.mode_invalid', { value: mode });
    if (mode === 'free_until' && !isIsoDate(freeUntil)) errors.add('freeUntil', 'entitlement.date_invalid');
    errors.throwIfAny();
    const em = this.em.fork();
    await em.transactional(async (tx) => {
      let row = await tx.findOne(ChannelSettingsRow, { tenantId: tenant.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!row) {
        row = Object.assign(new ChannelSettingsRow(), { tenantId: tenant.id });
        tx.persist(row);
      }
      row.entitlementMode = mode;
      row.entitlementFreeUntil = mode === 'free_until' ? freeUntil : null;
      row.version += 1;
      row.updatedAt = new Date();
    });
    return this.entitlement(tenant.id);
  }

  /** Refuses the WhatsApp channel, with the reason, when the tenant may not use it today (seed 000). */
  async assertWhatsAppAllowed(tenant: ProvisionedTenant): Promise<void> {
    const entitlement = this.entitlementOf(await this.row(tenant.id), tenant);
    if (!entitlement.allowed) throw domainError('whatsapp.not_entitled', 403, { explanation: entitlement.explanation ?? '' });
  }

  private entitlementOf(row: ChannelSettingsRow | null, tenant: ProvisionedTenant) {
    const mode = row?.entitlementMode ?? 'disabled';
    const freeUntil = row?.entitlementFreeUntil ?? '';
    const decision = decideEntitlement(mode, freeUntil, todayIn(tenant.timezone), messageLanguage());
    return { mode, freeUntil, allowed: decision.allowed, explanation: message(decision.reason, decision.params) };
  }

  async smtpConfig(tenantId: string): Promise<SmtpConfig> {
    const row = await this.row(tenantId);
    if (!row?.smtpHost || !row.smtpPort || !row.smtpFromAddress) throw domainError('smtp.not_configured', 422);
    return {
      host: row.smtpHost,
      port: row.smtpPort,
      tlsMode: (row.smtpTlsMode ?? 'starttls') as SmtpConfig['tlsMode'],
      user: row.smtpUser ?? '',
      password: row.smtpPasswordEnc ? this.box.decrypt(row.smtpPasswordEnc, context(tenantId, 'smtp_password')) : '',
      fromAddress: row.smtpFromAddress,
      version: row.version,
    };
  }

  async whatsappConfig(tenantId: string): Promise<WhatsAppConfig> {
    const row = await this.row(tenantId);
    if (!row?.waPhoneNumberId || !row.waAccessTokenEnc) throw domainError('whatsapp.not_configured', 422);
    return {
      phoneNumberId: row.waPhoneNumberId,
      accessToken: this.box.decrypt(row.waAccessTokenEnc, context(tenantId, 'wa_access_token')),
      baseUrl: row.waApiBaseUrl || DEFAULT_WHATSAPP_BASE_URL(),
      apiVersion: row.waApiVersion || DEFAULT_WHATSAPP_API_VERSION(),
      templates: row.waTemplates,
    };
  }

  /** The app secret that signs the tenant's webhooks; undefined when none is stored. */
  async appSecret(tenantId: string): Promise<string | undefined> {
    const row = await this.row(tenantId);
    return row?.waAppSecretEnc ? this.box.decrypt(row.waAppSecretEnc, context(tenantId, 'wa_app_secret')) : undefined;
  }

  async verifyToken(tenantId: string): Promise<string | undefined> {
    const row = await this.row(tenantId);
    return row?.waVerifyTokenEnc ? this.box.decrypt(row.waVerifyTokenEnc, context(tenantId, 'wa_verify_token')) : undefined;
  }
}
