import { Migration } from '@mikro-orm/migrations';

export class Migration20261123131128_clients_registry extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "clients"."api_key" ("id" uuid not null, "tenant_id" uuid not null, "name" varchar(100) not null, "prefix" varchar(12) not null, "key_sha256" varchar(64) not null, "created_at" timestamptz not null, "revoked_at" timestamptz null, constraint "api_key_pkey" primary key ("id"));`);
    this.addSql(`alter table "clients"."api_key" add constraint "api_key_key_sha256_unique" unique ("key_sha256");`);
    this.addSql(`create index "api_key_tenant_id_index" on "clients"."api_key" ("tenant_id");`);

    this.addSql(`create table "clients"."client" ("id" uuid not null, "tenant_id" uuid not null, "code" varchar(20) not null, "kind" varchar(10) not null, "legal_name" varchar(200) not null, "tax_id" varchar(40) not null default '', "address" text not null default '', "country" varchar(2) not null, "currency" varchar(3) not null, "emails" text[] not null, "whatsapp" varchar(20) not null default '', "whatsapp_e164" varchar(20) not null default '', "notes" text not null default '', "active" boolean not null default true, "auto_send" boolean not null default false, "only_when_several" boolean not null default false, "channels" text[] not null, "search_text" text not null default '', "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "client_pkey" primary key ("id"));`);
    this.addSql(`create index "client_tenant_created_idx" on "clients"."client" ("tenant_id", "created_at");`);
    this.addSql(`alter table "clients"."client" add constraint "client_tenant_code_unique" unique ("tenant_id", "code");`);

    this.addSql(`create table "clients"."contact" ("id" uuid not null, "tenant_id" uuid not null, "name" varchar(200) not null, "email" varchar(254) not null, "phone" varchar(20) not null default '', "phone_e164" varchar(20) not null default '', "search_text" text not null default '', "created_at" timestamptz not null, constraint "contact_pkey" primary key ("id"));`);
    this.addSql(`create index "contact_tenant_id_name_index" on "clients"."contact" ("tenant_id", "name");`);

    this.addSql(`create table "clients"."client_contact" ("id" uuid not null, "tenant_id" uuid not null, "client_id" uuid not null, "contact_id" uuid not null, "department" varchar(100) not null default '', "role" varchar(100) not null default '', "offered_for_all" boolean not null default true, "document_kinds" text[] not null, "created_at" timestamptz not null, constraint "client_contact_pkey" primary key ("id"));`);
    this.addSql(`alter table "clients"."client_contact" add constraint "client_contact_unique" unique ("client_id", "contact_id");`);

    this.addSql(`create table "clients"."staff_member" ("id" uuid not null, "tenant_id" uuid not null, "name" varchar(200) not null, "email" varchar(254) not null, "active" boolean not null default true, "search_text" text not null default '', "created_at" timestamptz not null, constraint "staff_member_pkey" primary key ("id"));`);
    this.addSql(`create index "staff_member_tenant_id_name_index" on "clients"."staff_member" ("tenant_id", "name");`);

    this.addSql(`alter table "clients"."client_contact" add constraint "client_contact_client_id_foreign" foreign key ("client_id") references "clients"."client" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "clients"."client_contact" add constraint "client_contact_contact_id_foreign" foreign key ("contact_id") references "clients"."contact" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "clients"."tenant" add column "address" text not null default '', add column "version" int not null default 1, add column "updated_at" timestamptz not null default now();`);
    // Existing tenants get the migration time; new rows always set it.
    this.addSql(`alter table "clients"."tenant" alter column "updated_at" drop default;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "clients"."client_contact" drop constraint "client_contact_client_id_foreign";`);

    this.addSql(`alter table "clients"."client_contact" drop constraint "client_contact_contact_id_foreign";`);

    this.addSql(`drop table if exists "clients"."api_key" cascade;`);

    this.addSql(`drop table if exists "clients"."client" cascade;`);

    this.addSql(`drop table if exists "clients"."contact" cascade;`);

    this.addSql(`drop table if exists "clients"."client_contact" cascade;`);

    this.addSql(`drop table if exists "clients"."staff_member" cascade;`);

    this.addSql(`alter table "clients"."tenant" drop column "address", drop column "version", drop column "updated_at";`);
  }

}
