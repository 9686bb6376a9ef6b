import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AuditActorType, DistributionEvents } from "../modules/distribution/constants"
import { DistributorAction } from "../modules/distribution/utils/distributor-status"
import { recordAuditStep } from "./steps/record-audit"
import { transitionDistributorStep } from "./steps/transition-distributor"

export type ReviewDistributorWorkflowInput = {
  id: string
  action: DistributorAction
  actor_id?: string | null
  reason?: string | null
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
 */
export const reviewDistributorWorkflow = createWorkflow(
  "review-distributor",
  (input: ReviewDistributorWorkflowInput) => {
    const result = transitionDistributorStep(input)
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
      })),
    })
    return new WorkflowResponse(transform({ result }, ({ result }) => result.distributor))
  }
)
