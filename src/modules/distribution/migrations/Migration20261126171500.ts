import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * After each settlement batch the earners' levels are checked against their
 * settled history (personal and team sales, orders). Read through the
 * (distributor_id, created_at) index, that was a heap fetch per commission,
 * pending ones included: with ten million rows, most of the settlement job's
 * time. This partial index holds exactly the settled rows and the columns the
 * check sums, so it reads them from the index alone.
 * Written by hand: INCLUDE columns are not expressible in the model.
 */
export class Migration20261126171500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_commission_settled_stats" ON "distribution_commission" ("distributor_id") INCLUDE ("depth", "order_id", "base_amount", "amount", "reversed_amount") WHERE status = 'settled' AND deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_distribution_commission_settled_stats";`)
  }
}
