import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { TestEventUtils } from "@medusajs/test-utils"
import { AxiosInstance } from "axios"
import { Headers, registerCustomer } from "./auth"
import { formatAmount } from "../../src/modules/distribution/utils/money"
import { makeDistributor, service, uniqueEmail, updateSettings } from "./distribution"
import { watchSubscriberErrors } from "./events"
import { Market, placeOrder, Shop } from "./orders"

/** 129.90 × 2 under a product rule, 89.90 under a category rule, 79 × 3 at level rates. */
export const BASKET = [
  { sku: "SERUM-30", quantity: 2 },
  { sku: "RICE-5", quantity: 1 },
  { sku: "TOTE-IVORY", quantity: 3 },
]

/**
 * Gold A → silver B → bronze C (rates 15/8/4, 12/6/3, 10/5/2 %), a 20/10/5 %
 * rule on the serum and an 8/4/1 % rule on local specialties.
 */
export async function threeLevelProgramme(api: AxiosInstance, container: MedusaContainer, shop: Shop, admin: Headers) {
  await updateSettings(api, admin, { application_mode: "auto", max_depth: 3 })
  const level = async (body: Record<string, unknown>) => (await api.post("/admin/distribution/levels", body, admin)).data.level
  const bronze = await level({ name: "铜牌", rank: 1, rate_bps_1: 1000, rate_bps_2: 500, rate_bps_3: 200, is_default: true })
  const silver = await level({ name: "银牌", rank: 2, rate_bps_1: 1200, rate_bps_2: 600, rate_bps_3: 300 })
  const gold = await level({ name: "金牌", rank: 3, rate_bps_1: 1500, rate_bps_2: 800, rate_bps_3: 400 })
  const ctx = { pk: shop.pk, admin }
  const a = await makeDistributor(api, ctx, { name: "Anna" })
  const b = await makeDistributor(api, ctx, { name: "Bob", parent: a })
  const c = await makeDistributor(api, ctx, { name: "Cui", parent: b })
  const svc = service(container)
  await svc.updateDistributors([
    { id: a.distributor_id, level_id: gold.id },
    { id: b.distributor_id, level_id: silver.id },
    { id: c.distributor_id, level_id: bronze.id },
  ])
  const productModule = container.resolve(Modules.PRODUCT)
  const [serum] = await productModule.listProducts({ handle: "hyaluronic-serum" })
  const [specialties] = await productModule.listProductCategories({ handle: "local-specialties" })
  await svc.createCommissionRules([
    { target_type: "product", target_id: serum.id, mode: "rate", rate_bps_1: 2000, rate_bps_2: 1000, rate_bps_3: 500 },
    { target_type: "category", target_id: specialties.id, mode: "rate", rate_bps_1: 800, rate_bps_2: 400, rate_bps_3: 100 },
  ])
  return { a, b, c }
}

/** How long a test waits for the subscribers of an event: a checkout on a busy machine takes longer than Medusa's 15 s default. */
const EVENT_TIMEOUT = 120_000

/** Places the basket and waits until the plugin has credited it (its subscriber having logged no error). */
export async function orderAndCredit(
  api: AxiosInstance,
  container: MedusaContainer,
  shop: Shop,
  buyer: (Headers & { email?: string }) | null,
  metadata?: Record<string, unknown>,
  market?: Market
) {
  return await andWait(container, "order.placed", () => placeOrder(api, shop, buyer, BASKET, metadata, { market }))
}

/**
 * Runs a call and waits for the subscribers of the event it emits; fails when
 * one of them logged an error or a refusal, since the local event bus only
 * logs what a subscriber throws (and a test that finds nothing changed would
 * pass all the same).
 */
export async function andWait<T>(container: MedusaContainer, event: string, call: () => Promise<T>): Promise<T> {
  const watch = watchSubscriberErrors(container)
  try {
    const done = TestEventUtils.waitSubscribersExecution(event, container.resolve(Modules.EVENT_BUS), { timeout: EVENT_TIMEOUT })
    const result = await call()
    await done
    expect({ event, logged: watch.logged() }).toEqual({ event, logged: [] })
    return result
  } finally {
    watch.stop()
  }
}

/** A new customer bound to the distributor's code buys the basket (in `market`, else in CNY); returns when it is credited. */
export async function boughtFrom(
  api: AxiosInstance,
  container: MedusaContainer,
  shop: Shop,
  d: { code: string | null },
  market?: Market
) {
  const buyer = await registerCustomer(api, shop.pk, { email: uniqueEmail("buyer") })
  await api.post("/store/distribution/bind", { referral_code: d.code }, buyer)
  return await orderAndCredit(api, container, shop, buyer, undefined, market)
}

/** An order's commissions as "<sku> <depth>" → reversed amount (and status), read from the database. */
export async function reversals(container: MedusaContainer, order: { id: string; items: { id: string; variant_sku: string }[] }) {
  const { rows } = await container
    .resolve(ContainerRegistrationKeys.PG_CONNECTION)
    .raw(
      "select line_item_id, depth, reversed_amount::text as reversed, status from distribution_commission where order_id = ?",
      [order.id]
    )
  const sku = new Map(order.items.map((i) => [i.id, i.variant_sku]))
  return Object.fromEntries(
    (rows as { line_item_id: string; depth: number; reversed: string; status: string }[])
      .map((r) => [`${sku.get(r.line_item_id)} ${r.depth}`, `${r.reversed} ${r.status}`] as const)
      .sort(([a], [b]) => a.localeCompare(b))
  )
}

export type CommissionRow = { who: string; depth: number; sku: string; amount: string; attribution: string; rate_source: string }

/**
 * An order's commissions as the database holds them, each named by its
 * earner (the key of `earners` that holds its distributor, upper-cased: "C")
 * and its line's SKU, the amount to the currency's cent; by depth, then SKU.
 */
export async function commissionsOf(
  container: MedusaContainer,
  earners: Record<string, { distributor_id: string }>,
  order: { id: string; items: { id: string; variant_sku: string }[] }
): Promise<CommissionRow[]> {
  const names = Object.fromEntries(Object.entries(earners).map(([k, d]) => [d.distributor_id, k.toUpperCase()]))
  const sku = new Map(order.items.map((i) => [i.id, i.variant_sku]))
  const rows = await service(container).listCommissions({ order_id: order.id }, { take: null })
  return rows
    .map((r) => ({
      who: names[r.distributor_id] ?? r.distributor_id,
      depth: r.depth,
      sku: sku.get(r.line_item_id)!,
      amount: formatAmount(r.amount, r.currency_code),
      attribution: r.attribution,
      rate_source: r.rate_source,
    }))
    .sort((x, y) => x.depth - y.depth || x.sku.localeCompare(y.sku))
}
