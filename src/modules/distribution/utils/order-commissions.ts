import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { DistributorStatus } from "../constants"
import { DistributionSettingsDTO, NewCommission } from "../types"
import { AttributionSource, beneficiaries } from "./attribution"
import { applyOrderCap, lineCommission } from "./commission-math"
import { fitsCurrency, roundDown, sumAmounts, tooPreciseMessage } from "./money"
import { CouponPolicy } from "./coupon"
import { SalePolicy } from "./sale"
import { CommissionRuleLike, LineLike, RateResolution, resolveRate } from "./rate-resolution"

/**
 * The commission of an order, pure: who in the chain earns, the rate of each
 * line at each depth, the line arithmetic and the order's cap, over plain data
 * the caller has loaded. The credit of an order and every preview of what a
 * product earns run this one function, so a preview cannot promise what the
 * credit would not pay.
 */

/** What rules can target on a line (categories most specific first); its currency is the order's. */
export type LineTargets = Omit<LineLike, "currency_code">

export type CommissionLine = LineTargets & {
  id: string
  quantity: number
  /** The line's subtotal after discounts, never negative, rounded down: a decimal string in the order's currency. */
  base_amount: string
  /**
   * The policy of the sale (限时折扣) the line's variant was in when the order
   * was placed, if any: "excluded" pays nothing on the line, "rates" pays the
   * sale's rate per depth (an "excluded" rule still excludes), "normal" the
   * usual rates on what was paid. A sale's excluded or rates beat a coupon's
   * rates on its lines; a coupon that excludes the order excludes it all.
   */
  sale_policy?: SalePolicy | null
  /** The sale that policy is of, recorded on the line's commissions. */
  sale_id?: string | null
}

export type CommissionOrder = {
  id: string
  customer_id: string | null
  currency_code: string
  lines: CommissionLine[]
}

export type LevelRates = { rate_bps_1: number; rate_bps_2: number; rate_bps_3: number }

export type ChainMember = { id: string; status: DistributorStatus; level: LevelRates | null }

/** Whom the order is attributed to, and how: the level-one distributor then its upline, nearest first. */
export type BeneficiaryChain = {
  source: AttributionSource
  buyer_distributor_id: string | null
  members: ChainMember[]
}

export type CommissionSettings = Pick<
  DistributionSettingsDTO,
  "max_depth" | "self_purchase" | "order_cap_bps" | "default_rate_bps_1" | "default_rate_bps_2" | "default_rate_bps_3"
>

export type OrderCommissionsInput = {
  order: CommissionOrder
  /** Null when the order is attributed to nobody: nothing is earned. */
  chain: BeneficiaryChain | null
  /** The rules that target the order's lines (others are ignored). */
  rules: CommissionRuleLike[]
  settings: CommissionSettings
  /**
   * The policy of the distributor coupon the order used, when its owner is the
   * level-one distributor: "excluded" pays nothing, "rates" pays the coupon's
   * rate per depth in place of rules, level and defaults (an "excluded" rule
   * still excludes), "normal" (or none) the usual rates.
   */
  coupon_policy?: CouponPolicy | null
}

export type OrderCommissions = {
  /** What the order pays: one row per line and earning depth with an amount above zero. */
  rows: NewCommission[]
  /** Every line at every earning depth, after the cap, including those that earn nothing (excluded, a zero rate, cut by the cap). */
  considered: NewCommission[]
}

