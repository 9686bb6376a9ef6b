import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PriceListStatus, PriceListType } from "@medusajs/framework/utils"
import { createPriceListsWorkflow, emitEventStep } from "@medusajs/medusa/core-flows"
import { AuditActorType, DistributionEvents } from "../../modules/distribution/constants"
import { recordAuditStep } from "../audit/record-audit-step"
import { attachSalePriceListStep } from "./steps/attach-sale-price-list"
import { CreateSaleInput, prepareSaleStep, saleEventData } from "./steps/prepare-sale"
import { reserveSaleStep } from "./steps/reserve-sale"
import { priceListPrices } from "./steps/sale-prices"

export type { CreateSaleInput }

/**
 * Creates a limited-time sale: validates it, reserves its variants for its
 * window under the sales lock (a variant already in an overlapping sale is
 * refused with a 409 and nothing is written), then makes its Medusa price
 * list — type sale, active, with the window — through Medusa's own
 * createPriceListsWorkflow, so Medusa prices carts, shows the strike-through
 * and keeps the schedule. A failure after the reservation removes the sale and
 * the list again. Audited; emits distribution.sale.created.
 */
export const createSaleWorkflow = createWorkflow("create-distribution-sale", (input: CreateSaleInput) => {
  const prepared = prepareSaleStep(input)
  const reserved = reserveSaleStep(transform({ prepared }, ({ prepared }) => prepared.reservation))
  const lists = createPriceListsWorkflow.runAsStep({
    input: transform({ prepared, reserved }, ({ prepared, reserved }) => ({
      price_lists_data: [
        {
          title: prepared.reservation.name,
          description: prepared.description || prepared.reservation.name,
          type: PriceListType.SALE,
          status: PriceListStatus.ACTIVE,
          starts_at: new Date(prepared.reservation.starts_at).toISOString(),
          ends_at: new Date(prepared.reservation.ends_at).toISOString(),
          prices: priceListPrices(prepared.prices ?? []),
          metadata: { distribution_sale_id: reserved.id },
        },
      ],
    })),
  })
  const sale = attachSalePriceListStep(
    transform({ reserved, lists }, ({ reserved, lists }) => ({ id: reserved.id, price_list_id: lists[0].id }))
  )
  recordAuditStep(
    transform({ input, sale, prepared }, ({ input, sale, prepared }) => [
      {
        actor_type: AuditActorType.ADMIN,
        actor_id: input.actor_id ?? null,
        action: "sale.create",
        entity_type: "sale",
        entity_id: sale.id,
        data: {
          name: sale.name,
          price_list_id: sale.price_list_id,
          starts_at: new Date(prepared.reservation.starts_at).toISOString(),
          ends_at: new Date(prepared.reservation.ends_at).toISOString(),
          percent_off_bps: sale.percent_off_bps,
          variants: prepared.reservation.variants.length,
          commission_policy: sale.commission_policy,
        },
      },
    ])
  )
  emitEventStep({
    eventName: DistributionEvents.SALE_CREATED,
    data: transform({ sale, prepared }, saleEventData),
  })
  return new WorkflowResponse(sale)
})
