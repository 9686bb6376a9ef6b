import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The reservations no order has consumed yet, indexed on their own: every
 * order.placed first asks whether any exists, and reads the order only then.
 */
export class Migration20261202100000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_activity_reservation_unconsumed" ON "distribution_activity_reservation" ("id") WHERE deleted_at IS NULL AND order_id IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_distribution_activity_reservation_unconsumed";`);
  }

}
