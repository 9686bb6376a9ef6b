import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { distributionService as svc } from "../../../lib/distribution-service"
import { CommissionRuleInput } from "./commission-rule-input"

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
