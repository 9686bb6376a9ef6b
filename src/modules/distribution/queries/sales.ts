import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { SaleCommission } from "../constants"
import { SaleOverlap } from "../utils/sale"
import { pgTextArray } from "../utils/sql"
import { newId } from "../utils/ids"

/**
 * Limited-time sales: the one lock every change of a sale's window or
 * variants takes (so that two sales over one variant cannot both pass the
 * overlap check), the overlap check itself, a sale's variants, and the sale
 * of each variant at an instant (the credit's lookup).
 */

/** Held to the end of the transaction by every change to a sale's window or variants, on any instance. */
const SALES_LOCK_KEY = 7_400_210_002

export async function lockSales(manager: EntityManager): Promise<void> {
  await manager.execute("SELECT pg_advisory_xact_lock(?)", [SALES_LOCK_KEY])
}

/** The other sales whose window meets [starts_at, ends_at) and that hold one of the variants. */
export async function overlappingSales(
  manager: EntityManager,
  input: { variant_ids: string[]; starts_at: Date; ends_at: Date; except_sale_id?: string | null }
): Promise<SaleOverlap[]> {
  if (!input.variant_ids.length) {
    return []
  }
  return await manager.execute(
    `SELECT s.id AS sale_id, s.name, v.variant_id, s.starts_at, s.ends_at
       FROM distribution_sale_variant v
       JOIN distribution_sale s ON s.id = v.sale_id AND s.deleted_at IS NULL
      WHERE v.variant_id = ANY(?::text[]) AND v.deleted_at IS NULL
        AND s.starts_at < ? AND s.ends_at > ?
        AND s.id <> ?
      ORDER BY s.starts_at, s.id, v.variant_id`,
    [pgTextArray(input.variant_ids), input.ends_at, input.starts_at, input.except_sale_id ?? ""]
  )
}

export type SaleVariantRow = { variant_id: string; product_id: string }

/** Makes a sale's variants exactly `variants` (rows of variants no longer in it are removed). */
export async function replaceSaleVariants(manager: EntityManager, saleId: string, variants: SaleVariantRow[]): Promise<void> {
  await manager.execute(`DELETE FROM distribution_sale_variant WHERE sale_id = ?`, [saleId])
  if (!variants.length) {
    return
  }
  const values = variants.map(() => "(?, ?, ?, ?)").join(", ")
  await manager.execute(
    `INSERT INTO distribution_sale_variant (id, sale_id, variant_id, product_id) VALUES ${values}`,
    variants.flatMap((v) => [newId("dsalv"), saleId, v.variant_id, v.product_id])
  )
}

export async function saleVariants(manager: EntityManager, saleIds: string[]): Promise<(SaleVariantRow & { sale_id: string })[]> {
  if (!saleIds.length) {
    return []
  }
  return await manager.execute(
    `SELECT sale_id, variant_id, product_id FROM distribution_sale_variant
      WHERE sale_id = ANY(?::text[]) AND deleted_at IS NULL ORDER BY sale_id, product_id, variant_id`,
    [pgTextArray(saleIds)]
  )
}

export type VariantSale = {
  variant_id: string
  sale_id: string
  name: string
  starts_at: Date
  ends_at: Date
  commission_policy: SaleCommission
  rate_bps_1: number | null
  rate_bps_2: number | null
  rate_bps_3: number | null
}

/** The sale each variant was in at `at` (at most one per variant: overlaps are refused). */
export async function salesOfVariantsAt(manager: EntityManager, variantIds: string[], at: Date): Promise<VariantSale[]> {
  if (!variantIds.length) {
    return []
  }
  return await manager.execute(
    `SELECT v.variant_id, s.id AS sale_id, s.name, s.starts_at, s.ends_at,
            s.commission_policy, s.rate_bps_1, s.rate_bps_2, s.rate_bps_3
       FROM distribution_sale_variant v
       JOIN distribution_sale s ON s.id = v.sale_id AND s.deleted_at IS NULL
      WHERE v.variant_id = ANY(?::text[]) AND v.deleted_at IS NULL
        AND s.starts_at <= ? AND s.ends_at > ?
      ORDER BY s.starts_at, s.id`,
    [pgTextArray(variantIds), at, at]
  )
}

