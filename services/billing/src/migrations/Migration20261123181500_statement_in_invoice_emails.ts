import { Migration } from '@mikro-orm/migrations';

export class Migration20261123181500_statement_in_invoice_emails extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "billing"."billing_settings" add column "statement_in_invoice_emails" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "billing"."billing_settings" drop column "statement_in_invoice_emails";`);
  }

}
