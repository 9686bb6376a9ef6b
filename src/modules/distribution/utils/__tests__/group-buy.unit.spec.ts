import { checkoutRefusal, expiryOutcome, groupBuyPhase, groupBuyRefusal, groupDeadline, leaderBonus } from "../group-buy"

const shape = {
  starts_at: new Date("2026-12-01T00:00:00Z"),
  ends_at: new Date("2026-12-10T00:00:00Z"),
  group_size: 3,
  time_limit_minutes: 60,
  per_order_limit: 2,
  per_customer_limit: 4,
  virtual_threshold: null,
  prices: [{ variant_id: "variant_1", currency_code: "cny", amount: "99.90" }],
}

describe("group buy rules", () => {
  it("accepts a sound activity and names what is wrong with an unsound one", () => {
    expect(groupBuyRefusal(shape)).toBeNull()
    expect(groupBuyRefusal({ ...shape, ends_at: shape.starts_at })?.message).toMatch(/must be after starts_at/)
    expect(groupBuyRefusal({ ...shape, virtual_threshold: 3 })?.message).toMatch(/must be below group_size/)
    expect(groupBuyRefusal({ ...shape, per_order_limit: 5 })?.message).toMatch(/cannot exceed per_customer_limit/)
    expect(groupBuyRefusal({ ...shape, prices: [{ ...shape.prices[0], amount: "0" }] })?.message).toMatch(/must be above 0/)
    expect(groupBuyRefusal({ ...shape, prices: [{ ...shape.prices[0], amount: "9.999" }] })?.message).toMatch(/more decimals than CNY/)
    expect(groupBuyRefusal({ ...shape, prices: [shape.prices[0], shape.prices[0]] })?.message).toMatch(/two CNY prices/)
  })

  it("caps a group's deadline at the activity's end", () => {
    const opened = new Date("2026-12-09T23:30:00Z")
    expect(groupDeadline(opened, 60, shape.ends_at).toISOString()).toBe("2026-12-10T00:00:00.000Z")
    expect(groupDeadline(new Date("2026-12-01T10:00:00Z"), 90, shape.ends_at).toISOString()).toBe("2026-12-01T11:30:00.000Z")
  })

  it("completes an expired group virtually only at the threshold", () => {
    expect(expiryOutcome({ paid: 2 }, null)).toBe("failed")
    expect(expiryOutcome({ paid: 1 }, 2)).toBe("failed")
    expect(expiryOutcome({ paid: 2 }, 2)).toBe("succeeded")
  })

  it("refuses checkouts outside the window and over the limits", () => {
    const activity = { name: "三人团", status: "active", ...shape }
    const now = new Date("2026-12-05T00:00:00Z")
    expect(checkoutRefusal(activity, { quantity: 2, units_held: 2, now })).toBeNull()
    expect(checkoutRefusal(activity, { quantity: 3, units_held: 0, now })?.message).toBe('At most 2 per order in the group buy "三人团"')
    expect(checkoutRefusal(activity, { quantity: 1, units_held: 4, now })?.message).toMatch(/At most 4 per customer.*you already hold 4/)
    expect(checkoutRefusal({ ...activity, status: "closed" }, { quantity: 1, units_held: 0, now })?.message).toMatch(/is closed/)
    expect(checkoutRefusal(activity, { quantity: 1, units_held: 0, now: shape.ends_at })?.message).toMatch(/ended at/)
  })

  it("rounds the leader bonus down to the cent", () => {
    expect(leaderBonus({ unit_price: "99.90", quantity: 1, currency_code: "cny" }, 333)).toBe("3.32")
    expect(leaderBonus({ unit_price: "99.90", quantity: 2, currency_code: "jpy" }, 500)).toBe("9")
  })

  it("tells an activity's phase: scheduled before its window, live in it, ended after it, closed whenever the admin closed it", () => {
    const active = { status: "active", starts_at: shape.starts_at, ends_at: shape.ends_at }
    expect(groupBuyPhase(active, new Date("2026-11-30T23:59:59Z"))).toBe("scheduled")
    expect(groupBuyPhase(active, shape.starts_at)).toBe("live")
    expect(groupBuyPhase(active, new Date("2026-12-09T23:59:59Z"))).toBe("live")
    expect(groupBuyPhase(active, shape.ends_at)).toBe("ended")
    expect(groupBuyPhase({ ...active, status: "closed" }, new Date("2026-12-05T00:00:00Z"))).toBe("closed")
    expect(groupBuyPhase({ ...active, status: "closed" }, new Date("2026-11-01T00:00:00Z"))).toBe("closed")
  })
})
