import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { CommissionRuleInput } from "./steps/commission-rule-input"
import { createCommissionRuleStep } from "./steps/create-commission-rule"
import { validateCommissionRuleTargetStep } from "./steps/validate-commission-rule-target"
import { adminAuditEntries } from "../audit/admin-audit-entries"
import { recordAuditStep } from "../audit/record-audit-step"

/** Creates a commission rule for an existing variant, product, category or collection. Audited. */
export const createCommissionRuleWorkflow = createWorkflow(
  "create-commission-rule",
  (input: { rule: CommissionRuleInput; actor_id: string }) => {
    validateCommissionRuleTargetStep(transform({ input }, ({ input }) => input.rule))
    const rule = createCommissionRuleStep(transform({ input }, ({ input }) => input.rule))
    recordAuditStep(
      transform({ input, rule }, ({ input, rule }) =>
        adminAuditEntries("commission_rule.create", "commission_rule")({ actor_id: input.actor_id, id: rule.id, data: { ...input.rule } })
      )
    )
    return new WorkflowResponse(rule)
  }
)
