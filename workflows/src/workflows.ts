// Entry point of the workflow bundle: deterministic code only (see docs/architecture.md).
export { tenantOnboarding, tenantSettingsSync } from './tenant-onboarding/workflows';
export { recurringSchedule } from './recurring-schedule/workflows';
export { clientDelivery } from './client-delivery/workflows';
export { statementRun } from './automation/statement-run/workflows';
export { reminderPass } from './automation/reminders/workflows';
