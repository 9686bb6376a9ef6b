import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Distributor prices: the settings say which customer groups hold the active
 * distributors (off by default) and keep the programme's group; a level keeps
 * its own group.
 */
export class Migration20261130154357 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "distribution_level" add column if not exists "customer_group_id" text null;`);

    this.addSql(`alter table if exists "distribution_settings" add column if not exists "distributor_group_mode" text check ("distributor_group_mode" in ('off', 'one', 'per_level')) not null default 'off', add column if not exists "distributor_group_id" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "distribution_level" drop column if exists "customer_group_id";`);

    this.addSql(`alter table if exists "distribution_settings" drop column if exists "distributor_group_mode", drop column if exists "distributor_group_id";`);
  }

}
