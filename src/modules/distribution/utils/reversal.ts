import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { roundDown } from "./money"

/** One line of an order as the reversal rule sees it. */
export type ReversalLine = {
  id: string
  /** Units the order holds now (an order edit may have lowered or raised what was placed). */
  quantity: number
  /** Units received back (cumulative over every return). */
  returned_quantity: number
  /** What the line was charged for all its units: after discounts, tax included. */
  charged: BigNumberInput
}

/** An order's cumulative facts: everything a reversal depends on. */
export type ReversalFacts = {
  canceled: boolean
  lines: ReversalLine[]
  /** What the order charged besides its lines (shipping), tax included. */
  other_charges: BigNumberInput
  /** What the buyer's payments really hold: authorized or captured, not canceled. */
  paid: BigNumberInput
  /** Everything refunded so far. */
  refunded: BigNumberInput
}

export type ReversalRow = {
  id: string
  line_item_id: string
  /** The units the commission was credited for (the line's quantity when it was credited). */
  quantity: number
  /** The commission as credited. */
  amount: BigNumberInput
  currency_code: string
}

type BN = ReturnType<typeof MathBN.convert>

const clamp01 = (x: BN): BN => MathBN.max(0, MathBN.min(1, x))

const returnedShare = (l: ReversalLine): BN =>
  l.quantity > 0 ? clamp01(MathBN.div(l.returned_quantity, l.quantity)) : MathBN.convert(1)

/**
 * The share of what the buyer kept that was refunded, 0..1.
 *
 * A refund is first explained by the returned units, up to what they were
 * charged (tax included), then by what was paid beyond everything the order
 * still holds (units an order edit took away: Medusa refunds the difference);
 * only the rest was given back on goods the buyer kept, and it is spread over
 * all that is kept (the kept units and the other charges) in proportion to
 * what each was charged. Payments pay for what is kept first: units returned
 * before the buyer paid (Medusa then asks for a smaller payment) were never
 * charged, so they explain no refund.
 */
export function refundedShareOfKept(facts: ReversalFacts): BN {
  const sum = (f: (l: ReversalLine) => BN, start: BigNumberInput) =>
    facts.lines.reduce((s, l) => MathBN.add(s, f(l)), MathBN.convert(start))
  const returnedValue = sum((l) => MathBN.mult(l.charged, returnedShare(l)), 0)
  const keptValue = sum((l) => MathBN.mult(l.charged, MathBN.sub(1, returnedShare(l))), facts.other_charges)
  const paidForKept = MathBN.max(0, MathBN.min(facts.paid, keptValue))
  const paidForReturned = MathBN.max(0, MathBN.min(returnedValue, MathBN.sub(facts.paid, paidForKept)))
  const paidForNothingHeld = MathBN.max(0, MathBN.sub(facts.paid, MathBN.add(paidForKept, paidForReturned)))
  const unexplained = MathBN.max(0, MathBN.sub(facts.refunded, MathBN.add(paidForReturned, paidForNothingHeld)))
  if (MathBN.lte(paidForKept, 0)) {
    return MathBN.convert(MathBN.gt(unexplained, 0) ? 1 : 0)
  }
  return clamp01(MathBN.div(unexplained, paidForKept))
}

/**
 * The share of its credited units a line still earns, 0..1: the units the
 * order holds now less those returned, over the units credited. An order edit
 * that lowers the quantity (or removes the line: quantity 0) takes the
 * removed units' share away like a return; one that raises it earns nothing
 * beyond what was credited.
 */
const keptUnitsShare = (line: ReversalLine, credited: number): BN =>
  credited > 0 ? clamp01(MathBN.div(line.quantity - line.returned_quantity, credited)) : MathBN.convert(0)

/**
 * The reversed amount each commission should have now, cumulative and
 * absolute. A line keeps the share of its credited units still held and not
 * returned (keptUnitsShare), less the share of the kept goods refunded (see
 * refundedShareOfKept); all of it is reversed when the order is canceled. What the distributor keeps is the commission
 * times that share rounded down to the currency's minor unit, so the
 * programme never pays a fraction more than the kept goods earn, and the rest
 * is reversed: kept + reversed is exactly the credited amount. Depends on the
 * order's cumulative facts only, so events in any order, replayed or not,
 * lead to the same targets.
 */
export function reversalTargets(facts: ReversalFacts, rows: ReversalRow[]): Record<string, string> {
  const lines = new Map(facts.lines.map((l) => [l.id, l]))
  const keptOfKept = facts.canceled ? MathBN.convert(0) : MathBN.sub(1, refundedShareOfKept(facts))
  const targets: Record<string, string> = {}
  for (const row of rows) {
    const line = lines.get(row.line_item_id)
    // A line the order no longer lists carries the refund's spread only.
    const share = line ? MathBN.mult(keptUnitsShare(line, row.quantity), keptOfKept) : keptOfKept
    const kept = roundDown(MathBN.mult(row.amount, share), row.currency_code)
    targets[row.id] = MathBN.sub(row.amount, kept).toFixed()
  }
  return targets
}

/** A commission as the reversal finds it: the credited row and what is reversed of it so far. */
export type ReversalStanding = ReversalRow & { reversed_amount: BigNumberInput }

/** One commission's move: its new cumulative reversed amount and the difference to the old one. */
export type ReversalChange = {
  id: string
  /** The cumulative reversed amount it moves to. */
  reversed_amount: string
  /** New minus old: positive reverses more, negative gives back. */
  delta: string
  /** Wholly reversed now. */
  full: boolean
}

/**
 * What an order's cumulative facts change in its commissions as they stand:
 * each one whose reversed amount differs from its target (reversalTargets),
 * in the order given. Rows already at their target are left out, so applying
 * the facts a second time changes nothing.
 */
export function reversalChanges(facts: ReversalFacts, rows: ReversalStanding[]): ReversalChange[] {
  const targets = reversalTargets(facts, rows)
  return rows.flatMap((row) => {
    const target = targets[row.id]
    const delta = MathBN.sub(target, row.reversed_amount)
    if (MathBN.eq(delta, 0)) {
      return []
    }
    return [{ id: row.id, reversed_amount: target, delta: delta.toFixed(), full: MathBN.gte(target, row.amount) }]
  })
}
