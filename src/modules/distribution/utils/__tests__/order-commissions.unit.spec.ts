import fc from "fast-check"
import { BigNumber as BigNumberJS } from "bignumber.js"
import { MathBN } from "@medusajs/framework/utils"
import { DistributorStatus } from "../../constants"
import { NewCommission } from "../../types"
import { applyBps, currencyPrecision, roundDown, sumAmounts } from "../money"
import {
  ChainMember,
  CommissionLine,
  CommissionSettings,
  computeOrderCommissions,
  LevelRates,
  LineTargets,
  OrderCommissionsInput,
  previewUnitCommissions,
  rowsForLinesNotCredited,
} from "../order-commissions"
import { CommissionRuleLike } from "../rate-resolution"
import { SalePolicy } from "../sale"

const CURRENCIES = ["jpy", "cny", "kwd"] as const
const VARIANTS = ["var_serum", "var_tote_s", "var_tote_l"]
const PRODUCTS = ["prod_serum", "prod_tote"]
const CATEGORIES = ["pcat_skincare", "pcat_bags", "pcat_gifts"]
const COLLECTIONS = ["pcol_spring", "pcol_basics"]
const DISTRIBUTORS = ["dist_c", "dist_b", "dist_a", "dist_root"]

/** A decimal string with the currency's minor unit: 0 decimals for JPY, 2 for CNY, 3 for KWD. */
const amountIn = (currency: string, maxMinorUnits: number) =>
  fc.integer({ min: 0, max: maxMinorUnits }).map((n) => MathBN.div(n, 10 ** currencyPrecision(currency)).toFixed())

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null })
const bps = fc.oneof(fc.integer({ min: 0, max: 10000 }), fc.constantFrom(0, 1000, 10000))

const targets: fc.Arbitrary<LineTargets> = fc.record({
  variant_id: optional(fc.constantFrom(...VARIANTS)),
  product_id: optional(fc.constantFrom(...PRODUCTS)),
  category_ids: fc.subarray(CATEGORIES),
  collection_id: optional(fc.constantFrom(...COLLECTIONS)),
})

const lines = (currency: string): fc.Arbitrary<CommissionLine[]> =>
  fc
    .array(
      fc.record({ targets, quantity: fc.integer({ min: 1, max: 5 }), base_amount: amountIn(currency, 10_000_000) }),
      { maxLength: 5 }
    )
    .map((drafts) => drafts.map(({ targets, ...line }, i) => ({ ...targets, ...line, id: `item_${i}` })))

const TARGETS = [
  ...VARIANTS.map((id) => ["variant", id] as const),
  ...PRODUCTS.map((id) => ["product", id] as const),
  ...CATEGORIES.map((id) => ["category", id] as const),
  ...COLLECTIONS.map((id) => ["collection", id] as const),
]

const rule = fc.constantFrom("jpy", "cny", "kwd", "usd").chain((currency) =>
  fc.record({
    target: fc.constantFrom(...TARGETS),
    mode: fc.constantFrom("rate", "rate", "fixed", "excluded") as fc.Arbitrary<CommissionRuleLike["mode"]>,
    rate_bps_1: optional(bps),
    rate_bps_2: optional(bps),
    rate_bps_3: optional(bps),
    fixed_amount_1: optional(amountIn(currency, 100_000)),
    fixed_amount_2: optional(amountIn(currency, 100_000)),
    fixed_amount_3: optional(amountIn(currency, 100_000)),
    currency_code: fc.constant(currency),
  })
)
const rules: fc.Arbitrary<CommissionRuleLike[]> = fc
  .array(rule, { maxLength: 8 })
  .map((drafts) =>
    drafts.map(({ target: [target_type, target_id], ...r }, i) => ({ ...r, id: `drule_${i}`, target_type, target_id }))
  )

const levelRates: fc.Arbitrary<LevelRates> = fc.record({ rate_bps_1: bps, rate_bps_2: bps, rate_bps_3: bps })

const settings: fc.Arbitrary<CommissionSettings> = fc.record({
  max_depth: fc.integer({ min: 1, max: 3 }),
  self_purchase: fc.boolean(),
  order_cap_bps: bps,
  default_rate_bps_1: bps,
  default_rate_bps_2: bps,
  default_rate_bps_3: bps,
})

