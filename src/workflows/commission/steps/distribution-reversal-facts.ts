import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN, PaymentCollectionStatus } from "@medusajs/framework/utils"
import { ReversalFacts } from "../../../modules/distribution/utils/reversal"
import { loadOrder } from "../../../lib/order-facts"

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
    const order = await loadOrder(container, input.order_id, { payments: true })
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
