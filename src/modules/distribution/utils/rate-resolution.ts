import { RuleMode, RuleTargetType } from "../constants"

/**
 * The one place a commission rate is decided, used by the engine and by the
 * distributor centre's preview alike. Most specific wins: variant > product >
 * category (most specific category first) > collection > the earning
 * distributor's level > the programme's default. A "rate" rule without a rate
 * for this depth falls through to the next source; "excluded" stops it all; a
 * "fixed" rule applies only to lines in its own currency.
 */
export type CommissionRuleLike = {
  id: string
  target_type: RuleTargetType
  target_id: string
  mode: RuleMode
  rate_bps_1?: number | null
  rate_bps_2?: number | null
  rate_bps_3?: number | null
  fixed_amount_1?: string | number | null
  fixed_amount_2?: string | number | null
  fixed_amount_3?: string | number | null
  currency_code?: string | null
}

export type LineLike = {
  variant_id: string | null
  product_id: string | null
  /** Most specific (leaf) first. */
  category_ids: string[]
  collection_id: string | null
  currency_code: string
}

/**
 * Where a rate came from; "coupon": the own rates of the distributor coupon the
 * order used; "sale": the own rates of the sale the line was bought in (0 when
 * the sale pays no commission).
 */
export type RateSource = RuleTargetType | "level" | "default" | "coupon" | "sale"

export type RateResolution =
  | { kind: "rate"; rate_bps: number; source: RateSource; rule_id: string | null }
  | { kind: "fixed"; amount_per_unit: string; source: RuleTargetType; rule_id: string }
  | { kind: "excluded"; source: RuleTargetType; rule_id: string }

type Rates = { rate_bps_1: number; rate_bps_2: number; rate_bps_3: number }

const rateAt = (r: Partial<Record<"rate_bps_1" | "rate_bps_2" | "rate_bps_3", number | null>>, depth: number) =>
  r[`rate_bps_${depth}` as "rate_bps_1"] ?? null
const fixedAt = (r: CommissionRuleLike, depth: number) =>
  r[`fixed_amount_${depth}` as "fixed_amount_1"] ?? null

export function resolveRate(input: {
  line: LineLike
  depth: number
  rules: CommissionRuleLike[]
  level: Rates | null
  defaults: [number, number, number]
}): RateResolution {
  const { line, depth } = input
  const targets: [RuleTargetType, string | null][] = [
    ["variant", line.variant_id],
    ["product", line.product_id],
    ...line.category_ids.map((id) => ["category", id] as [RuleTargetType, string]),
    ["collection", line.collection_id],
  ]
  for (const [type, id] of targets) {
    if (!id) continue
    const rule = input.rules
      .filter((r) => r.target_type === type && r.target_id === id)
      .sort((a, b) => (a.id < b.id ? -1 : 1))[0]
    if (!rule) continue
    if (rule.mode === "excluded") {
      return { kind: "excluded", source: type, rule_id: rule.id }
    }
    if (rule.mode === "fixed") {
      const amount = fixedAt(rule, depth)
      if (amount !== null && rule.currency_code?.toLowerCase() === line.currency_code.toLowerCase()) {
        return { kind: "fixed", amount_per_unit: String(amount), source: type, rule_id: rule.id }
      }
      continue
    }
    const rate = rateAt(rule, depth)
    if (rate !== null) {
      return { kind: "rate", rate_bps: rate, source: type, rule_id: rule.id }
    }
  }
  if (input.level) {
    return { kind: "rate", rate_bps: rateAt(input.level, depth) ?? 0, source: "level", rule_id: null }
  }
  return { kind: "rate", rate_bps: input.defaults[depth - 1] ?? 0, source: "default", rule_id: null }
}
