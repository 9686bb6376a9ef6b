import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * A job run's heartbeat: the instance running it stamps the row while it runs,
 * so a run whose instance was killed is closed by the next tick minutes later
 * instead of hours. Open runs kept from before count from their start.
 */
export class Migration20261130190000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "distribution_job_run" add column if not exists "heartbeat_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "distribution_job_run" drop column if exists "heartbeat_at";`);
  }

}
