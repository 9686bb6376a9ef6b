import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, getLineItemsTotals, transformPropertiesToBigNumber } from "@medusajs/framework/utils"
import { orderForCommission, productsCommissionFacts } from "../../src/lib/medusa-tables"

type Loose = Record<string, any>

/** A raw amount's value ("12.5" and 12.5 and "12.50" alike), or null. */
const value = (raw: unknown): string | null =>
  raw == null ? null : String(Number(typeof raw === "object" ? (raw as { value: string }).value : raw))

/** What the credit uses of a line, however it was read. */
function creditFields(item: Loose) {
  return {
    id: item.id,
    product_id: item.product_id ?? null,
    variant_id: item.variant_id ?? null,
    is_tax_inclusive: !!item.is_tax_inclusive,
    metadata: item.metadata ?? null,
    quantity: value(item.raw_quantity),
    unit_price: value(item.raw_unit_price),
    returned: [
      value(item.detail?.raw_return_requested_quantity ?? item.detail?.return_requested_quantity ?? 0),
      value(item.detail?.raw_return_received_quantity ?? item.detail?.return_received_quantity ?? 0),
      value(item.detail?.raw_return_dismissed_quantity ?? item.detail?.return_dismissed_quantity ?? 0),
    ],
    adjustments: (item.adjustments ?? [])
      .map((a: Loose) => `${value(a.raw_amount ?? a.amount)} ${!!a.is_tax_inclusive}`)
      .sort(),
    tax_rates: (item.tax_lines ?? []).map((t: Loose) => value(t.rate)).sort(),
  }
}

/** Each line's subtotal and discount as Medusa's own line totals compute them from the read. */
function lineTotals(items: Loose[]) {
  const copy = { items: structuredClone(items) }
  transformPropertiesToBigNumber(copy)
  const totals = getLineItemsTotals(copy.items as Parameters<typeof getLineItemsTotals>[0], {})
  return Object.fromEntries(
    Object.entries(totals).map(([id, t]) => [id, [value(t.subtotal.toJSON()), value(t.discount_subtotal.toJSON())]])
  )
}

/**
 * The credit's SQL reads of Medusa's tables (src/lib/medusa-tables) answer what
 * Query answers for the same orders and products: every field the credit uses,
 * and the line totals computed from them. Returns how many lines were compared.
 */
export async function expectReadsAsQuery(container: MedusaContainer, orderIds: string[]): Promise<number> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let lines = 0
  const productIds = new Set<string>()
  for (const id of orderIds) {
    const {
      data: [viaQuery],
    } = (await query.graph({
      entity: "order",
      fields: [
        "id",
        "customer_id",
        "currency_code",
        "metadata",
        "created_at",
        "status",
        "promotions.id",
        "items.*",
        "items.adjustments.amount",
        "items.adjustments.is_tax_inclusive",
        "items.tax_lines.rate",
      ],
      filters: { id },
    })) as { data: Loose[] }
    const viaSql = (await orderForCommission(container, id)) as Loose
    const head = (o: Loose) => ({
      id: o.id,
      customer_id: o.customer_id ?? null,
      currency_code: o.currency_code,
      metadata: o.metadata ?? null,
      created_at: new Date(o.created_at).toISOString(),
      status: o.status,
      promotion_ids: (o.promotion_ids ?? (o.promotions ?? []).map((p: Loose) => p.id)).slice().sort(),
    })
    expect(head(viaSql)).toEqual(head(viaQuery))
    const byId = (a: Loose, b: Loose) => (a.id < b.id ? -1 : 1)
    expect(viaSql.items.map(creditFields).sort(byId)).toEqual(viaQuery.items.map(creditFields).sort(byId))
    expect(lineTotals(viaSql.items)).toEqual(lineTotals(viaQuery.items))
    lines += viaSql.items.length
    for (const item of viaSql.items) if (item.product_id) productIds.add(item.product_id)
  }
  const { data: products } = (await query.graph({
    entity: "product",
    fields: ["id", "collection_id", "categories.id", "categories.mpath"],
    filters: { id: [...productIds] },
  })) as { data: Loose[] }
  const facts = (p: Loose) => ({
    id: p.id,
    collection_id: p.collection_id ?? null,
    categories: (p.categories ?? []).map((c: Loose) => `${c.id} ${c.mpath}`).sort(),
  })
  const sorted = (rows: Loose[]) => rows.map(facts).sort((a, b) => (a.id < b.id ? -1 : 1))
  expect(sorted(await productsCommissionFacts(container, [...productIds]))).toEqual(sorted(products))
  return lines
}
