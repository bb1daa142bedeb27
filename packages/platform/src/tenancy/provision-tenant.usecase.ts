import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { ProvisionedTenant } from './provisioned-tenant.entity';

export interface ProvisionTenantCommand {
  tenantId: string;
  legalName: string;
  country: string;
  timezone: string;
  locale: string;
  currency: string;
  version: number;
}

/**
 * Creates or refreshes this service's copy of a tenant's settings. Idempotent and order-proof:
 * a copy is replaced only by a higher version, so retries and late deliveries change nothing.
 */
export async function provisionTenant(em: EntityManager, command: ProvisionTenantCommand): Promise<{ created: boolean; changed: boolean }> {
  const existing = await em.findOne(ProvisionedTenant, { id: command.tenantId });
  const settings = {
    legalName: command.legalName,
    country: command.country,
    timezone: command.timezone,
    locale: command.locale,
    currency: command.currency,
    version: command.version,
  };
  if (!existing) {
    try {
      em.create(ProvisionedTenant, { id: command.tenantId, ...settings, provisionedAt: new Date() });
      await em.flush();
      return { created: true, changed: true };
    } catch (error) {
      // A concurrent first request (or the onboarding workflow) inserted the copy first: start
      // again from that row, which the version rule then keeps or refreshes.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      em.clear();
      return provisionTenant(em, command);
    }
  }
  if (command.version <= existing.version) return { created: false, changed: false };
  em.assign(existing, { ...settings, provisionedAt: new Date() });
  await em.flush();
  return { created: false, changed: true };
}
