import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** The runs of the plugin's scheduled jobs: at most one unfinished run per job. */
export class Migration20261130131700 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "distribution_job_run" ("id" text not null, "job" text not null, "started_at" timestamptz not null, "finished_at" timestamptz null, "result" jsonb null, "error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_job_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_job_run_deleted_at" ON "distribution_job_run" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_job_run_job_started" ON "distribution_job_run" ("job", "started_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_job_run_one_running" ON "distribution_job_run" ("job") WHERE finished_at IS NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "distribution_job_run" cascade;`);
  }

}
