import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126192512 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index if exists "IDX_distribution_commission_order";`);
  }

  override async down(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_commission_order" ON "distribution_commission" ("order_id") WHERE deleted_at IS NULL;`);
  }

}
