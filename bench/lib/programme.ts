import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE, RuleMode, RuleTargetType } from "../../src/modules/distribution/constants"
import DistributionModuleService from "../../src/modules/distribution/service"
import { seedProgramme } from "../../src/scripts/seed/programme"

/** The distributor the buyers are bound to: depth 3, under three active generations. */
const REFERRER_EMAIL = "feng.zihan@example.com"

/** A rate rule on one product, so that crediting resolves rules as well as level rates. */
export async function createProductRule(service: DistributionModuleService, productId: string) {
  await service.createCommissionRules({
    target_type: RuleTargetType.PRODUCT,
    target_id: productId,
    mode: RuleMode.RATE,
    rate_bps_1: 1500,
    rate_bps_2: 700,
    rate_bps_3: 300,
  })
}

/** The product the benchmark's rule is on (its orders buy it). */
const RULE_PRODUCT_HANDLE = "hyaluronic-serum"

/**
 * The demo's programme (levels, max_depth 3, the tree, bindings) plus a rate rule
 * on one of the products the benchmark orders. Returns the referral code the benchmark's buyers bind to.
 */
export async function seedBenchProgramme(container: MedusaContainer): Promise<string> {
  const { distributorByEmail } = await seedProgramme(container)
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const [product] = await container.resolve(Modules.PRODUCT).listProducts({ handle: RULE_PRODUCT_HANDLE })
  await createProductRule(service, product.id)
  const seeded = distributorByEmail.get(REFERRER_EMAIL)
  const referrer = seeded && (await service.retrieveDistributor(seeded.id))
  if (!referrer?.referral_code) {
    throw new Error(`the demo seed has no active ${REFERRER_EMAIL} with a referral code`)
  }
  return referrer.referral_code
}
