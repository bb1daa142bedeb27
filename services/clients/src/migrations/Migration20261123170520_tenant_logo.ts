import { Migration } from '@mikro-orm/migrations';

export class Migration20261123170520_tenant_logo extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "clients"."tenant" add column "logo_artifact_id" uuid null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "clients"."tenant" drop column "logo_artifact_id";`);
  }

}
