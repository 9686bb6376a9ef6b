import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createPriceListsWorkflow } from "@medusajs/medusa/core-flows"
import { readPluginGroups } from "../../lib/distributor-groups"
import { syncAllCustomerGroupsWorkflow } from "../../workflows/pricing/sync-all-customer-groups"

/** The demo's distributor price (分销价): the serum at ¥109 instead of ¥129.90 for every active distributor. */
export const DEMO_PRICE_LIST = { title: "分销价 · Distributor price", sku: "SERUM-30", cny: 109 }

/**
 * Distributor prices in the demo: the customer groups of its group mode made
 * and filled (the seed writes distributors without events, so the sync runs
 * here; it is idempotent), and one price list of Medusa's own pointed at the
 * programme's group. Found again by its title on a second run.
 */
export async function seedDistributorPrices(container: MedusaContainer) {
  await syncAllCustomerGroupsWorkflow(container).run()
  const groups = await readPluginGroups(container)
  const pricing = container.resolve(Modules.PRICING)
  const existing = (await pricing.listPriceLists({}, { select: ["id", "title"], take: null })).find((l) => l.title === DEMO_PRICE_LIST.title)
  if (existing || !groups.programme) {
    return { created: 0 }
  }
  const [variant] = await container.resolve(Modules.PRODUCT).listProductVariants({ sku: DEMO_PRICE_LIST.sku })
  await createPriceListsWorkflow(container).run({
    input: {
      price_lists_data: [
        {
          title: DEMO_PRICE_LIST.title,
          description: "Active distributors buy the serum at this price (the plugin keeps them in the Distributors customer group).",
          type: "sale",
          status: "active",
          rules: { "customer.groups.id": [groups.programme] },
          prices: [{ amount: DEMO_PRICE_LIST.cny, currency_code: "cny", variant_id: variant.id }],
        },
      ],
      // The admin route's shape (prices by variant, rules by attribute), which the workflow takes.
    } as never,
  })
  return { created: 1 }
}
