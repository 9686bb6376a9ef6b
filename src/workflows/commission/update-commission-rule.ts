import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { CommissionRuleInput } from "./steps/commission-rule-input"
import { updateCommissionRuleStep } from "./steps/update-commission-rule"
import { adminAuditEntries } from "../audit/admin-audit-entries"
import { recordAuditStep } from "../audit/record-audit-step"

/** Updates a commission rule. Audited with the changes. */
export const updateCommissionRuleWorkflow = createWorkflow(
  "update-commission-rule",
  (input: { id: string; changes: Partial<CommissionRuleInput>; actor_id: string }) => {
    const rule = updateCommissionRuleStep(transform({ input }, ({ input }) => ({ ...input.changes, id: input.id })))
    recordAuditStep(
      transform({ input }, ({ input }) =>
        adminAuditEntries("commission_rule.update", "commission_rule")({ actor_id: input.actor_id, id: input.id, data: { ...input.changes } })
      )
    )
    return new WorkflowResponse(rule)
  }
)