/** The sales of the variants that had ended by `at`, each with its window (the cart guard's lookup). */
export async function endedSalesOfVariants(
  manager: EntityManager,
  variantIds: string[],
  at: Date
): Promise<{ variant_id: string; sale_id: string; name: string; starts_at: Date; ends_at: Date }[]> {
  if (!variantIds.length) {
    return []
  }
  return await manager.execute(
    `SELECT v.variant_id, s.id AS sale_id, s.name, s.starts_at, s.ends_at
       FROM distribution_sale_variant v
       JOIN distribution_sale s ON s.id = v.sale_id AND s.deleted_at IS NULL
      WHERE v.variant_id = ANY(?::text[]) AND v.deleted_at IS NULL AND s.ends_at <= ?
      ORDER BY s.ends_at DESC, s.id`,
    [pgTextArray(variantIds), at]
  )
}

/** A sale's start or end as its announcement carries it. */
export type SaleTransition = { id: string; name: string; price_list_id: string | null; starts_at: Date; ends_at: Date }

/**
 * Claims the announcement of up to `limit` sales' starts: sales that have
 * started by `now` and have a window (an upcoming sale ended early never
 * started), not announced yet. One conditional UPDATE: of
 * two instances claiming at once, the second skips the rows the first holds
 * and, once they are committed, no longer matches them, so each start is
 * claimed once.
 */
export async function claimSaleStarts(manager: EntityManager, input: { now: Date; limit: number }): Promise<SaleTransition[]> {
  return await claimTransitions(manager, "started_event_at", "starts_at <= ? AND starts_at < ends_at", input)
}

/** Claims the announcement of up to `limit` sales' ends (sales ended by `now`), as claimSaleStarts does. */
export async function claimSaleEnds(manager: EntityManager, input: { now: Date; limit: number }): Promise<SaleTransition[]> {
  return await claimTransitions(manager, "ended_event_at", "ends_at <= ?", input)
}

async function claimTransitions(
  manager: EntityManager,
  column: "started_event_at" | "ended_event_at",
  due: string,
  input: { now: Date; limit: number }
): Promise<SaleTransition[]> {
  const at = column === "started_event_at" ? "starts_at" : "ends_at"
  const rows: SaleTransition[] = await manager.execute(
    `UPDATE distribution_sale SET ${column} = ?
      WHERE id IN (
        SELECT id FROM distribution_sale
         WHERE deleted_at IS NULL AND price_list_id IS NOT NULL AND ${column} IS NULL AND ${due}
         ORDER BY ${at}, id
         LIMIT ?
         FOR UPDATE SKIP LOCKED)
      RETURNING id, name, price_list_id, starts_at, ends_at`,
    [input.now, input.now, input.limit]
  )
  // RETURNING keeps no order: announced in the order they happened.
  return rows.sort((a, b) => new Date(a[at]).getTime() - new Date(b[at]).getTime() || a.id.localeCompare(b.id))
}

/**
 * Claims the announcement of one sale's start or end, whatever its window
 * says (the caller knows it happened: an admin is ending the sale now).
 * Answers whether this call claimed it: false when the job had already.
 */
export async function claimSaleTransition(
  manager: EntityManager,
  input: { sale_id: string; column: "started_event_at" | "ended_event_at"; now: Date }
): Promise<boolean> {
  const rows: { id: string }[] = await manager.execute(
    `UPDATE distribution_sale SET ${input.column} = ? WHERE id = ? AND ${input.column} IS NULL RETURNING id`,
    [input.now, input.sale_id]
  )
  return rows.length > 0
}

/** Gives claimed announcements back (a failed run's compensation): the next run claims them again. */
export async function releaseSaleTransitions(manager: EntityManager, input: { started: string[]; ended: string[]; claimed_at: Date }): Promise<void> {
  for (const [column, ids] of [["started_event_at", input.started], ["ended_event_at", input.ended]] as const) {
    if (ids.length) {
      await manager.execute(`UPDATE distribution_sale SET ${column} = NULL WHERE id = ANY(?::text[]) AND ${column} = ?`, [pgTextArray(ids), input.claimed_at])
    }
  }
}