export function computeOrderCommissions(input: OrderCommissionsInput): OrderCommissions {
  const { order, chain, rules, settings } = input
  const policy = input.coupon_policy ?? { mode: "normal" }
  if (!chain || !order.lines.length || policy.mode === "excluded") {
    return { rows: [], considered: [] }
  }
  const currency = order.currency_code
  const earners = beneficiaries({
    chain: chain.members,
    max_depth: settings.max_depth,
    buyer_distributor_id: chain.buyer_distributor_id,
    self_purchase: settings.self_purchase,
  })
  const levelOf = new Map(chain.members.map((m) => [m.id, m.level]))
  const defaults: [number, number, number] = [
    settings.default_rate_bps_1,
    settings.default_rate_bps_2,
    settings.default_rate_bps_3,
  ]
  const drafts = order.lines.flatMap((line) =>
    earners.map((earner) => {
      const usual = resolveRate({
        line: { ...line, currency_code: currency },
        depth: earner.depth,
        rules,
        level: levelOf.get(earner.distributor_id) ?? null,
        defaults,
      })
      const sale = line.sale_policy ?? { mode: "normal" }
      const resolution: RateResolution =
        sale.mode === "excluded"
          ? { kind: "rate", rate_bps: 0, source: "sale", rule_id: null }
          : usual.kind === "excluded"
            ? usual
            : sale.mode === "rates"
              ? { kind: "rate", rate_bps: sale.rates[earner.depth - 1] ?? 0, source: "sale", rule_id: null }
              : policy.mode === "rates"
                ? { kind: "rate", rate_bps: policy.rates[earner.depth - 1] ?? 0, source: "coupon", rule_id: null }
                : usual
      const row: NewCommission = {
        order_id: order.id,
        line_item_id: line.id,
        distributor_id: earner.distributor_id,
        buyer_customer_id: order.customer_id,
        depth: earner.depth,
        attribution: chain.source,
        product_id: line.product_id,
        variant_id: line.variant_id,
        quantity: line.quantity,
        base_amount: line.base_amount,
        rate_bps: resolution.kind === "rate" ? resolution.rate_bps : null,
        rate_source: resolution.kind === "excluded" ? "excluded" : resolution.source,
        rule_id: resolution.rule_id,
        amount: lineCommission({ base: line.base_amount, quantity: line.quantity, resolution, currency_code: currency }),
        currency_code: currency,
        sale_id: line.sale_policy ? line.sale_id ?? null : null,
      }
      return { key: `${line.id}:${earner.depth}`, row }
    })
  )
  const capped = applyOrderCap({
    entries: drafts.map(({ key, row }) => ({ key, depth: row.depth, amount: row.amount })),
    base_total: sumAmounts(order.lines.map((l) => l.base_amount)),
    cap_bps: settings.order_cap_bps,
    currency_code: currency,
  })
  const amountOf = new Map(capped.entries.map((e) => [e.key, e.amount]))
  const considered = drafts.map(({ key, row }) => ({ ...row, amount: amountOf.get(key)! }))
  return { rows: considered.filter((row) => MathBN.gt(row.amount, 0)), considered }
}

export type UnitPreview = Pick<NewCommission, "depth" | "rate_bps" | "rate_source" | "rule_id" | "amount">

/**
 * What one unit of a line earns at each depth, 1 to `depths`, when every
 * earner is an active distributor of `level` (null: the programme's default
 * rates) and the unit is bought alone without discounts: the credit's own
 * computation on that one-line order. Excluded and zero depths are kept, for
 * the preview to show them.
 */
export function previewUnitCommissions(input: {
  line: LineTargets
  /** The unit's base, as an order line of it would have it. */
  base: string
  currency_code: string
  level: LevelRates | null
  depths: number
  rules: CommissionRuleLike[]
  settings: CommissionSettings
  /** The policy of the sale the variant is in now, if any. */
  sale_policy?: SalePolicy | null
}): UnitPreview[] {
  const members = Array.from({ length: input.depths }, (_, i) => ({
    id: `depth_${i + 1}`,
    status: DistributorStatus.ACTIVE,
    level: input.level,
  }))
  const { considered } = computeOrderCommissions({
    order: {
      id: "preview",
      customer_id: null,
      currency_code: input.currency_code,
      lines: [{ ...input.line, id: "unit", quantity: 1, base_amount: input.base, sale_policy: input.sale_policy ?? null }],
    },
    chain: { source: "binding", buyer_distributor_id: null, members },
    rules: input.rules,
    settings: input.settings,
  })
  return considered.map(({ depth, rate_bps, rate_source, rule_id, amount }) => ({ depth, rate_bps, rate_source, rule_id, amount }))
}

