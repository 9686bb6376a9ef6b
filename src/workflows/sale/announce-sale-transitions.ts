import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { DistributionEvents } from "../../modules/distribution/constants"
import { claimSaleTransitionsStep, saleEndedEventData, saleStartedEventData } from "./steps/claim-sale-transitions"

export type AnnounceSaleTransitionsInput = { limit: number }

/**
 * Announces the sales that reached their start or their end: claims up to
 * `limit` of each and emits distribution.sale.started, then
 * distribution.sale.ended (not early). Each transition is announced once:
 * the claim is a conditional UPDATE, so two instances running at once, or a
 * run after a restart, never announce it again; a sale ended early was
 * announced by the end-early workflow. Safe to run any number of times.
 */
export const announceSaleTransitionsWorkflow = createWorkflow(
  "announce-distribution-sale-transitions",
  (input: AnnounceSaleTransitionsInput) => {
    const claimed = claimSaleTransitionsStep(input)
    emitEventStep({
      eventName: DistributionEvents.SALE_STARTED,
      data: transform({ claimed }, ({ claimed }) => claimed.started.map(saleStartedEventData)),
    }).config({ name: "emit-distribution-sales-started" })
    emitEventStep({
      eventName: DistributionEvents.SALE_ENDED,
      data: transform({ claimed }, ({ claimed }) => claimed.ended.map((sale) => saleEndedEventData(sale, false))),
    }).config({ name: "emit-distribution-sales-ended" })
    return new WorkflowResponse(
      transform({ claimed }, ({ claimed }) => ({ started: claimed.started.map((s) => s.id), ended: claimed.ended.map((s) => s.id) }))
    )
  }
)
