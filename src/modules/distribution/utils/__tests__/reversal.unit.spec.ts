import fc from "fast-check"
import { MathBN } from "@medusajs/framework/utils"
import { ReversalFacts, ReversalRow, reversalChanges, reversalTargets } from "../reversal"

/** The test shop's basket: 129.90 × 2 serum, 89.90 rice, 79 × 3 totes, 12 shipping; C's three commissions. */
const basket = (over: Partial<ReversalFacts> & { returned?: Record<string, number> } = {}): ReversalFacts => ({
  canceled: false,
  other_charges: "12",
  paid: "598.7",
  refunded: "0",
  ...over,
  lines: [
    { id: "serum", quantity: 2, returned_quantity: over.returned?.serum ?? 0, charged: "259.8" },
    { id: "rice", quantity: 1, returned_quantity: over.returned?.rice ?? 0, charged: "89.9" },
    { id: "tote", quantity: 3, returned_quantity: over.returned?.tote ?? 0, charged: "237" },
  ],
})
const rows: ReversalRow[] = [
  { id: "c-serum", line_item_id: "serum", quantity: 2, amount: "51.96", currency_code: "cny" },
  { id: "c-rice", line_item_id: "rice", quantity: 1, amount: "7.19", currency_code: "cny" },
  { id: "c-tote", line_item_id: "tote", quantity: 3, amount: "23.7", currency_code: "cny" },
]

