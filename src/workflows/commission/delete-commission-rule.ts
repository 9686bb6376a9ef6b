import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { deleteCommissionRuleStep } from "./steps/delete-commission-rule"
import { adminAuditEntries } from "../audit/admin-audit-entries"
import { recordAuditStep } from "../audit/record-audit-step"

/** Deletes a commission rule: the next most specific source applies again. Audited. */
export const deleteCommissionRuleWorkflow = createWorkflow(
  "delete-commission-rule",
  (input: { id: string; actor_id: string }) => {
    recordAuditStep(
      transform({ input }, ({ input }) =>
        adminAuditEntries("commission_rule.delete", "commission_rule")({ actor_id: input.actor_id, id: input.id, data: null })
      )
    )
    return new WorkflowResponse(deleteCommissionRuleStep(transform({ input }, ({ input }) => input.id)))
  }
)
