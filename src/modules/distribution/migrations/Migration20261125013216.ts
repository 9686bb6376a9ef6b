import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125013216 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "distribution_referral_binding" drop constraint if exists "distribution_binding_customer_unique";`);
    this.addSql(`alter table if exists "distribution_distributor" drop constraint if exists "distribution_distributor_code_unique";`);
    this.addSql(`alter table if exists "distribution_distributor" drop constraint if exists "distribution_distributor_customer_unique";`);
    this.addSql(`alter table if exists "distribution_settings" drop constraint if exists "distribution_settings_key_unique";`);
    this.addSql(`alter table if exists "distribution_level" drop constraint if exists "distribution_level_rank_unique";`);
    this.addSql(`create table if not exists "distribution_audit_log" ("id" text not null, "actor_type" text check ("actor_type" in ('admin', 'customer', 'system')) not null, "actor_id" text null, "action" text not null, "entity_type" text not null, "entity_id" text not null, "data" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_audit_log_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_audit_log_deleted_at" ON "distribution_audit_log" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_audit_entity" ON "distribution_audit_log" ("entity_type", "entity_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_audit_created" ON "distribution_audit_log" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_level" ("id" text not null, "name" text not null, "description" text null, "rank" integer not null, "rate_bps_1" integer not null default 0, "rate_bps_2" integer not null default 0, "rate_bps_3" integer not null default 0, "upgrade_personal_sales" numeric null, "upgrade_team_sales" numeric null, "upgrade_direct_recruits" integer null, "upgrade_orders" integer null, "is_default" boolean not null default false, "raw_upgrade_personal_sales" jsonb null, "raw_upgrade_team_sales" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_level_pkey" primary key ("id"), constraint distribution_level_check check (rate_bps_1 >= 0 AND rate_bps_1 <= 10000 AND rate_bps_2 >= 0 AND rate_bps_2 <= 10000 AND rate_bps_3 >= 0 AND rate_bps_3 <= 10000));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_level_deleted_at" ON "distribution_level" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_level_rank_unique" ON "distribution_level" ("rank") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_level_single_default" ON "distribution_level" ("is_default") WHERE is_default = true AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_settings" ("id" text not null, "key" text not null default 'default', "enabled" boolean not null default true, "max_depth" integer not null default 2, "application_mode" text check ("application_mode" in ('auto', 'review', 'after_first_order', 'min_spend', 'invite_only')) not null default 'review', "application_min_spend" numeric not null default 0, "self_purchase" boolean not null default false, "binding_mode" text check ("binding_mode" in ('first_touch', 'last_touch')) not null default 'first_touch', "binding_days" integer not null default 0, "bind_new_customers_only" boolean not null default false, "commission_base" text check ("commission_base" in ('subtotal_after_discounts')) not null default 'subtotal_after_discounts', "settle_on" text check ("settle_on" in ('fulfilled', 'shipped', 'delivered')) not null default 'delivered', "freeze_days" integer not null default 7, "order_cap_bps" integer not null default 3000, "min_withdrawal" numeric not null default 100, "withdrawal_fee_bps" integer not null default 0, "withdrawal_methods" jsonb not null, "default_rate_bps_1" integer not null default 1000, "default_rate_bps_2" integer not null default 500, "default_rate_bps_3" integer not null default 0, "currency_code" text not null default 'cny', "raw_application_min_spend" jsonb not null default '{"value":"0","precision":20}', "raw_min_withdrawal" jsonb not null default '{"value":"100","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_settings_pkey" primary key ("id"), constraint distribution_settings_check check (max_depth >= 1 AND max_depth <= 3));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_settings_deleted_at" ON "distribution_settings" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_settings_key_unique" ON "distribution_settings" ("key") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_visit" ("id" text not null, "distributor_id" text not null, "visitor_key" text not null, "visit_date" text not null, "source" text check ("source" in ('link', 'code', 'qr')) not null, "landing_path" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_visit_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_visit_deleted_at" ON "distribution_visit" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_visit_unique_daily" ON "distribution_visit" ("distributor_id", "visitor_key", "visit_date") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_visit_distributor_created" ON "distribution_visit" ("distributor_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_distributor" ("id" text not null, "customer_id" text not null, "email" text null, "display_name" text null, "referral_code" text null, "parent_id" text null, "path" text not null, "depth" integer not null default 0, "status" text check ("status" in ('pending', 'active', 'rejected', 'suspended')) not null default 'pending', "application" text null, "reviewed_by" text null, "reviewed_at" timestamptz null, "reject_reason" text null, "suspend_reason" text null, "activated_at" timestamptz null, "team_size" integer not null default 0, "direct_count" integer not null default 0, "level_id" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_distributor_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_level_id" ON "distribution_distributor" ("level_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_deleted_at" ON "distribution_distributor" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_distributor_customer_unique" ON "distribution_distributor" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_distributor_code_unique" ON "distribution_distributor" ("referral_code") WHERE referral_code IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_parent" ON "distribution_distributor" ("parent_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_status" ON "distribution_distributor" ("status", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_email" ON "distribution_distributor" ("email") WHERE deleted_at IS NULL;`);
    // Materialised path: text_pattern_ops so that `path LIKE '<prefix>%'` (subtree,
    // move) is an index range scan; (depth, path) serves "my team at depth d".
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_path" ON "distribution_distributor" ("path" text_pattern_ops) WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_depth_path" ON "distribution_distributor" ("depth", "path" text_pattern_ops) WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_referral_binding" ("id" text not null, "customer_id" text not null, "distributor_id" text not null, "source" text check ("source" in ('link', 'code', 'qr', 'coupon', 'admin')) not null, "bound_at" timestamptz not null, "expires_at" timestamptz null, "bound_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_referral_binding_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_referral_binding_deleted_at" ON "distribution_referral_binding" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_binding_customer_unique" ON "distribution_referral_binding" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_binding_distributor" ON "distribution_referral_binding" ("distributor_id", "bound_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "distribution_distributor" add constraint "distribution_distributor_level_id_foreign" foreign key ("level_id") references "distribution_level" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "distribution_distributor" drop constraint if exists "distribution_distributor_level_id_foreign";`);

    this.addSql(`drop table if exists "distribution_audit_log" cascade;`);

    this.addSql(`drop table if exists "distribution_level" cascade;`);

    this.addSql(`drop table if exists "distribution_settings" cascade;`);

    this.addSql(`drop table if exists "distribution_visit" cascade;`);

    this.addSql(`drop table if exists "distribution_distributor" cascade;`);

    this.addSql(`drop table if exists "distribution_referral_binding" cascade;`);
  }

}
