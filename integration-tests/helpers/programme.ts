import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { TestEventUtils } from "@medusajs/test-utils"
import { AxiosInstance } from "axios"
import { Headers } from "./auth"
import { makeDistributor, service, updateSettings } from "./distribution"
import { placeOrder, Shop } from "./orders"

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

/**
 * How long to wait for an event, counted from before the call that causes it: a
 * checkout is six requests, which on a busy machine take longer than Medusa's
 * default of 15 s.
 */
const EVENT_TIMEOUT = 60_000

/** Places the basket and waits until the plugin has credited it. */
export async function orderAndCredit(
  api: AxiosInstance,
  container: MedusaContainer,
  shop: Shop,
  buyer: (Headers & { email?: string }) | null,
  metadata?: Record<string, unknown>
) {
  const done = TestEventUtils.waitSubscribersExecution("order.placed", container.resolve(Modules.EVENT_BUS), { timeout: EVENT_TIMEOUT })
  const placed = await placeOrder(api, shop, buyer, BASKET, metadata)
  await done
  return placed
}

/** Runs an admin call and waits for the subscribers of the event it emits. */
export async function andWait<T>(container: MedusaContainer, event: string, call: () => Promise<T>): Promise<T> {
  const done = TestEventUtils.waitSubscribersExecution(event, container.resolve(Modules.EVENT_BUS), { timeout: EVENT_TIMEOUT })
  const result = await call()
  await done
  return result
}
