/** Plain JSON input of the tenant-onboarding workflow (never protobuf classes). */
export interface TenantOnboardingInput {
  tenantId: string;
  legalName: string;
  country: string;
  timezone: string;
  locale: string;
  currency: string;
  /** The tenant's version in the clients service. */
  version: number;
}

/** Services that keep their own copy of each tenant's settings. */
export const PROVISIONED_SERVICES = ['billing', 'documents', 'notifications'] as const;
export type ProvisionedService = (typeof PROVISIONED_SERVICES)[number];

export interface TenantOnboardingResult {
  provisioned: Array<{ service: ProvisionedService; created: boolean; changed: boolean }>;
}

/** One workflow per tenant: a second delivery of the same event finds it already started. */
export const tenantOnboardingWorkflowId = (tenantId: string): string => `tenant-onboarding:${tenantId}`;

/** One workflow per tenant version: each change of settings reaches every copy once. */
export const tenantSettingsSyncWorkflowId = (tenantId: string, version: number): string =>
  `tenant-settings-sync:${tenantId}:v${version}`;
