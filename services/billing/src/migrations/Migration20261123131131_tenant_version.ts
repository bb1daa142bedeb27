import { Migration } from '@mikro-orm/migrations';

export class Migration20261123131131_tenant_version extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "billing"."tenant" add column "version" int not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "billing"."tenant" drop column "version";`);
  }

}
