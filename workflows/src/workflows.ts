// Entry point of the workflow bundle: deterministic code only (see docs/architecture.md).
export { tenantOnboarding, tenantSettingsSync } from './tenant-onboarding/workflows';
export { recurringSchedule } from './recurring-schedule/workflows';
export { documentEmailDelivery } from './document-delivery/workflows';
