import type { EntityManager } from '@mikro-orm/core';
import { ProvisionedTenant } from './provisioned-tenant.entity';

export interface ProvisionTenantCommand {
  tenantId: string;
  country: string;
  timezone: string;
  locale: string;
  currency: string;
}

/** Idempotent: a second call with the same tenant keeps the row and reports created = false. */
export async function provisionTenant(em: EntityManager, command: ProvisionTenantCommand): Promise<{ created: boolean }> {
  const existing = await em.findOne(ProvisionedTenant, { id: command.tenantId });
  if (existing) return { created: false };
  const tenant = em.create(ProvisionedTenant, {
    id: command.tenantId,
    country: command.country,
    timezone: command.timezone,
    locale: command.locale,
    currency: command.currency,
    provisionedAt: new Date(),
  });
  await em.persistAndFlush(tenant);
  return { created: true };
}
