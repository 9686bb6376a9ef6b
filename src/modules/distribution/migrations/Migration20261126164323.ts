import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126164323 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_commission_currency_created" ON "distribution_commission" ("currency_code", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_visit_created" ON "distribution_visit" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_activated" ON "distribution_distributor" ("activated_at") WHERE activated_at IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_withdrawal_currency_created" ON "distribution_withdrawal" ("currency_code", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_withdrawal_paid" ON "distribution_withdrawal" ("paid_at") WHERE paid_at IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_distribution_commission_currency_created";`);

    this.addSql(`drop index if exists "IDX_distribution_visit_created";`);

    this.addSql(`drop index if exists "IDX_distribution_distributor_activated";`);

    this.addSql(`drop index if exists "IDX_distribution_withdrawal_currency_created";`);
    this.addSql(`drop index if exists "IDX_distribution_withdrawal_paid";`);
  }

}