describe("reversal targets", () => {
  it("reverses a returned unit's share of its own line and nothing of the lines kept", () => {
    expect(reversalTargets(basket({ returned: { serum: 1 } }), rows)).toEqual({ "c-serum": "25.98", "c-rice": "0", "c-tote": "0" })
  })

  it("takes nothing more when the returned unit is refunded, tax included", () => {
    expect(reversalTargets(basket({ returned: { serum: 1 }, refunded: "129.9" }), rows)).toEqual({
      "c-serum": "25.98",
      "c-rice": "0",
      "c-tote": "0",
    })
  })

  it("spreads only what the returns do not explain over what was kept, in proportion to what it was charged", () => {
    // 100 of 229.90 is unexplained; the kept goods were charged 468.80 (456.80 of lines + 12 shipping),
    // so each line keeps 368.80 / 468.80 of what it kept, rounded down.
    expect(reversalTargets(basket({ returned: { serum: 1 }, refunded: "229.9" }), rows)).toEqual({
      "c-serum": "31.53", // keeps 51.96 × ½ × 368.8/468.8 = 20.438… → 20.43
      "c-rice": "1.54", //   keeps 7.19 × 368.8/468.8 = 5.656… → 5.65
      "c-tote": "5.06", //   keeps 23.70 × 368.8/468.8 = 18.644… → 18.64
    })
  })

  it("spreads a refund with no return over the whole order", () => {
    expect(reversalTargets(basket({ refunded: "100" }), rows)).toEqual({
      "c-serum": "8.68", // keeps 51.96 × 498.7/598.7 = 43.280… → 43.28
      "c-rice": "1.21",
      "c-tote": "3.96",
    })
  })

  it("rounds what the distributor keeps down: 12.99 on two units, one back, keeps 6.49", () => {
    const one = [{ id: "r", line_item_id: "serum", quantity: 2, amount: "12.99", currency_code: "cny" }]
    expect(reversalTargets(basket({ returned: { serum: 1 } }), one)).toEqual({ r: "6.5" })
    const yen = [{ id: "r", line_item_id: "serum", quantity: 2, amount: "1299", currency_code: "jpy" }]
    expect(reversalTargets(basket({ returned: { serum: 1 } }), yen)).toEqual({ r: "650" })
  })

  it("reverses everything on cancel, on a full return and on a full refund", () => {
    const all = { "c-serum": "51.96", "c-rice": "7.19", "c-tote": "23.7" }
    expect(reversalTargets(basket({ canceled: true }), rows)).toEqual(all)
    expect(reversalTargets(basket({ returned: { serum: 2, rice: 1, tote: 3 } }), rows)).toEqual(all)
    expect(reversalTargets(basket({ refunded: "598.7" }), rows)).toEqual(all)
  })

  // An order edit (Medusa's order-edit.confirmed) changes a line's quantity on the same line item:
  // the basket's serum line goes from 2 units to 1 and is charged 129.90; the buyer paid 598.70.
  const editedSerum = (quantity: number, charged: string, over: Partial<ReversalFacts> = {}): ReversalFacts => {
    const facts = basket(over)
    return { ...facts, lines: facts.lines.map((l) => (l.id === "serum" ? { ...l, quantity, charged } : l)) }
  }

  it("takes away the share of the units an order edit removed, as a return would", () => {
    expect(reversalTargets(editedSerum(1, "129.9"), rows)).toEqual({ "c-serum": "25.98", "c-rice": "0", "c-tote": "0" })
    // The line removed (quantity 0): its commissions are reversed, the other lines keep theirs.
    expect(reversalTargets(editedSerum(0, "0"), rows)).toEqual({ "c-serum": "51.96", "c-rice": "0", "c-tote": "0" })
  })

  it("explains the refund of what the edit took off the order by the units it removed, not by the kept goods", () => {
    // Medusa refunds the 129.90 paid for the removed unit: nothing is spread over the kept lines.
    expect(reversalTargets(editedSerum(1, "129.9", { refunded: "129.9" }), rows)).toEqual({
      "c-serum": "25.98",
      "c-rice": "0",
      "c-tote": "0",
    })
    // 100 more refunded on top is given back on the kept goods (468.80 charged) and spread over them.
    expect(reversalTargets(editedSerum(1, "129.9", { refunded: "229.9" }), rows)).toEqual({
      "c-serum": "31.53", // keeps 51.96 × ½ × 368.8/468.8 = 20.438… → 20.43
      "c-rice": "1.54",
      "c-tote": "5.06",
    })
  })

  it("pays nothing beyond what was credited when an edit raises a line's quantity", () => {
    // Serum raised to 3 units (389.70), paid 728.60: the commission on the 2 credited units stands.
    const raised = editedSerum(3, "389.7", { paid: "728.6" })
    expect(reversalTargets(raised, rows)).toEqual({ "c-serum": "0", "c-rice": "0", "c-tote": "0" })
    // One unit back still leaves the two credited ones; two back leave one of them.
    expect(reversalTargets({ ...raised, lines: raised.lines.map((l) => (l.id === "serum" ? { ...l, returned_quantity: 1 } : l)) }, rows)["c-serum"]).toBe("0")
    expect(reversalTargets({ ...raised, lines: raised.lines.map((l) => (l.id === "serum" ? { ...l, returned_quantity: 2 } : l)) }, rows)["c-serum"]).toBe("25.98")
  })

  it("counts only what was paid: units returned before payment explain no refund", () => {
    // The return was requested before capture; Medusa asked for 468.80 instead of 598.70, and 50 was refunded later.
    const facts = basket({ returned: { serum: 1 }, paid: "468.8", refunded: "50" })
    expect(reversalTargets(facts, rows)).toEqual({
      "c-serum": "28.76", // keeps 25.98 × 418.8/468.8 = 23.209… → 23.20
      "c-rice": "0.77",
      "c-tote": "2.53",
    })
  })
})

type Event = { kind: "return"; line: number; units: number } | { kind: "refund"; cents: number }