const member: fc.Arbitrary<ChainMember> = fc.record({
  id: fc.constantFrom(...DISTRIBUTORS),
  status: fc.constantFrom(
    DistributorStatus.ACTIVE,
    DistributorStatus.ACTIVE,
    DistributorStatus.ACTIVE,
    DistributorStatus.SUSPENDED,
    DistributorStatus.PENDING
  ),
  level: optional(levelRates),
})

/** Any order the engine may meet: any lines, rules, upline (statuses, repeats, the buyer in it) and settings. */
const orders: fc.Arbitrary<OrderCommissionsInput> = fc.constantFrom(...CURRENCIES).chain((currency) =>
  fc.record({
    order: fc.record({
      id: fc.constant("order_1"),
      customer_id: optional(fc.constant("cus_1")),
      currency_code: fc.constant(currency),
      lines: lines(currency),
    }),
    chain: optional(
      fc.record({
        source: fc.constantFrom("self", "binding", "cart_code") as fc.Arbitrary<"self" | "binding" | "cart_code">,
        buyer_distributor_id: optional(fc.constantFrom(...DISTRIBUTORS)),
        members: fc.array(member, { minLength: 1, maxLength: 4 }),
      })
    ),
    rules,
    settings,
  })
)

const RUNS = { numRuns: 1000 }
const baseTimesRate = (row: NewCommission) => applyBps(row.base_amount, row.rate_bps!, row.currency_code)

