import { BillingSettingsController } from '../billing-settings/billing-settings.controller';
import { PaymentReportsController } from '../payment-reports/payment-reports.controller';
import { PaymentsController } from '../payments/payments.controller';
import { RecurringSchedulesController } from '../recurring-schedules/recurring-schedules.controller';
import { SalesHistoryController } from '../sales-history/sales-history.controller';
import { StatementsController } from '../statements/statements.controller';
import { DocumentBatchesController } from './document-batches.controller';
import { DocumentsController } from './documents.controller';
import { DraftsController } from './drafts.controller';

/** The HTTP routes of the billing service: documents, drafts, payments, payment reports, statements, sales history and recurring schedules. */
export const BILLING_CONTROLLERS = [DocumentsController, DraftsController, DocumentBatchesController, PaymentsController, StatementsController, SalesHistoryController, PaymentReportsController, BillingSettingsController, RecurringSchedulesController];
