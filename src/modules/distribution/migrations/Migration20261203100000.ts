import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Three things the settlement does on every batch, made cheaper:
 * - whether an earner is suspended is answered by an index of the suspended
 *   distributors alone, not by reading each earner's row;
 * - wallets keep a fifth of each page free, so that a balance update (no
 *   index covers a balance) stays on its page and writes no index entry (a HOT
 *   update);
 * - commissions keep 15% of each page free, so that a commission's later
 *   versions (dated, settled, reversed) are written beside it rather than at
 *   the table's end.
 * A fillfactor applies to pages written from now on; `VACUUM FULL` of the
 * table rewrites the existing ones (docs/production.md).
 */
export class Migration20261203100000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_suspended" ON "distribution_distributor" ("id") WHERE status = 'suspended' AND deleted_at IS NULL;`);
    this.addSql(`ALTER TABLE "distribution_wallet" SET (fillfactor = 80);`);
    this.addSql(`ALTER TABLE "distribution_commission" SET (fillfactor = 85);`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_distribution_distributor_suspended";`);
    this.addSql(`ALTER TABLE "distribution_wallet" RESET (fillfactor);`);
    this.addSql(`ALTER TABLE "distribution_commission" RESET (fillfactor);`);
  }

}
