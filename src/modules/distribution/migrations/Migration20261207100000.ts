import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The settlement's queue moves to a table of its own,
 * `distribution_commission_due`: one row per pending commission that has a due
 * date (its id, `eligible_at`, and whether it is held because its earner is
 * suspended), and the commissions' due index goes.
 *
 * Why: each batch claimed its rows from the commissions' due index, and read
 * past every held commission of a suspended earner again to find them (at a
 * million distributors 2,470 entries read and earners probed for 973 rows
 * settled: 73 ms of the batch). The queue's index lists only what is not held,
 * so a batch reads the rows it settles (13–18 ms). The due index's predicate
 * also named the status, so settling a commission could never be a HOT
 * update; now no index of the commissions names the status, the due date or
 * the settlement time, and marking a commission due, settling it and reversing
 * it rewrite its row in place when its page has room (a tenth of each page is
 * kept free for that). The figures are in bench/README.md.
 *
 * Kept by the database, whoever writes a commission (the credit, the order's
 * delivery, the settlement, a reversal, a delete, a fixture): statement-level
 * triggers add a commission when it becomes pending with a due date, move its
 * date, and take it out when it is settled, reversed, deleted or soft-deleted;
 * a suspension and a reinstatement flip the earner's rows' `held`. The
 * settlement claims from it in due order and locks the commissions themselves
 * (SKIP LOCKED), as before; every writer locks a commission before its queue
 * row, so no two writers can wait on each other in a cycle.
 * `distribution_commission_is_due` and `distribution_distributor_is_suspended`
 * are the database's one definition of each, which the settlement's
 * statements use too (queries/commissions.ts).
 *
 * Written by hand: the model cannot declare a table kept beside another one.
 */
