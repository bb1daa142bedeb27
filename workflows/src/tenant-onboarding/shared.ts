/** Plain JSON input of the tenant-onboarding workflow (never protobuf classes). */
export interface TenantOnboardingInput {
  tenantId: string;
  legalName: string;
  country: string;
  timezone: string;
  locale: string;
  currency: string;
}

/** Services that keep their own copy of each tenant's settings. */
export const PROVISIONED_SERVICES = ['billing', 'documents', 'notifications'] as const;
export type ProvisionedService = (typeof PROVISIONED_SERVICES)[number];

export interface TenantOnboardingResult {
  provisioned: Array<{ service: ProvisionedService; created: boolean }>;
}

/** One workflow per tenant: a second delivery of the same event finds it already started. */
export const tenantOnboardingWorkflowId = (tenantId: string): string => `tenant-onboarding:${tenantId}`;
