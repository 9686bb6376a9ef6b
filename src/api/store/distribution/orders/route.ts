import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { maskEmail, maskName } from "../../../../modules/distribution/utils/mask"
import { formatAmount } from "../../../../modules/distribution/utils/money"
import { requireDistributor } from "../../../utils/container"
import { StoreListOrdersType } from "./validators"

type Detail = { quantity: number; fulfilled_quantity: number; shipped_quantity: number; delivered_quantity: number; return_received_quantity: number }

/** The furthest state every unit of the order has reached, as a buyer would describe it. */
function liveStatus(order: { status: string; items: { detail: Detail }[] }): string {
  if (order.status === "canceled") return "canceled"
  const all = (f: keyof Detail) => order.items.every((i) => Number(i.detail?.[f] ?? 0) >= Number(i.detail?.quantity ?? 0))
  if (order.items.some((i) => Number(i.detail?.return_received_quantity ?? 0) > 0)) return "returned"
  if (all("delivered_quantity")) return "delivered"
  if (all("shipped_quantity")) return "shipped"
  if (all("fulfilled_quantity")) return "fulfilled"
  return "placed"
}

/** Orders the caller earns from, with their live status, items, its commission on each, the buyer masked. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreListOrdersType>, res: MedusaResponse) => {
  const { service, me } = await requireDistributor(req)
  const { limit, offset } = req.validatedQuery as StoreListOrdersType
  const page = await service.listDistributorOrders(me.id, { limit, offset })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = page.orders.length
    ? await query.graph({
        entity: "order",
        fields: [
          "id", "display_id", "status", "created_at", "currency_code", "email",
          "customer.first_name", "customer.last_name",
          // The line's quantity and its detail's progress come with the whole line only ("items.detail.*" alone is empty).
          "items.*", "items.detail.*",
        ],
        filters: { id: page.orders.map((o) => o.order_id) },
      })
    : { data: [] }
  const byId = new Map(data.map((o) => [o.id, o]))
  const orders = page.orders.flatMap(({ order_id, lines }) => {
    const order = byId.get(order_id) as unknown as {
      id: string; display_id: number; status: string; created_at: string; currency_code: string; email: string | null
      customer?: { first_name?: string | null; last_name?: string | null } | null
      items: { id: string; title: string; variant_title: string | null; thumbnail: string | null; quantity: number; detail: Detail }[]
    } | undefined
    if (!order) return []
    const earned = (rows: typeof lines) =>
      formatAmount(rows.reduce((sum, l) => MathBN.add(sum, MathBN.sub(l.amount, l.reversed_amount)), MathBN.convert(0)), order.currency_code)
    const buyerName = [order.customer?.last_name, order.customer?.first_name].filter(Boolean).join("")
    return [{
      id: order.id,
      display_id: order.display_id,
      status: liveStatus(order),
      created_at: order.created_at,
      currency_code: order.currency_code,
      buyer: { name: maskName(buyerName || null), email: maskEmail(order.email) },
      commission: earned(lines),
      items: order.items.map((item) => {
        const mine = lines.filter((l) => l.line_item_id === item.id)
        return {
          id: item.id,
          title: item.title,
          variant_title: item.variant_title,
          thumbnail: item.thumbnail,
          quantity: item.quantity,
          depth: (mine[0] as { depth?: number } | undefined)?.depth ?? null,
          commission: earned(mine),
          commission_status: mine[0]?.status ?? null,
        }
      }),
    }]
  })
  res.json({ orders, count: page.count, limit, offset })
}
