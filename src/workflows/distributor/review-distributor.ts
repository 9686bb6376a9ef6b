import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AuditActorType, DistributionEvents } from "../../modules/distribution/constants"
import { DistributorAction } from "../../modules/distribution/utils/distributor-status"
import { recordAuditStep } from "../audit/record-audit-step"
import { setDistributorLevelStep } from "./steps/set-distributor-level"
import { transitionDistributorStep } from "./steps/transition-distributor"

export type ReviewDistributorWorkflowInput = {
  id: string
  action: DistributorAction
  actor_id?: string | null
  reason?: string | null
  /** Approve only: the level the new distributor starts on (else the one it applied with, the default). */
  level_id?: string | null
}

const EVENT_OF: Record<DistributorAction, string> = {
  approve: DistributionEvents.DISTRIBUTOR_APPROVED,
  reject: DistributionEvents.DISTRIBUTOR_REJECTED,
  suspend: DistributionEvents.DISTRIBUTOR_SUSPENDED,
  reinstate: DistributionEvents.DISTRIBUTOR_REINSTATED,
}

/**
 * An admin approves, rejects, suspends or reinstates a distributor. The row is
 * locked, so of two concurrent decisions exactly one wins; an illegal
 * transition is a CONFLICT and changes nothing. Audited; emits one event.
 * An approval may name the level to start on: set with the decision and
 * undone with it (an unknown level approves nothing), audited with it, and a
 * level_changed event when it differs from the one the applicant had.
 */
export const reviewDistributorWorkflow = createWorkflow(
  "review-distributor",
  (input: ReviewDistributorWorkflowInput) => {
    const levelChange = when("approved-on-a-level", { input }, ({ input }) => input.action === "approve" && !!input.level_id).then(() =>
      setDistributorLevelStep(
        transform({ input }, ({ input }) => ({ id: input.id, level_id: input.level_id!, allow_unchanged: true }))
      )
    )
    const result = transitionDistributorStep(
      transform({ input }, ({ input }) => ({
        id: input.id,
        action: input.action,
        actor_id: input.actor_id,
        reason: input.reason,
      }))
    )
    recordAuditStep(
      transform({ input, result }, ({ input, result }) => [
        {
          actor_type: AuditActorType.ADMIN,
          actor_id: input.actor_id ?? null,
          action: `distributor.${input.action}`,
          entity_type: "distributor",
          entity_id: input.id,
          data: {
            from: result.previous.status,
            to: result.distributor.status,
            reason: input.reason ?? null,
            ...(input.level_id ? { level_id: input.level_id } : {}),
          },
        },
      ])
    )
    emitEventStep({
      eventName: transform({ input }, ({ input }) => EVENT_OF[input.action]),
      data: transform({ input, result }, ({ input, result }) => ({
        id: input.id,
        customer_id: result.distributor.customer_id,
        status: result.distributor.status,
        reason: input.reason ?? null,
        referral_code: result.distributor.referral_code,
        level_id: result.distributor.level_id,
      })),
    })
    when("level-changed", { levelChange }, ({ levelChange }) => !!levelChange && levelChange.previous_level_id !== levelChange.level.id).then(() => {
      emitEventStep({
        eventName: DistributionEvents.DISTRIBUTOR_LEVEL_CHANGED,
        data: transform({ input, levelChange }, ({ input, levelChange }) => ({
          id: input.id,
          from_level_id: levelChange!.previous_level_id,
          to_level_id: levelChange!.level.id,
          automatic: false,
          actor_id: input.actor_id ?? null,
          reason: input.reason ?? null,
        })),
      }).config({ name: "emit-distributor-level-changed" })
    })
    return new WorkflowResponse(transform({ result }, ({ result }) => result.distributor))
  }
)
