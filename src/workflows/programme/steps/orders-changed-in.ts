/** What the reconcile reads of an order: what a reversal reacts to (a cancel, a return, a refund, an edit). */
export type ReconcileOrder = {
  id: string
  status: string
  items?: { id: string; quantity: number | string }[] | null
  returns?: { id: string }[] | null
  payment_collections?: { payments?: { refunds?: { id: string }[] | null }[] | null }[] | null
}

type Graph = { graph: (q: Record<string, unknown>) => Promise<{ data: unknown[] }> }

const PAGE = 500
const ORDER_FIELDS = ["id", "status", "items.id", "items.quantity", "returns.id", "payment_collections.payments.refunds.id"]

/**
 * The orders a lost event of the window [from, to] may have left undone, page
 * by page, each once. Which of Medusa's timestamps move when (found by trying
 * each step on 2.21):
 *
 * - placed: the order's created_at (and updated_at);
 * - canceled, fulfilled, shipped, delivered, return requested or received, and
 *   any other order change (claims, exchanges, edits): the order's updated_at,
 *   as each confirms an order change;
 * - refunded: only the payment module's refund row (and the payment
 *   collection's updated_at); the order itself is not touched.
 *
 * So: the orders created or updated in the window, then those of the refunds
 * created in it that the first pass did not hold. Pages are keyed on the id, a
 * value that never changes, so an order updated while the sweep runs does not
 * shift the pages under it (it moves out of the window, into the next run's).
 */
export async function* ordersChangedIn(query: Graph, from: Date, to: Date): AsyncGenerator<ReconcileOrder[]> {
  const window = { $gte: from, $lte: to }
  const inWindow = (at: string | Date | null | undefined) => {
    const t = at ? new Date(at).getTime() : NaN
    return t >= from.getTime() && t <= to.getTime()
  }

  for (let after = ""; ; ) {
    const { data } = await query.graph({
      entity: "order",
      fields: ORDER_FIELDS,
      filters: { is_draft_order: false, id: { $gt: after }, $or: [{ created_at: window }, { updated_at: window }] },
      pagination: { take: PAGE, order: { id: "ASC" } },
    })
    const orders = data as ReconcileOrder[]
    if (orders.length) yield orders
    if (orders.length < PAGE) break
    after = orders[orders.length - 1].id
  }

  const seen = new Set<string>()
  for (let after = ""; ; ) {
    const { data } = await query.graph({
      entity: "refund",
      fields: ["id", "payment.payment_collection.order.id"],
      filters: { id: { $gt: after }, created_at: window },
      pagination: { take: PAGE, order: { id: "ASC" } },
    })
    const refunds = data as { id: string; payment?: { payment_collection?: { order?: { id: string } | null } | null } | null }[]
    const ids = [...new Set(refunds.map((r) => r.payment?.payment_collection?.order?.id).filter((id): id is string => !!id && !seen.has(id)))]
    ids.forEach((id) => seen.add(id))
    if (ids.length) {
      const { data: found } = await query.graph({
        entity: "order",
        fields: [...ORDER_FIELDS, "created_at", "updated_at"],
        filters: { id: ids, is_draft_order: false },
      })
      // Those created or updated in the window the first pass held already.
      const orders = (found as (ReconcileOrder & { created_at: string; updated_at: string })[]).filter(
        (o) => !inWindow(o.created_at) && !inWindow(o.updated_at)
      )
      if (orders.length) yield orders
    }
    if (refunds.length < PAGE) break
    after = refunds[refunds.length - 1].id
  }
}
