import { levelOneBeneficiary } from "../attribution"
import { couponCode, couponPolicy, nextCouponStatus, promotionStatusOf } from "../coupon"

const settings = { coupon_commission: "normal" as const, coupon_rate_bps_1: 1500, coupon_rate_bps_2: 500, coupon_rate_bps_3: 0 }
const own = { commission_policy: null, rate_bps_1: null, rate_bps_2: null, rate_bps_3: null }

describe("distributor coupons", () => {
  it("makes the code from the prefix and the referral code, upper case", () => {
    expect(couponCode("", "K7M2QX")).toBe("K7M2QX")
    expect(couponCode("vip-", "K7M2QX")).toBe("VIP-K7M2QX")
  })

  it("moves a coupon: the admin's disable sticks, a suspension is undone by reinstatement only", () => {
    expect(nextCouponStatus("active", "disable", "active")).toEqual({ to: "disabled" })
    expect(nextCouponStatus("suspended", "disable", "suspended")).toEqual({ to: "disabled" })
    expect(nextCouponStatus("disabled", "disable", "active")).toMatchObject({ refusal: { type: "conflict" } })
    expect(nextCouponStatus("disabled", "enable", "active")).toEqual({ to: "active" })
    expect(nextCouponStatus("disabled", "enable", "suspended")).toEqual({ to: "suspended" })
    expect(nextCouponStatus("disabled", "enable", "rejected")).toMatchObject({ refusal: { type: "conflict" } })
    expect(nextCouponStatus("active", "enable", "active")).toMatchObject({ refusal: { type: "conflict" } })
    expect(nextCouponStatus("active", "suspend", "suspended")).toEqual({ to: "suspended" })
    expect(nextCouponStatus("disabled", "suspend", "suspended")).toBeNull()
    expect(nextCouponStatus("suspended", "reactivate", "active")).toEqual({ to: "active" })
    expect(nextCouponStatus("disabled", "reactivate", "active")).toBeNull()
    expect([promotionStatusOf("active"), promotionStatusOf("suspended"), promotionStatusOf("disabled")]).toEqual(["active", "inactive", "inactive"])
  })

  it("follows the coupon's own policy, else the programme's", () => {
    expect(couponPolicy(own, settings)).toEqual({ mode: "normal" })
    expect(couponPolicy(own, { ...settings, coupon_commission: "rates" })).toEqual({ mode: "rates", rates: [1500, 500, 0] })
    expect(couponPolicy(own, { ...settings, coupon_commission: "excluded" })).toEqual({ mode: "excluded" })
    expect(couponPolicy({ ...own, commission_policy: "rates", rate_bps_1: 2000 }, { ...settings, coupon_commission: "excluded" })).toEqual({
      mode: "rates",
      rates: [2000, 0, 0],
    })
    expect(couponPolicy({ ...own, commission_policy: "excluded" }, settings)).toEqual({ mode: "excluded" })
  })

  it("places the coupon after the binding or before it, as set, and never attributes a buyer's own coupon to itself", () => {
    const base = {
      buyer_distributor: null,
      self_purchase: false,
      binding_distributor_id: "dist_bound",
      cart_code_distributor_id: "dist_code",
      coupon_distributor_id: "dist_coupon",
    }
    expect(levelOneBeneficiary(base)).toEqual({ distributor_id: "dist_bound", source: "binding" })
    expect(levelOneBeneficiary({ ...base, coupon_first: true })).toEqual({ distributor_id: "dist_coupon", source: "coupon" })
    expect(levelOneBeneficiary({ ...base, binding_distributor_id: null })).toEqual({ distributor_id: "dist_coupon", source: "coupon" })
    // The buyer's own coupon, self-purchase off: skipped, the next source earns, or nobody.
    const buyer = { id: "dist_coupon", status: "active" as const }
    expect(levelOneBeneficiary({ ...base, buyer_distributor: buyer, coupon_first: true })).toEqual({ distributor_id: "dist_bound", source: "binding" })
    expect(levelOneBeneficiary({ ...base, buyer_distributor: buyer, binding_distributor_id: null, cart_code_distributor_id: null })).toBeNull()
    // Self-purchase on: the buyer earns as itself.
    expect(levelOneBeneficiary({ ...base, buyer_distributor: buyer, self_purchase: true })).toEqual({ distributor_id: "dist_coupon", source: "self" })
  })
})
