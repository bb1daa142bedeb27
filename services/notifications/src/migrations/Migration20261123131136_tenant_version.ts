import { Migration } from '@mikro-orm/migrations';

export class Migration20261123131136_tenant_version extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "notifications"."tenant" add column "version" int not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notifications"."tenant" drop column "version";`);
  }

}
