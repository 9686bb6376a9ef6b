import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The admin's distributor search reads a table of its own,
 * `distribution_distributor_search`: one row per live distributor with the
 * columns a term is matched against (name, e-mail, referral code) and the two
 * orders a page is walked in (team size, registration). The database keeps it
 * from the distributors, whichever statement writes them: a registration, a
 * copy of the customer's name or address, a code, a team's counters, a
 * deletion.
 *
 * Why: a subtree's move rewrites the path and depth of every row under it (ten
 * thousand rows in a large team), and PostgreSQL writes a new entry into every
 * index of the table for each rewritten row. The search's six indexes on the
 * distributors (two trigram, two prefix, two walks carrying the matched
 * columns) were most of that work: at a million distributors the move's
 * UPDATE took 2.1 s with them and 0.75–1.07 s without them, and without them
 * ten times the data cost about 1.1 times the time instead of 1.5. In a table
 * of their own, a move writes none of them: the update trigger below fires
 * only when a column the search holds changes, and a move changes those of
 * the two uplines' counters only.
 *
 * Concurrent writers: a search row is written only by the transaction that
 * holds its distributor's row (an insert's new rows, an update's or delete's
 * locked ones), so two registrations under one upline serialise on the
 * upline's rows as before, and no new lock order arises.
 *
 * Written by hand: the model cannot declare a table kept by triggers, nor an
 * index on an expression.
 */
