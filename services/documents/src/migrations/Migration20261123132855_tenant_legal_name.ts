import { Migration } from '@mikro-orm/migrations';

export class Migration20261123132855_tenant_legal_name extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "documents"."tenant" add column "legal_name" varchar(200) not null default '';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "documents"."tenant" drop column "legal_name";`);
  }

}
