import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The programme's currency may be left unset: it then follows the store's
 * default currency (a EUR store's programme counts in EUR from its first day).
 * Rows written before keep the currency they have.
 */
export class Migration20261130120000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "distribution_settings" alter column "currency_code" drop default;`);
    this.addSql(`alter table if exists "distribution_settings" alter column "currency_code" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "distribution_settings" set "currency_code" = 'cny' where "currency_code" is null;`);
    this.addSql(`alter table if exists "distribution_settings" alter column "currency_code" set not null;`);
    this.addSql(`alter table if exists "distribution_settings" alter column "currency_code" set default 'cny';`);
  }

}
