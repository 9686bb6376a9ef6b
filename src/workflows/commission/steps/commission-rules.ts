import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { IProductModuleService } from "@medusajs/framework/types"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import { RuleMode, RuleTargetType } from "../../../modules/distribution/constants"
import DistributionModuleService from "../../../modules/distribution/service"

export type CommissionRuleInput = {
  target_type: RuleTargetType
  target_id: string
  mode: RuleMode
  rate_bps_1?: number | null
  rate_bps_2?: number | null
  rate_bps_3?: number | null
  fixed_amount_1?: number | null
  fixed_amount_2?: number | null
  fixed_amount_3?: number | null
  currency_code?: string | null
  note?: string | null
}

const svc = (container: { resolve: (k: string) => unknown }) =>
  container.resolve(DISTRIBUTION_MODULE) as DistributionModuleService

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

/** Creates a rule; one per target (unique index). The compensation deletes it. */
export const createCommissionRuleStep = createStep(
  "create-commission-rule",
  async (input: CommissionRuleInput, { container }) => {
    const rule = await svc(container).createCommissionRules(input)
    return new StepResponse(rule, rule.id)
  },
  async (id, { container }) => {
    if (id) await svc(container).deleteCommissionRules(id)
  }
)

/** Updates a rule; the compensation writes the previous values back. */
export const updateCommissionRuleStep = createStep(
  "update-commission-rule",
  async (input: Partial<CommissionRuleInput> & { id: string }, { container }) => {
    const previous = await svc(container).retrieveCommissionRule(input.id)
    const rule = await svc(container).updateCommissionRules(input)
    return new StepResponse(rule, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    const { id, mode, rate_bps_1, rate_bps_2, rate_bps_3, currency_code, note } = previous
    await svc(container).updateCommissionRules({
      id,
      mode,
      rate_bps_1,
      rate_bps_2,
      rate_bps_3,
      fixed_amount_1: previous.fixed_amount_1 as number | null,
      fixed_amount_2: previous.fixed_amount_2 as number | null,
      fixed_amount_3: previous.fixed_amount_3 as number | null,
      currency_code,
      note,
    })
  }
)

/** Deletes a rule (runs last in its workflow: nothing after it can fail). */
export const deleteCommissionRuleStep = createStep(
  "delete-commission-rule",
  async (id: string, { container }) => {
    const rule = await svc(container).retrieveCommissionRule(id)
    await svc(container).deleteCommissionRules(id)
    return new StepResponse(rule)
  }
)
