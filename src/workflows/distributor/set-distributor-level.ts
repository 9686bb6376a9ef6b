import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AuditActorType, DistributionEvents } from "../../modules/distribution/constants"
import { recordAuditStep } from "../audit/record-audit-step"
import { setDistributorLevelStep } from "./steps/set-distributor-level"

export type SetDistributorLevelWorkflowInput = {
  id: string
  level_id: string
  reason: string
  actor_id?: string | null
}

/**
 * An admin puts a distributor on a level, higher or lower, with a reason.
 * The automatic upgrade only ever raises a level, so a level set here stays
 * until the distributor earns a higher one. Audited (from, to, reason); emits
 * distribution.distributor.level_changed with `automatic: false`.
 */
export const setDistributorLevelWorkflow = createWorkflow(
  "set-distributor-level",
  (input: SetDistributorLevelWorkflowInput) => {
    const result = setDistributorLevelStep(
      transform({ input }, ({ input }) => ({ id: input.id, level_id: input.level_id }))
    )
    recordAuditStep(
      transform({ input, result }, ({ input, result }) => [
        {
          actor_type: AuditActorType.ADMIN,
          actor_id: input.actor_id ?? null,
          action: "distributor.set_level",
          entity_type: "distributor",
          entity_id: input.id,
          data: {
            from_level_id: result.previous_level_id,
            to_level_id: result.level.id,
            to_level_name: result.level.name,
            reason: input.reason,
          },
        },
      ])
    )
    emitEventStep({
      eventName: DistributionEvents.DISTRIBUTOR_LEVEL_CHANGED,
      data: transform({ input, result }, ({ input, result }) => ({
        id: input.id,
        from_level_id: result.previous_level_id,
        to_level_id: result.level.id,
        automatic: false,
        actor_id: input.actor_id ?? null,
        reason: input.reason,
      })),
    })
    return new WorkflowResponse(result)
  }
)
