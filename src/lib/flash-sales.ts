import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../modules/distribution"
import { ActivityKind, FlashSaleStatus, ReservationStatus, SaleCommission } from "../modules/distribution/constants"
import { ReservationRow } from "../modules/distribution/queries/activity-reservations"
import DistributionModuleService from "../modules/distribution/service"
import { FlashCalendar, FlashSlot, SlotOccurrence, flashSalePhase, slotsAround } from "../modules/distribution/utils/flash-sale"
import { fitsCurrency, formatAmount, tooPreciseMessage } from "../modules/distribution/utils/money"
import { isoInZone } from "../modules/distribution/utils/time-zone"
import { ActivityKindHandler } from "./activity/kinds"

/**
 * Flash sales (秒杀) as activity checkout's first kind, and as the admin and
 * the storefront read them.
 */

type FlashSaleRow = FlashCalendar & {
  id: string
  name: string
  slots: FlashSlot[]
  per_order_limit: number
  per_customer_limit: number | null
  reservation_minutes: number
  allow_coupons: boolean
  commission_policy: SaleCommission
  rate_bps_1: number | null
  rate_bps_2: number | null
  rate_bps_3: number | null
  closed_at: Date | string | null
  created_at: Date | string
  updated_at: Date | string
}

type FlashVariantRow = {
  id: string
  flash_sale_id: string
  variant_id: string
  product_id: string
  prices: Record<string, string>
  quota: number
  reserved: number
  sold: number
}

const service = (container: MedusaContainer): DistributionModuleService => container.resolve(DISTRIBUTION_MODULE)

async function loadFlashSale(container: MedusaContainer, id: string): Promise<FlashSaleRow> {
  const [sale] = await service(container).listDistributionFlashSales({ id })
  if (!sale) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Flash sale ${id} was not found`)
  }
  return sale as unknown as FlashSaleRow
}

const slotJson = (o: SlotOccurrence | null, tz: string) =>
  o
    ? {
        starts_at: o.starts_at.toISOString(),
        ends_at: o.ends_at.toISOString(),
        starts_at_local: isoInZone(o.starts_at, tz),
        ends_at_local: isoInZone(o.ends_at, tz),
      }
    : null

/** Flash sales with their phase, current and next slot, and variants (prices as decimal strings, remaining quota). */
export async function presentFlashSales(container: MedusaContainer, rows: FlashSaleRow[] | unknown[], now = new Date()) {
  const sales = rows as FlashSaleRow[]
  if (!sales.length) {
    return []
  }
  const variants = (await service(container).listDistributionFlashSaleVariants(
    { flash_sale_id: sales.map((s) => s.id) },
    { take: null, order: { product_id: "ASC", variant_id: "ASC" } }
  )) as unknown as FlashVariantRow[]
  return sales.map((sale) => {
    const { current, next } = slotsAround(sale, now)
    return {
      id: sale.id,
      name: sale.name,
      status: sale.status,
      phase: flashSalePhase(sale, now),
      starts_on: sale.starts_on,
      ends_on: sale.ends_on,
      time_zone: sale.time_zone,
      slots: sale.slots,
      current_slot: slotJson(current, sale.time_zone),
      next_slot: slotJson(next, sale.time_zone),
      per_order_limit: sale.per_order_limit,
      per_customer_limit: sale.per_customer_limit,
      reservation_minutes: sale.reservation_minutes,
      allow_coupons: sale.allow_coupons,
      commission_policy: sale.commission_policy,
      rate_bps_1: sale.rate_bps_1,
      rate_bps_2: sale.rate_bps_2,
      rate_bps_3: sale.rate_bps_3,
      closed_at: sale.closed_at ? new Date(sale.closed_at).toISOString() : null,
      created_at: new Date(sale.created_at).toISOString(),
      updated_at: new Date(sale.updated_at).toISOString(),
      variants: variants
        .filter((v) => v.flash_sale_id === sale.id)
        .map((v) => ({
          variant_id: v.variant_id,
          product_id: v.product_id,
          prices: Object.entries(v.prices)
            .map(([currency_code, amount]) => ({ currency_code, amount: formatAmount(amount, currency_code) }))
            .sort((a, b) => a.currency_code.localeCompare(b.currency_code)),
          quota: v.quota,
          reserved: v.reserved,
          sold: v.sold,
          remaining: Math.max(0, v.quota - v.reserved - v.sold),
        })),
    }
  })
}

export async function retrieveFlashSale(container: MedusaContainer, id: string, now = new Date()) {
  const [sale] = await presentFlashSales(container, [await loadFlashSale(container, id)], now)
  return sale
}

/**
 * A flash sale's reservations, the latest first: who holds or bought how
 * many of which variant, until when, and the order that consumed it. A 404
 * for an unknown sale.
 */
export async function listFlashSaleReservations(
  container: MedusaContainer,
  id: string,
  page: { status?: ReservationStatus | ReservationStatus[]; limit: number; offset: number }
) {
  const sale = await loadFlashSale(container, id)
  const filters: Record<string, unknown> = { activity_kind: ActivityKind.FLASH_SALE, activity_id: sale.id }
  if (page.status) filters.status = page.status
  const [rows, count] = (await service(container).listAndCountDistributionActivityReservations(filters, {
    take: page.limit,
    skip: page.offset,
    order: { created_at: "DESC", id: "DESC" },
  })) as unknown as [ReservationRow[], number]
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const customerIds = [...new Set(rows.map((r) => r.customer_id))]
  const orderIds = [...new Set(rows.flatMap((r) => (r.order_id ? [r.order_id] : [])))]
  const [customers, orders] = await Promise.all([
    customerIds.length ? query.graph({ entity: "customer", fields: ["id", "email"], filters: { id: customerIds } }) : { data: [] },
    orderIds.length ? query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: orderIds } }) : { data: [] },
  ])
  const emailOf = new Map((customers.data as { id: string; email: string | null }[]).map((c) => [c.id, c.email]))
  const displayOf = new Map((orders.data as { id: string; display_id: number | string | null }[]).map((o) => [o.id, o.display_id]))
  const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)
  return {
    reservations: rows.map((r) => ({
      id: r.id,
      variant_id: r.variant_id,
      customer_id: r.customer_id,
      customer_email: emailOf.get(r.customer_id) ?? null,
      quantity: r.quantity,
      status: r.status,
      created_at: new Date(r.created_at).toISOString(),
      expires_at: new Date(r.expires_at).toISOString(),
      consumed_at: iso(r.consumed_at),
      released_at: iso(r.released_at),
      release_reason: r.release_reason,
      cart_id: r.cart_id,
      order: r.order_id ? { id: r.order_id, display_id: displayOf.get(r.order_id) == null ? null : Number(displayOf.get(r.order_id)) } : null,
    })),
    count,
    limit: page.limit,
    offset: page.offset,
  }
}

export type FlashVariantInput = { variant_id: string; quota: number; prices: { currency_code: string; amount: string }[] }

/**
 * A flash sale's variants as stored: each variant must exist (its product is
 * read), appear once, and have prices above zero that fit their currency.
 */
export async function resolveFlashVariants(container: MedusaContainer, input: FlashVariantInput[]) {
  const ids = input.map((v) => v.variant_id)
  const twice = ids.find((id, i) => ids.indexOf(id) !== i)
  if (twice) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `The variant ${twice} appears twice`)
  }
  const { data } = await container
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({ entity: "variant", fields: ["id", "product_id"], filters: { id: ids } })
  const productOf = new Map(data.map((v) => [v.id, v.product_id as string]))
  const unknown = ids.filter((id) => !productOf.has(id))
  if (unknown.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown variant${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`)
  }
  return input.map((v) => {
    const prices: Record<string, string> = {}
    for (const p of v.prices) {
      if (prices[p.currency_code]) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `The variant ${v.variant_id} has two prices in ${p.currency_code.toUpperCase()}`)
      }
      if (!MathBN.gt(p.amount, 0)) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `The flash sale price of ${v.variant_id} in ${p.currency_code.toUpperCase()} must be above zero`)
      }
      if (!fitsCurrency(p.amount, p.currency_code)) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, tooPreciseMessage(`The flash sale price of ${v.variant_id}`, p.amount, p.currency_code))
      }
      prices[p.currency_code] = MathBN.convert(p.amount).toFixed()
    }
    return { variant_id: v.variant_id, product_id: productOf.get(v.variant_id)!, prices, quota: v.quota }
  })
}

