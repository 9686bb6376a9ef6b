import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SettleOn } from "../../../modules/distribution/constants"
import { loadOrder, OrderItemDetail } from "../../../lib/order-facts"

const REACHED: Record<SettleOn, keyof OrderItemDetail> = {
  fulfilled: "fulfilled_quantity",
  shipped: "shipped_quantity",
  delivered: "delivered_quantity",
}

/** A fulfillment as loadOrder reads it. */
type Fulfillment = NonNullable<NonNullable<Awaited<ReturnType<typeof loadOrder>>>["fulfillments"]>[number]

/** Whether a fulfillment (not canceled) has reached `state`: a delivered one has been shipped too. */
const fulfillmentReached = (f: Fulfillment, state: SettleOn) =>
  !f.canceled_at && (state === "fulfilled" || !!f.delivered_at || (state === "shipped" && !!f.shipped_at))

/**
 * True when every unit of the order, less what came back, has reached `state`.
 *
 * Medusa records a shipment or a delivery twice, in two steps of one workflow:
 * on the fulfillment (its shipped_at, delivered_at) and on the order's lines
 * (their shipped and delivered quantities). A server that dies between the two
 * leaves the fulfillment delivered, as the admin shows it, and the lines not.
 * A unit has reached the state when either record says so.
 */
export const orderReachedStateStep = createStep(
  "distribution-order-reached-state",
  async (input: { order_id: string; state: SettleOn }, { container }) => {
    const order = await loadOrder(container, input.order_id, { fulfillments: true })
    if (!order || order.status === "canceled") {
      return new StepResponse(false)
    }
    const field = REACHED[input.state]
    const byFulfillments = new Map<string, number>()
    for (const f of order.fulfillments ?? []) {
      if (!f || !fulfillmentReached(f, input.state)) {
        continue
      }
      for (const item of f.items ?? []) {
        if (item?.line_item_id) {
          byFulfillments.set(item.line_item_id, (byFulfillments.get(item.line_item_id) ?? 0) + Number(item.quantity))
        }
      }
    }
    const reached = order.items.every((i) => {
      const d = i.detail
      const kept = Number(d.quantity) - Number(d.return_received_quantity ?? 0)
      return Math.max(Number(d[field] ?? 0), byFulfillments.get(i.id) ?? 0) >= kept
    })
    return new StepResponse(reached)
  }
)
