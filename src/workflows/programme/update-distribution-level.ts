import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { DistributionEvents } from "../../modules/distribution/constants"
import { updateLevelStep } from "./steps/update-distribution-level"
import { LevelInput } from "./steps/level-input"
import { AdminActor, adminAuditEntries } from "../audit/admin-audit-entries"
import { recordAuditStep } from "../audit/record-audit-step"

export type UpdateLevelWorkflowInput = Partial<LevelInput> & { id: string } & AdminActor

/** Updates a level's name, rank, rates or thresholds. Audited. */
export const updateLevelWorkflow = createWorkflow(
  "update-distribution-level",
  (input: UpdateLevelWorkflowInput) => {
    const level = updateLevelStep(
      transform({ input }, ({ input }) => {
        const { actor_id: _actor, ...data } = input
        return data
      })
    )
    recordAuditStep(
      transform({ input, level }, ({ input, level }) => {
        const { actor_id: _actor, id: _id, ...changes } = input
        return adminAuditEntries("level.update", "distribution_level")({ actor_id: input.actor_id, id: level.id, data: changes })
      })
    )
    emitEventStep({
      eventName: DistributionEvents.LEVEL_UPDATED,
      data: transform({ level }, ({ level }) => ({ id: level.id })),
    })
    return new WorkflowResponse(level)
  }
)