describe("an order's commissions", () => {
  it("pays a bound buyer's basket down the chain: a suspended parent keeps its depth, the deepest depth gives way to the cap", () => {
    const basket: OrderCommissionsInput = {
      order: {
        id: "order_1",
        customer_id: "cus_buyer",
        currency_code: "cny",
        lines: [
          { id: "serum", variant_id: "var_serum", product_id: "prod_serum", category_ids: ["pcat_skincare"], collection_id: null, quantity: 2, base_amount: "259.8" },
          { id: "rice", variant_id: "var_rice", product_id: "prod_rice", category_ids: ["pcat_food"], collection_id: null, quantity: 1, base_amount: "89.9" },
          { id: "tote", variant_id: "var_tote", product_id: "prod_tote", category_ids: ["pcat_bags"], collection_id: null, quantity: 3, base_amount: "237" },
        ],
      },
      chain: {
        source: "binding",
        buyer_distributor_id: null,
        members: [
          { id: "dist_c", status: DistributorStatus.ACTIVE, level: { rate_bps_1: 1000, rate_bps_2: 500, rate_bps_3: 300 } },
          { id: "dist_b", status: DistributorStatus.SUSPENDED, level: null },
          { id: "dist_a", status: DistributorStatus.ACTIVE, level: null },
        ],
      },
      rules: [
        { id: "drule_food", target_type: "category", target_id: "pcat_food", mode: "excluded" },
        { id: "drule_tote", target_type: "product", target_id: "prod_tote", mode: "fixed", fixed_amount_1: "8", currency_code: "CNY" },
      ],
      settings: {
        max_depth: 3,
        self_purchase: false,
        // 10% of 586.70 is 58.67; before the cap the chain earns 59.91.
        order_cap_bps: 1000,
        default_rate_bps_1: 1000,
        default_rate_bps_2: 500,
        default_rate_bps_3: 200,
      },
    }
    const { rows } = computeOrderCommissions(basket)
    expect(rows.map((r) => [r.line_item_id, r.distributor_id, r.depth, r.rate_source, r.rate_bps, r.amount])).toEqual([
      ["serum", "dist_c", 1, "level", 1000, "25.98"],
      // 2% of 259.80 is 5.19, of 237 is 4.74: 9.93 at depth 3 keeps 8.69, each share rounded down.
      ["serum", "dist_a", 3, "default", 200, "4.54"],
      ["tote", "dist_c", 1, "product", null, "24"],
      ["tote", "dist_a", 3, "default", 200, "4.14"],
    ])
    expect(rows[2]).toMatchObject({ rule_id: "drule_tote", quantity: 3, base_amount: "237", attribution: "binding" })
    expect(rows.every((r) => r.order_id === "order_1" && r.buyer_customer_id === "cus_buyer" && r.currency_code === "cny")).toBe(true)
  })

  it("pays nobody when the order is attributed to nobody", () => {
    fc.assert(
      fc.property(orders, (input) => {
        expect(computeOrderCommissions({ ...input, chain: null })).toEqual({ rows: [], considered: [] })
      }),
      { numRuns: 50 }
    )
  })

  it("never pays a row more than its base × rate rounded down, its fixed amount, or its goods", () => {
    fc.assert(
      fc.property(orders, (input) => {
        const rulesById = new Map(input.rules.map((r) => [r.id, r]))
        for (const row of computeOrderCommissions(input).rows) {
          expect(MathBN.gt(row.amount, 0)).toBe(true)
          expect(MathBN.lte(row.amount, row.base_amount)).toBe(true)
          if (row.rate_bps === null) {
            const rule = rulesById.get(row.rule_id!)!
            const fixed = rule[`fixed_amount_${row.depth}` as "fixed_amount_1"]!
            expect(rule.mode).toBe("fixed")
            expect(MathBN.lte(row.amount, roundDown(MathBN.mult(fixed, row.quantity), row.currency_code))).toBe(true)
          } else {
            expect(MathBN.lte(row.amount, baseTimesRate(row))).toBe(true)
          }
        }
      }),
      RUNS
    )
  })

  it("keeps each order's total within its cap", () => {
    fc.assert(
      fc.property(orders, (input) => {
        const { rows } = computeOrderCommissions(input)
        const cap = applyBps(sumAmounts(input.order.lines.map((l) => l.base_amount)), input.settings.order_cap_bps, input.order.currency_code)
        expect(MathBN.lte(sumAmounts(rows.map((r) => r.amount)), cap)).toBe(true)
      }),
      RUNS
    )
  })

  it("gives every amount the currency's precision: whole yen, fen, fils", () => {
    expect(CURRENCIES.map(currencyPrecision)).toEqual([0, 2, 3])
    fc.assert(
      fc.property(orders, (input) => {
        const { rows, considered } = computeOrderCommissions(input)
        for (const row of [...rows, ...considered]) {
          expect(row.currency_code).toBe(input.order.currency_code)
          expect(new BigNumberJS(row.amount).decimalPlaces()).toBeLessThanOrEqual(currencyPrecision(row.currency_code))
        }
      }),
      RUNS
    )
  })

  it("pays each active distributor of the chain once per line, at its own depth, within max_depth", () => {
    fc.assert(
      fc.property(orders, (input) => {
        const { rows } = computeOrderCommissions(input)
        const members = input.chain?.members ?? []
        for (const row of rows) {
          const at = members[row.depth - 1]
          expect(at).toMatchObject({ id: row.distributor_id, status: DistributorStatus.ACTIVE })
          expect(row.depth).toBeLessThanOrEqual(input.settings.max_depth)
          expect(row.depth === 1 || row.distributor_id !== input.chain!.buyer_distributor_id).toBe(true)
        }
        const keys = rows.map((r) => `${r.line_item_id}:${r.distributor_id}`)
        expect(new Set(keys).size).toBe(keys.length)
      }),
      RUNS
    )
  })

  it("pays nothing on a line an excluded rule reaches, whatever else targets it", () => {
    fc.assert(
      fc.property(orders, fc.nat(), (input, pick) => {
        const variants = input.order.lines.map((l) => l.variant_id).filter((id): id is string => !!id)
        fc.pre(variants.length > 0)
        const variant = variants[pick % variants.length]
        // "!" sorts before every generated id: this rule is the one its target resolves to.
        const excluded: CommissionRuleLike = { id: "drule_!", target_type: "variant", target_id: variant, mode: "excluded" }
        const { rows, considered } = computeOrderCommissions({ ...input, rules: [...input.rules, excluded] })
        expect(rows.filter((r) => r.variant_id === variant)).toEqual([])
        for (const row of considered.filter((r) => r.variant_id === variant)) {
          expect(row).toMatchObject({ rate_source: "excluded", rate_bps: null, rule_id: "drule_!", amount: "0" })
        }
      }),
      RUNS
    )
  })
})

