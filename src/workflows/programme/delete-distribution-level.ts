import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { DistributionEvents } from "../../modules/distribution/constants"
import { deleteLevelStep } from "./steps/delete-distribution-level"
import { AdminActor, adminAuditEntries } from "../audit/admin-audit-entries"
import { recordAuditStep } from "../audit/record-audit-step"

export type DeleteLevelWorkflowInput = { id: string } & AdminActor

/**
 * Deletes a level; its distributors move to the default level. The default
 * level cannot be deleted. Audited (the audit row is written first and removed
 * again if the delete is refused).
 */
export const deleteLevelWorkflow = createWorkflow(
  "delete-distribution-level",
  (input: DeleteLevelWorkflowInput) => {
    recordAuditStep(
      transform({ input }, ({ input }) =>
        adminAuditEntries("level.delete", "distribution_level")({ actor_id: input.actor_id, id: input.id, data: null })
      )
    )
    const result = deleteLevelStep(transform({ input }, ({ input }) => input.id))
    emitEventStep({
      eventName: DistributionEvents.LEVEL_DELETED,
      data: transform({ result }, ({ result }) => ({
        id: result.level.id,
        reassigned: result.reassigned,
        default_level_id: result.default_level_id,
      })),
    })
    return new WorkflowResponse(result)
  }
)
