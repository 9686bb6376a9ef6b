import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE, RuleTargetType } from "../../modules/distribution/constants"
import DistributionModuleService from "../../modules/distribution/service"

/**
 * Commission rules a merchant of this shop would set: more on courses (no
 * stock, high margin), less on infant formula (thin margin), a bonus on the
 * 双十一 collection. Targets by handle or SKU; a rule per target, so a target
 * that already has one (from an earlier run or an admin) is left alone.
 */
export const RULES: Array<{
  target_type: RuleTargetType
  /** A category's or collection's handle, a product's handle or a variant's SKU. */
  target: string
  rates: [number, number, number]
  note: string
}> = [
  { target_type: "category", target: "online-courses", rates: [1800, 800, 300], note: "在线课程无库存、毛利高，佣金上浮" },
  { target_type: "variant", target: "MILK3-3", rates: [500, 200, 100], note: "奶粉三罐装毛利低" },
  { target_type: "collection", target: "double-eleven", rates: [1200, 600, 200], note: "双十一活动加佣" },
]

export async function seedCommissionRules(container: MedusaContainer) {
  const products = container.resolve(Modules.PRODUCT)
  const distribution = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  const find: Record<RuleTargetType, (key: string) => Promise<{ id: string }[]>> = {
    category: (handle) => products.listProductCategories({ handle }, { select: ["id"] }),
    collection: (handle) => products.listProductCollections({ handle }, { select: ["id"] }),
    product: (handle) => products.listProducts({ handle }, { select: ["id"] }),
    variant: (sku) => products.listProductVariants({ sku }, { select: ["id"] }),
  }
  let created = 0
  for (const rule of RULES) {
    const [target] = await find[rule.target_type](rule.target)
    const [existing] = await distribution.listCommissionRules({ target_type: rule.target_type, target_id: target.id })
    if (existing) {
      continue
    }
    const [rate_bps_1, rate_bps_2, rate_bps_3] = rule.rates
    await distribution.createCommissionRules({
      target_type: rule.target_type,
      target_id: target.id,
      mode: "rate",
      rate_bps_1,
      rate_bps_2,
      rate_bps_3,
      note: rule.note,
    })
    created++
  }
  return { created }
}
