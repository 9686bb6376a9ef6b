import fc from "fast-check"
import { MathBN } from "@medusajs/framework/utils"
import { beneficiaries, levelOneBeneficiary } from "../attribution"
import { applyOrderCap, lineCommission } from "../commission-math"
import { applyBps, currencyPrecision, roundDown } from "../money"
import { CommissionRuleLike, resolveRate } from "../rate-resolution"

const money = fc
  .integer({ min: 0, max: 100_000_000 })
  .map((cents) => MathBN.div(cents, 100).toFixed())

describe("rounding", () => {
  it("always rounds down to the currency's minor unit", () => {
    expect(applyBps("129.90", 1000, "cny")).toBe("12.99")
    expect(applyBps("33.33", 700, "cny")).toBe("2.33")
    expect(applyBps("0.99", 1, "cny")).toBe("0")
    expect(applyBps("1999", 1234, "JPY")).toBe("246")
    expect(applyBps("12.345", 2500, "kwd")).toBe("3.086")
    expect(roundDown("19.999", "usd")).toBe("19.99")
    expect(currencyPrecision("KRW")).toBe(0)
  })
  it("never exceeds base × rate and never goes negative", () => {
    fc.assert(
      fc.property(money, fc.integer({ min: 0, max: 10000 }), (base, bps) => {
        const c = applyBps(base, bps, "cny")
        expect(MathBN.gte(c, 0)).toBe(true)
        expect(MathBN.lte(c, MathBN.div(MathBN.mult(base, bps), 10000))).toBe(true)
        expect(MathBN.gt(MathBN.add(c, "0.01"), MathBN.div(MathBN.mult(base, bps), 10000))).toBe(true)
      })
    )
  })
})

describe("rate resolution", () => {
  const line = { variant_id: "var_1", product_id: "prod_1", category_ids: ["pcat_leaf", "pcat_root"], collection_id: "pcol_1", currency_code: "cny" }
  const level = { rate_bps_1: 1200, rate_bps_2: 600, rate_bps_3: 300 }
  const rule = (target_type: CommissionRuleLike["target_type"], target_id: string, extra: Partial<CommissionRuleLike> = {}): CommissionRuleLike => ({
    id: `drule_${target_type}_${target_id}`,
    target_type,
    target_id,
    mode: "rate",
    rate_bps_1: 100,
    rate_bps_2: 50,
    ...extra,
  })
  const resolve = (rules: CommissionRuleLike[], depth = 1) => resolveRate({ line, depth, rules, level, defaults: [1000, 500, 0] })

  it("takes the most specific rule", () => {
    const all = [
      rule("collection", "pcol_1", { rate_bps_1: 400 }),
      rule("category", "pcat_root", { rate_bps_1: 300 }),
      rule("category", "pcat_leaf", { rate_bps_1: 250 }),
      rule("product", "prod_1", { rate_bps_1: 200 }),
      rule("variant", "var_1", { rate_bps_1: 150 }),
    ]
    expect(resolve(all)).toMatchObject({ kind: "rate", rate_bps: 150, source: "variant" })
    expect(resolve(all.slice(0, 4))).toMatchObject({ rate_bps: 200, source: "product" })
    expect(resolve(all.slice(0, 3))).toMatchObject({ rate_bps: 250, source: "category", rule_id: "drule_category_pcat_leaf" })
    expect(resolve(all.slice(0, 2))).toMatchObject({ rate_bps: 300, source: "category" })
    expect(resolve(all.slice(0, 1))).toMatchObject({ rate_bps: 400, source: "collection" })
    expect(resolve([])).toEqual({ kind: "rate", rate_bps: 1200, source: "level", rule_id: null })
    expect(resolveRate({ line, depth: 2, rules: [], level: null, defaults: [1000, 500, 0] })).toEqual({
      kind: "rate",
      rate_bps: 500,
      source: "default",
      rule_id: null,
    })
  })
  it("falls through a rule without a rate for the depth, stops at excluded, matches fixed by currency", () => {
    expect(resolve([rule("product", "prod_1")], 3)).toMatchObject({ rate_bps: 300, source: "level" })
    expect(resolve([rule("product", "prod_1", { mode: "excluded" }), rule("variant", "var_2")])).toMatchObject({ kind: "excluded" })
    const fixed = rule("product", "prod_1", { mode: "fixed", fixed_amount_1: "8.8", currency_code: "CNY" })
    expect(resolve([fixed])).toEqual({ kind: "fixed", amount_per_unit: "8.8", source: "product", rule_id: fixed.id })
    expect(resolve([{ ...fixed, currency_code: "hkd" }])).toMatchObject({ source: "level" })
  })
})

