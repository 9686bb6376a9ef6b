import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AuditActorType, GroupBuyEvents } from "../../modules/distribution/constants"
import { recordAuditStep } from "../audit/record-audit-step"
import { GroupBuyFields, saveGroupBuyStep } from "./steps/save-group-buy"

export type SaveGroupBuyWorkflowInput = { id?: string; fields: Partial<GroupBuyFields>; actor_id?: string | null }

/**
 * Creates a 拼团 activity (no id) or changes one: checked as a whole, audited,
 * and announced (distribution.group_buy.created / .updated). Groups already
 * formed keep their size and deadline.
 */
export const saveGroupBuyWorkflow = createWorkflow("save-distribution-group-buy", (input: SaveGroupBuyWorkflowInput) => {
  const groupBuy = saveGroupBuyStep(transform({ input }, ({ input }) => ({ id: input.id, fields: input.fields })))
  recordAuditStep(
    transform({ input, groupBuy }, ({ input, groupBuy }) => [
      {
        actor_type: AuditActorType.ADMIN,
        actor_id: input.actor_id ?? null,
        action: input.id ? "group_buy.update" : "group_buy.create",
        entity_type: "group_buy",
        entity_id: groupBuy.id,
        data: input.fields as Record<string, unknown>,
      },
    ])
  )
  emitEventStep({
    eventName: transform({ input }, ({ input }) => (input.id ? GroupBuyEvents.GROUP_BUY_UPDATED : GroupBuyEvents.GROUP_BUY_CREATED)),
    data: transform({ groupBuy }, ({ groupBuy }) => ({ id: groupBuy.id })),
  })
  return new WorkflowResponse(groupBuy)
})
