import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125020642 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "distribution_wallet" drop constraint if exists "distribution_wallet_unique";`);
    this.addSql(`alter table if exists "distribution_commission_rule" drop constraint if exists "distribution_rule_target_unique";`);
    this.addSql(`create table if not exists "distribution_commission" ("id" text not null, "order_id" text not null, "line_item_id" text not null, "distributor_id" text not null, "buyer_customer_id" text null, "depth" integer not null, "attribution" text not null, "product_id" text null, "variant_id" text null, "quantity" integer not null, "base_amount" numeric not null, "rate_bps" integer null, "rate_source" text not null, "rule_id" text null, "amount" numeric not null, "reversed_amount" numeric not null default 0, "currency_code" text not null, "status" text check ("status" in ('pending', 'settled', 'reversed')) not null default 'pending', "eligible_at" timestamptz null, "settled_at" timestamptz null, "reversed_at" timestamptz null, "raw_base_amount" jsonb not null, "raw_amount" jsonb not null, "raw_reversed_amount" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_commission_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_commission_deleted_at" ON "distribution_commission" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_commission_unique_line" ON "distribution_commission" ("order_id", "line_item_id", "distributor_id", "depth") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_commission_distributor" ON "distribution_commission" ("distributor_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_commission_order" ON "distribution_commission" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_commission_due" ON "distribution_commission" ("eligible_at") WHERE status = 'pending' AND eligible_at IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_commission_rule" ("id" text not null, "target_type" text check ("target_type" in ('variant', 'product', 'category', 'collection')) not null, "target_id" text not null, "mode" text check ("mode" in ('rate', 'fixed', 'excluded')) not null, "rate_bps_1" integer null, "rate_bps_2" integer null, "rate_bps_3" integer null, "fixed_amount_1" numeric null, "fixed_amount_2" numeric null, "fixed_amount_3" numeric null, "currency_code" text null, "note" text null, "raw_fixed_amount_1" jsonb null, "raw_fixed_amount_2" jsonb null, "raw_fixed_amount_3" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_commission_rule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_commission_rule_deleted_at" ON "distribution_commission_rule" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_rule_target_unique" ON "distribution_commission_rule" ("target_type", "target_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_ledger_entry" ("id" text not null, "distributor_id" text not null, "currency_code" text not null, "kind" text check ("kind" in ('commission_settled', 'commission_clawed_back', 'withdrawal_held', 'withdrawal_released', 'withdrawal_paid', 'manual_adjustment')) not null, "amount" numeric not null, "reference_type" text not null, "reference_id" text not null, "reason" text null, "actor_id" text null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_ledger_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_ledger_entry_deleted_at" ON "distribution_ledger_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_ledger_unique_reference" ON "distribution_ledger_entry" ("kind", "reference_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_ledger_distributor" ON "distribution_ledger_entry" ("distributor_id", "currency_code", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_wallet" ("id" text not null, "distributor_id" text not null, "currency_code" text not null, "available" numeric not null default 0, "held" numeric not null default 0, "withdrawn" numeric not null default 0, "raw_available" jsonb not null default '{"value":"0","precision":20}', "raw_held" jsonb not null default '{"value":"0","precision":20}', "raw_withdrawn" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_wallet_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_wallet_deleted_at" ON "distribution_wallet" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_wallet_unique" ON "distribution_wallet" ("distributor_id", "currency_code") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "distribution_commission" cascade;`);

    this.addSql(`drop table if exists "distribution_commission_rule" cascade;`);

    this.addSql(`drop table if exists "distribution_ledger_entry" cascade;`);

    this.addSql(`drop table if exists "distribution_wallet" cascade;`);
  }

}
