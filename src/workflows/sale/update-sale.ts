import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { batchPriceListPricesWorkflow, emitEventStep, updatePriceListsWorkflow } from "@medusajs/medusa/core-flows"
import { AuditActorType, DistributionEvents } from "../../modules/distribution/constants"
import { recordAuditStep } from "../audit/record-audit-step"
import { prepareSaleStep, UpdateSaleInput, saleEventData } from "./steps/prepare-sale"
import { reserveSaleStep } from "./steps/reserve-sale"
import { priceListPrices } from "./steps/sale-prices"

export type { UpdateSaleInput }

/**
 * Changes a sale that has not ended: its name, window, time zone, prices
 * (a new percentage off, recomputed from Medusa's current prices, or new
 * fixed prices — which may change its variants) and commission policy. The
 * new window and variants are checked against the other sales under the
 * sales lock (409, nothing changed); then the price list's window and prices
 * follow through Medusa's own updatePriceListsWorkflow and
 * batchPriceListPricesWorkflow. Audited; emits distribution.sale.updated.
 */
export const updateSaleWorkflow = createWorkflow("update-distribution-sale", (input: UpdateSaleInput) => {
  const prepared = prepareSaleStep(input)
  const sale = reserveSaleStep(transform({ prepared }, ({ prepared }) => prepared.reservation))
  updatePriceListsWorkflow.runAsStep({
    input: transform({ prepared }, ({ prepared }) => ({
      price_lists_data: [
        {
          id: prepared.price_list_id!,
          title: prepared.reservation.name,
          starts_at: new Date(prepared.reservation.starts_at).toISOString(),
          ends_at: new Date(prepared.reservation.ends_at).toISOString(),
          ...(prepared.description ? { description: prepared.description } : {}),
        },
      ],
    })),
  })
  when("sale-repriced", { prepared }, ({ prepared }) => !!prepared.prices).then(() => {
    batchPriceListPricesWorkflow.runAsStep({
      input: transform({ prepared }, ({ prepared }) => ({
        data: {
          id: prepared.price_list_id!,
          create: priceListPrices(prepared.prices!),
          update: [],
          delete: prepared.replaced_price_ids,
        },
      })),
    })
  })
  recordAuditStep(
    transform({ input, sale, prepared }, ({ input, sale, prepared }) => [
      {
        actor_type: AuditActorType.ADMIN,
        actor_id: input.actor_id ?? null,
        action: "sale.update",
        entity_type: "sale",
        entity_id: sale.id,
        data: {
          fields: Object.keys(input).filter((k) => k !== "id" && k !== "actor_id"),
          starts_at: new Date(prepared.reservation.starts_at).toISOString(),
          ends_at: new Date(prepared.reservation.ends_at).toISOString(),
          commission_policy: sale.commission_policy,
          repriced: !!prepared.prices,
        },
      },
    ])
  )
  emitEventStep({
    eventName: DistributionEvents.SALE_UPDATED,
    data: transform({ sale, prepared }, saleEventData),
  })
  return new WorkflowResponse(sale)
})