describe("line commission", () => {
  it("computes rates, fixed amounts (never above the goods) and exclusions", () => {
    const rate = { kind: "rate" as const, rate_bps: 1000, source: "level" as const, rule_id: null }
    expect(lineCommission({ base: "259.80", quantity: 2, resolution: rate, currency_code: "cny" })).toBe("25.98")
    const fixed = { kind: "fixed" as const, amount_per_unit: "30", source: "product" as const, rule_id: "r" }
    expect(lineCommission({ base: "259.80", quantity: 2, resolution: fixed, currency_code: "cny" })).toBe("60")
    expect(lineCommission({ base: "45", quantity: 2, resolution: fixed, currency_code: "cny" })).toBe("45")
    expect(lineCommission({ base: "100", quantity: 1, resolution: { kind: "excluded", source: "product", rule_id: "r" }, currency_code: "cny" })).toBe("0")
    expect(lineCommission({ base: "0", quantity: 1, resolution: rate, currency_code: "cny" })).toBe("0")
  })
})

describe("the order cap", () => {
  it("cuts the deepest level first", () => {
    const entries = [
      { key: "a1", depth: 1, amount: "10" },
      { key: "a2", depth: 2, amount: "5" },
      { key: "a3", depth: 3, amount: "2" },
    ]
    const result = applyOrderCap({ entries, base_total: "100", cap_bps: 1200, currency_code: "cny" })
    expect(result).toMatchObject({ cap: "12", capped: true })
    expect(result.entries.map((e) => e.amount)).toEqual(["10", "2", "0"])
    expect(applyOrderCap({ entries, base_total: "100", cap_bps: 3000, currency_code: "cny" }).capped).toBe(false)
  })
  it("never exceeds the cap, never raises an entry, and spares shallower depths while deeper ones can give", () => {
    const entry = fc.record({ depth: fc.integer({ min: 1, max: 3 }), amount: money })
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 12 }), money, fc.integer({ min: 0, max: 10000 }), (raw, base, cap_bps) => {
        const entries = raw.map((e, i) => ({ ...e, key: String(i) }))
        const { entries: out, cap } = applyOrderCap({ entries, base_total: base, cap_bps, currency_code: "cny" })
        const total = out.reduce((s, e) => MathBN.add(s, e.amount), MathBN.convert(0))
        const before = entries.reduce((s, e) => MathBN.add(s, e.amount), MathBN.convert(0))
        if (MathBN.gt(before, cap)) {
          expect(MathBN.lte(total, cap)).toBe(true)
        } else {
          expect(MathBN.eq(total, before)).toBe(true)
        }
        out.forEach((e, i) => {
          expect(MathBN.lte(e.amount, entries[i].amount)).toBe(true)
          expect(MathBN.gte(e.amount, 0)).toBe(true)
        })
        for (const e of out) {
          const cut = MathBN.lt(e.amount, entries[Number(e.key)].amount)
          if (cut) {
            const deeperLeft = out.some((d) => d.depth > e.depth && MathBN.gt(d.amount, 0))
            expect(deeperLeft).toBe(false)
          }
        }
      })
    )
  })
})

describe("attribution", () => {
  const active = (id: string) => ({ id, status: "active" as const })
  it("prefers self-purchase, then the binding, then the cart's code", () => {
    const base = { buyer_distributor: active("dist_buyer"), self_purchase: true, binding_distributor_id: "dist_b", cart_code_distributor_id: "dist_c" }
    expect(levelOneBeneficiary(base)).toEqual({ distributor_id: "dist_buyer", source: "self" })
    expect(levelOneBeneficiary({ ...base, self_purchase: false })).toEqual({ distributor_id: "dist_b", source: "binding" })
    expect(levelOneBeneficiary({ ...base, self_purchase: false, binding_distributor_id: null })).toEqual({ distributor_id: "dist_c", source: "cart_code" })
    expect(levelOneBeneficiary({ ...base, self_purchase: false, binding_distributor_id: "dist_buyer", cart_code_distributor_id: null })).toBeNull()
    expect(levelOneBeneficiary({ ...base, buyer_distributor: { id: "dist_buyer", status: "suspended" } })).toEqual({ distributor_id: "dist_b", source: "binding" })
  })
  it("walks positions up to three, pays only active distributors and skips nobody", () => {
    const chain = [active("d1"), { id: "d2", status: "suspended" as const }, active("d3"), active("d4")]
    expect(beneficiaries({ chain, max_depth: 3, buyer_distributor_id: null, self_purchase: false })).toEqual([
      { distributor_id: "d1", depth: 1 },
      { distributor_id: "d3", depth: 3 },
    ])
    expect(beneficiaries({ chain, max_depth: 9, buyer_distributor_id: null, self_purchase: false })).toHaveLength(2)
    expect(beneficiaries({ chain, max_depth: 1, buyer_distributor_id: null, self_purchase: false })).toEqual([{ distributor_id: "d1", depth: 1 }])
    expect(beneficiaries({ chain: [active("d1"), active("d2")], max_depth: 2, buyer_distributor_id: "d1", self_purchase: false })).toEqual([
      { distributor_id: "d2", depth: 2 },
    ])
  })
})
