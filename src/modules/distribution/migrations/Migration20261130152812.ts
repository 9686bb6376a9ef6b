import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** The orders that used a distributor coupon, one row per order. */
export class Migration20261130152812 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "distribution_coupon_use" ("id" text not null, "coupon_id" text not null, "distributor_id" text not null, "order_id" text not null, "customer_id" text null, "sales_amount" numeric not null, "currency_code" text not null, "raw_sales_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_coupon_use_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_coupon_use_deleted_at" ON "distribution_coupon_use" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_coupon_use_order_unique" ON "distribution_coupon_use" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_coupon_use_coupon" ON "distribution_coupon_use" ("coupon_id", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "distribution_coupon_use" cascade;`);
  }

}
