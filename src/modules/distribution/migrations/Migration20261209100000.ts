import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The ledger's index by distributor keys an entry by its distributor alone,
 * no longer by (distributor, currency, written at).
 *
 * Its one reader, a distributor's ledger in the admin, asks for every entry of
 * one distributor, counted, newest first across currencies: the old key could
 * not give that order either (the currency stands between the distributor and
 * the time), so PostgreSQL sorted them then as it does now. What the narrower
 * key changes is the index's size: B-tree deduplication stores one distributor
 * id per page with the list of its entries' row pointers, where the old key
 * stored the id, the currency and a time for each entry. At a million
 * distributors with six million entries the index has 11,252 pages instead of
 * 49,742, and a settlement run, which adds one entry for each of 50,000
 * earners spread over all of them, changes (and copies whole into the WAL
 * after a checkpoint) at most those 11,252 where it changed 30,282: see
 * bench/README.md.
 */
export class Migration20261209100000 extends Migration {
  override async up(): Promise<void> {
    // The old index only: one already rebuilt beforehand (CONCURRENTLY, docs/production.md) is kept.
    this.addSql(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'IDX_distribution_ledger_distributor'
                   AND tablename = 'distribution_ledger_entry' AND indexdef LIKE '%currency_code%') THEN
        DROP INDEX "IDX_distribution_ledger_distributor";
      END IF;
    END $$;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_ledger_distributor" ON "distribution_ledger_entry" ("distributor_id") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_distribution_ledger_distributor";`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_ledger_distributor" ON "distribution_ledger_entry" ("distributor_id", "currency_code", "created_at") WHERE deleted_at IS NULL;`)
  }
}
