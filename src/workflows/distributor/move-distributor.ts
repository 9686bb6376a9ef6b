import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AuditActorType, DistributionEvents } from "../../modules/distribution/constants"
import { moveDistributorStep } from "./steps/move-distributor"
import { recordAuditStep } from "../audit/record-audit-step"

export type MoveDistributorWorkflowInput = {
  id: string
  parent_id: string | null
  actor_id?: string | null
}

/**
 * An admin moves a distributor and its whole subtree under a new parent (or to
 * the top). Never into a cycle; paths rewritten in one statement under the tree
 * lock. Audited; emits distribution.distributor.moved.
 */
export const moveDistributorWorkflow = createWorkflow(
  "move-distributor",
  (input: MoveDistributorWorkflowInput) => {
    const result = moveDistributorStep(
      transform({ input }, ({ input }) => ({ id: input.id, parent_id: input.parent_id }))
    )
    recordAuditStep(
      transform({ input, result }, ({ input, result }) => [
        {
          actor_type: AuditActorType.ADMIN,
          actor_id: input.actor_id ?? null,
          action: "distributor.move",
          entity_type: "distributor",
          entity_id: input.id,
          data: {
            from_parent_id: result.previous_parent_id,
            to_parent_id: input.parent_id,
            subtree_size: result.moved,
          },
        },
      ])
    )
    emitEventStep({
      eventName: DistributionEvents.DISTRIBUTOR_MOVED,
      data: transform({ input, result }, ({ input, result }) => ({
        id: input.id,
        from_parent_id: result.previous_parent_id,
        to_parent_id: input.parent_id,
        subtree_size: result.moved,
      })),
    })
    return new WorkflowResponse(result)
  }
)
