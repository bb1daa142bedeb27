import { Migration } from '@mikro-orm/migrations';

export class Migration20261123175544_reference_ids extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "notifications"."delivery" add column "reference_ids" text[] not null default '{}';`);
    this.addSql(`create index "delivery_reference_ids_index" on "notifications"."delivery" using gin ("reference_ids");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "notifications"."delivery_reference_ids_index";`);
    this.addSql(`alter table "notifications"."delivery" drop column "reference_ids";`);
  }

}
