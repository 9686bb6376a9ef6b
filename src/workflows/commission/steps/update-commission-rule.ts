import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { distributionService as svc } from "../../../lib/distribution-service"
import { CommissionRuleInput } from "./commission-rule-input"

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
