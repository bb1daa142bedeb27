import { TenancyRpc } from '@cobranza/contracts';
import type { RpcClient } from '@cobranza/platform';
import type { ProvisionedService, TenantOnboardingInput } from '../tenant-onboarding/shared';

export function tenancyActivities(rpc: RpcClient) {
  return {
    async provisionTenant(service: ProvisionedService, tenant: TenantOnboardingInput): Promise<{ created: boolean; changed: boolean }> {
      const reply = await rpc.call(TenancyRpc.provision[service], {
        tenantId: tenant.tenantId,
        legalName: tenant.legalName,
        country: tenant.country,
        timezone: tenant.timezone,
        locale: tenant.locale,
        currency: tenant.currency,
        version: tenant.version,
      });
      return { created: reply.created, changed: reply.changed };
    },
  };
}
