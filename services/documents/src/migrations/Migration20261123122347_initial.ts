import { Migration } from '@mikro-orm/migrations';

export class Migration20261123122347_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "documents"."outbox_event" ("id" bigserial primary key, "subject" varchar(200) not null, "payload" bytea not null, "headers" jsonb not null, "created_at" timestamptz not null default now(), "published_at" timestamptz null);`);

    this.addSql(`create table "documents"."tenant" ("id" uuid not null, "country" varchar(2) not null, "timezone" varchar(64) not null, "locale" varchar(10) not null, "currency" varchar(3) not null, "provisioned_at" timestamptz not null, constraint "tenant_pkey" primary key ("id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "documents"."outbox_event" cascade;`);

    this.addSql(`drop table if exists "documents"."tenant" cascade;`);

  }

}