/** The flash sale kind of activity checkout (yudao's validateJoinSeckill, in its rules' order). */
export const flashSaleKind: ActivityKindHandler = {
  kind: ActivityKind.FLASH_SALE,

  async checkoutTerms(container, request) {
    const sale = await loadFlashSale(container, request.activity_id)
    if (sale.status === FlashSaleStatus.CLOSED) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `The flash sale "${sale.name}" is closed`)
    }
    const { current, next } = slotsAround(sale, request.now)
    if (!current) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        next
          ? `The flash sale "${sale.name}" is not selling now: its next slot starts at ${isoInZone(next.starts_at, sale.time_zone)}`
          : `The flash sale "${sale.name}" has ended`
      )
    }
    const [variant] = (await service(container).listDistributionFlashSaleVariants({
      flash_sale_id: sale.id,
      variant_id: request.variant_id,
    })) as unknown as FlashVariantRow[]
    if (!variant) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `The variant ${request.variant_id} is not in the flash sale "${sale.name}"`)
    }
    if (request.quantity > sale.per_order_limit) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `The flash sale "${sale.name}" allows at most ${sale.per_order_limit} per order`)
    }
    const price = variant.prices[request.currency_code]
    if (!price) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The flash sale "${sale.name}" has no price in ${request.currency_code.toUpperCase()} for ${request.variant_id}`
      )
    }
    return {
      name: sale.name,
      unit_price: price,
      per_customer_limit: sale.per_customer_limit,
      allow_coupons: sale.allow_coupons,
      expires_at: new Date(request.now.getTime() + sale.reservation_minutes * 60_000),
      metadata: { slot_starts_at: current.starts_at.toISOString() },
    }
  },

  async commissionPolicies(container, ids) {
    const rows = await service(container).listDistributionFlashSales({ id: ids })
    return new Map(rows.map((s) => [s.id, s]))
  },
}
