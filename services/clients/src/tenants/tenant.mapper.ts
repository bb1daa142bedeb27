import type { MessageInitShape } from '@bufbuild/protobuf';
import type { TenantSchema } from '@cobranza/contracts';
import type { Tenant } from './tenant.entity';

export function toTenantMessage(tenant: Tenant): MessageInitShape<typeof TenantSchema> {
  return {
    id: tenant.id,
    legalName: tenant.legalName,
    taxId: tenant.taxId,
    address: tenant.address,
    country: tenant.country,
    timezone: tenant.timezone,
    locale: tenant.locale,
    currency: tenant.currency,
    email: tenant.email,
    createdAt: tenant.createdAt.toISOString(),
    version: tenant.version,
    logoArtifactId: tenant.logoArtifactId ?? '',
  };
}
