import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Two things the settlement does on every batch, made cheaper:
 * - whether an earner is suspended is answered by an index of the suspended
 *   distributors alone, not by reading each earner's row;
 * - wallets keep a fifth of each page free, so that a balance update (no
 *   index covers a balance) stays on its page and writes no index entry (a HOT
 *   update). The fillfactor applies to pages written from now on; `VACUUM
 *   FULL distribution_wallet` rewrites the existing ones (docs/production.md).
 */
export class Migration20261203100000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_suspended" ON "distribution_distributor" ("id") WHERE status = 'suspended' AND deleted_at IS NULL;`);
    this.addSql(`ALTER TABLE "distribution_wallet" SET (fillfactor = 80);`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_distribution_distributor_suspended";`);
    this.addSql(`ALTER TABLE "distribution_wallet" RESET (fillfactor);`);
  }

}
