import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, updatePriceListsWorkflow } from "@medusajs/medusa/core-flows"
import { AuditActorType, DistributionEvents } from "../../modules/distribution/constants"
import { recordAuditStep } from "../audit/record-audit-step"
import { endSaleNowStep } from "./steps/end-sale-now"
import { saleEndedEventData, saleStartedEventData } from "./steps/claim-sale-transitions"

export type EndSaleInput = { id: string; actor_id?: string | null }

/**
 * Ends a sale early: its window closes now (an upcoming sale's never opens),
 * and its Medusa price list's with it through updatePriceListsWorkflow, so
 * Medusa prices the variants at their regular prices from now on. An ended
 * sale cannot be ended again (409). Audited; emits distribution.sale.ended
 * (early), once: the announcement job will not announce this end again. A
 * sale that ran before the job announced its start gets its
 * distribution.sale.started first.
 */
export const endSaleWorkflow = createWorkflow("end-distribution-sale", (input: EndSaleInput) => {
  const ended = endSaleNowStep(transform({ input }, ({ input }) => ({ id: input.id })))
  const sale = transform({ ended }, ({ ended }) => ended.sale)
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
    eventName: DistributionEvents.SALE_STARTED,
    // None when the job had announced the start, or the sale never started.
    data: transform({ ended }, ({ ended }) => (ended.started ? [saleStartedEventData(ended.sale)] : [])),
  }).config({ name: "emit-distribution-sale-started" })
  emitEventStep({
    eventName: DistributionEvents.SALE_ENDED,
    data: transform({ sale }, ({ sale }) => saleEndedEventData(sale, true)),
  })
  return new WorkflowResponse(sale)
})
