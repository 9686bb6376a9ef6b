import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../modules/distribution"
import DistributionModuleService from "../modules/distribution/service"
import { DistributorCouponDTO } from "../modules/distribution/types"
import { formatAmount } from "../modules/distribution/utils/money"

/**
 * Distributor coupons as the admin and the distributor centre read them: the
 * coupon, what its Medusa promotion gives (application method, its promotion's
 * status) and its figures — uses, sales (the orders' lines after discounts,
 * before tax and shipping) and the owner's commission on them, per currency.
 */

export type CouponOffer = {
  promotion_status: string | null
  type: string | null
  target_type: string | null
  /** A percentage ("10") or an amount ("20.00") in `currency_code`. */
  value: string | null
  currency_code: string | null
  campaign_id: string | null
}

export type CouponFiguresView = { currency_code: string; uses: number; sales: string; commission: string }

const offerOf = (p: {
  status?: string | null
  campaign_id?: string | null
  application_method?: { type?: string; target_type?: string; value?: unknown; currency_code?: string | null } | null
}): CouponOffer => {
  const m = p.application_method
  const value = m?.value === undefined || m?.value === null ? null : String(m.value)
  return {
    promotion_status: p.status ?? null,
    type: m?.type ?? null,
    target_type: m?.target_type ?? null,
    value: value && m?.type === "fixed" && m.currency_code ? formatAmount(value, m.currency_code) : value,
    currency_code: m?.currency_code ?? null,
    campaign_id: p.campaign_id ?? null,
  }
}

/** The coupons with their offer, figures and owner (id, code, status, email). */
export async function presentCoupons(container: MedusaContainer, rows: DistributorCouponDTO[]) {
  if (!rows.length) {
    return []
  }
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const promotions = container.resolve(Modules.PROMOTION)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [figures, promos, owners] = await Promise.all([
    service.getCouponFigures(rows.map((r) => r.id)),
    promotions.listPromotions({ id: rows.map((r) => r.promotion_id) }, { relations: ["application_method"] }),
    service.listDistributors({ id: [...new Set(rows.map((r) => r.distributor_id))] }, { select: ["id", "referral_code", "status", "customer_id"] }),
  ])
  const { data: customers } = await query.graph({
    entity: "customer",
    fields: ["id", "email"],
    filters: { id: owners.map((o) => o.customer_id) },
  })
  const emailOf = new Map(customers.map((c) => [c.id, c.email ?? null]))
  const promoOf = new Map(promos.map((p) => [p.id, p]))
  const ownerOf = new Map(owners.map((o) => [o.id, o]))
  return rows.map((c) => {
    const mine = figures.filter((f) => f.coupon_id === c.id)
    const owner = ownerOf.get(c.distributor_id)
    return {
      id: c.id,
      code: c.code,
      status: c.status,
      source: c.source,
      distributor_id: c.distributor_id,
      promotion_id: c.promotion_id,
      commission_policy: c.commission_policy ?? null,
      rate_bps_1: c.rate_bps_1 ?? null,
      rate_bps_2: c.rate_bps_2 ?? null,
      rate_bps_3: c.rate_bps_3 ?? null,
      created_at: c.created_at as unknown as string,
      distributor: owner
        ? { id: owner.id, referral_code: owner.referral_code ?? null, status: owner.status, email: emailOf.get(owner.customer_id) ?? null }
        : null,
      offer: offerOf(promoOf.get(c.promotion_id) ?? {}),
      uses: mine.reduce((n, f) => n + Number(f.uses), 0),
      figures: mine.map((f) => ({
        currency_code: f.currency_code,
        uses: Number(f.uses),
        sales: formatAmount(f.sales, f.currency_code),
        commission: formatAmount(f.commission, f.currency_code),
      })) as CouponFiguresView[],
    }
  })
}

/** One coupon, presented, or a 404. */
export async function retrieveCoupon(container: MedusaContainer, id: string) {
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const [row] = await service.listDistributorCoupons({ id })
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Coupon with id: ${id} was not found`)
  }
  const [coupon] = await presentCoupons(container, [row])
  return coupon
}

/** A coupon's orders, newest first, each with its sales and the owner's commission. */
export async function couponOrders(container: MedusaContainer, id: string, limit = 50) {
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const rows = await service.listCouponOrders(id, limit)
  return rows.map((r) => ({
    order_id: r.order_id,
    customer_id: r.customer_id,
    currency_code: r.currency_code,
    sales: formatAmount(r.sales, r.currency_code),
    commission: formatAmount(r.commission, r.currency_code),
    created_at: new Date(r.created_at).toISOString(),
  }))
}
