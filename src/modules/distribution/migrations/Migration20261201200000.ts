import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * 拼团: the activities, their groups (a CHECK keeps reserved + paid within the
 * size, so the last seat is sold once) and the members (a seat taken with the
 * shared activity reservation of a checkout, then the paid order, unique, and
 * its refund state when the group fails). The ledger learns the leader bonus kind.
 */
export class Migration20261201200000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "distribution_group_buy" ("id" text not null, "name" text not null, "status" text check ("status" in ('active', 'closed')) not null default 'active', "starts_at" timestamptz not null, "ends_at" timestamptz not null, "group_size" integer not null, "time_limit_minutes" integer not null, "reservation_minutes" integer not null default 15, "per_order_limit" integer null, "per_customer_limit" integer null, "virtual_threshold" integer null, "overflow" text check ("overflow" in ('new_group', 'refuse')) not null default 'new_group', "commission_policy" text check ("commission_policy" in ('normal', 'rates', 'excluded')) not null default 'normal', "rate_bps_1" integer null, "rate_bps_2" integer null, "rate_bps_3" integer null, "leader_bonus_bps" integer null, "prices" jsonb not null, "closed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_group_buy_pkey" primary key ("id"), constraint "distribution_group_buy_size" check ("group_size" >= 2));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_group_buy_window" ON "distribution_group_buy" ("status", "ends_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_group" ("id" text not null, "group_buy_id" text not null, "leader_customer_id" text not null, "status" text check ("status" in ('forming', 'open', 'succeeded', 'failed', 'abandoned')) not null default 'forming', "size" integer not null, "reserved" integer not null default 0, "paid" integer not null default 0, "virtual_count" integer not null default 0, "currency_code" text not null, "opened_at" timestamptz null, "expires_at" timestamptz null, "succeeded_at" timestamptz null, "failed_at" timestamptz null, "leader_bonus_entry_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_group_pkey" primary key ("id"), constraint "distribution_group_seats" check ("reserved" >= 0 and "paid" >= 0 and "reserved" + "paid" <= "size"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_group_activity" ON "distribution_group" ("group_buy_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_group_open_expiry" ON "distribution_group" ("expires_at") WHERE deleted_at IS NULL AND status = 'open';`);

    this.addSql(`create table if not exists "distribution_group_member" ("id" text not null, "reservation_id" text not null, "group_id" text not null, "group_buy_id" text not null, "customer_id" text not null, "is_leader" boolean not null default false, "overflowed" boolean not null default false, "variant_id" text not null, "quantity" integer not null, "unit_price" text not null, "currency_code" text not null, "status" text check ("status" in ('reserved', 'paid', 'released', 'canceled')) not null default 'reserved', "order_id" text null, "reservation_expires_at" timestamptz not null, "paid_at" timestamptz null, "refund_status" text check ("refund_status" in ('pending', 'refunding', 'refunded', 'failed')) null, "refund_error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_group_member_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_group_member_order" ON "distribution_group_member" ("order_id") WHERE deleted_at IS NULL AND order_id IS NOT NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_group_member_reservation" ON "distribution_group_member" ("reservation_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_group_member_group" ON "distribution_group_member" ("group_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_group_member_customer" ON "distribution_group_member" ("group_buy_id", "customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_group_member_expiry" ON "distribution_group_member" ("reservation_expires_at") WHERE deleted_at IS NULL AND status = 'reserved';`);

    this.addSql(`alter table if exists "distribution_ledger_entry" drop constraint if exists "distribution_ledger_entry_kind_check";`);
    this.addSql(`alter table if exists "distribution_ledger_entry" add constraint "distribution_ledger_entry_kind_check" check ("kind" in ('commission_settled', 'commission_clawed_back', 'withdrawal_held', 'withdrawal_released', 'withdrawal_paid', 'manual_adjustment', 'group_leader_bonus'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "distribution_ledger_entry" drop constraint if exists "distribution_ledger_entry_kind_check";`);
    this.addSql(`alter table if exists "distribution_ledger_entry" add constraint "distribution_ledger_entry_kind_check" check ("kind" in ('commission_settled', 'commission_clawed_back', 'withdrawal_held', 'withdrawal_released', 'withdrawal_paid', 'manual_adjustment'));`);
    this.addSql(`drop table if exists "distribution_group_member" cascade;`);
    this.addSql(`drop table if exists "distribution_group" cascade;`);
    this.addSql(`drop table if exists "distribution_group_buy" cascade;`);
  }

}
