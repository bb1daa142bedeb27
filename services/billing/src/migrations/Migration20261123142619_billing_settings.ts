import { Migration } from '@mikro-orm/migrations';

export class Migration20261123142619_billing_settings extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "billing"."billing_settings" ("tenant_id" uuid not null, "remissions_receivable" boolean not null default true, constraint "billing_settings_pkey" primary key ("tenant_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "billing"."billing_settings" cascade;`);
  }

}
