import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AuditActorType, DistributionEvents } from "../../modules/distribution/constants"
import {
  createLevelStep,
  deleteLevelStep,
  LevelInput,
  updateLevelStep,
} from "./steps/levels"
import { recordAuditStep } from "../audit/record-audit-step"

type Actor = { actor_id?: string | null }

export type CreateLevelWorkflowInput = LevelInput & Actor
export type UpdateLevelWorkflowInput = Partial<LevelInput> & { id: string } & Actor
export type DeleteLevelWorkflowInput = { id: string } & Actor

const auditOf = (action: string) => (input: { actor_id?: string | null; id: string; data: unknown }) => [
  {
    actor_type: AuditActorType.ADMIN,
    actor_id: input.actor_id ?? null,
    action,
    entity_type: "distribution_level",
    entity_id: input.id,
    data: input.data as Record<string, unknown>,
  },
]

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
        auditOf("level.create")({ actor_id: input.actor_id, id: level.id, data: level })
      )
    )
    emitEventStep({
      eventName: DistributionEvents.LEVEL_CREATED,
      data: transform({ level }, ({ level }) => ({ id: level.id })),
    })
    return new WorkflowResponse(level)
  }
)

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
        return auditOf("level.update")({ actor_id: input.actor_id, id: level.id, data: changes })
      })
    )
    emitEventStep({
      eventName: DistributionEvents.LEVEL_UPDATED,
      data: transform({ level }, ({ level }) => ({ id: level.id })),
    })
    return new WorkflowResponse(level)
  }
)

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
        auditOf("level.delete")({ actor_id: input.actor_id, id: input.id, data: null })
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
