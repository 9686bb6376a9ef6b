import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AuditActorType, GroupBuyEvents } from "../../modules/distribution/constants"
import { recordAuditStep } from "../audit/record-audit-step"
import { closeGroupBuyStep } from "./steps/close-group-buy"

/** Closes a 拼团 activity: no new checkout; open groups still succeed or fail at their deadline. Audited; emits distribution.group_buy.closed. */
export const closeGroupBuyWorkflow = createWorkflow("close-distribution-group-buy", (input: { id: string; actor_id?: string | null }) => {
  const groupBuy = closeGroupBuyStep(transform({ input }, ({ input }) => ({ id: input.id, now: new Date() })))
  recordAuditStep(
    transform({ input, groupBuy }, ({ input, groupBuy }) => [
      { actor_type: AuditActorType.ADMIN, actor_id: input.actor_id ?? null, action: "group_buy.close", entity_type: "group_buy", entity_id: groupBuy.id, data: {} },
    ])
  )
  emitEventStep({ eventName: GroupBuyEvents.GROUP_BUY_CLOSED, data: transform({ groupBuy }, ({ groupBuy }) => ({ id: groupBuy.id })) })
  return new WorkflowResponse(groupBuy)
})
