import { Migration } from '@mikro-orm/migrations';

export class Migration20261123152924_channels_templates_deliveries extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notifications"."channel_settings" ("tenant_id" uuid not null, "smtp_host" varchar(253) null, "smtp_port" int null, "smtp_tls_mode" varchar(10) null, "smtp_user" varchar(254) null, "smtp_password_enc" text null, "smtp_from_address" varchar(254) null, "wa_phone_number_id" varchar(30) null, "wa_access_token_enc" text null, "wa_access_token_last4" varchar(4) null, "wa_app_secret_enc" text null, "wa_verify_token_enc" text null, "wa_templates" jsonb not null, "wa_api_base_url" varchar(300) null, "wa_api_version" varchar(10) null, "entitlement_mode" varchar(12) not null default 'disabled', "entitlement_free_until" date null, "version" int not null default 0, "updated_at" timestamptz not null, constraint "channel_settings_pkey" primary key ("tenant_id"));`);

    this.addSql(`create table "notifications"."client_last_template" ("tenant_id" uuid not null, "client_id" uuid not null, "document_kind" varchar(20) not null, "language" varchar(2) not null, "subject" text not null, "body" text not null, "used_at" timestamptz not null, constraint "client_last_template_pkey" primary key ("tenant_id", "client_id", "document_kind"));`);

    this.addSql(`create table "notifications"."delivery" ("id" uuid not null, "tenant_id" uuid not null, "delivery_key" varchar(200) not null, "attempt" int not null default 1, "request_hash" varchar(64) not null, "channel" varchar(10) not null, "client_id" uuid null, "document_kind" varchar(20) not null, "recipients" jsonb not null, "copy_to" varchar(254) null, "artifact_ids" jsonb not null, "provider_message_id" varchar(300) null, "media_ids" jsonb not null, "media_deleted_at" timestamptz null, "status" varchar(10) not null, "error_code" varchar(60) null, "error_message" text null, "error_kind" varchar(10) null, "fallback" varchar(20) null, "subject" text null, "sender" varchar(400) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "delivery_pkey" primary key ("id"));`);
    this.addSql(`create index "delivery_tenant_id_provider_message_id_index" on "notifications"."delivery" ("tenant_id", "provider_message_id");`);
    this.addSql(`create index "delivery_tenant_id_status_index" on "notifications"."delivery" ("tenant_id", "status");`);
    this.addSql(`create index "delivery_tenant_id_client_id_created_at_index" on "notifications"."delivery" ("tenant_id", "client_id", "created_at");`);
    this.addSql(`create index "delivery_tenant_id_created_at_index" on "notifications"."delivery" ("tenant_id", "created_at");`);
    this.addSql(`alter table "notifications"."delivery" add constraint "delivery_tenant_id_delivery_key_attempt_unique" unique ("tenant_id", "delivery_key", "attempt");`);

    this.addSql(`create table "notifications"."delivery_status_event" ("id" bigserial primary key, "delivery_id" uuid not null, "status" varchar(10) not null, "occurred_at" timestamptz not null, "recorded_at" timestamptz not null, "source" varchar(10) not null, "error_code" varchar(60) null, "detail" text null);`);
    this.addSql(`alter table "notifications"."delivery_status_event" add constraint "delivery_status_event_delivery_id_status_unique" unique ("delivery_id", "status");`);

    this.addSql(`create table "notifications"."message_template" ("id" uuid not null, "tenant_id" uuid not null, "document_kind" varchar(20) not null, "language" varchar(2) not null, "subject" text not null, "body" text not null, "updated_at" timestamptz not null, constraint "message_template_pkey" primary key ("id"));`);
    this.addSql(`alter table "notifications"."message_template" add constraint "message_template_tenant_id_document_kind_language_unique" unique ("tenant_id", "document_kind", "language");`);

    this.addSql(`alter table "notifications"."delivery_status_event" add constraint "delivery_status_event_delivery_id_foreign" foreign key ("delivery_id") references "notifications"."delivery" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notifications"."delivery_status_event" drop constraint "delivery_status_event_delivery_id_foreign";`);

    this.addSql(`drop table if exists "notifications"."channel_settings" cascade;`);

    this.addSql(`drop table if exists "notifications"."client_last_template" cascade;`);

    this.addSql(`drop table if exists "notifications"."delivery" cascade;`);

    this.addSql(`drop table if exists "notifications"."delivery_status_event" cascade;`);

    this.addSql(`drop table if exists "notifications"."message_template" cascade;`);
  }

}
