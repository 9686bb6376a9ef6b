import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Kept totals of each distributor's commissions per currency
 * (`distribution_commission_total`), so that the distributor centre's
 * all-time figures, its pending balance and the level thresholds read one row
 * instead of adding up every commission of the distributor: the largest
 * team's founder earns from every order of its first three levels, and its
 * summary used to read ten thousand rows at a million distributors.
 *
 * The database keeps them, whichever statement writes a commission (the
 * credit, the settlement, a reversal, a delete, a fixture): statement-level
 * triggers hand the changed rows, before and after, to
 * `distribution_apply_commission_changes`, which
 * - locks the totals it moves in one order (distributor, currency), creating
 *   the missing ones, and adds what changed (one upsert);
 * - then, with the locks held and a fresh snapshot, counts the orders that
 *   started or stopped counting: an order counts while the distributor has a
 *   depth-1 commission of it that is not wholly reversed (`orders`), or one
 *   that is settled (`settled_orders`). Whoever changes another line of the
 *   same order waits for the lock, then sees this one's rows committed.
 *
 * `distribution_commission_total_derived` is the same totals added up from
 * the commissions: the backfill here, a rebuild, and the check that the kept
 * totals equal it.
 */
export class Migration20261203200000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE IF NOT EXISTS "distribution_commission_total" (
      "distributor_id" text NOT NULL,
      "currency_code" text NOT NULL,
      "lines" integer NOT NULL DEFAULT 0,
      "pending_lines" integer NOT NULL DEFAULT 0,
      "sales" numeric NOT NULL DEFAULT 0,
      "orders" integer NOT NULL DEFAULT 0,
      "commissions" numeric NOT NULL DEFAULT 0,
      "pending" numeric NOT NULL DEFAULT 0,
      "settled_personal_sales" numeric NOT NULL DEFAULT 0,
      "settled_team_sales" numeric NOT NULL DEFAULT 0,
      "settled_orders" integer NOT NULL DEFAULT 0,
      CONSTRAINT "distribution_commission_total_pkey" PRIMARY KEY ("distributor_id", "currency_code")
    ) WITH (fillfactor = 80);`);

    this.addSql(`CREATE OR REPLACE VIEW "distribution_commission_total_derived" AS
      SELECT distributor_id, currency_code,
             count(*)::int AS lines,
             (count(*) FILTER (WHERE status = 'pending'))::int AS pending_lines,
             coalesce(sum(base_amount) FILTER (WHERE depth = 1 AND status <> 'reversed'), 0) AS sales,
             (count(DISTINCT order_id) FILTER (WHERE depth = 1 AND status <> 'reversed'))::int AS orders,
             coalesce(sum(amount - reversed_amount), 0) AS commissions,
             coalesce(sum(amount - reversed_amount) FILTER (WHERE status = 'pending'), 0) AS pending,
             coalesce(sum(base_amount * (1 - reversed_amount / NULLIF(amount, 0))) FILTER (WHERE status = 'settled' AND depth = 1), 0) AS settled_personal_sales,
             coalesce(sum(base_amount * (1 - reversed_amount / NULLIF(amount, 0))) FILTER (WHERE status = 'settled'), 0) AS settled_team_sales,
             (count(DISTINCT order_id) FILTER (WHERE depth = 1 AND status = 'settled'))::int AS settled_orders
        FROM distribution_commission WHERE deleted_at IS NULL
       GROUP BY distributor_id, currency_code;`);

    this.addSql(`DO $$ BEGIN
      CREATE TYPE "distribution_commission_change" AS (
        sign integer, distributor_id text, currency_code text, order_id text, depth integer,
        status text, base_amount numeric, amount numeric, reversed_amount numeric);
    EXCEPTION WHEN duplicate_object THEN NULL; END $$;`);

    this.addSql(`CREATE OR REPLACE FUNCTION "distribution_apply_commission_changes"(changes "distribution_commission_change"[])
    RETURNS void LANGUAGE plpgsql AS $fn$
    BEGIN
      IF coalesce(array_length(changes, 1), 0) = 0 THEN
        RETURN;
      END IF;
      -- What changed, added to each total; the totals locked in one order.
      INSERT INTO distribution_commission_total AS t
        (distributor_id, currency_code, lines, pending_lines, sales, commissions, pending, settled_personal_sales, settled_team_sales)
      SELECT c.distributor_id, c.currency_code,
             sum(c.sign),
             coalesce(sum(c.sign) FILTER (WHERE c.status = 'pending'), 0),
             coalesce(sum(c.sign * c.base_amount) FILTER (WHERE c.depth = 1 AND c.status <> 'reversed'), 0),
             sum(c.sign * (c.amount - c.reversed_amount)),
             coalesce(sum(c.sign * (c.amount - c.reversed_amount)) FILTER (WHERE c.status = 'pending'), 0),
             coalesce(sum(c.sign * (c.base_amount * (1 - c.reversed_amount / NULLIF(c.amount, 0)))) FILTER (WHERE c.status = 'settled' AND c.depth = 1), 0),
             coalesce(sum(c.sign * (c.base_amount * (1 - c.reversed_amount / NULLIF(c.amount, 0)))) FILTER (WHERE c.status = 'settled'), 0)
        FROM unnest(changes) c
       GROUP BY c.distributor_id, c.currency_code
       ORDER BY c.distributor_id, c.currency_code
      ON CONFLICT (distributor_id, currency_code) DO UPDATE SET
        lines = t.lines + EXCLUDED.lines,
        pending_lines = t.pending_lines + EXCLUDED.pending_lines,
        sales = t.sales + EXCLUDED.sales,
        commissions = t.commissions + EXCLUDED.commissions,
        pending = t.pending + EXCLUDED.pending,
        settled_personal_sales = t.settled_personal_sales + EXCLUDED.settled_personal_sales,
        settled_team_sales = t.settled_team_sales + EXCLUDED.settled_team_sales;

      -- The orders that started or stopped counting, read with the locks held:
      -- how many depth-1 lines of each order count now, and before this change.
      WITH pairs AS (
        SELECT c.distributor_id, c.currency_code, c.order_id,
               coalesce(sum(c.sign) FILTER (WHERE c.status <> 'reversed'), 0) AS live_change,
               coalesce(sum(c.sign) FILTER (WHERE c.status = 'settled'), 0) AS settled_change
          FROM unnest(changes) c WHERE c.depth = 1
         GROUP BY c.distributor_id, c.currency_code, c.order_id
      ), counted AS (
        SELECT p.*, n.live, n.settled
          FROM pairs p CROSS JOIN LATERAL (
            SELECT count(*) FILTER (WHERE x.status <> 'reversed') AS live,
                   count(*) FILTER (WHERE x.status = 'settled') AS settled
              FROM distribution_commission x
             WHERE x.order_id = p.order_id AND x.distributor_id = p.distributor_id AND x.depth = 1
               AND x.currency_code = p.currency_code AND x.deleted_at IS NULL) n
      ), moved AS (
        SELECT distributor_id, currency_code,
               sum((live > 0)::int - (live - live_change > 0)::int) AS orders,
               sum((settled > 0)::int - (settled - settled_change > 0)::int) AS settled_orders
          FROM counted GROUP BY distributor_id, currency_code
      )
      UPDATE distribution_commission_total t
         SET orders = t.orders + m.orders, settled_orders = t.settled_orders + m.settled_orders
        FROM moved m
       WHERE t.distributor_id = m.distributor_id AND t.currency_code = m.currency_code
         AND (m.orders <> 0 OR m.settled_orders <> 0);
    END $fn$;`);

    this.addSql(`CREATE OR REPLACE FUNCTION "distribution_commission_rows_inserted"() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM distribution_apply_commission_changes(ARRAY(
        SELECT ROW(1, n.distributor_id, n.currency_code, n.order_id, n.depth, n.status, n.base_amount, n.amount, n.reversed_amount)::distribution_commission_change
          FROM new_rows n WHERE n.deleted_at IS NULL));
      RETURN NULL;
    END $fn$;`);

    this.addSql(`CREATE OR REPLACE FUNCTION "distribution_commission_rows_updated"() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      -- Only rows whose counted fields changed (a due date alone moves no total).
      PERFORM distribution_apply_commission_changes(ARRAY(
        SELECT ch FROM old_rows o JOIN new_rows n ON n.id = o.id
          CROSS JOIN LATERAL (VALUES
            (CASE WHEN o.deleted_at IS NULL THEN ROW(-1, o.distributor_id, o.currency_code, o.order_id, o.depth, o.status, o.base_amount, o.amount, o.reversed_amount)::distribution_commission_change END),
            (CASE WHEN n.deleted_at IS NULL THEN ROW(1, n.distributor_id, n.currency_code, n.order_id, n.depth, n.status, n.base_amount, n.amount, n.reversed_amount)::distribution_commission_change END)
          ) AS v(ch)
         WHERE NOT (v.ch IS NULL)
           AND (o.distributor_id, o.currency_code, o.order_id, o.depth, o.status, o.base_amount, o.amount, o.reversed_amount, o.deleted_at IS NULL)
               IS DISTINCT FROM
               (n.distributor_id, n.currency_code, n.order_id, n.depth, n.status, n.base_amount, n.amount, n.reversed_amount, n.deleted_at IS NULL)));
      RETURN NULL;
    END $fn$;`);

    this.addSql(`CREATE OR REPLACE FUNCTION "distribution_commission_rows_deleted"() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM distribution_apply_commission_changes(ARRAY(
        SELECT ROW(-1, o.distributor_id, o.currency_code, o.order_id, o.depth, o.status, o.base_amount, o.amount, o.reversed_amount)::distribution_commission_change
          FROM old_rows o WHERE o.deleted_at IS NULL));
      RETURN NULL;
    END $fn$;`);

    this.addSql(`CREATE OR REPLACE FUNCTION "distribution_commission_truncated"() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      DELETE FROM distribution_commission_total;
      RETURN NULL;
    END $fn$;`);

    this.addSql(`DROP TRIGGER IF EXISTS "distribution_commission_total_insert" ON "distribution_commission";`);
    this.addSql(`CREATE TRIGGER "distribution_commission_total_insert" AFTER INSERT ON "distribution_commission"
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION distribution_commission_rows_inserted();`);
    this.addSql(`DROP TRIGGER IF EXISTS "distribution_commission_total_update" ON "distribution_commission";`);
    this.addSql(`CREATE TRIGGER "distribution_commission_total_update" AFTER UPDATE ON "distribution_commission"
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION distribution_commission_rows_updated();`);
    this.addSql(`DROP TRIGGER IF EXISTS "distribution_commission_total_delete" ON "distribution_commission";`);
    this.addSql(`CREATE TRIGGER "distribution_commission_total_delete" AFTER DELETE ON "distribution_commission"
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION distribution_commission_rows_deleted();`);
    this.addSql(`DROP TRIGGER IF EXISTS "distribution_commission_total_truncate" ON "distribution_commission";`);
    this.addSql(`CREATE TRIGGER "distribution_commission_total_truncate" AFTER TRUNCATE ON "distribution_commission"
      FOR EACH STATEMENT EXECUTE FUNCTION distribution_commission_truncated();`);

    // The totals of the commissions already there (the triggers keep them from now on).
    this.addSql(`DELETE FROM "distribution_commission_total";`);
    this.addSql(`INSERT INTO "distribution_commission_total" SELECT * FROM "distribution_commission_total_derived";`);

    // What the level thresholds read now; the settlement no longer writes an entry into it.
    this.addSql(`DROP INDEX IF EXISTS "IDX_distribution_commission_settled_stats";`);
  }

  override async down(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_commission_settled_stats" ON "distribution_commission" ("distributor_id") INCLUDE ("depth", "order_id", "base_amount", "amount", "reversed_amount") WHERE status = 'settled' AND deleted_at IS NULL;`);
    for (const t of ["insert", "update", "delete", "truncate"]) {
      this.addSql(`DROP TRIGGER IF EXISTS "distribution_commission_total_${t}" ON "distribution_commission";`);
    }
    this.addSql(`DROP FUNCTION IF EXISTS "distribution_commission_rows_inserted"(), "distribution_commission_rows_updated"(), "distribution_commission_rows_deleted"(), "distribution_commission_truncated"();`);
    this.addSql(`DROP FUNCTION IF EXISTS "distribution_apply_commission_changes"("distribution_commission_change"[]);`);
    this.addSql(`DROP TYPE IF EXISTS "distribution_commission_change";`);
    this.addSql(`DROP VIEW IF EXISTS "distribution_commission_total_derived";`);
    this.addSql(`DROP TABLE IF EXISTS "distribution_commission_total";`);
  }

}
