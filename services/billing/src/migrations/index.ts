import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123122346_initial } from './Migration20261123122346_initial';
import { Migration20261123131131_tenant_version } from './Migration20261123131131_tenant_version';
import { Migration20261123132854_sales_documents_payments } from './Migration20261123132854_sales_documents_payments';
import { Migration20261123141818_payment_reports } from './Migration20261123141818_payment_reports';
import { Migration20261123142250_batch_runs } from './Migration20261123142250_batch_runs';
import { Migration20261123142619_billing_settings } from './Migration20261123142619_billing_settings';
import { Migration20261123152341_recurring_schedules } from './Migration20261123152341_recurring_schedules';
import { Migration20261123162938_drafts_receipts } from './Migration20261123162938_drafts_receipts';
import { Migration20261123175527_automation } from './Migration20261123175527_automation';
import { Migration20261123181500_statement_in_invoice_emails } from './Migration20261123181500_statement_in_invoice_emails';

/** Every migration of this schema, oldest first. Add new ones here after `migrate create`. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123122346_initial', class: Migration20261123122346_initial },
  { name: 'Migration20261123131131_tenant_version', class: Migration20261123131131_tenant_version },
  { name: 'Migration20261123132854_sales_documents_payments', class: Migration20261123132854_sales_documents_payments },
  { name: 'Migration20261123141818_payment_reports', class: Migration20261123141818_payment_reports },
  { name: 'Migration20261123142250_batch_runs', class: Migration20261123142250_batch_runs },
  { name: 'Migration20261123142619_billing_settings', class: Migration20261123142619_billing_settings },
  { name: 'Migration20261123152341_recurring_schedules', class: Migration20261123152341_recurring_schedules },
  { name: 'Migration20261123162938_drafts_receipts', class: Migration20261123162938_drafts_receipts },
  { name: 'Migration20261123175527_automation', class: Migration20261123175527_automation },
  { name: 'Migration20261123181500_statement_in_invoice_emails', class: Migration20261123181500_statement_in_invoice_emails },
];
