import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The orders the admin's distributor search walks when a term matches more
 * than the count's cap (queries/distributor-search.ts): team size, and
 * registration (the list's default order). With the id, so that ties keep one
 * order from page to page.
 */
export class Migration20261130145233 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_team_size" ON "distribution_distributor" ("team_size", "id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_created" ON "distribution_distributor" ("created_at", "id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_distribution_distributor_team_size";`);
    this.addSql(`drop index if exists "IDX_distribution_distributor_created";`);
  }

}
