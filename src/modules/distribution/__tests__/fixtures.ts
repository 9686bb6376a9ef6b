import { SuiteOptions } from "@medusajs/test-utils"
import { Migration } from "@medusajs/framework/mikro-orm/migrations"
import DistributionModuleService from "../service"
import { NewCommission } from "../types"
import { ReversalFacts } from "../utils/reversal"

export const BANK = { holder_name: "张小明", bank_name: "招商银行", account_number: "6225880123456789" }

export type LedgerRow = { id: string; kind: string; amount: string; reference_id: string; reason: string | null }
export type WalletRow = { available: string; held: string; withdrawn: string }

/**
 * A merchant's day on the module alone, in CNY: distributors, commissions
 * credited, due and settled, orders reversed, adjustments and withdrawals;
 * and what the database then holds, amounts with their trailing zeros trimmed.
 */
export function programmeDay({ service, MikroOrmWrapper }: Pick<SuiteOptions<DistributionModuleService>, "service" | "MikroOrmWrapper">) {
  const sql = async <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> =>
    (await MikroOrmWrapper.forkManager().execute(query, params)) as T[]

  let sequence = 0

  async function distributor(status: "active" | "suspended" = "active"): Promise<string> {
    const made = await service.createDistributor({
      customer_id: `cus_day_${++sequence}`,
      email: `day${sequence}@example.com`,
      display_name: `D ${sequence}`,
      parent_id: null,
      status: "active",
      application: null,
    })
    if (status === "suspended") {
      await service.transitionDistributor({ id: made.id, action: "suspend", reason: "test" })
    }
    return made.id
  }

  /** One commission of `amount` on line `line` of `order`, as the credit writes it. */
  function commission(distributor_id: string, order: string, line: string, amount: string): NewCommission {
    return {
      order_id: order,
      line_item_id: line,
      distributor_id,
      buyer_customer_id: "cus_buyer",
      depth: 1,
      attribution: "binding",
      product_id: "prod_1",
      variant_id: "variant_1",
      quantity: 2,
      base_amount: "246.90",
      rate_bps: 1000,
      rate_source: "level",
      rule_id: null,
      amount,
      currency_code: "cny",
    }
  }

  const credit = (distributor_id: string, order: string, line: string, amount: string) =>
    service.insertCommissions([commission(distributor_id, order, line, amount)])

  /** The order reached the settle-on state a freeze period ago: its commissions are due. */
  const due = (order: string) => service.markCommissionsEligible({ order_id: order, eligible_at: new Date(Date.now() - 1000) })

  const settle = () => service.settleDueCommissions({ now: new Date(), limit: 100 })

  /** The order's facts with `returned` of the line's two units back (all of them on cancel). */
  function facts(line: string, change: { returned?: number; canceled?: boolean }): ReversalFacts {
    return {
      canceled: change.canceled ?? false,
      lines: [{ id: line, quantity: 2, returned_quantity: change.returned ?? 0, charged: "246.90" }],
      other_charges: "0",
      paid: "246.90",
      refunded: "0",
    }
  }

  const reverse = (order: string, line: string, change: { returned?: number; canceled?: boolean }, reference = "cancel") =>
    service.reverseOrderCommissions({ order_id: order, reference, facts: facts(line, change) })

  const adjust = (distributor_id: string, amount: string, idempotency_key: string, reason = "活动奖励") =>
    service.adjustBalance({ distributor_id, currency_code: "cny", amount, reason, actor_id: "user_admin", idempotency_key })

  const withdraw = (distributor_id: string, amount: string, extra: { key?: string; account?: object; note?: string } = {}) =>
    service.requestWithdrawal({
      distributor_id,
      customer_id: `cus_of_${distributor_id}`,
      amount,
      currency_code: "cny",
      method: "bank",
      payout_account: service.encryptPersonalData(extra.account ?? BANK),
      account_masked: { account_number: "**** 6789" },
      note: extra.note ?? null,
      idempotency_key: extra.key ?? null,
    })

  const decide = (id: string, action: "approve" | "reject" | "pay") =>
    service.transitionWithdrawal({ id, action, actor_id: "user_admin", reason: "账户有误", transaction_reference: "TX-1" })

  async function wallet(id: string): Promise<WalletRow | null> {
    const [row] = await sql<WalletRow>(
      `SELECT trim_scale(available)::text AS available, trim_scale(held)::text AS held,
              trim_scale(withdrawn)::text AS withdrawn
         FROM distribution_wallet WHERE distributor_id = ? AND currency_code = 'cny'`,
      [id]
    )
    return row ?? null
  }

  const ledger = (id: string) =>
    sql<LedgerRow>(
      `SELECT id, kind, trim_scale(amount)::text AS amount, reference_id, reason
         FROM distribution_ledger_entry WHERE distributor_id = ? ORDER BY created_at, id`,
      [id]
    )

  /** The wallet as the ledger derives it: available every entry but payouts, held what withdrawals hold, withdrawn what was paid. */
  async function ledgerSums(id: string): Promise<WalletRow> {
    const [row] = await sql<WalletRow>(
      `SELECT trim_scale(coalesce(sum(amount) FILTER (WHERE kind <> 'withdrawal_paid'), 0))::text AS available,
              trim_scale(coalesce(-sum(amount) FILTER (WHERE kind IN ('withdrawal_held', 'withdrawal_released')), 0)
                - coalesce(sum(amount) FILTER (WHERE kind = 'withdrawal_paid'), 0))::text AS held,
              trim_scale(coalesce(sum(amount) FILTER (WHERE kind = 'withdrawal_paid'), 0))::text AS withdrawn
         FROM distribution_ledger_entry WHERE distributor_id = ? AND currency_code = 'cny'`,
      [id]
    )
    return row
  }

  async function balances(id: string) {
    const [b] = await service.getBalances(id)
    return b ?? null
  }

  /** Runs one of the module's migrations up or down on the test database, its statements in order as the migrator would. */
  async function migrate(Class: new (driver: never, config: never) => Migration, direction: "up" | "down") {
    const migration = new Class(undefined as never, undefined as never)
    await migration[direction]()
    for (const query of migration.getQueries()) {
      await sql(String(query)) // plain SQL text (addSql)
    }
  }

  return { sql, migrate, distributor, commission, credit, due, settle, reverse, adjust, withdraw, decide, wallet, ledger, ledgerSums, balances }
}