const arbitraryOrder = fc
  .record({
    lines: fc.array(
      fc.record({ quantity: fc.integer({ min: 1, max: 5 }), cents: fc.integer({ min: 0, max: 500_000 }) }),
      { minLength: 1, maxLength: 4 }
    ),
    shipping: fc.integer({ min: 0, max: 5_000 }),
    paidPart: fc.constantFrom(1, 1, 1, 0.5, 0.8),
    commissions: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 100_000 })), { minLength: 1, maxLength: 6 }),
    currency: fc.constantFrom("cny", "jpy", "kwd"),
    events: fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant("return" as const), line: fc.nat(), units: fc.integer({ min: 1, max: 3 }) }),
        fc.record({ kind: fc.constant("refund" as const), cents: fc.integer({ min: 1, max: 200_000 }) })
      ),
      { maxLength: 8 }
    ),
  })
  .map((o) => {
    const lines = o.lines.map((l, i) => ({ id: `l${i}`, quantity: l.quantity, charged: MathBN.div(l.cents, 100).toFixed() }))
    const total = o.lines.reduce((s, l) => s + l.cents, o.shipping)
    const rows: ReversalRow[] = o.commissions.map(([line, cents], i) => ({
      id: `c${i}`,
      line_item_id: lines[line % lines.length].id,
      quantity: lines[line % lines.length].quantity,
      amount: MathBN.div(cents, 100).toFixed(),
      currency_code: o.currency,
    }))
    const events: Event[] = o.events.map((e) => (e.kind === "return" ? { ...e, line: e.line % lines.length } : e))
    return { lines, shipping: MathBN.div(o.shipping, 100).toFixed(), paid: MathBN.div(Math.floor(total * o.paidPart), 100).toFixed(), rows, events }
  })

type Order = typeof arbitraryOrder extends fc.Arbitrary<infer T> ? T : never

/** The order's cumulative facts after some of its events: returns capped at what was sold, refunds at what was paid. */
function factsAfter(order: Order, events: Event[], canceled = false): ReversalFacts {
  const returned = new Map<string, number>()
  let refunded = MathBN.convert(0)
  for (const e of events) {
    if (e.kind === "return") {
      const line = order.lines[e.line]
      returned.set(line.id, Math.min(line.quantity, (returned.get(line.id) ?? 0) + e.units))
    } else {
      refunded = MathBN.min(order.paid, MathBN.add(refunded, MathBN.div(e.cents, 100)))
    }
  }
  return {
    canceled,
    lines: order.lines.map((l) => ({ ...l, returned_quantity: returned.get(l.id) ?? 0 })),
    other_charges: order.shipping,
    paid: order.paid,
    refunded: refunded.toFixed(),
  }
}