export class Migration20261205100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE IF NOT EXISTS "distribution_distributor_search" (
      "id" text NOT NULL,
      "display_name" text NULL,
      "email" text NULL,
      "referral_code" text NULL,
      "team_size" integer NOT NULL,
      "created_at" timestamptz NOT NULL,
      CONSTRAINT "distribution_distributor_search_pkey" PRIMARY KEY ("id")
    );`)

    const columns = "id, display_name, email, referral_code, team_size, created_at"
    const upsert = `ON CONFLICT (id) DO UPDATE
        SET display_name = excluded.display_name, email = excluded.email, referral_code = excluded.referral_code,
            team_size = excluded.team_size, created_at = excluded.created_at`
    this.addSql(`CREATE OR REPLACE FUNCTION "distribution_distributor_search_inserted"() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      INSERT INTO distribution_distributor_search (${columns})
      SELECT ${columns} FROM new_rows WHERE deleted_at IS NULL
      ${upsert};
      RETURN NULL;
    END $fn$;`)
    this.addSql(`CREATE OR REPLACE FUNCTION "distribution_distributor_search_updated"() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF OLD.id IS DISTINCT FROM NEW.id OR NEW.deleted_at IS NOT NULL THEN
        DELETE FROM distribution_distributor_search WHERE id = OLD.id;
      END IF;
      IF NEW.deleted_at IS NULL THEN
        INSERT INTO distribution_distributor_search (${columns})
        VALUES (NEW.id, NEW.display_name, NEW.email, NEW.referral_code, NEW.team_size, NEW.created_at)
        ${upsert};
      END IF;
      RETURN NULL;
    END $fn$;`)
    this.addSql(`CREATE OR REPLACE FUNCTION "distribution_distributor_search_deleted"() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      DELETE FROM distribution_distributor_search WHERE id IN (SELECT id FROM old_rows);
      RETURN NULL;
    END $fn$;`)
    this.addSql(`CREATE OR REPLACE FUNCTION "distribution_distributor_search_truncated"() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      DELETE FROM distribution_distributor_search;
      RETURN NULL;
    END $fn$;`)

    // Inserts and deletes per statement (a bulk load is one statement). Updates
    // per row, and only of the columns the search holds: PostgreSQL does not
    // call the trigger for an UPDATE that sets none of them (a move's paths and
    // depths), nor for one that changes none of their values.
    this.addSql(`DROP TRIGGER IF EXISTS "distribution_distributor_search_insert" ON "distribution_distributor";`)
    this.addSql(`CREATE TRIGGER "distribution_distributor_search_insert" AFTER INSERT ON "distribution_distributor"
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION distribution_distributor_search_inserted();`)
    this.addSql(`DROP TRIGGER IF EXISTS "distribution_distributor_search_update" ON "distribution_distributor";`)
    this.addSql(`CREATE TRIGGER "distribution_distributor_search_update"
      AFTER UPDATE OF id, display_name, email, referral_code, team_size, created_at, deleted_at ON "distribution_distributor"
      FOR EACH ROW WHEN (
        OLD.id IS DISTINCT FROM NEW.id OR OLD.display_name IS DISTINCT FROM NEW.display_name
        OR OLD.email IS DISTINCT FROM NEW.email OR OLD.referral_code IS DISTINCT FROM NEW.referral_code
        OR OLD.team_size IS DISTINCT FROM NEW.team_size OR OLD.created_at IS DISTINCT FROM NEW.created_at
        OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
      EXECUTE FUNCTION distribution_distributor_search_updated();`)
    this.addSql(`DROP TRIGGER IF EXISTS "distribution_distributor_search_delete" ON "distribution_distributor";`)
    this.addSql(`CREATE TRIGGER "distribution_distributor_search_delete" AFTER DELETE ON "distribution_distributor"
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION distribution_distributor_search_deleted();`)
    this.addSql(`DROP TRIGGER IF EXISTS "distribution_distributor_search_truncate" ON "distribution_distributor";`)
    this.addSql(`CREATE TRIGGER "distribution_distributor_search_truncate" AFTER TRUNCATE ON "distribution_distributor"
      FOR EACH STATEMENT EXECUTE FUNCTION distribution_distributor_search_truncated();`)

    // The distributors already there (the triggers keep them from now on).
    this.addSql(`INSERT INTO distribution_distributor_search (${columns})
      SELECT ${columns} FROM distribution_distributor WHERE deleted_at IS NULL
      ON CONFLICT (id) DO NOTHING;`)

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_search_name_trgm" ON "distribution_distributor_search" USING gin ("display_name" gin_trgm_ops);`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_search_email_trgm" ON "distribution_distributor_search" USING gin ("email" gin_trgm_ops);`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_search_name_prefix" ON "distribution_distributor_search" (lower(display_name) text_pattern_ops) INCLUDE (display_name);`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_search_email_prefix" ON "distribution_distributor_search" (lower(email) text_pattern_ops) INCLUDE (email);`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_search_code" ON "distribution_distributor_search" ("referral_code") WHERE referral_code IS NOT NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_search_walk_team_size" ON "distribution_distributor_search" ((team_size::bigint), id) INCLUDE (team_size, referral_code, email, display_name);`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_search_walk_created" ON "distribution_distributor_search" ((created_at AT TIME ZONE 'UTC'), id) INCLUDE (created_at, referral_code, email, display_name);`)
    this.addSql(`ANALYZE "distribution_distributor_search";`)

    for (const name of ["email_trgm", "name_trgm", "name_prefix", "email_prefix", "walk_team_size", "walk_created"]) {
      this.addSql(`DROP INDEX IF EXISTS "IDX_distribution_distributor_${name}";`)
    }
  }

  override async down(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_email_trgm" ON "distribution_distributor" USING gin ("email" gin_trgm_ops) WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_name_trgm" ON "distribution_distributor" USING gin ("display_name" gin_trgm_ops) WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_name_prefix" ON "distribution_distributor" (lower(display_name) text_pattern_ops) INCLUDE (display_name) WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_email_prefix" ON "distribution_distributor" (lower(email) text_pattern_ops) INCLUDE (email) WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_walk_team_size" ON "distribution_distributor" ((team_size::bigint), id) INCLUDE (team_size, referral_code, email, display_name) WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_walk_created" ON "distribution_distributor" ((created_at AT TIME ZONE 'UTC'), id) INCLUDE (created_at, referral_code, email, display_name) WHERE deleted_at IS NULL;`)
    for (const t of ["insert", "update", "delete", "truncate"]) {
      this.addSql(`DROP TRIGGER IF EXISTS "distribution_distributor_search_${t}" ON "distribution_distributor";`)
    }
    this.addSql(`DROP FUNCTION IF EXISTS "distribution_distributor_search_inserted"(), "distribution_distributor_search_updated"(), "distribution_distributor_search_deleted"(), "distribution_distributor_search_truncated"();`)
    this.addSql(`DROP TABLE IF EXISTS "distribution_distributor_search";`)
  }
}
