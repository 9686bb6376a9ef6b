import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The admin's distributor search (`q`: code prefix, or part of an e-mail or a
 * name, case-insensitive) is an ILIKE on three columns. A b-tree cannot serve
 * `ILIKE '%term%'`, so at a million distributors the list read the whole table
 * (seconds); trigram indexes turn it into a bitmap scan of the matches.
 * Written by hand, like the path indexes: the operator class is not in the model.
 */
export class Migration20261126170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE EXTENSION IF NOT EXISTS pg_trgm;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_email_trgm" ON "distribution_distributor" USING gin ("email" gin_trgm_ops) WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_name_trgm" ON "distribution_distributor" USING gin ("display_name" gin_trgm_ops) WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_code_trgm" ON "distribution_distributor" USING gin ("referral_code" gin_trgm_ops) WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_distribution_distributor_email_trgm";`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_distribution_distributor_name_trgm";`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_distribution_distributor_code_trgm";`)
  }
}
