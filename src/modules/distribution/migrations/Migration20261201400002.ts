import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * A commission records the sale (限时折扣) whose policy its line was credited
 * under, so a sale's orders and commissions are listed from the rows. Rows
 * credited before this column existed keep null.
 */
export class Migration20261201400002 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "distribution_commission" add column if not exists "sale_id" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_commission_sale" ON "distribution_commission" ("sale_id", "created_at") WHERE sale_id IS NOT NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_distribution_commission_sale";`);
    this.addSql(`alter table if exists "distribution_commission" drop column if exists "sale_id";`);
  }

}