describe("the product previews", () => {
  const pick = ({ depth, rate_bps, rate_source, rule_id, amount }: NewCommission) => ({ depth, rate_bps, rate_source, rule_id, amount })
  const oneUnit = fc.constantFrom(...CURRENCIES).chain((currency) =>
    fc.record({
      currency: fc.constant(currency),
      line: targets,
      base: amountIn(currency, 10_000_000),
      level: optional(levelRates),
      depths: fc.integer({ min: 1, max: 3 }),
      rules,
      settings,
    })
  )

  it("show what the credit pays on a one-unit order of the line (preview == credit)", () => {
    fc.assert(
      fc.property(oneUnit, ({ currency, line, base, level, depths, rules, settings }) => {
        const credit = computeOrderCommissions({
          order: { id: "order_1", customer_id: "cus_1", currency_code: currency, lines: [{ ...line, id: "item_1", quantity: 1, base_amount: base }] },
          chain: {
            source: "cart_code",
            buyer_distributor_id: null,
            members: DISTRIBUTORS.slice(0, depths).map((id) => ({ id, status: DistributorStatus.ACTIVE, level })),
          },
          rules,
          settings,
        })
        const preview = previewUnitCommissions({ line, base, currency_code: currency, level, depths, rules, settings })
        // The admin's preview: every depth, those that earn nothing included.
        expect(preview).toEqual(credit.considered.map(pick))
        expect(preview.filter((d) => MathBN.gt(d.amount, 0))).toEqual(credit.rows.map(pick))
        // The distributor centre's: depth 1 alone, which the cap reaches only after every deeper depth.
        expect(previewUnitCommissions({ line, base, currency_code: currency, level, depths: 1, rules, settings })).toEqual(
          credit.considered.filter((r) => r.depth === 1).map(pick)
        )
      }),
      RUNS
    )
  })
})

describe("a coupon's commission policy", () => {
  const policyRates = fc.tuple(bps, bps, bps)

  it("pays nothing when coupon orders are excluded", () => {
    fc.assert(
      fc.property(orders, (input) => {
        expect(computeOrderCommissions({ ...input, coupon_policy: { mode: "excluded" } })).toEqual({ rows: [], considered: [] })
      }),
      { numRuns: 50 }
    )
  })

  it("pays as usual under the normal policy", () => {
    fc.assert(
      fc.property(orders, (input) => {
        expect(computeOrderCommissions({ ...input, coupon_policy: { mode: "normal" } })).toEqual(computeOrderCommissions(input))
      }),
      { numRuns: 50 }
    )
  })

  it("pays the coupon's rate of each depth, rounded down, except on excluded lines, within the cap", () => {
    fc.assert(
      fc.property(orders, policyRates, (input, rates) => {
        const usual = computeOrderCommissions(input).considered
        const withCoupon = computeOrderCommissions({ ...input, coupon_policy: { mode: "rates", rates } })
        for (const row of withCoupon.considered) {
          const before = usual.find((u) => u.line_item_id === row.line_item_id && u.depth === row.depth)!
          if (before.rate_source === "excluded") {
            expect(row.rate_source).toBe("excluded")
            continue
          }
          expect(row).toMatchObject({ rate_source: "coupon", rate_bps: rates[row.depth - 1], rule_id: null })
          expect(MathBN.lte(row.amount, applyBps(MathBN.mult(row.base_amount, 1).toFixed(), rates[row.depth - 1], row.currency_code))).toBe(true)
        }
        expect(withCoupon.considered.map((r) => `${r.line_item_id}:${r.depth}`)).toEqual(usual.map((r) => `${r.line_item_id}:${r.depth}`))
      }),
      RUNS
    )
  })
})

