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

    // What one commission adds to its distributor's totals, and whether its
    // order counts: the one definition the view and the trigger both use.
    this.addSql(`CREATE OR REPLACE FUNCTION "distribution_commission_figures"(
        status text, depth integer, base_amount numeric, amount numeric, reversed_amount numeric)
      RETURNS TABLE (pending_line integer, sales numeric, commissions numeric, pending numeric,
                     settled_personal_sales numeric, settled_team_sales numeric,
                     counts_order boolean, counts_settled_order boolean)
      LANGUAGE sql IMMUTABLE AS $fn$
        SELECT (status = 'pending')::int,
               CASE WHEN depth = 1 AND status <> 'reversed' THEN base_amount ELSE 0 END,
               amount - reversed_amount,
               CASE WHEN status = 'pending' THEN amount - reversed_amount ELSE 0 END,
               CASE WHEN depth = 1 AND status = 'settled' THEN coalesce(base_amount * (1 - reversed_amount / NULLIF(amount, 0)), 0) ELSE 0 END,
               CASE WHEN status = 'settled' THEN coalesce(base_amount * (1 - reversed_amount / NULLIF(amount, 0)), 0) ELSE 0 END,
               depth = 1 AND status <> 'reversed',
               depth = 1 AND status = 'settled'
      $fn$;`);

    this.addSql(`CREATE OR REPLACE VIEW "distribution_commission_total_derived" AS
      SELECT c.distributor_id, c.currency_code,
             count(*)::int AS lines,
             sum(f.pending_line)::int AS pending_lines,
             sum(f.sales) AS sales,
             (count(DISTINCT c.order_id) FILTER (WHERE f.counts_order))::int AS orders,
             sum(f.commissions) AS commissions,
             sum(f.pending) AS pending,
             sum(f.settled_personal_sales) AS settled_personal_sales,
             sum(f.settled_team_sales) AS settled_team_sales,
             (count(DISTINCT c.order_id) FILTER (WHERE f.counts_settled_order))::int AS settled_orders
        FROM distribution_commission c
        CROSS JOIN LATERAL distribution_commission_figures(c.status, c.depth, c.base_amount, c.amount, c.reversed_amount) f
       WHERE c.deleted_at IS NULL
       GROUP BY c.distributor_id, c.currency_code;`);

    this.addSql(`DO $$ BEGIN
      CREATE TYPE "distribution_commission_change" AS (
        sign integer, distributor_id text, currency_code text, order_id text, depth integer,
        status text, base_amount numeric, amount numeric, reversed_amount numeric);
    EXCEPTION WHEN duplicate_object THEN NULL; END $$;`);

    // A commission row as a change of `sign` (+1 written, −1 gone); none for a deleted row.
    this.addSql(`CREATE OR REPLACE FUNCTION "distribution_commission_change_of"(sign integer, c "distribution_commission")
      RETURNS "distribution_commission_change" LANGUAGE sql IMMUTABLE AS $fn$
        SELECT CASE WHEN c.deleted_at IS NULL THEN
          ROW(sign, c.distributor_id, c.currency_code, c.order_id, c.depth, c.status, c.base_amount, c.amount, c.reversed_amount)::distribution_commission_change
        END
      $fn$;`);

    this.addSql(`CREATE OR REPLACE FUNCTION "distribution_apply_commission_changes"(changes "distribution_commission_change"[])
    RETURNS void LANGUAGE plpgsql AS $fn$
    BEGIN
      IF coalesce(array_length(changes, 1), 0) = 0 THEN
        RETURN;
      END IF;
      -- What changed, added to each total; the totals locked in one order.
      INSERT INTO distribution_commission_total AS t
        (distributor_id, currency_code, lines, pending_lines, sales, commissions, pending, settled_personal_sales, settled_team_sales)
      SELECT c.distributor_id, c.currency_code, sum(c.sign), sum(c.sign * f.pending_line),
             sum(c.sign * f.sales), sum(c.sign * f.commissions), sum(c.sign * f.pending),
             sum(c.sign * f.settled_personal_sales), sum(c.sign * f.settled_team_sales)
        FROM unnest(changes) c
        CROSS JOIN LATERAL distribution_commission_figures(c.status, c.depth, c.base_amount, c.amount, c.reversed_amount) f
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
               coalesce(sum(c.sign) FILTER (WHERE f.counts_order), 0) AS live_change,
               coalesce(sum(c.sign) FILTER (WHERE f.counts_settled_order), 0) AS settled_change
          FROM unnest(changes) c
          CROSS JOIN LATERAL distribution_commission_figures(c.status, c.depth, c.base_amount, c.amount, c.reversed_amount) f
         WHERE c.depth = 1
         GROUP BY c.distributor_id, c.currency_code, c.order_id
      ), counted AS (
        SELECT p.*, n.live, n.settled
          FROM pairs p CROSS JOIN LATERAL (
            SELECT count(*) FILTER (WHERE f.counts_order) AS live,
                   count(*) FILTER (WHERE f.counts_settled_order) AS settled
              FROM distribution_commission x
              CROSS JOIN LATERAL distribution_commission_figures(x.status, x.depth, x.base_amount, x.amount, x.reversed_amount) f
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
        SELECT ch FROM new_rows n, distribution_commission_change_of(1, n) ch WHERE NOT (ch IS NULL)));
      RETURN NULL;
    END $fn$;`);

    this.addSql(`CREATE OR REPLACE FUNCTION "distribution_commission_rows_updated"() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      -- Only rows whose counted fields changed (a due date alone moves no total).
      PERFORM distribution_apply_commission_changes(ARRAY(
        SELECT ch FROM old_rows o JOIN new_rows n ON n.id = o.id
          CROSS JOIN LATERAL (VALUES (distribution_commission_change_of(-1, o)), (distribution_commission_change_of(1, n))) AS v(ch)
         WHERE NOT (v.ch IS NULL)
           AND distribution_commission_change_of(1, o) IS DISTINCT FROM distribution_commission_change_of(1, n)));
      RETURN NULL;
    END $fn$;`);

    this.addSql(`CREATE OR REPLACE FUNCTION "distribution_commission_rows_deleted"() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM distribution_apply_commission_changes(ARRAY(
        SELECT ch FROM old_rows o, distribution_commission_change_of(-1, o) ch WHERE NOT (ch IS NULL)));
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
    this.addSql(`DROP FUNCTION IF EXISTS "distribution_commission_change_of"(integer, "distribution_commission");`);
    this.addSql(`DROP TYPE IF EXISTS "distribution_commission_change";`);
    this.addSql(`DROP VIEW IF EXISTS "distribution_commission_total_derived";`);
    this.addSql(`DROP FUNCTION IF EXISTS "distribution_commission_figures"(text, integer, numeric, numeric, numeric);`);
    this.addSql(`DROP TABLE IF EXISTS "distribution_commission_total";`);
  }

}
