import { AutomationRpc, BillingRpc, SystemRpc, TenancyRpc } from '@cobranza/contracts';
import { ProvisionedTenant, serviceOrmConfig, serviceVersion, type ServiceDefinition } from '@cobranza/platform';
import { join } from 'node:path';
import { AutomationSettings } from './automation/automation-settings.entity';
import { ReminderClaim } from './automation/reminder-claim.entity';
import { BatchRun } from './batches/batch-run.entity';
import { BillingSettings } from './settings/billing-settings.entity';
import { NumberingCounter } from './documents/numbering-counter.entity';
import { SalesDocument } from './documents/sales-document.entity';
import { migrations } from './migrations';
import { Payment, PaymentAllocation } from './payments/payment.entity';
import { PaymentReport } from './payments/payment-report.entity';
import { RecurringSchedule } from './schedules/recurring-schedule.entity';

export function billingDefinition(clientUrl?: string): ServiceDefinition {
  return {
    name: 'billing',
    version: serviceVersion(),
    contracts: [SystemRpc.status.billing, TenancyRpc.provision.billing, ...Object.values(BillingRpc), ...Object.values(AutomationRpc)],
    orm: serviceOrmConfig({
      service: 'billing',
      entities: [ProvisionedTenant, SalesDocument, NumberingCounter, Payment, PaymentAllocation, PaymentReport, BatchRun, BillingSettings, RecurringSchedule, AutomationSettings, ReminderClaim],
      migrations,
      migrationsFolder: join(__dirname, '..', 'src', 'migrations'),
      clientUrl,
    }),
  };
}
