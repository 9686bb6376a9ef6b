import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * When a sale's start and end were announced (distribution.sale.started /
 * .ended), each claimed once by a conditional UPDATE. Sales that had already
 * started or ended count as announced: the first run of the job does not send
 * events for what happened before it existed.
 */
export class Migration20261130230000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "distribution_sale" add column if not exists "started_event_at" timestamptz null, add column if not exists "ended_event_at" timestamptz null;`);
    this.addSql(`update "distribution_sale" set "started_event_at" = "starts_at" where "started_event_at" is null and "starts_at" <= now();`);
    this.addSql(`update "distribution_sale" set "ended_event_at" = "ends_at" where "ended_event_at" is null and "ends_at" <= now();`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_sale_start_unannounced" ON "distribution_sale" ("starts_at") WHERE deleted_at IS NULL AND started_event_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_sale_end_unannounced" ON "distribution_sale" ("ends_at") WHERE deleted_at IS NULL AND ended_event_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_distribution_sale_end_unannounced";`);
    this.addSql(`drop index if exists "IDX_distribution_sale_start_unannounced";`);
    this.addSql(`alter table if exists "distribution_sale" drop column if exists "started_event_at", drop column if exists "ended_event_at";`);
  }

}
