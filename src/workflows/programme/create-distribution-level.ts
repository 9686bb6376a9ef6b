import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { DistributionEvents } from "../../modules/distribution/constants"
import { createLevelStep } from "./steps/create-distribution-level"
import { LevelInput } from "./steps/level-input"
import { AdminActor, adminAuditEntries } from "../audit/admin-audit-entries"
import { recordAuditStep } from "../audit/record-audit-step"

export type CreateLevelWorkflowInput = LevelInput & AdminActor

/** Creates a level; the programme's first level becomes its default. Audited. */
export const createLevelWorkflow = createWorkflow(
  "create-distribution-level",
  (input: CreateLevelWorkflowInput) => {
    const level = createLevelStep(
      transform({ input }, ({ input }) => {
        const { actor_id: _actor, ...data } = input
        return data
      })
    )
    recordAuditStep(
      transform({ input, level }, ({ input, level }) =>
        adminAuditEntries("level.create", "distribution_level")({ actor_id: input.actor_id, id: level.id, data: level })
      )
    )
    emitEventStep({
      eventName: DistributionEvents.LEVEL_CREATED,
      data: transform({ level }, ({ level }) => ({ id: level.id })),
    })
    return new WorkflowResponse(level)
  }
)
