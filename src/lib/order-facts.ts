import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** An order line's quantities: ordered, fulfilled, shipped, delivered, returned. */
export type OrderItemDetail = {
  quantity: number
  fulfilled_quantity: number
  shipped_quantity: number
  delivered_quantity: number
  return_received_quantity: number
  return_dismissed_quantity: number
}

/**
 * An order as the settlement and reversal steps read it: its lines' quantities;
 * with `payments`, what its lines and shipping were charged and what its
 * payments hold; with `fulfillments`, each fulfillment's dates and the units it
 * holds. Undefined when the order is gone.
 */
export async function loadOrder(
  container: { resolve: (k: string) => unknown },
  orderId: string,
  { payments: withPayments = false, fulfillments: withFulfillments = false }: { payments?: boolean; fulfillments?: boolean } = {}
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
      ...(withFulfillments
        ? [
            "fulfillments.shipped_at",
            "fulfillments.delivered_at",
            "fulfillments.canceled_at",
            "fulfillments.items.line_item_id",
            "fulfillments.items.quantity",
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
        fulfillments?: {
          shipped_at: string | null
          delivered_at: string | null
          canceled_at: string | null
          items?: { line_item_id: string | null; quantity: number }[]
        }[]
        items: {
          id: string
          quantity: number
          total?: number
          return_received_total?: number
          return_dismissed_total?: number
          detail: OrderItemDetail
        }[]
      }
    | undefined
}
