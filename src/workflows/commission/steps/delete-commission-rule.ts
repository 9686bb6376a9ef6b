import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { distributionService as svc } from "../../../lib/distribution-service"

/** Deletes a rule (runs last in its workflow: nothing after it can fail). */
export const deleteCommissionRuleStep = createStep(
  "delete-commission-rule",
  async (id: string, { container }) => {
    const rule = await svc(container).retrieveCommissionRule(id)
    await svc(container).deleteCommissionRules(id)
    return new StepResponse(rule)
  }
)