export class Migration20261207100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE IF NOT EXISTS "distribution_commission_due" (
      "commission_id" text NOT NULL,
      "eligible_at" timestamptz NOT NULL,
      "held" boolean NOT NULL DEFAULT false,
      CONSTRAINT "distribution_commission_due_pkey" PRIMARY KEY ("commission_id")
    );`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_commission_due_at" ON "distribution_commission_due" ("eligible_at") WHERE NOT held;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_commission_due_held" ON "distribution_commission_due" ("commission_id") WHERE held;`)

    // Whether a commission's earner is suspended: its due commissions are held, not settled.
    this.addSql(`CREATE OR REPLACE FUNCTION "distribution_distributor_is_suspended"(status text, deleted_at timestamptz)
      RETURNS boolean LANGUAGE sql IMMUTABLE AS $fn$
        SELECT status = 'suspended' AND deleted_at IS NULL
      $fn$;`)
    this.addSql(`CREATE OR REPLACE FUNCTION "distribution_earner_is_suspended"(earner text)
      RETURNS boolean LANGUAGE sql STABLE AS $fn$
        SELECT EXISTS (SELECT 1 FROM distribution_distributor d WHERE d.id = earner
                          AND distribution_distributor_is_suspended(d.status, d.deleted_at))
      $fn$;`)

    // Whether a commission row belongs in the queue: the one definition the triggers use.
    this.addSql(`CREATE OR REPLACE FUNCTION "distribution_commission_is_due"(status text, eligible_at timestamptz, deleted_at timestamptz)
      RETURNS boolean LANGUAGE sql IMMUTABLE AS $fn$
        SELECT status = 'pending' AND eligible_at IS NOT NULL AND deleted_at IS NULL
      $fn$;`)

    this.addSql(`CREATE OR REPLACE FUNCTION "distribution_commission_due_inserted"() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      INSERT INTO distribution_commission_due (commission_id, eligible_at, held)
      SELECT n.id, n.eligible_at, distribution_earner_is_suspended(n.distributor_id) FROM new_rows n
       WHERE distribution_commission_is_due(n.status, n.eligible_at, n.deleted_at)
      ON CONFLICT (commission_id) DO UPDATE SET eligible_at = EXCLUDED.eligible_at, held = EXCLUDED.held;
      RETURN NULL;
    END $fn$;`)

    // Only rows whose queue fields changed: a reversed amount alone moves nothing.
    this.addSql(`CREATE OR REPLACE FUNCTION "distribution_commission_due_updated"() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      DELETE FROM distribution_commission_due d
       USING old_rows o JOIN new_rows n ON n.id = o.id
       WHERE d.commission_id = o.id
         AND distribution_commission_is_due(o.status, o.eligible_at, o.deleted_at)
         AND NOT distribution_commission_is_due(n.status, n.eligible_at, n.deleted_at);
      INSERT INTO distribution_commission_due (commission_id, eligible_at, held)
      SELECT n.id, n.eligible_at, distribution_earner_is_suspended(n.distributor_id) FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE distribution_commission_is_due(n.status, n.eligible_at, n.deleted_at)
         AND NOT (distribution_commission_is_due(o.status, o.eligible_at, o.deleted_at)
                  AND o.eligible_at = n.eligible_at)
      ON CONFLICT (commission_id) DO UPDATE SET eligible_at = EXCLUDED.eligible_at, held = EXCLUDED.held;
      RETURN NULL;
    END $fn$;`)

    this.addSql(`CREATE OR REPLACE FUNCTION "distribution_commission_due_deleted"() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      DELETE FROM distribution_commission_due d USING old_rows o
       WHERE d.commission_id = o.id AND distribution_commission_is_due(o.status, o.eligible_at, o.deleted_at);
      RETURN NULL;
    END $fn$;`)

    this.addSql(`CREATE OR REPLACE FUNCTION "distribution_commission_due_truncated"() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      DELETE FROM distribution_commission_due;
      RETURN NULL;
    END $fn$;`)

    // A suspension holds the earner's queued commissions and a reinstatement
    // releases them; the commissions are locked first, as every writer of the
    // queue does (a settlement skips them meanwhile).
    this.addSql(`CREATE OR REPLACE FUNCTION "distribution_commission_due_earner_changed"() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      WITH queued AS (
        SELECT c.id FROM distribution_commission c
         WHERE c.distributor_id = NEW.id AND distribution_commission_is_due(c.status, c.eligible_at, c.deleted_at)
         ORDER BY c.id FOR UPDATE
      )
      UPDATE distribution_commission_due q SET held = distribution_distributor_is_suspended(NEW.status, NEW.deleted_at)
        FROM queued WHERE q.commission_id = queued.id;
      RETURN NULL;
    END $fn$;`)
    this.addSql(`DROP TRIGGER IF EXISTS "distribution_commission_due_earner" ON "distribution_distributor";`)
    this.addSql(`CREATE TRIGGER "distribution_commission_due_earner" AFTER UPDATE OF status, deleted_at ON "distribution_distributor"
      FOR EACH ROW WHEN (distribution_distributor_is_suspended(OLD.status, OLD.deleted_at)
                         IS DISTINCT FROM distribution_distributor_is_suspended(NEW.status, NEW.deleted_at))
      EXECUTE FUNCTION distribution_commission_due_earner_changed();`)

    this.addSql(`DROP TRIGGER IF EXISTS "distribution_commission_due_insert" ON "distribution_commission";`)
    this.addSql(`CREATE TRIGGER "distribution_commission_due_insert" AFTER INSERT ON "distribution_commission"
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION distribution_commission_due_inserted();`)
    this.addSql(`DROP TRIGGER IF EXISTS "distribution_commission_due_update" ON "distribution_commission";`)
    this.addSql(`CREATE TRIGGER "distribution_commission_due_update" AFTER UPDATE ON "distribution_commission"
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION distribution_commission_due_updated();`)
    this.addSql(`DROP TRIGGER IF EXISTS "distribution_commission_due_delete" ON "distribution_commission";`)
    this.addSql(`CREATE TRIGGER "distribution_commission_due_delete" AFTER DELETE ON "distribution_commission"
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION distribution_commission_due_deleted();`)
    this.addSql(`DROP TRIGGER IF EXISTS "distribution_commission_due_truncate" ON "distribution_commission";`)
    this.addSql(`CREATE TRIGGER "distribution_commission_due_truncate" AFTER TRUNCATE ON "distribution_commission"
      FOR EACH STATEMENT EXECUTE FUNCTION distribution_commission_due_truncated();`)

    // The queue as it stands (the triggers keep it from now on).
    this.addSql(`INSERT INTO "distribution_commission_due" (commission_id, eligible_at, held)
      SELECT id, eligible_at, distribution_earner_is_suspended(distributor_id) FROM "distribution_commission"
       WHERE distribution_commission_is_due(status, eligible_at, deleted_at)
      ON CONFLICT (commission_id) DO NOTHING;`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_distribution_commission_due";`)
    // Room on each page for a row's next version (new pages only: an existing table is not rewritten).
    this.addSql(`ALTER TABLE "distribution_commission" SET (fillfactor = 90);`)
  }

  override async down(): Promise<void> {
    this.addSql(`ALTER TABLE "distribution_commission" RESET (fillfactor);`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_commission_due" ON "distribution_commission" ("eligible_at") WHERE status = 'pending' AND eligible_at IS NOT NULL AND deleted_at IS NULL;`)
    for (const t of ["insert", "update", "delete", "truncate"]) {
      this.addSql(`DROP TRIGGER IF EXISTS "distribution_commission_due_${t}" ON "distribution_commission";`)
    }
    this.addSql(`DROP FUNCTION IF EXISTS "distribution_commission_due_inserted"(), "distribution_commission_due_updated"(), "distribution_commission_due_deleted"(), "distribution_commission_due_truncated"();`)
    this.addSql(`DROP TRIGGER IF EXISTS "distribution_commission_due_earner" ON "distribution_distributor";`)
    this.addSql(`DROP FUNCTION IF EXISTS "distribution_commission_due_earner_changed"();`)
    this.addSql(`DROP FUNCTION IF EXISTS "distribution_commission_is_due"(text, timestamptz, timestamptz);`)
    this.addSql(`DROP FUNCTION IF EXISTS "distribution_earner_is_suspended"(text), "distribution_distributor_is_suspended"(text, timestamptz);`)
    this.addSql(`DROP TABLE IF EXISTS "distribution_commission_due";`)
  }
}
