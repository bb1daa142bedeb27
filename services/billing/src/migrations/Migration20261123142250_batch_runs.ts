import { Migration } from '@mikro-orm/migrations';

export class Migration20261123142250_batch_runs extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "billing"."batch_run" ("tenant_id" uuid not null, "batch_id" varchar(100) not null, "documents" int not null, "completed_at" timestamptz not null, constraint "batch_run_pkey" primary key ("tenant_id", "batch_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "billing"."batch_run" cascade;`);
  }

}
