import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * A job run keeps the window of orders it swept: the reconcile job's next run
 * starts from the end of the last successful one (its watermark). Runs kept
 * from before have none: the first run after this falls back to reconcile_days.
 */
export class Migration20261130144940 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "distribution_job_run" add column if not exists "window_from" timestamptz null, add column if not exists "window_to" timestamptz null, add column if not exists "watermark" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "distribution_job_run" drop column if exists "window_from", drop column if exists "window_to", drop column if exists "watermark";`);
  }

}
