import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Limited-time sales: each owns a Medusa sale price list, with its window,
 * time zone and commission policy; its variants one row each, so that the
 * no-overlap check and the credit's lookup are one indexed query.
 */
export class Migration20261130200000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "distribution_sale" ("id" text not null, "name" text not null, "price_list_id" text null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "time_zone" text not null, "percent_off_bps" integer null, "commission_policy" text check ("commission_policy" in ('normal', 'rates', 'excluded')) not null default 'normal', "rate_bps_1" integer null, "rate_bps_2" integer null, "rate_bps_3" integer null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_sale_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_sale_deleted_at" ON "distribution_sale" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_sale_price_list_unique" ON "distribution_sale" ("price_list_id") WHERE deleted_at IS NULL AND price_list_id IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_sale_window" ON "distribution_sale" ("ends_at", "starts_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_sale_variant" ("id" text not null, "sale_id" text not null, "variant_id" text not null, "product_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_sale_variant_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_sale_variant_deleted_at" ON "distribution_sale_variant" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_sale_variant_unique" ON "distribution_sale_variant" ("sale_id", "variant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_sale_variant_variant" ON "distribution_sale_variant" ("variant_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "distribution_sale_variant" cascade;`);
    this.addSql(`drop table if exists "distribution_sale" cascade;`);
  }

}