/**
 * What a `commissionsComputed` hook handler may answer: the rows to credit,
 * each naming a computed row (line, distributor, depth) and its amount. A row
 * left out is vetoed; an amount of 0 vetoes it too.
 */
export type CommissionAdjustment = {
  rows: { line_item_id: string; distributor_id: string; depth: number; amount: string | number }[]
}

const rowKey = (r: { line_item_id: string; distributor_id: string; depth: number }) =>
  `${r.line_item_id}:${r.distributor_id}:${r.depth}`

/**
 * The computed rows as a hook handler adjusted them (none: unchanged). A handler
 * can lower, raise or veto a row the computation produced, never invent one;
 * an amount must fit the currency and stay within the line's base (a commission
 * is never more than the sale it is paid on). An adjusted row's rate says
 * "hook": no rate explains it any more.
 */
export function applyCommissionAdjustment(rows: NewCommission[], adjustment: CommissionAdjustment | undefined | null): NewCommission[] {
  // A handler that answers nothing (undefined, or a result without rows) leaves the computation as it is.
  if (!adjustment || adjustment.rows === undefined || adjustment.rows === null) {
    return rows
  }
  if (!Array.isArray(adjustment.rows)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "The commissionsComputed hook must answer { rows: [...] } or nothing")
  }
  const computed = new Map(rows.map((r) => [rowKey(r), r]))
  const seen = new Set<string>()
  const kept: NewCommission[] = []
  for (const answer of adjustment.rows) {
    const key = rowKey(answer)
    const row = computed.get(key)
    if (!row) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The commissionsComputed hook answered a commission the computation did not produce (line ${answer.line_item_id}, distributor ${answer.distributor_id}, depth ${answer.depth})`
      )
    }
    if (seen.has(key)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `The commissionsComputed hook answered line ${answer.line_item_id} at depth ${answer.depth} twice`)
    }
    seen.add(key)
    const amount = String(answer.amount)
    if (!/^\d+(\.\d+)?$/.test(amount)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The commissionsComputed hook's amount for line ${row.line_item_id} must be a decimal of 0 or more, such as "12.50" (got ${amount})`
      )
    }
    if (!fitsCurrency(amount, row.currency_code)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, tooPreciseMessage(`The commissionsComputed hook's amount for line ${row.line_item_id}`, amount, row.currency_code))
    }
    if (MathBN.gt(amount, row.base_amount)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The commissionsComputed hook's amount ${amount} for line ${row.line_item_id} is more than the line's base ${row.base_amount}`
      )
    }
    if (MathBN.eq(amount, 0)) {
      continue
    }
    const changed = !MathBN.eq(amount, row.amount)
    kept.push(changed ? { ...row, amount: roundDown(amount, row.currency_code), rate_bps: null, rate_source: "hook" } : row)
  }
  return kept
}

/** A commission an order already has, as the edit's credit compares against it. */
export type CreditedLine = { line_item_id: string; distributor_id: string; depth: number }

/**
 * Of an edited order's computed rows, those of the lines its edits added
 * (`addedLines`) that have no commission yet, credited to the distributors its
 * existing commissions name at each depth: the order keeps the upline it was
 * credited with, so a distributor moved or a buyer re-bound since never has a
 * second set paid on the same order. A depth its commissions do not name
 * (nobody earned there) gets nothing, and neither does a line the order was
 * placed with (what it earned was decided then, under the rules of the day).
 * An order with no commissions at all is credited as computed, as a late
 * order.placed would be.
 */
export function rowsForLinesNotCredited(rows: NewCommission[], credited: CreditedLine[], addedLines: string[]): NewCommission[] {
  if (!credited.length) {
    return rows
  }
  const lines = new Set(credited.map((c) => c.line_item_id))
  const added = new Set(addedLines)
  const upline = new Map(credited.map((c) => [c.depth, c.distributor_id]))
  return rows.filter(
    (r) => added.has(r.line_item_id) && !lines.has(r.line_item_id) && upline.get(r.depth) === r.distributor_id
  )
}
