import { Migration } from '@mikro-orm/migrations';

export class Migration20261123175527_automation extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "billing"."automation_settings" ("tenant_id" uuid not null, "auto_send_enabled" boolean not null default false, "auto_send_subject" varchar(200) not null default '', "auto_send_template" varchar(20) not null default 'original', "auto_send_body" text not null default '', "auto_send_recipients" varchar(20) not null default 'all', "statements_enabled" boolean not null default false, "statements_day_rule" varchar(20) not null default 'last_day', "statements_day" int not null default 0, "statements_cycle_months" int not null default 1, "statements_time_of_day" varchar(5) not null default '08:00', "statements_format" varchar(4) not null default 'pdf', "statements_attach_open_invoices" boolean not null default true, "reminders_enabled" boolean not null default false, "reminders_time_of_day" varchar(5) not null default '08:00', "reminder_rules" jsonb not null, "version" int not null default 0, "updated_at" timestamptz not null, constraint "automation_settings_pkey" primary key ("tenant_id"));`);

    this.addSql(`create table "billing"."reminder_claim" ("tenant_id" uuid not null, "document_id" uuid not null, "rule_id" varchar(40) not null, "claimant" varchar(300) not null, "rule_date" date not null, "claimed_at" timestamptz not null, constraint "reminder_claim_pkey" primary key ("tenant_id", "document_id", "rule_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "billing"."automation_settings" cascade;`);

    this.addSql(`drop table if exists "billing"."reminder_claim" cascade;`);
  }

}
