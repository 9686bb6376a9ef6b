import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The triggers that hand a statement's changed rows to the database's kept
 * tables (the commission totals, the settlement's queue, the distributor
 * search) never compile their statements to machine code (`jit = off`).
 *
 * Why: PL/pgSQL plans each statement of a function once per connection and
 * keeps the plan; a statement over a trigger's transition tables is planned
 * for the number of rows the first call handed it. After one statement had
 * changed 50,000 commissions on a connection (a bulk correction, a backfill),
 * the totals trigger's plan was estimated at 795,456, above PostgreSQL's
 * `jit_above_cost`, and every later call on that connection — a settlement
 * batch of a thousand rows — spent 0.4 s compiling it (402.6 ms of the
 * trigger's 429 ms, at a million distributors). What these statements do is
 * read and write a few rows per changed commission; compiling never pays.
 */
const FUNCTIONS = [
  "distribution_commission_rows_inserted",
  "distribution_commission_rows_updated",
  "distribution_commission_rows_deleted",
  "distribution_commission_due_inserted",
  "distribution_commission_due_updated",
  "distribution_commission_due_deleted",
  "distribution_distributor_search_inserted",
  "distribution_distributor_search_deleted",
]

export class Migration20261208100000 extends Migration {
  override async up(): Promise<void> {
    for (const name of FUNCTIONS) {
      this.addSql(`ALTER FUNCTION "${name}"() SET jit = off;`)
    }
  }

  override async down(): Promise<void> {
    for (const name of FUNCTIONS) {
      this.addSql(`ALTER FUNCTION "${name}"() RESET jit;`)
    }
  }
}
