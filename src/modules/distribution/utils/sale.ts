import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { SaleCommission, SaleStatus } from "../constants"
import { CouponPolicy } from "./coupon"
import { roundDown, tooPreciseMessage } from "./money"
import { Refusal } from "./refusal"

/**
 * The rules of limited-time sales (限时折扣), pure: a sale's prices from the
 * variants' regular ones, its window and where it stands in it, the overlap
 * refusal and the commission policy a line bought in it follows.
 */

/** A line's commission policy in a sale: the same three modes as a coupon's. */
export type SalePolicy = CouponPolicy

/** A regular price of a variant, as Medusa keeps it (amount in the major unit). */
export type RegularPrice = {
  variant_id: string
  currency_code: string
  amount: string | number
  min_quantity?: number | null
  max_quantity?: number | null
  rules?: Record<string, string>
}

export type SalePrice = Omit<RegularPrice, "amount"> & { amount: string }

/**
 * The sale prices of `percent_off_bps` off each regular price: amount ×
 * (10 000 − bps) / 10 000, rounded down to the currency's minor unit (the
 * buyer never pays a fraction more than the advertised discount allows).
 */
export function percentOffPrices(prices: RegularPrice[], percentOffBps: number): SalePrice[] {
  return prices.map((price) => ({
    ...price,
    amount: roundDown(MathBN.div(MathBN.mult(price.amount, 10000 - percentOffBps), 10000), price.currency_code),
  }))
}

export function saleStatus(sale: { starts_at: Date | string; ends_at: Date | string }, now: Date): SaleStatus {
  if (new Date(sale.ends_at).getTime() <= now.getTime()) {
    return SaleStatus.ENDED
  }
  return new Date(sale.starts_at).getTime() <= now.getTime() ? SaleStatus.LIVE : SaleStatus.UPCOMING
}

/** Why a window cannot be a sale's: it must end after it starts, and in the future. */
export function windowRefusal(window: { starts_at: Date; ends_at: Date }, now: Date): Refusal | null {
  if (window.ends_at.getTime() <= window.starts_at.getTime()) {
    return {
      type: MedusaError.Types.INVALID_DATA,
      message: `ends_at (${window.ends_at.toISOString()}) must be after starts_at (${window.starts_at.toISOString()})`,
    }
  }
  if (window.ends_at.getTime() <= now.getTime()) {
    return { type: MedusaError.Types.INVALID_DATA, message: `ends_at (${window.ends_at.toISOString()}) is in the past: a sale must end in the future` }
  }
  return null
}

export type SaleOverlap = { sale_id: string; name: string; variant_id: string; starts_at: Date | string; ends_at: Date | string }

/** The refusal of a sale whose variants are already in other sales during its window (a line resolves to one sale only). */
export function overlapRefusal(overlaps: SaleOverlap[]): Refusal | null {
  if (!overlaps.length) {
    return null
  }
  const bySale = new Map<string, SaleOverlap[]>()
  for (const o of overlaps) {
    bySale.set(o.sale_id, [...(bySale.get(o.sale_id) ?? []), o])
  }
  const parts = [...bySale.values()].map((rows) => {
    const { sale_id, name, starts_at, ends_at } = rows[0]
    const variants = [...new Set(rows.map((r) => r.variant_id))].sort()
    return `${variants.join(", ")} ${variants.length > 1 ? "are" : "is"} already in the sale "${name}" (${sale_id}, ${new Date(starts_at).toISOString()} to ${new Date(ends_at).toISOString()})`
  })
  return {
    type: MedusaError.Types.CONFLICT,
    message: `A variant can be in one sale at a time: ${parts.join("; ")}. Choose another window or end that sale first`,
  }
}

/** Why a sale price cannot be taken: zero or less, or more decimals than its currency has. */
export function salePriceRefusal(price: { variant_id: string; currency_code: string; amount: string }): Refusal | null {
  if (!MathBN.gt(price.amount, 0)) {
    return { type: MedusaError.Types.INVALID_DATA, message: `The sale price of ${price.variant_id} in ${price.currency_code.toUpperCase()} must be above zero` }
  }
  if (!MathBN.eq(roundDown(price.amount, price.currency_code), price.amount)) {
    return {
      type: MedusaError.Types.INVALID_DATA,
      message: tooPreciseMessage(`The sale price of ${price.variant_id}`, price.amount, price.currency_code),
    }
  }
  return null
}

export type SalePolicyInput = {
  commission_policy: SaleCommission
  rate_bps_1: number | null
  rate_bps_2: number | null
  rate_bps_3: number | null
}

export function salePolicy(sale: SalePolicyInput): SalePolicy {
  if (sale.commission_policy === SaleCommission.RATES) {
    return { mode: "rates", rates: [sale.rate_bps_1 ?? 0, sale.rate_bps_2 ?? 0, sale.rate_bps_3 ?? 0] }
  }
  return { mode: sale.commission_policy }
}
