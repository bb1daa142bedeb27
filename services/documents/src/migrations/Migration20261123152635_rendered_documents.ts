import { Migration } from '@mikro-orm/migrations';

export class Migration20261123152635_rendered_documents extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "documents"."rendered_document" ("id" uuid not null, "tenant_id" uuid not null, "document_id" uuid not null, "format" varchar(8) not null, "fingerprint" varchar(64) not null, "artifact_id" uuid not null, "created_at" timestamptz not null, constraint "rendered_document_pkey" primary key ("id"));`);
    this.addSql(`alter table "documents"."rendered_document" add constraint "rendered_document_tenant_id_document_id_format_fi_49ada_unique" unique ("tenant_id", "document_id", "format", "fingerprint");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "documents"."rendered_document" cascade;`);
  }

}
