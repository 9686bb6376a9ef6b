import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SettleOn } from "../../../modules/distribution/constants"
import { loadOrder, OrderItemDetail } from "../../../lib/order-facts"

const REACHED: Record<SettleOn, keyof OrderItemDetail> = {
  fulfilled: "fulfilled_quantity",
  shipped: "shipped_quantity",
  delivered: "delivered_quantity",
}

/** True when every unit of the order, less what came back, has reached `state`. */
export const orderReachedStateStep = createStep(
  "distribution-order-reached-state",
  async (input: { order_id: string; state: SettleOn }, { container }) => {
    const order = await loadOrder(container, input.order_id)
    if (!order || order.status === "canceled") {
      return new StepResponse(false)
    }
    const field = REACHED[input.state]
    const reached = order.items.every((i) => {
      const d = i.detail
      const kept = Number(d.quantity) - Number(d.return_received_quantity ?? 0)
      return Number(d[field] ?? 0) >= kept
    })
    return new StepResponse(reached)
  }
)
