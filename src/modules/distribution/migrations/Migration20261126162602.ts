import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126162602 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "distribution_withdrawal" ("id" text not null, "distributor_id" text not null, "currency_code" text not null, "amount" numeric not null, "fee_bps" integer not null default 0, "fee" numeric not null default 0, "net_amount" numeric not null, "method" text check ("method" in ('bank', 'alipay', 'wechat', 'paypal', 'manual')) not null, "payout_account" text not null, "account_masked" jsonb not null, "note" text null, "status" text check ("status" in ('requested', 'approved', 'rejected', 'paid')) not null default 'requested', "idempotency_key" text null, "reject_reason" text null, "transaction_reference" text null, "approved_at" timestamptz null, "approved_by" text null, "rejected_at" timestamptz null, "rejected_by" text null, "paid_at" timestamptz null, "paid_by" text null, "raw_amount" jsonb not null, "raw_fee" jsonb not null default '{"value":"0","precision":20}', "raw_net_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_withdrawal_pkey" primary key ("id"), constraint distribution_withdrawal_check check (amount > 0 AND fee >= 0 AND net_amount >= 0 AND fee + net_amount = amount));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_withdrawal_deleted_at" ON "distribution_withdrawal" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_withdrawal_distributor" ON "distribution_withdrawal" ("distributor_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_withdrawal_status" ON "distribution_withdrawal" ("status", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_withdrawal_idempotency" ON "distribution_withdrawal" ("distributor_id", "idempotency_key") WHERE idempotency_key IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "distribution_withdrawal" cascade;`);
  }

}
