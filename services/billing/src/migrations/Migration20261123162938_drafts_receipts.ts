import { Migration } from '@mikro-orm/migrations';

export class Migration20261123162938_drafts_receipts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "billing"."payment_report" add column "receipt_artifact_id" uuid null;`);

    this.addSql(`alter table "billing"."sales_document" add column "dated_on_issue" boolean not null default false;`);
    this.addSql(`alter table "billing"."sales_document" alter column "number" type int using ("number"::int);`);
    this.addSql(`alter table "billing"."sales_document" alter column "number" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "billing"."payment_report" drop column "receipt_artifact_id";`);

    this.addSql(`alter table "billing"."sales_document" drop column "dated_on_issue";`);

    // Drafts have no number and cannot exist without this migration.
    this.addSql(`delete from "billing"."sales_document" where "number" is null;`);
    this.addSql(`alter table "billing"."sales_document" alter column "number" type int4 using ("number"::int4);`);
    this.addSql(`alter table "billing"."sales_document" alter column "number" set not null;`);
  }

}
