import { Migration } from '@mikro-orm/migrations';

export class Migration20261123131133_tenant_version extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "documents"."tenant" add column "version" int not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "documents"."tenant" drop column "version";`);
  }

}
