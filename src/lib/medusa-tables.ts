import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { pgTextArray } from "../modules/distribution/utils/sql"

/**
 * The credit's reads of Medusa's own data, in SQL on Medusa's tables in the
 * shared database: an order's lines as the order module gives them, products'
 * collection and categories, and the lines an order edit added. Through Query
 * the first two took two thirds of a credit's time (the order module builds and versions every entity with
 * MikroORM: about 13 ms for an order of three lines on a small machine, where
 * the statement below takes 0.7 ms); the figures are in bench/README.md.
 *
 * This is the one place the plugin reads another module's tables. It follows
 * the order module's own rules (the order's current version of its items and
 * of their adjustments, an item's unit price and metadata overriding its
 * line's, nothing soft-deleted) and integration-tests/http/medusa-tables.spec.ts
 * compares every field it returns with Query's answer for the same orders and
 * products (discounts, tax-inclusive prices, an edited order, a return, a
 * deleted category): a Medusa release that moves these tables fails that test
 * before it can change a commission. It needs the order and product modules
 * in Medusa's database, as they are unless a host gives them their own.
 */

/** A line of an order, shaped as Query returns `items.*` with its adjustments and tax lines. */
export type OrderLineRow = {
  id: string
  product_id: string | null
  variant_id: string | null
  is_tax_inclusive: boolean
  quantity: string
  raw_quantity: Record<string, unknown>
  unit_price: string
  raw_unit_price: Record<string, unknown>
  metadata: Record<string, unknown> | null
  /** The order item (returned quantities): what getLineItemTotals reads as `detail`. */
  detail: {
    return_requested_quantity: string
    raw_return_requested_quantity: Record<string, unknown>
    return_received_quantity: string
    raw_return_received_quantity: Record<string, unknown>
    return_dismissed_quantity: string
    raw_return_dismissed_quantity: Record<string, unknown>
  }
  adjustments: { amount: string; raw_amount: Record<string, unknown>; is_tax_inclusive: boolean }[]
  tax_lines: { rate: string }[]
}

export type OrderForCommission = {
  id: string
  customer_id: string | null
  currency_code: string
  metadata: Record<string, unknown> | null
  created_at: Date
  status: string
  promotion_ids: string[]
  items: OrderLineRow[]
}

const knexOf = (container: MedusaContainer) => container.resolve(ContainerRegistrationKeys.PG_CONNECTION)

/** An order with its current lines, their adjustments and tax lines, and its promotions; null when there is none. */
export async function orderForCommission(container: MedusaContainer, orderId: string): Promise<OrderForCommission | null> {
  const { rows } = await knexOf(container).raw(
    `SELECT o.id, o.customer_id, o.currency_code, o.metadata, o.created_at, o.status,
            ARRAY(SELECT op.promotion_id::text FROM order_promotion op
                   WHERE op.order_id = o.id AND op.deleted_at IS NULL ORDER BY op.promotion_id) AS promotion_ids,
            coalesce((
              SELECT json_agg(json_build_object(
                       'id', li.id, 'product_id', li.product_id, 'variant_id', li.variant_id,
                       'is_tax_inclusive', li.is_tax_inclusive,
                       'quantity', oi.quantity::text, 'raw_quantity', oi.raw_quantity,
                       'unit_price', coalesce(oi.unit_price, li.unit_price)::text,
                       'raw_unit_price', CASE WHEN oi.unit_price IS NOT NULL THEN oi.raw_unit_price ELSE li.raw_unit_price END,
                       'metadata', coalesce(oi.metadata, li.metadata),
                       'detail', json_build_object(
                         'return_requested_quantity', oi.return_requested_quantity::text,
                         'raw_return_requested_quantity', oi.raw_return_requested_quantity,
                         'return_received_quantity', oi.return_received_quantity::text,
                         'raw_return_received_quantity', oi.raw_return_received_quantity,
                         'return_dismissed_quantity', oi.return_dismissed_quantity::text,
                         'raw_return_dismissed_quantity', oi.raw_return_dismissed_quantity),
                       'adjustments', coalesce((
                         SELECT json_agg(json_build_object('amount', a.amount::text, 'raw_amount', a.raw_amount,
                                                           'is_tax_inclusive', a.is_tax_inclusive) ORDER BY a.id)
                           FROM order_line_item_adjustment a
                          WHERE a.item_id = li.id AND a.version = oi.version AND a.deleted_at IS NULL), '[]'::json),
                       'tax_lines', coalesce((
                         SELECT json_agg(json_build_object('rate', t.rate::text) ORDER BY t.id)
                           FROM order_line_item_tax_line t
                          WHERE t.item_id = li.id AND t.deleted_at IS NULL), '[]'::json)
                     ) ORDER BY li.created_at, li.id)
                FROM order_item oi
                JOIN order_line_item li ON li.id = oi.item_id AND li.deleted_at IS NULL
               WHERE oi.order_id = o.id AND oi.version = o.version AND oi.deleted_at IS NULL), '[]'::json) AS items
       FROM "order" o
      WHERE o.id = ? AND o.deleted_at IS NULL`,
    [orderId]
  )
  return rows[0] ?? null
}

/** Products' collection and live categories (with their mpath), as Query returns `id, collection_id, categories.id, categories.mpath`. */
export async function productsCommissionFacts(
  container: MedusaContainer,
  productIds: string[]
): Promise<{ id: string; collection_id: string | null; categories: { id: string; mpath: string | null }[] }[]> {
  if (!productIds.length) {
    return []
  }
  const { rows } = await knexOf(container).raw(
    `SELECT p.id, p.collection_id,
            coalesce((SELECT json_agg(json_build_object('id', c.id, 'mpath', c.mpath) ORDER BY c.id)
                        FROM product_category_product pc
                        JOIN product_category c ON c.id = pc.product_category_id AND c.deleted_at IS NULL
                       WHERE pc.product_id = p.id), '[]'::json) AS categories
       FROM product p
      WHERE p.id = ANY(?::text[]) AND p.deleted_at IS NULL`,
    [pgTextArray(productIds)]
  )
  return rows
}

/**
 * The line items confirmed order edits added to an order (the order module's
 * ITEM_ADD actions of its confirmed `edit` changes: the action names the new
 * line item): the lines an edit's credit may pay on. A line the order was
 * placed with never is, whether or not it earned then, nor one an exchange or
 * a claim added.
 */
export async function orderLinesAddedByEdits(container: MedusaContainer, orderId: string): Promise<string[]> {
  const { rows } = await knexOf(container).raw(
    `SELECT DISTINCT a.details->>'reference_id' AS id
       FROM order_change c
       JOIN order_change_action a ON a.order_change_id = c.id AND a.deleted_at IS NULL
      WHERE c.order_id = ? AND c.change_type = 'edit' AND c.status = 'confirmed' AND c.deleted_at IS NULL
        AND a.action = 'ITEM_ADD' AND a.details->>'reference_id' IS NOT NULL`,
    [orderId]
  )
  return (rows as { id: string }[]).map((r) => r.id)
}
