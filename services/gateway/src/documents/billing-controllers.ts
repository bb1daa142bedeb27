import { PaymentsController } from '../payments/payments.controller';
import { StatementsController } from '../statements/statements.controller';
import { DocumentsController } from './documents.controller';

/** The HTTP routes of the billing service: documents, payments and statements. */
export const BILLING_CONTROLLERS = [DocumentsController, PaymentsController, StatementsController];
