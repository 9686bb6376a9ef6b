import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seedCatalog } from "./seed/catalog"
import { seedCoupons } from "./seed/coupons"
import { seedOrders } from "./seed/orders"
import { seedProgramme } from "./seed/programme"
import { seedDistributorPrices } from "./seed/pricing"
import { seedCommissionRules } from "./seed/rules"
import { seedSales } from "./seed/sales"
import { seedActivities } from "./seed/activities"
import { seedFulfillment, seedPublishableKey, seedStore } from "./seed/store"
import { seedWithdrawals } from "./seed/withdrawals"

/**
 * The demo: a believable Chinese shop (好物分销商城) and its distribution
 * programme. `npx medusa exec ./src/scripts/seed-demo.ts` (npm run demo runs it).
 *
 * Idempotent by sections: each finds what an earlier run made by its natural key
 * (a region's name, a product's handle, a customer's email, a distributor's
 * customer, a rule's target, an order's `demo_order` key), so a second run
 * creates nothing and a run after a crash completes only what was missing. Personal data of applications is encrypted: the
 * environment needs DISTRIBUTION_ENCRYPTION_KEY.
 */
export * from "./seed/store"
export * from "./seed/catalog"
export * from "./seed/programme"
export * from "./seed/orders"
export * from "./seed/rules"
export * from "./seed/pricing"
export * from "./seed/coupons"
export * from "./seed/sales"
export * from "./seed/activities"
export { CATEGORIES, COLLECTIONS, PRODUCTS } from "./seed/catalog-data"
export { DEMO_GUESTS, DEMO_ORDERS, LIFECYCLE, STEPS } from "./seed/orders-data"
export { DEMO_WITHDRAWALS } from "./seed/withdrawals"
export {
  BUYERS,
  DEMO_BUYER_EMAIL,
  DEMO_DISTRIBUTOR_EMAIL,
  DEMO_PASSWORD,
  DEMO_SETTINGS,
  DISTRIBUTORS,
  LEVELS,
} from "./seed/programme-data"

export default async function seedDemo({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  logger.info("Seeding the demo store and distribution programme…")

  const { sales_channel_id } = await seedStore(container)
  const { shipping_profile_id } = await seedFulfillment(container, sales_channel_id)
  const token = await seedPublishableKey(container, sales_channel_id)
  const catalog = await seedCatalog(container, sales_channel_id, shipping_profile_id)
  const programme = await seedProgramme(container)
  const rules = await seedCommissionRules(container)
  const coupons = await seedCoupons(container, { anchor: programme.anchor, distributorByEmail: programme.distributorByEmail })
  // Before the orders: some of them were bought in the running sale.
  const sales = await seedSales(container, { anchor: programme.anchor })
  const orders = await seedOrders(container, {
    sales_channel_id,
    anchor: programme.anchor,
    customerByEmail: programme.customerByEmail,
    distributorByEmail: programme.distributorByEmail,
  })
  // After the sales section: a 拼团 with its groups and a 秒杀, their orders through checkout.
  const activities = await seedActivities(container, { sales_channel_id, customerByEmail: programme.customerByEmail })
  const withdrawals = await seedWithdrawals(container, { distributorByEmail: programme.distributorByEmail })
  const prices = await seedDistributorPrices(container)

  const created = {
    products: catalog.created,
    ...programme.created,
    "commission rules": rules.created,
    ...coupons.created,
    sales: sales.created,
    orders: orders.created,
    ...activities.created,
    withdrawals: withdrawals.created,
    "price lists": prices.created,
  }
  const summary = Object.entries(created)
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${n} ${what}`)
    .join(", ")
  logger.info(`Demo seed: ${summary ? `created ${summary}` : "nothing new, everything was already there"}.`)
  const moved = Object.entries(activities.moved)
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${n} ${what}`)
    .join(", ")
  if (moved) {
    logger.info(`Demo seed: kept the demo's activities live, moving forward the clocks of ${moved}.`)
  }
  logger.info(`Publishable API key (${sales_channel_id}): ${token}`)
  return { publishable_key: token, created, moved: activities.moved }
}
