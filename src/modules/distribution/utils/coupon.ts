import { MedusaError } from "@medusajs/framework/utils"
import {
  CouponAction,
  CouponCommission,
  CouponStatus,
  DistributorStatus,
} from "../constants"
import { Refusal } from "./refusal"

/**
 * The rules of distributor coupons, pure: a coupon's code, its state machine
 * (mirrored on its Medusa promotion) and the commission policy an order
 * through it follows.
 */

/** The coupon's promotion code: the prefix (if any) then the distributor's referral code, upper case. */
export function couponCode(prefix: string, referralCode: string): string {
  return `${prefix}${referralCode}`.toUpperCase()
}

/** Every move of a coupon: an admin's disable/enable, and its owner's suspension and reinstatement. */
export type CouponMove = CouponAction | "suspend" | "reactivate"

/**
 * Where a coupon goes on a move, or why not. Disabling is the admin's and
 * sticks: a reinstated owner gets back only a coupon its suspension took. A
 * coupon enabled while its owner is suspended stays suspended (inactive in
 * Medusa) until the owner is reinstated. Suspend and reactivate move only the
 * coupons they concern: null, nothing to do.
 */
export function nextCouponStatus(
  current: CouponStatus,
  move: CouponMove,
  ownerStatus: DistributorStatus
): { to: CouponStatus } | { refusal: Refusal } | null {
  switch (move) {
    case "disable":
      return current === CouponStatus.DISABLED
        ? { refusal: { type: MedusaError.Types.CONFLICT, message: "The coupon is already disabled" } }
        : { to: CouponStatus.DISABLED }
    case "enable":
      if (current !== CouponStatus.DISABLED) {
        return { refusal: { type: MedusaError.Types.CONFLICT, message: `Only a disabled coupon can be enabled (this one is ${current})` } }
      }
      if (ownerStatus === DistributorStatus.ACTIVE) {
        return { to: CouponStatus.ACTIVE }
      }
      if (ownerStatus === DistributorStatus.SUSPENDED) {
        return { to: CouponStatus.SUSPENDED }
      }
      return { refusal: { type: MedusaError.Types.CONFLICT, message: `The coupon's owner is ${ownerStatus}: it cannot be enabled` } }
    case "suspend":
      return current === CouponStatus.ACTIVE ? { to: CouponStatus.SUSPENDED } : null
    case "reactivate":
      return current === CouponStatus.SUSPENDED ? { to: CouponStatus.ACTIVE } : null
  }
}

/** The Medusa promotion status a coupon status means. */
export const promotionStatusOf = (status: CouponStatus): "active" | "inactive" =>
  status === CouponStatus.ACTIVE ? "active" : "inactive"

export type CouponPolicyInput = {
  commission_policy: CouponCommission | null
  rate_bps_1: number | null
  rate_bps_2: number | null
  rate_bps_3: number | null
}

export type CouponSettingsLike = {
  coupon_commission: CouponCommission
  coupon_rate_bps_1: number
  coupon_rate_bps_2: number
  coupon_rate_bps_3: number
}

/** What an order through a coupon pays: the coupon's own policy, else the programme's. */
export type CouponPolicy =
  | { mode: "normal" }
  | { mode: "excluded" }
  | { mode: "rates"; rates: [number, number, number] }

export function couponPolicy(coupon: CouponPolicyInput, settings: CouponSettingsLike): CouponPolicy {
  if (coupon.commission_policy) {
    if (coupon.commission_policy === CouponCommission.RATES) {
      return { mode: "rates", rates: [coupon.rate_bps_1 ?? 0, coupon.rate_bps_2 ?? 0, coupon.rate_bps_3 ?? 0] }
    }
    return { mode: coupon.commission_policy }
  }
  if (settings.coupon_commission === CouponCommission.RATES) {
    return { mode: "rates", rates: [settings.coupon_rate_bps_1, settings.coupon_rate_bps_2, settings.coupon_rate_bps_3] }
  }
  return { mode: settings.coupon_commission }
}