describe("reversal target properties", () => {
  it("stays within 0..amount, and kept + reversed is exactly the credited amount, kept rounded down", () => {
    fc.assert(
      fc.property(arbitraryOrder, fc.boolean(), (order, canceled) => {
        const targets = reversalTargets(factsAfter(order, order.events, canceled), order.rows)
        for (const row of order.rows) {
          const reversed = targets[row.id]
          expect(MathBN.gte(reversed, 0)).toBe(true)
          expect(MathBN.lte(reversed, row.amount)).toBe(true)
          const kept = MathBN.sub(row.amount, reversed)
          expect(MathBN.add(kept, reversed).toFixed()).toBe(MathBN.convert(row.amount).toFixed())
          expect(kept.decimalPlaces()).toBeLessThanOrEqual(row.currency_code === "jpy" ? 0 : row.currency_code === "kwd" ? 3 : 2)
          if (canceled) expect(reversed).toBe(MathBN.convert(row.amount).toFixed())
        }
      })
    )
  })

  it("never reverses less after more is refunded", () => {
    fc.assert(
      fc.property(arbitraryOrder, fc.integer({ min: 1, max: 100_000 }), (order, cents) => {
        const before = reversalTargets(factsAfter(order, order.events), order.rows)
        const after = reversalTargets(factsAfter(order, [...order.events, { kind: "refund", cents }]), order.rows)
        order.rows.forEach((r) => expect(MathBN.gte(after[r.id], before[r.id])).toBe(true))
      })
    )
  })

  it("never reverses less of a line after more of it comes back, nor keeps more of the order", () => {
    fc.assert(
      fc.property(arbitraryOrder, fc.nat(), (order, pick) => {
        const line = pick % order.lines.length
        const beforeFacts = factsAfter(order, order.events)
        const afterFacts = factsAfter(order, [...order.events, { kind: "return", line, units: 1 }])
        const before = reversalTargets(beforeFacts, order.rows)
        const after = reversalTargets(afterFacts, order.rows)
        order.rows
          .filter((r) => r.line_item_id === order.lines[line].id)
          .forEach((r) => expect(MathBN.gte(after[r.id], before[r.id])).toBe(true))
        // Another line may get back what it had lost to a refund the return now explains, but
        // the order as a whole never keeps more: one commission of each line's full value.
        const asWhole = (facts: ReversalFacts) => {
          const whole = facts.lines.map((l) => ({ id: l.id, line_item_id: l.id, quantity: l.quantity, amount: l.charged, currency_code: "cny" }))
          const t = reversalTargets(facts, whole)
          return whole.reduce((s, r) => MathBN.add(s, t[r.id]), MathBN.convert(0))
        }
        // (Each line's reversal is rounded on its own: a cent of slack per line.)
        expect(MathBN.gte(MathBN.add(asWhole(afterFacts), MathBN.mult("0.01", order.lines.length)), asWhole(beforeFacts))).toBe(true)
      })
    )
  })

  it("depends on the events, not their order: returns and refunds in any order reach the same targets", () => {
    fc.assert(
      fc.property(arbitraryOrder, fc.array(fc.nat()), (order, keys) => {
        const shuffled = order.events
          .map((e, i) => ({ e, k: keys[i] ?? i }))
          .sort((x, y) => x.k - y.k)
          .map((x) => x.e)
        expect(reversalTargets(factsAfter(order, shuffled), order.rows)).toEqual(
          reversalTargets(factsAfter(order, order.events), order.rows)
        )
      })
    )
  })
})

describe("reversal changes", () => {
  const standing = rows.map((r) => ({ ...r, reversed_amount: "0" }))

  it("moves only the commissions whose target differs from what is reversed, by the difference", () => {
    expect(reversalChanges(basket({ returned: { serum: 1 } }), standing)).toEqual([
      { id: "c-serum", reversed_amount: "25.98", delta: "25.98", full: false },
    ])
    expect(reversalChanges(basket({ canceled: true }), standing).map((c) => [c.id, c.delta, c.full])).toEqual([
      ["c-serum", "51.96", true],
      ["c-rice", "7.19", true],
      ["c-tote", "23.7", true],
    ])
  })

  it("gives back what a return now explains: a negative move", () => {
    // A refund of 100 had been spread over the whole order; the serum's return now explains it.
    const spread = reversalTargets(basket({ refunded: "100" }), rows)
    const after = standing.map((r) => ({ ...r, reversed_amount: spread[r.id] }))
    const changes = reversalChanges(basket({ returned: { serum: 1 }, refunded: "100" }), after)
    expect(changes.find((c) => c.id === "c-rice")).toEqual({ id: "c-rice", reversed_amount: "0", delta: "-1.21", full: false })
  })

  it("changes nothing when the same facts are applied again, whatever they are", () => {
    fc.assert(
      fc.property(arbitraryOrder, fc.boolean(), (order, canceled) => {
        const facts = factsAfter(order, order.events, canceled)
        const first = order.rows.map((r) => ({ ...r, reversed_amount: "0" }))
        const moved = new Map(reversalChanges(facts, first).map((c) => [c.id, c.reversed_amount]))
        const applied = first.map((r) => ({ ...r, reversed_amount: moved.get(r.id) ?? r.reversed_amount }))
        expect(reversalChanges(facts, applied)).toEqual([])
        applied.forEach((r) => expect(r.reversed_amount).toBe(reversalTargets(facts, order.rows)[r.id]))
      })
    )
  })
})
