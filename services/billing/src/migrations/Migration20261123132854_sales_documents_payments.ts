import { Migration } from '@mikro-orm/migrations';

export class Migration20261123132854_sales_documents_payments extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "billing"."numbering_counter" ("tenant_id" uuid not null, "kind" varchar(20) not null, "series" varchar(4) not null, "letter" varchar(1) not null, "next_number" int not null, constraint "numbering_counter_pkey" primary key ("tenant_id", "kind", "series", "letter"));`);

    this.addSql(`create table "billing"."payment" ("id" uuid not null, "tenant_id" uuid not null, "client_id" uuid not null, "date" date not null, "amount" numeric(20,4) not null, "currency" varchar(3) not null, "method" varchar(20) not null, "reference" varchar(100) not null default '', "idempotency_key" varchar(200) null, "request_hash" varchar(64) not null default '', "created_at" timestamptz not null, constraint "payment_pkey" primary key ("id"));`);
    this.addSql(`create index "payment_client_id_index" on "billing"."payment" ("client_id");`);
    this.addSql(`alter table "billing"."payment" add constraint "payment_idempotency_unique" unique ("tenant_id", "idempotency_key");`);

    this.addSql(`create table "billing"."sales_document" ("id" uuid not null, "tenant_id" uuid not null, "kind" varchar(20) not null, "status" varchar(20) not null, "series" varchar(4) not null, "letter" varchar(1) not null default '', "number" int not null, "client_id" uuid not null, "client_code" varchar(20) not null, "client_name" varchar(200) not null, "currency" varchar(3) not null, "issue_date" date not null, "issue_time" varchar(8) not null, "payment_terms_days" int not null default 0, "due_date" date not null, "lines" jsonb not null, "gross" numeric(20,4) not null, "discount" numeric(20,4) not null, "net" numeric(20,4) not null, "tax" numeric(20,4) not null, "total" numeric(20,4) not null, "paid" numeric(20,4) not null default '0', "operation_id" uuid not null, "source_document_id" uuid null, "batch_id" varchar(100) not null default '', "notes" text not null default '', "idempotency_key" varchar(200) null, "request_hash" varchar(64) not null default '', "created_at" timestamptz not null, "voided_at" timestamptz null, "void_reason" text not null default '', constraint "sales_document_pkey" primary key ("id"));`);
    this.addSql(`create index "sales_document_client_idx" on "billing"."sales_document" ("tenant_id", "client_id", "issue_date");`);
    this.addSql(`alter table "billing"."sales_document" add constraint "sales_document_idempotency_unique" unique ("tenant_id", "idempotency_key");`);
    this.addSql(`alter table "billing"."sales_document" add constraint "sales_document_number_unique" unique ("tenant_id", "kind", "series", "letter", "number");`);

    this.addSql(`create table "billing"."payment_allocation" ("id" uuid not null, "payment_id" uuid not null, "document_id" uuid not null, "amount" numeric(20,4) not null, constraint "payment_allocation_pkey" primary key ("id"));`);
    this.addSql(`create index "payment_allocation_document_id_index" on "billing"."payment_allocation" ("document_id");`);

    this.addSql(`alter table "billing"."payment_allocation" add constraint "payment_allocation_payment_id_foreign" foreign key ("payment_id") references "billing"."payment" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "billing"."payment_allocation" add constraint "payment_allocation_document_id_foreign" foreign key ("document_id") references "billing"."sales_document" ("id") on update cascade;`);

    this.addSql(`alter table "billing"."tenant" add column "legal_name" varchar(200) not null default '';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "billing"."payment_allocation" drop constraint "payment_allocation_payment_id_foreign";`);

    this.addSql(`alter table "billing"."payment_allocation" drop constraint "payment_allocation_document_id_foreign";`);

    this.addSql(`drop table if exists "billing"."numbering_counter" cascade;`);

    this.addSql(`drop table if exists "billing"."payment" cascade;`);

    this.addSql(`drop table if exists "billing"."sales_document" cascade;`);

    this.addSql(`drop table if exists "billing"."payment_allocation" cascade;`);

    this.addSql(`alter table "billing"."tenant" drop column "legal_name";`);
  }

}
