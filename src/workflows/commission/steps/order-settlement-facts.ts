import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MathBN, PaymentCollectionStatus } from "@medusajs/framework/utils"
import { SettleOn } from "../../../modules/distribution/constants"
import { ReversalFacts } from "../../../modules/distribution/utils/reversal"

type Detail = {
  quantity: number
  fulfilled_quantity: number
  shipped_quantity: number
  delivered_quantity: number
  return_received_quantity: number
  return_dismissed_quantity: number
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
      ...(withPayments
        ? [
            // Medusa's item total covers the units still kept; with these, what the whole line was charged.
            "items.total",
            "items.return_received_total",
            "items.return_dismissed_total",
            "shipping_total",
            "payment_collections.status",
            "payment_collections.payments.amount",
            "payment_collections.payments.canceled_at",
            "payment_collections.payments.refunds.amount",
          ]
        : []),
    ],
    filters: { id: orderId },
  })
  return data[0] as
    | {
        id: string
        status: string
        currency_code: string
        shipping_total?: number
        payment_collections?: {
          status: string
          payments?: { amount: number; canceled_at: string | null; refunds?: { amount: number }[] }[]
        }[]
        items: {
          id: string
          quantity: number
          total?: number
          return_received_total?: number
          return_dismissed_total?: number
          detail: Detail
        }[]
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
 * What the buyer's payments hold and what came back. A canceled payment (and
 * a canceled collection: Medusa cancels one and asks again for a new amount in
 * some return and order-edit flows) charged nothing; refunds count wherever
 * they were made.
 */
function payments(order: NonNullable<Awaited<ReturnType<typeof loadOrder>>>) {
  const all = (order.payment_collections ?? []).flatMap((pc) =>
    (pc?.payments ?? []).map((p) => ({ ...p, collection_canceled: pc.status === PaymentCollectionStatus.CANCELED }))
  )
  const paid = all
    .filter((p) => !p.canceled_at && !p.collection_canceled)
    .reduce((s, p) => MathBN.add(s, p.amount ?? 0), MathBN.convert(0))
  const refunded = all
    .flatMap((p) => p.refunds ?? [])
    .reduce((s, r) => MathBN.add(s, r?.amount ?? 0), MathBN.convert(0))
  return { paid: paid.toFixed(), refunded: refunded.toFixed() }
}

/**
 * An order's cumulative facts, everything its commissions' reversal depends
 * on (see reversalTargets): loaded here, applied by the module on its rows
 * under their lock, so the targets are computed once, from rows as they stand.
 * Amounts leave as exact decimal strings. Null when the order is gone.
 */
export const reversalFactsStep = createStep(
  "distribution-reversal-facts",
  async (input: { order_id: string }, { container }) => {
    const order = await loadOrder(container, input.order_id, true)
    if (!order) {
      return new StepResponse({ facts: null as ReversalFacts | null, refunded: "0" })
    }
    const { paid, refunded } = payments(order)
    const facts: ReversalFacts = {
      canceled: order.status === "canceled",
      lines: order.items.map((i) => ({
        id: i.id,
        quantity: Number(i.detail?.quantity ?? i.quantity),
        // A unit received damaged (dismissed) came back too.
        returned_quantity: Number(i.detail?.return_received_quantity ?? 0) + Number(i.detail?.return_dismissed_quantity ?? 0),
        charged: MathBN.sum(i.total ?? 0, i.return_received_total ?? 0, i.return_dismissed_total ?? 0).toFixed(),
      })),
      other_charges: MathBN.convert(order.shipping_total ?? 0).toFixed(),
      paid,
      refunded,
    }
    return new StepResponse({ facts: facts as ReversalFacts | null, refunded })
  }
)
