import { Migration } from '@mikro-orm/migrations';

export class Migration20261123141818_payment_reports extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "billing"."payment_report" ("id" uuid not null, "tenant_id" uuid not null, "client_id" uuid not null, "status" varchar(10) not null default 'pending', "date" date not null, "amount" numeric(20,4) not null, "currency" varchar(3) not null, "method" varchar(20) not null, "reference" varchar(100) not null default '', "allocations" jsonb not null, "notes" text not null default '', "reporter_email" varchar(254) not null default '', "payment_id" uuid null, "reject_reason" text not null default '', "idempotency_key" varchar(200) null, "created_at" timestamptz not null, "decided_at" timestamptz null, constraint "payment_report_pkey" primary key ("id"));`);
    this.addSql(`create index "payment_report_tenant_status_idx" on "billing"."payment_report" ("tenant_id", "status");`);
    this.addSql(`alter table "billing"."payment_report" add constraint "payment_report_idempotency_unique" unique ("tenant_id", "idempotency_key");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "billing"."payment_report" cascade;`);
  }

}
