import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, updatePriceListsWorkflow } from "@medusajs/medusa/core-flows"
import { AuditActorType, DistributionEvents } from "../../modules/distribution/constants"
import { recordAuditStep } from "../audit/record-audit-step"
import { endSaleNowStep } from "./steps/end-sale-now"

export type EndSaleInput = { id: string; actor_id?: string | null }

/**
 * Ends a sale early: its window closes now (an upcoming sale's never opens),
 * and its Medusa price list's with it through updatePriceListsWorkflow, so
 * Medusa prices the variants at their regular prices from now on. An ended
 * sale cannot be ended again (409). Audited; emits distribution.sale.ended.
 */
export const endSaleWorkflow = createWorkflow("end-distribution-sale", (input: EndSaleInput) => {
  const sale = endSaleNowStep(transform({ input }, ({ input }) => ({ id: input.id })))
  updatePriceListsWorkflow.runAsStep({
    input: transform({ sale }, ({ sale }) => ({
      price_lists_data: [
        { id: sale.price_list_id!, starts_at: new Date(sale.starts_at).toISOString(), ends_at: new Date(sale.ends_at).toISOString() },
      ],
    })),
  })
  recordAuditStep(
    transform({ input, sale }, ({ input, sale }) => [
      {
        actor_type: AuditActorType.ADMIN,
        actor_id: input.actor_id ?? null,
        action: "sale.end",
        entity_type: "sale",
        entity_id: sale.id,
        data: { ends_at: new Date(sale.ends_at).toISOString(), price_list_id: sale.price_list_id },
      },
    ])
  )
  emitEventStep({
    eventName: DistributionEvents.SALE_ENDED,
    data: transform({ sale }, ({ sale }) => ({
      id: sale.id,
      price_list_id: sale.price_list_id,
      ends_at: new Date(sale.ends_at).toISOString(),
      early: true,
    })),
  })
  return new WorkflowResponse(sale)
})
