import { ClientsRpc, SUPPORTED_LOCALES } from '@cobranza/contracts';
import { ProvisionedTenant, provisionTenant, RpcClient } from '@cobranza/platform';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { labelsFor, type Labels } from '../rendering/domain/labels';
import { DEFAULT_LOCALE, localeFormat, type Language, type LocaleFormat } from '../rendering/domain/locale-format';
import { fieldErrors, isUuid, notFound } from './messages';

/** What a template needs to print in the tenant's way. */
export interface RenderContext {
  tenant: ProvisionedTenant;
  format: LocaleFormat;
  language: Language;
  labels: Labels;
}

/**
 * The documents service's copy of the tenant (name, locale, time zone, currency), filled by the
 * onboarding workflow; a request that arrives first fetches the tenant from the clients service.
 */
@Injectable()
export class DocumentTenants {
  constructor(
    private readonly em: EntityManager,
    private readonly rpc: RpcClient,
  ) {}

  async get(tenantId: string): Promise<ProvisionedTenant> {
    if (!isUuid(tenantId)) throw notFound('tenant.not_found');
    const copy = await this.em.findOne(ProvisionedTenant, { id: tenantId });
    if (copy?.legalName) return copy;
    const tenant = await this.rpc.call(ClientsRpc.getTenant, { id: tenantId });
    if (copy) {
      this.em.assign(copy, { legalName: tenant.legalName });
      await this.em.flush();
      return copy;
    }
    await provisionTenant(this.em.fork(), { ...tenant, tenantId: tenant.id });
    return this.em.findOneOrFail(ProvisionedTenant, { id: tenantId });
  }

  /**
   * The tenant and the language of the file: the requested locale (es-VE, es-CO, es-AR, es-MX,
   * en) or, by default, the tenant's.
   */
  async context(tenantId: string, requestedLocale: string): Promise<RenderContext> {
    const locale = requestedLocale.trim();
    if (locale && !(SUPPORTED_LOCALES as readonly string[]).includes(locale)) {
      const errors = fieldErrors();
      errors.add('locale', 'locale_invalid', { value: locale, allowed: SUPPORTED_LOCALES.join(', ') });
      errors.throwIfAny();
    }
    const tenant = await this.get(tenantId);
    const format = localeFormat(locale || tenant.locale || DEFAULT_LOCALE);
    return { tenant, format, language: format.language, labels: labelsFor(format.language) };
  }
}
