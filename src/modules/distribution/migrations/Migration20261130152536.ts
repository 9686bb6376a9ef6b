import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Distributor coupons: a table of the coupons (each a Medusa promotion owned by
 * one distributor, looked up by promotion_id when an order is credited) and the
 * programme's coupon settings.
 */
export class Migration20261130152536 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "distribution_coupon" ("id" text not null, "distributor_id" text not null, "promotion_id" text not null, "code" text not null, "source" text check ("source" in ('auto', 'admin', 'request')) not null, "status" text check ("status" in ('active', 'suspended', 'disabled')) not null default 'active', "commission_policy" text check ("commission_policy" in ('normal', 'rates', 'excluded')) null, "rate_bps_1" integer null, "rate_bps_2" integer null, "rate_bps_3" integer null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_coupon_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_coupon_deleted_at" ON "distribution_coupon" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_coupon_promotion_unique" ON "distribution_coupon" ("promotion_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_coupon_distributor_unique" ON "distribution_coupon" ("distributor_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_coupon_code_unique" ON "distribution_coupon" ("code") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "distribution_settings" add column if not exists "coupon_template_promotion_id" text null, add column if not exists "coupon_issue" text check ("coupon_issue" in ('on_approval', 'on_request', 'admin_only')) not null default 'admin_only', add column if not exists "coupon_code_prefix" text not null default '', add column if not exists "coupon_attribution" text check ("coupon_attribution" in ('coupon_first', 'binding_first')) not null default 'binding_first', add column if not exists "coupon_commission" text check ("coupon_commission" in ('normal', 'rates', 'excluded')) not null default 'normal', add column if not exists "coupon_rate_bps_1" integer not null default 0, add column if not exists "coupon_rate_bps_2" integer not null default 0, add column if not exists "coupon_rate_bps_3" integer not null default 0, add column if not exists "coupon_binds_customer" boolean not null default true;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "distribution_coupon" cascade;`);

    this.addSql(`alter table if exists "distribution_settings" drop column if exists "coupon_template_promotion_id", drop column if exists "coupon_issue", drop column if exists "coupon_code_prefix", drop column if exists "coupon_attribution", drop column if exists "coupon_commission", drop column if exists "coupon_rate_bps_1", drop column if exists "coupon_rate_bps_2", drop column if exists "coupon_rate_bps_3", drop column if exists "coupon_binds_customer";`);
  }

}
