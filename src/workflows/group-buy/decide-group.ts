import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActorType, GroupStatus } from "../../modules/distribution/constants"
import { recordAuditStep } from "../audit/record-audit-step"
import { decideGroupStep, refundGroupMembersStep } from "./steps/group-transitions"
import { emitGroupEventsStep } from "./steps/emit-group-events"

export type DecideGroupInput = {
  group_id: string
  outcome: typeof GroupStatus.SUCCEEDED | typeof GroupStatus.FAILED
  actor_id?: string | null
}

/** An admin completes an open group now (its missing seats virtual) or fails it (its paid members refunded at once). Audited. */
export const decideGroupWorkflow = createWorkflow("decide-distribution-group", (input: DecideGroupInput) => {
  const decided = decideGroupStep(transform({ input }, ({ input }) => ({ group_id: input.group_id, outcome: input.outcome })))
  const refunded = refundGroupMembersStep(transform({ input }, ({ input }) => ({ group_id: input.group_id })))
  recordAuditStep(
    transform({ input }, ({ input }) => [
      {
        actor_type: AuditActorType.ADMIN,
        actor_id: input.actor_id ?? null,
        action: input.outcome === GroupStatus.SUCCEEDED ? "group.complete" : "group.fail",
        entity_type: "group",
        entity_id: input.group_id,
        data: {},
      },
    ])
  )
  emitGroupEventsStep(transform({ decided, refunded }, ({ decided, refunded }) => [...decided.events, ...refunded.events]))
  return new WorkflowResponse(transform({ decided }, ({ decided }) => decided.group))
})
