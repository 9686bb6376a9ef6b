import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * A manual adjustment's idempotency key is its distributor's own: the ledger
 * reference becomes `<distributor id>:<key>`, so one key used for two
 * distributors makes two adjustments, and a retry of an earlier one still
 * finds it.
 */
export class Migration20261127090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`update "distribution_ledger_entry" set "reference_id" = "distributor_id" || ':' || "reference_id" where "kind" = 'manual_adjustment' and "reference_id" not like "distributor_id" || ':%';`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "distribution_ledger_entry" set "reference_id" = substr("reference_id", length("distributor_id") + 2) where "kind" = 'manual_adjustment' and "reference_id" like "distributor_id" || ':%';`);
  }

}
