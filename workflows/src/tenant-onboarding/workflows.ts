import { proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities';
import { PROVISIONED_SERVICES, type TenantOnboardingInput, type TenantOnboardingResult } from './shared';

const { provisionTenant } = proxyActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/**
 * Started by the `evt.clients.tenant.created` event: each service that keeps per-tenant settings
 * gets its copy. Provisioning is idempotent, so retries and replays change nothing twice.
 */
export async function tenantOnboarding(input: TenantOnboardingInput): Promise<TenantOnboardingResult> {
  const provisioned: TenantOnboardingResult['provisioned'] = [];
  for (const service of PROVISIONED_SERVICES) {
    const { created, changed } = await provisionTenant(service, input);
    provisioned.push({ service, created, changed });
  }
  return { provisioned };
}

/**
 * Started by `evt.clients.tenant.updated`: the same idempotent provisioning carries the new
 * settings (time zone, locale, currency) to every copy; an older version never wins.
 */
export async function tenantSettingsSync(input: TenantOnboardingInput): Promise<TenantOnboardingResult> {
  return tenantOnboarding(input);
}
