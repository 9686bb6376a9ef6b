import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { applyBps, roundDown, sumAmounts } from "./money"
import { RateResolution } from "./rate-resolution"

/**
 * Commission arithmetic, pure. Every amount is rounded down to the currency's
 * minor unit; nothing here can make the programme pay more than base × rate,
 * more than the goods, or more than the order's cap.
 */
export function lineCommission(input: {
  base: BigNumberInput
  quantity: number
  resolution: RateResolution
  currency_code: string
}): string {
  const { resolution, currency_code } = input
  if (MathBN.lte(input.base, 0) || resolution.kind === "excluded") {
    return "0"
  }
  if (resolution.kind === "fixed") {
    const fixed = roundDown(MathBN.mult(resolution.amount_per_unit, input.quantity), currency_code)
    return MathBN.min(fixed, roundDown(input.base, currency_code)).toFixed()
  }
  return applyBps(input.base, resolution.rate_bps, currency_code)
}

export type CapEntry = { key: string; depth: number; amount: string }

/**
 * Keeps an order's total commission within cap_bps of its base. When over, the
 * deepest depth gives way first (set to zero if that is not enough, then the
 * next depth up); the depth that is only partly cut is scaled by one factor,
 * each entry rounded down, so the total never exceeds the cap.
 */
export function applyOrderCap(input: {
  entries: CapEntry[]
  base_total: BigNumberInput
  cap_bps: number
  currency_code: string
}): { entries: CapEntry[]; cap: string; capped: boolean } {
  const cap = applyBps(input.base_total, input.cap_bps, input.currency_code)
  let excess = MathBN.sub(sumAmounts(input.entries.map((e) => e.amount)), cap)
  if (MathBN.lte(excess, 0)) {
    return { entries: input.entries, cap, capped: false }
  }
  const result = new Map(input.entries.map((e) => [e.key, e.amount]))
  const depths = [...new Set(input.entries.map((e) => e.depth))].sort((a, b) => b - a)
  for (const depth of depths) {
    if (MathBN.lte(excess, 0)) break
    const atDepth = input.entries.filter((e) => e.depth === depth)
    const depthSum = sumAmounts(atDepth.map((e) => result.get(e.key)!))
    if (MathBN.lte(depthSum, excess)) {
      atDepth.forEach((e) => result.set(e.key, "0"))
      excess = MathBN.sub(excess, depthSum)
      continue
    }
    const keep = MathBN.sub(depthSum, excess)
    for (const e of atDepth) {
      const current = result.get(e.key)!
      result.set(e.key, roundDown(MathBN.div(MathBN.mult(current, keep), depthSum), input.currency_code))
    }
    excess = MathBN.convert(0)
  }
  return {
    entries: input.entries.map((e) => ({ ...e, amount: result.get(e.key)! })),
    cap,
    capped: true,
  }
}
