import { changedFields, COMMISSION_FIELDS } from "../edit-form"

describe("changedFields: what an edit drawer sends", () => {
  const before = {
    name: "秒杀 · 早场",
    starts_at: "2026-12-01T00:00:00.000Z",
    quota: 20,
    prices: [{ variant_id: "v1", currency_code: "cny", amount: "9.90" }],
    commission_policy: "rates",
    rate_bps_1: 1000,
    rate_bps_2: 500,
    rate_bps_3: undefined as number | undefined,
  }

  it("sends nothing when nothing changed, and an instant written another way is no change", () => {
    expect(changedFields(before, { ...before, starts_at: "2026-12-01T00:00:00Z" })).toEqual({})
  })

  it("sends each changed field, and the commission policy with all its rates when one rate changed", () => {
    expect(changedFields(before, { ...before, quota: 30, rate_bps_2: 600 })).toEqual({
      quota: 30,
      commission_policy: "rates",
      rate_bps_1: 1000,
      rate_bps_2: 600,
    })
  })

  it("sends a group as a whole, and with `fields` only the named single fields", () => {
    const pricing = ["prices", "quota"] as const
    const after = { ...before, name: "秒杀 · 晚场", prices: [{ variant_id: "v1", currency_code: "cny", amount: "8.80" }] }
    expect(changedFields(before, after, { groups: [pricing, COMMISSION_FIELDS], fields: ["starts_at"] })).toEqual({
      prices: after.prices,
      quota: 20,
    })
  })

  it("treats a missing value and null as the same, and does not send undefined", () => {
    expect(changedFields({ a: null as string | null, b: "x" }, { a: undefined as unknown as string | null, b: "x" })).toEqual({})
  })
})
