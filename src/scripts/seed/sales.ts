import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE, SaleCommission } from "../../modules/distribution/constants"
import DistributionModuleService from "../../modules/distribution/service"
import { createSaleWorkflow } from "../../workflows"

/**
 * Limited-time sales (限时折扣) in the demo: one running since three days
 * before the seed's first run — the orders marked with its name in
 * orders-data.ts bought at its price and were credited under its own rates —
 * and one that starts ten days after it, with no commission. Each is a
 * Medusa sale price list the plugin owns, made through the plugin's workflow.
 */
export type DemoSale = {
  name: string
  skus: string[]
  percent_off_bps: number
  /** The window, in days after the seed's first run (negative: before). */
  starts: number
  ends: number
  commission_policy: SaleCommission
  rate_bps?: [number, number, number]
}

export const DEMO_SALES: DemoSale[] = [
  {
    name: "冬装限时折扣",
    skus: ["VEST-L", "CASH-S"],
    percent_off_bps: 2000,
    starts: -3,
    ends: 30,
    commission_policy: SaleCommission.RATES,
    rate_bps: [800, 300, 100],
  },
  {
    name: "年货节 · 金华火腿",
    skus: ["HAM-1500"],
    percent_off_bps: 1500,
    starts: 10,
    ends: 17,
    commission_policy: SaleCommission.EXCLUDED,
  },
]

const DAY = 24 * 3600 * 1000

/** The demo's sales, found by name, made when missing (before the orders: some were bought in one). */
export async function seedSales(container: MedusaContainer, input: { anchor: Date }) {
  const distribution = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  const existing = await distribution.listDistributionSales({ name: DEMO_SALES.map((s) => s.name) }, { select: ["name"] })
  const missing = DEMO_SALES.filter((s) => !existing.some((e) => e.name === s.name))
  if (!missing.length) {
    return { created: 0 }
  }
  const variants = await container
    .resolve(Modules.PRODUCT)
    .listProductVariants({ sku: missing.flatMap((s) => s.skus) }, { select: ["id", "sku"] })
  const at = (days: number) => new Date(input.anchor.getTime() + days * DAY).toISOString()
  for (const sale of missing) {
    await createSaleWorkflow(container).run({
      input: {
        name: sale.name,
        variant_ids: sale.skus.map((sku) => variants.find((v) => v.sku === sku)!.id),
        percent_off_bps: sale.percent_off_bps,
        starts_at: at(sale.starts),
        ends_at: at(sale.ends),
        time_zone: "Asia/Shanghai",
        commission_policy: sale.commission_policy,
        rate_bps_1: sale.rate_bps?.[0] ?? null,
        rate_bps_2: sale.rate_bps?.[1] ?? null,
        rate_bps_3: sale.rate_bps?.[2] ?? null,
        actor_id: "demo-seed",
      },
    })
  }
  return { created: missing.length }
}