describe("a sale's commission policy, per line", () => {
  const saleRates = fc.tuple(bps, bps, bps)
  /** The input with a sale's policy on some of its lines (those `onSale` picks). */
  const withSale = (input: OrderCommissionsInput, onSale: boolean[], policy: SalePolicy): OrderCommissionsInput => ({
    ...input,
    order: { ...input.order, lines: input.order.lines.map((l, i) => (onSale[i] ? { ...l, sale_policy: policy } : l)) },
  })
  const picks = fc.array(fc.boolean(), { minLength: 5, maxLength: 5 })

  it("pays the usual rates on what was paid when the sale's policy is normal", () => {
    fc.assert(
      fc.property(orders, picks, (input, onSale) => {
        expect(computeOrderCommissions(withSale(input, onSale, { mode: "normal" }))).toEqual(computeOrderCommissions(input))
      }),
      { numRuns: 200 }
    )
  })

  it("pays nothing on the sale's lines when the sale excludes commission, and keeps every other line's rate", () => {
    fc.assert(
      fc.property(orders, picks, (input, onSale) => {
        const usual = computeOrderCommissions(input).considered
        const result = computeOrderCommissions(withSale(input, onSale, { mode: "excluded" }))
        const saleLines = new Set(input.order.lines.filter((_, i) => onSale[i]).map((l) => l.id))
        expect(result.rows.some((r) => saleLines.has(r.line_item_id))).toBe(false)
        for (const row of result.considered) {
          const before = usual.find((u) => u.line_item_id === row.line_item_id && u.depth === row.depth)!
          if (saleLines.has(row.line_item_id)) {
            expect(row).toMatchObject({ rate_source: "sale", rate_bps: 0, rule_id: null, amount: "0" })
          } else {
            expect([row.rate_source, row.rate_bps, row.rule_id]).toEqual([before.rate_source, before.rate_bps, before.rule_id])
            // Fewer earnings elsewhere can only leave more room under the cap.
            expect(MathBN.gte(row.amount, before.amount)).toBe(true)
          }
        }
      }),
      RUNS
    )
  })

  it("pays the sale's rate of each depth on its lines, rounded down, except where a rule excludes, within the cap — over a coupon's rates", () => {
    fc.assert(
      fc.property(orders, picks, saleRates, saleRates, (input, onSale, rates, couponRates) => {
        const usual = computeOrderCommissions(input).considered
        const result = computeOrderCommissions({ ...withSale(input, onSale, { mode: "rates", rates }), coupon_policy: { mode: "rates", rates: couponRates } })
        const saleLines = new Set(input.order.lines.filter((_, i) => onSale[i]).map((l) => l.id))
        for (const row of result.considered) {
          const before = usual.find((u) => u.line_item_id === row.line_item_id && u.depth === row.depth)!
          if (before.rate_source === "excluded") {
            expect(row.rate_source).toBe("excluded")
            continue
          }
          const [source, own] = saleLines.has(row.line_item_id) ? ["sale", rates] : ["coupon", couponRates]
          expect(row).toMatchObject({ rate_source: source, rate_bps: own[row.depth - 1], rule_id: null })
          expect(MathBN.lte(row.amount, applyBps(row.base_amount, own[row.depth - 1], row.currency_code))).toBe(true)
        }
        expect(result.considered.map((r) => `${r.line_item_id}:${r.depth}`)).toEqual(usual.map((r) => `${r.line_item_id}:${r.depth}`))
      }),
      RUNS
    )
  })

  it("lets a coupon that excludes the order exclude its sale lines too", () => {
    fc.assert(
      fc.property(orders, picks, saleRates, (input, onSale, rates) => {
        expect(computeOrderCommissions({ ...withSale(input, onSale, { mode: "rates", rates }), coupon_policy: { mode: "excluded" } })).toEqual({
          rows: [],
          considered: [],
        })
      }),
      { numRuns: 50 }
    )
  })

  it("pays a basket with a sale line to the cent: the serum at its sale price earns the sale's rates, the tote the level's", () => {
    const basket: OrderCommissionsInput = {
      order: {
        id: "order_1",
        customer_id: "cus_buyer",
        currency_code: "cny",
        lines: [
          // Two serums at ¥103.92 (20% off ¥129.90): the base is what was paid.
          { id: "serum", variant_id: "var_serum", product_id: "prod_serum", category_ids: [], collection_id: null, quantity: 2, base_amount: "207.84", sale_policy: { mode: "rates", rates: [1500, 250, 0] } },
          { id: "tote", variant_id: "var_tote", product_id: "prod_tote", category_ids: [], collection_id: null, quantity: 1, base_amount: "79" },
        ],
      },
      chain: {
        source: "binding",
        buyer_distributor_id: null,
        members: [
          { id: "dist_b", status: DistributorStatus.ACTIVE, level: { rate_bps_1: 1000, rate_bps_2: 500, rate_bps_3: 0 } },
          { id: "dist_a", status: DistributorStatus.ACTIVE, level: null },
        ],
      },
      rules: [],
      settings: { max_depth: 2, self_purchase: false, order_cap_bps: 10000, default_rate_bps_1: 1000, default_rate_bps_2: 500, default_rate_bps_3: 0 },
    }
    expect(computeOrderCommissions(basket).rows.map((r) => [r.line_item_id, r.distributor_id, r.rate_source, r.rate_bps, r.amount])).toEqual([
      ["serum", "dist_b", "sale", 1500, "31.17"],
      ["serum", "dist_a", "sale", 250, "5.19"],
      ["tote", "dist_b", "level", 1000, "7.9"],
      ["tote", "dist_a", "default", 500, "3.95"],
    ])
  })

  it("shows the sale's policy in a product's preview: the rate the credit would pay", () => {
    const preview = (sale_policy?: SalePolicy) =>
      previewUnitCommissions({
        line: { variant_id: "var_serum", product_id: "prod_serum", category_ids: [], collection_id: null },
        base: "103.92",
        currency_code: "cny",
        level: { rate_bps_1: 1000, rate_bps_2: 500, rate_bps_3: 0 },
        depths: 1,
        rules: [],
        settings: { max_depth: 3, self_purchase: false, order_cap_bps: 10000, default_rate_bps_1: 0, default_rate_bps_2: 0, default_rate_bps_3: 0 },
        sale_policy,
      }).map((p) => [p.rate_source, p.rate_bps, p.amount])
    expect(preview()).toEqual([["level", 1000, "10.39"]])
    expect(preview({ mode: "normal" })).toEqual([["level", 1000, "10.39"]])
    expect(preview({ mode: "rates", rates: [1500, 0, 0] })).toEqual([["sale", 1500, "15.58"]])
    expect(preview({ mode: "excluded" })).toEqual([["sale", 0, "0"]])
  })
})

