import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { IProductModuleService } from "@medusajs/framework/types"
import { RuleTargetType } from "../../../modules/distribution/constants"

const TARGET_LOOKUP: Record<RuleTargetType, (products: IProductModuleService, id: string) => Promise<unknown[]>> = {
  product: (products, id) => products.listProducts({ id }, { select: ["id"] }),
  variant: (products, id) => products.listProductVariants({ id }, { select: ["id"] }),
  category: (products, id) => products.listProductCategories({ id }, { select: ["id"] }),
  collection: (products, id) => products.listProductCollections({ id }, { select: ["id"] }),
}

/**
 * A rule must name a product, variant, category or collection that exists:
 * one for a mistyped id would never apply, silently.
 */
export const validateCommissionRuleTargetStep = createStep(
  "validate-commission-rule-target",
  async (input: { target_type: RuleTargetType; target_id: string }, { container }) => {
    const products: IProductModuleService = container.resolve(Modules.PRODUCT)
    const [found] = await TARGET_LOOKUP[input.target_type](products, input.target_id)
    if (!found) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `No ${input.target_type} with id ${input.target_id} exists: a commission rule needs an existing ${input.target_type}`
      )
    }
    return new StepResponse(true)
  }
)
