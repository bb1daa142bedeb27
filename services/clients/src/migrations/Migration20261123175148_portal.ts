import { Migration } from '@mikro-orm/migrations';

export class Migration20261123175148_portal extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "clients"."portal_link" ("id" uuid not null, "tenant_id" uuid not null, "client_id" uuid not null, "recipient" varchar(254) not null, "token_sha256" varchar(64) not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "renewed_from_id" uuid null, "created_at" timestamptz not null, constraint "portal_link_pkey" primary key ("id"));`);
    this.addSql(`alter table "clients"."portal_link" add constraint "portal_link_token_sha256_unique" unique ("token_sha256");`);
    this.addSql(`create index "portal_link_client_idx" on "clients"."portal_link" ("tenant_id", "client_id", "created_at");`);

    this.addSql(`create table "clients"."portal_rate_window" ("key" varchar(200) not null, "window_start" timestamptz not null, "count" int not null default 0, constraint "portal_rate_window_pkey" primary key ("key", "window_start"));`);

    this.addSql(`create table "clients"."portal_settings" ("tenant_id" uuid not null, "enabled" boolean not null default false, "link_in_invoice_emails" boolean not null default false, "link_ttl_days" int not null default 30, "base_url" varchar(300) not null default '', "updated_at" timestamptz not null, constraint "portal_settings_pkey" primary key ("tenant_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "clients"."portal_link" cascade;`);

    this.addSql(`drop table if exists "clients"."portal_rate_window" cascade;`);

    this.addSql(`drop table if exists "clients"."portal_settings" cascade;`);
  }

}
