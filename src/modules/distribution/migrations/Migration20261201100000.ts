import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Activity checkout: flash sales (秒杀) with their variants' prices and quotas,
 * and the reservations every kind of activity (flash sale, group buy) takes at
 * checkout. The quota's CHECK (reserved + sold <= quota) backs the conditional
 * UPDATE that takes it: the quota is never oversold.
 */
export class Migration20261201100000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "distribution_flash_sale" ("id" text not null, "name" text not null, "status" text check ("status" in ('active', 'closed')) not null default 'active', "starts_on" text not null, "ends_on" text not null, "time_zone" text not null, "slots" jsonb not null, "per_order_limit" integer not null default 1, "per_customer_limit" integer null, "reservation_minutes" integer not null default 15, "allow_coupons" boolean not null default false, "commission_policy" text check ("commission_policy" in ('normal', 'rates', 'excluded')) not null default 'normal', "rate_bps_1" integer null, "rate_bps_2" integer null, "rate_bps_3" integer null, "closed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_flash_sale_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_flash_sale_deleted_at" ON "distribution_flash_sale" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_flash_sale_dates" ON "distribution_flash_sale" ("ends_on", "starts_on") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_flash_sale_variant" ("id" text not null, "flash_sale_id" text not null, "variant_id" text not null, "product_id" text not null, "prices" jsonb not null, "quota" integer not null, "reserved" integer not null default 0, "sold" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_flash_sale_variant_pkey" primary key ("id"), constraint "distribution_flash_sale_variant_quota_check" check ("reserved" >= 0 and "sold" >= 0 and "reserved" + "sold" <= "quota"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_flash_sale_variant_deleted_at" ON "distribution_flash_sale_variant" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_flash_sale_variant_unique" ON "distribution_flash_sale_variant" ("flash_sale_id", "variant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_flash_sale_variant_variant" ON "distribution_flash_sale_variant" ("variant_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_activity_reservation" ("id" text not null, "activity_kind" text check ("activity_kind" in ('flash_sale', 'group_buy')) not null, "activity_id" text not null, "variant_id" text not null, "customer_id" text not null, "quantity" integer not null, "status" text check ("status" in ('reserved', 'consumed', 'released')) not null default 'reserved', "expires_at" timestamptz not null, "cart_id" text null, "order_id" text null, "consumed_at" timestamptz null, "released_at" timestamptz null, "release_reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_activity_reservation_pkey" primary key ("id"), constraint "distribution_activity_reservation_quantity_check" check ("quantity" > 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_activity_reservation_deleted_at" ON "distribution_activity_reservation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_activity_reservation_buyer" ON "distribution_activity_reservation" ("activity_kind", "activity_id", "customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_activity_reservation_expiry" ON "distribution_activity_reservation" ("expires_at") WHERE deleted_at IS NULL AND status = 'reserved';`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_activity_reservation_cart" ON "distribution_activity_reservation" ("cart_id") WHERE deleted_at IS NULL AND cart_id IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_activity_reservation_order" ON "distribution_activity_reservation" ("order_id") WHERE deleted_at IS NULL AND order_id IS NOT NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "distribution_activity_reservation" cascade;`);
    this.addSql(`drop table if exists "distribution_flash_sale_variant" cascade;`);
    this.addSql(`drop table if exists "distribution_flash_sale" cascade;`);
  }

}