describe("rowsForLinesNotCredited (an order edit's added lines)", () => {
  const row = (line: string, depth: number, distributor: string) =>
    ({ line_item_id: line, depth, distributor_id: distributor, amount: "1" }) as unknown as NewCommission
  const credited = [
    { line_item_id: "serum", depth: 1, distributor_id: "C" },
    { line_item_id: "serum", depth: 2, distributor_id: "B" },
    { line_item_id: "rice", depth: 1, distributor_id: "C" },
    { line_item_id: "rice", depth: 2, distributor_id: "B" },
  ]

  it("keeps only the lines with no commission yet, at the depths and to the distributors the order was credited to", () => {
    const computed = [row("serum", 1, "C"), row("serum", 2, "B"), row("added", 1, "C"), row("added", 2, "B"), row("added", 3, "A")]
    // Depth 3 earned nothing on the order (nobody stood there when it was credited): nothing now either.
    expect(rowsForLinesNotCredited(computed, credited, ["added"]).map((r) => `${r.line_item_id} ${r.depth} ${r.distributor_id}`)).toEqual([
      "added 1 C",
      "added 2 B",
    ])
  })

  it("never credits a line the order was placed with, though it earned nothing then and would now", () => {
    const computed = [row("tote", 1, "C"), row("added", 1, "C")]
    expect(rowsForLinesNotCredited(computed, credited, ["added"]).map((r) => r.line_item_id)).toEqual(["added"])
    expect(rowsForLinesNotCredited(computed, credited, [])).toEqual([])
  })

  it("pays nobody whom the order was not credited to: C moved under D since, D earns nothing on the added line", () => {
    const computed = [row("added", 1, "C"), row("added", 2, "D")]
    expect(rowsForLinesNotCredited(computed, credited, ["added"]).map((r) => `${r.depth} ${r.distributor_id}`)).toEqual(["1 C"])
  })

  it("credits an order with no commission at all as computed, as a late order.placed would", () => {
    const computed = [row("serum", 1, "C"), row("added", 1, "C")]
    expect(rowsForLinesNotCredited(computed, [], [])).toEqual(computed)
  })
})
