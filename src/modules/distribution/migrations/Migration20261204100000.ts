import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The admin's distributor search answers a common term without reading the
 * table (queries/distributor-search.ts):
 *
 * - the name and the e-mail lower-cased, by prefix. Most searches type the
 *   beginning of a name or an address (a surname, a full name, `wei.zhang`);
 *   when more than the count's cap begin with the term, these indexes say so by
 *   reading the cap's worth of entries, where the trigram indexes read every
 *   entry of the term's trigrams (their posting lists grow with the table).
 *   Each carries its column, so that the count is an index-only scan;
 * - the search's walks along team size and registration carry the columns the
 *   term is matched against (and the column under the order's expression), so
 *   that walking them to a page is an index-only scan too, not a read of each
 *   walked row. Under new names, replacing Migration20261130145233's: an
 *   installation may build them beforehand with CREATE INDEX CONCURRENTLY;
 * - a code is found by its beginning in the codes' unique index (a range: the
 *   codes are upper case, of characters that sort alike in any collation), so
 *   the codes' trigram index is no longer read, and no longer written on every
 *   change of a row (a subtree's move rewrites each of its rows). Nor is the
 *   plain index of the addresses, which no query read: the search reads the
 *   addresses through their trigram and prefix indexes.
 *
 * Written by hand: the model cannot declare an index on an expression.
 */
export class Migration20261204100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_name_prefix" ON "distribution_distributor" (lower(display_name) text_pattern_ops) INCLUDE (display_name) WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_email_prefix" ON "distribution_distributor" (lower(email) text_pattern_ops) INCLUDE (email) WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_walk_team_size" ON "distribution_distributor" ((team_size::bigint), id) INCLUDE (team_size, referral_code, email, display_name) WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_walk_created" ON "distribution_distributor" ((created_at AT TIME ZONE 'UTC'), id) INCLUDE (created_at, referral_code, email, display_name) WHERE deleted_at IS NULL;`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_distribution_distributor_search_team_size";`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_distribution_distributor_search_created";`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_distribution_distributor_code_trgm";`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_distribution_distributor_email";`)
  }

  override async down(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_email" ON "distribution_distributor" ("email") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_code_trgm" ON "distribution_distributor" USING gin ("referral_code" gin_trgm_ops) WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_search_team_size" ON "distribution_distributor" ((team_size::bigint), id) WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_search_created" ON "distribution_distributor" ((created_at AT TIME ZONE 'UTC'), id) WHERE deleted_at IS NULL;`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_distribution_distributor_walk_team_size";`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_distribution_distributor_walk_created";`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_distribution_distributor_name_prefix";`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_distribution_distributor_email_prefix";`)
  }
}
