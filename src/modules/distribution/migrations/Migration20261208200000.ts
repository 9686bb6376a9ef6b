import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The settlement's queue (`distribution_commission_due`) carries each queued
 * commission's earner and currency, which never change for a commission, so
 * that the settlement job's two reads before its batches answer from the
 * queue alone:
 * - the window of due commissions in earner order (`dueInEarnerOrder`) sorts
 *   the queue's rows instead of reading 50,000 commissions for their earner
 *   (0.45 s a run at a million distributors);
 * - releasing commissions held for an earner reinstated meanwhile
 *   (`releaseHeld`) asks, for each held row, whether its earner is still
 *   suspended, and locks the commission only when it is not; it used to read
 *   every held commission's row on every run (0.37 s with a few thousand
 *   held, more as suspended earners' commissions pile up).
 *
 * The triggers of Migration20261207100000 write the two columns from now on
 * (their functions are replaced here, still without JIT:
 * Migration20261208100000); the rows already queued get them from their
 * commissions.
 */
const inserted = (columns: boolean) => `CREATE OR REPLACE FUNCTION "distribution_commission_due_inserted"() RETURNS trigger
    LANGUAGE plpgsql SET jit = off AS $fn$
    BEGIN
      INSERT INTO distribution_commission_due (commission_id, eligible_at, held${columns ? ", distributor_id, currency_code" : ""})
      SELECT n.id, n.eligible_at, distribution_earner_is_suspended(n.distributor_id)${columns ? ", n.distributor_id, n.currency_code" : ""} FROM new_rows n
       WHERE distribution_commission_is_due(n.status, n.eligible_at, n.deleted_at)
      ON CONFLICT (commission_id) DO UPDATE SET eligible_at = EXCLUDED.eligible_at, held = EXCLUDED.held;
      RETURN NULL;
    END $fn$;`

const updated = (columns: boolean) => `CREATE OR REPLACE FUNCTION "distribution_commission_due_updated"() RETURNS trigger
    LANGUAGE plpgsql SET jit = off AS $fn$
    BEGIN
      DELETE FROM distribution_commission_due d
       USING old_rows o JOIN new_rows n ON n.id = o.id
       WHERE d.commission_id = o.id
         AND distribution_commission_is_due(o.status, o.eligible_at, o.deleted_at)
         AND NOT distribution_commission_is_due(n.status, n.eligible_at, n.deleted_at);
      INSERT INTO distribution_commission_due (commission_id, eligible_at, held${columns ? ", distributor_id, currency_code" : ""})
      SELECT n.id, n.eligible_at, distribution_earner_is_suspended(n.distributor_id)${columns ? ", n.distributor_id, n.currency_code" : ""}
        FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE distribution_commission_is_due(n.status, n.eligible_at, n.deleted_at)
         AND NOT (distribution_commission_is_due(o.status, o.eligible_at, o.deleted_at)
                  AND o.eligible_at = n.eligible_at)
      ON CONFLICT (commission_id) DO UPDATE SET eligible_at = EXCLUDED.eligible_at, held = EXCLUDED.held;
      RETURN NULL;
    END $fn$;`

export class Migration20261208200000 extends Migration {
  override async up(): Promise<void> {
    // The queue is locked until the migration commits: no writer queues a row without them meanwhile.
    this.addSql(`ALTER TABLE "distribution_commission_due" ADD COLUMN IF NOT EXISTS "distributor_id" text,
      ADD COLUMN IF NOT EXISTS "currency_code" text;`)
    this.addSql(`UPDATE "distribution_commission_due" q SET distributor_id = c.distributor_id, currency_code = c.currency_code
      FROM "distribution_commission" c WHERE c.id = q.commission_id AND q.distributor_id IS NULL;`)
    // A queued row without its commission (none can be, unless written by hand) would settle nothing.
    this.addSql(`DELETE FROM "distribution_commission_due" WHERE distributor_id IS NULL;`)
    this.addSql(`ALTER TABLE "distribution_commission_due" ALTER COLUMN "distributor_id" SET NOT NULL,
      ALTER COLUMN "currency_code" SET NOT NULL;`)
    this.addSql(inserted(true))
    this.addSql(updated(true))
  }

  override async down(): Promise<void> {
    this.addSql(inserted(false))
    this.addSql(updated(false))
    this.addSql(`ALTER TABLE "distribution_commission_due" DROP COLUMN IF EXISTS "distributor_id",
      DROP COLUMN IF EXISTS "currency_code";`)
  }
}
