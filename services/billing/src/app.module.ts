import { SystemRpc, TenancyRpc } from '@cobranza/contracts';
import { ServiceCoreModule, statusController, tenancyController, type ServiceDefinition } from '@cobranza/platform';
import { Module, type DynamicModule } from '@nestjs/common';
import { AUTOMATION_PROVIDERS, AutomationController } from './automation/automation.controller';
import { IssueBatchUseCase } from './batches/issue-batch.usecase';
import { DocumentsController } from './documents/documents.controller';
import { DraftsUseCases } from './documents/drafts.usecases';
import { IssueDocumentUseCase } from './documents/issue-document.usecase';
import { PaymentsController } from './payments/payments.controller';
import { PaymentReportsUseCases } from './payments/payment-reports.usecases';
import { RecordPaymentUseCase } from './payments/record-payment.usecase';
import { SchedulesController } from './schedules/schedules.controller';
import { ScheduleMetrics } from './schedules/schedule-metrics';
import { ScheduleUseCases } from './schedules/schedules.usecases';
import { SalesHistoryController } from './sales-history/sales-history.controller';
import { GetStatementUseCase } from './statements/get-statement.usecase';
import { SettingsController } from './settings/settings.controller';
import { StatementsController } from './statements/statements.controller';
import { BillingTenants } from './tenants/billing-tenants';

@Module({})
export class AppModule {
  static register(definition: ServiceDefinition): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceCoreModule.forService(definition)],
      controllers: [
        statusController(SystemRpc.status.billing.subject),
        tenancyController('billing', TenancyRpc.provision.billing.subject),
        DocumentsController,
        PaymentsController,
        StatementsController,
        SalesHistoryController,
        SettingsController,
        SchedulesController,
        AutomationController,
      ],
      providers: [BillingTenants, IssueDocumentUseCase, DraftsUseCases, IssueBatchUseCase, RecordPaymentUseCase, PaymentReportsUseCases, GetStatementUseCase, ScheduleUseCases, ScheduleMetrics, ...AUTOMATION_PROVIDERS],
    };
  }
}
