import { NewCommission } from "../../types"
import { applyCommissionAdjustment } from "../order-commissions"

const row = (line: string, depth: number, amount: string, base = "237.00"): NewCommission => ({
  order_id: "order_1",
  line_item_id: line,
  distributor_id: `dist_${depth}`,
  buyer_customer_id: "cus_1",
  depth,
  attribution: "binding",
  product_id: "prod_1",
  variant_id: "var_1",
  quantity: 3,
  base_amount: base,
  rate_bps: 1000,
  rate_source: "level",
  rule_id: null,
  amount,
  currency_code: "cny",
})

const computed = [row("li_tote", 1, "23.70"), row("li_tote", 2, "14.22"), row("li_rice", 1, "7.19", "89.90")]
const answer = (r: NewCommission, amount: string | number = r.amount) => ({
  line_item_id: r.line_item_id,
  distributor_id: r.distributor_id,
  depth: r.depth,
  amount,
})

describe("a commissionsComputed hook's answer", () => {
  it("changes nothing when the handler answers nothing", () => {
    expect(applyCommissionAdjustment(computed, undefined)).toBe(computed)
  })

  it("keeps the rows it names, vetoes the rest and those at 0, and marks a changed amount as the hook's", () => {
    const kept = applyCommissionAdjustment(computed, {
      rows: [answer(computed[0], "20"), answer(computed[1]), answer(computed[2], 0)],
    })
    expect(kept.map((r) => [r.line_item_id, r.depth, r.amount, r.rate_bps, r.rate_source])).toEqual([
      ["li_tote", 1, "20", null, "hook"],
      ["li_tote", 2, "14.22", 1000, "level"],
    ])
  })

  it("refuses a row the computation did not produce, the same row twice, more than the line's base or more decimals than the currency", () => {
    const refusals: [Parameters<typeof applyCommissionAdjustment>[1], string][] = [
      [{ rows: [{ ...answer(computed[0]), depth: 3 }] }, "did not produce (line li_tote, distributor dist_1, depth 3)"],
      [{ rows: [answer(computed[0]), answer(computed[0])] }, "answered line li_tote at depth 1 twice"],
      [{ rows: [answer(computed[2], "89.91")] }, "amount 89.91 for line li_rice is more than the line's base 89.90"],
      [{ rows: [answer(computed[0], "1.005")] }, "has more decimals than CNY allows (2)"],
      [{ rows: [answer(computed[0], "-1")] }, "must be a decimal of 0 or more, such as \"12.50\" (got -1)"],
    ]
    for (const [adjustment, message] of refusals) {
      expect(() => applyCommissionAdjustment(computed, adjustment)).toThrow(message)
    }
  })
})
