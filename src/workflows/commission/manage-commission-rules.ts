import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { AuditActorType } from "../../modules/distribution/constants"
import {
  CommissionRuleInput,
  createCommissionRuleStep,
  deleteCommissionRuleStep,
  updateCommissionRuleStep,
  validateCommissionRuleTargetStep,
} from "./steps/commission-rules"
import { recordAuditStep } from "../audit/record-audit-step"

const audit = (action: string, entity_type: string) =>
  ({ actor_id, id, data }: { actor_id: string; id: string; data: Record<string, unknown> | null }) => [
    { actor_type: AuditActorType.ADMIN, actor_id, action, entity_type, entity_id: id, data },
  ]

/** Creates a commission rule for an existing variant, product, category or collection. Audited. */
export const createCommissionRuleWorkflow = createWorkflow(
  "create-commission-rule",
  (input: { rule: CommissionRuleInput; actor_id: string }) => {
    validateCommissionRuleTargetStep(transform({ input }, ({ input }) => input.rule))
    const rule = createCommissionRuleStep(transform({ input }, ({ input }) => input.rule))
    recordAuditStep(
      transform({ input, rule }, ({ input, rule }) =>
        audit("commission_rule.create", "commission_rule")({ actor_id: input.actor_id, id: rule.id, data: { ...input.rule } })
      )
    )
    return new WorkflowResponse(rule)
  }
)

/** Updates a commission rule. Audited with the changes. */
export const updateCommissionRuleWorkflow = createWorkflow(
  "update-commission-rule",
  (input: { id: string; changes: Partial<CommissionRuleInput>; actor_id: string }) => {
    const rule = updateCommissionRuleStep(transform({ input }, ({ input }) => ({ ...input.changes, id: input.id })))
    recordAuditStep(
      transform({ input }, ({ input }) =>
        audit("commission_rule.update", "commission_rule")({ actor_id: input.actor_id, id: input.id, data: { ...input.changes } })
      )
    )
    return new WorkflowResponse(rule)
  }
)

/** Deletes a commission rule: the next most specific source applies again. Audited. */
export const deleteCommissionRuleWorkflow = createWorkflow(
  "delete-commission-rule",
  (input: { id: string; actor_id: string }) => {
    recordAuditStep(
      transform({ input }, ({ input }) =>
        audit("commission_rule.delete", "commission_rule")({ actor_id: input.actor_id, id: input.id, data: null })
      )
    )
    return new WorkflowResponse(deleteCommissionRuleStep(transform({ input }, ({ input }) => input.id)))
  }
)
