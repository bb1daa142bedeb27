import { Migration } from '@mikro-orm/migrations';

export class Migration20261123152341_recurring_schedules extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "billing"."recurring_schedule" ("id" uuid not null, "tenant_id" uuid not null, "client_id" uuid not null, "client_name" varchar(300) not null, "config" jsonb not null, "status" varchar(20) not null default 'active', "emitted_count" int not null default 0, "skipped_count" int not null default 0, "anchor_date" varchar(10) not null, "epoch" int not null default 0, "next_index" int not null default 0, "next_emission_date" varchar(10) null, "next_emission_at" timestamptz null, "last_emission_date" varchar(10) not null default '', "last_document_id" varchar(36) not null default '', "last_error" text not null default '', "config_version" int not null default 1, "state_revision" int not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "recurring_schedule_pkey" primary key ("id"));`);
    this.addSql(`create index "recurring_schedule_next_idx" on "billing"."recurring_schedule" ("tenant_id", "status", "next_emission_date");`);
    this.addSql(`create index "recurring_schedule_client_idx" on "billing"."recurring_schedule" ("tenant_id", "client_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "billing"."recurring_schedule" cascade;`);
  }

}
