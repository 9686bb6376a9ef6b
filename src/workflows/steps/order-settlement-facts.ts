import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../../modules/distribution"
import DistributionModuleService from "../../modules/distribution/service"
import { SettleOn } from "../../modules/distribution/constants"
import { reversalDelta } from "../../modules/distribution/utils/commission-math"

type Detail = {
  quantity: number
  fulfilled_quantity: number
  shipped_quantity: number
  delivered_quantity: number
  return_received_quantity: number
}

const REACHED: Record<SettleOn, keyof Detail> = {
  fulfilled: "fulfilled_quantity",
  shipped: "shipped_quantity",
  delivered: "delivered_quantity",
}

async function loadOrder(
  container: { resolve: (k: string) => unknown },
  orderId: string,
  withPayments = false
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY) as {
    graph: (q: unknown) => Promise<{ data: unknown[] }>
  }
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "status",
      "currency_code",
      // Item quantities (fulfilled, shipped, delivered, returned) are decorated
      // only when the order's totals are part of the query.
      "total",
      "items.id",
      "items.quantity",
      "items.detail.*",
      ...(withPayments ? ["payment_collections.amount", "payment_collections.payments.refunds.amount"] : []),
    ],
    filters: { id: orderId },
  })
  return data[0] as
    | {
        id: string
        status: string
        currency_code: string
        payment_collections?: { amount: number; payments?: { refunds?: { amount: number }[] }[] }[]
        items: { id: string; quantity: number; detail: Detail }[]
      }
    | undefined
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

/**
 * The reversed amount each of an order's commissions should have now: all of
 * it when the order is canceled, else the larger of the share returned (by
 * quantity, per line) and the share refunded (of what the buyer was charged).
 * Cumulative and absolute, so applying it again changes nothing.
 */
export const reversalTargetsStep = createStep(
  "distribution-reversal-targets",
  async (input: { order_id: string }, { container }) => {
    const order = await loadOrder(container, input.order_id, true)
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const rows = await service.listOrderCommissionRows(input.order_id)
    const targets: Record<string, string> = {}
    if (!order) {
      return new StepResponse({ targets, refunded: "0" })
    }
    const lines = new Map(order.items.map((i) => [i.id, i]))
    // What the buyer was charged and what came back, from the payments themselves.
    const collections = order.payment_collections ?? []
    const charged = collections.reduce((s, pc) => MathBN.add(s, pc?.amount ?? 0), MathBN.convert(0))
    const refunded = collections
      .flatMap((pc) => pc?.payments ?? [])
      .flatMap((p) => p?.refunds ?? [])
      .reduce((s, r) => MathBN.add(s, r?.amount ?? 0), MathBN.convert(0))
    for (const row of rows) {
      if (row.status === "reversed") continue
      if (order.status === "canceled") {
        targets[row.id] = row.amount
        continue
      }
      const line = lines.get(row.line_item_id)
      const returned = Number(line?.detail?.return_received_quantity ?? 0)
      const byReturn = MathBN.add(
        row.reversed_amount,
        reversalDelta({
          amount: row.amount,
          already_reversed: row.reversed_amount,
          total: Number(line?.detail?.quantity ?? row.quantity),
          cumulative: returned,
          currency_code: row.currency_code,
        })
      )
      const byRefund = MathBN.gt(charged, 0)
        ? MathBN.add(
            row.reversed_amount,
            reversalDelta({
              amount: row.amount,
              already_reversed: row.reversed_amount,
              total: charged,
              cumulative: refunded,
              currency_code: row.currency_code,
            })
          )
        : MathBN.convert(row.reversed_amount)
      targets[row.id] = MathBN.max(byReturn, byRefund).toFixed()
    }
    return new StepResponse({ targets, refunded: refunded.toFixed() })
  }
)
