import { MathBN } from "@medusajs/framework/utils"
import { formatAmount } from "./money"

export type LevelThresholds = {
  id: string
  name: string
  rank: number
  upgrade_personal_sales: number | string | null
  upgrade_team_sales: number | string | null
  upgrade_direct_recruits: number | null
  upgrade_orders: number | null
}

export type LevelStats = {
  rank: number
  personal_sales: string
  team_sales: string
  direct_count: number
  orders: number
}

const METRICS = [
  ["personal_sales", "upgrade_personal_sales"],
  ["team_sales", "upgrade_team_sales"],
  ["direct_recruits", "upgrade_direct_recruits"],
  ["orders", "upgrade_orders"],
] as const

export type ThresholdProgress = {
  metric: (typeof METRICS)[number][0]
  current: string
  target: string
  met: boolean
}

/**
 * The next level a distributor can reach automatically (the lowest rank above
 * its own that has a threshold, as the upgrade considers only those) and how far
 * each of that level's thresholds is. A level is reached when every threshold
 * it sets is met, which is the upgrade's own rule. Sales are amounts in the
 * programme's currency; recruits and orders are counts.
 */
export function nextLevelProgress(
  stats: LevelStats,
  levels: LevelThresholds[],
  currencyCode: string
): { level: Pick<LevelThresholds, "id" | "name" | "rank">; thresholds: ThresholdProgress[]; reached: boolean } | null {
  const next = levels
    .filter((l) => l.rank > stats.rank && METRICS.some(([, key]) => l[key] !== null && l[key] !== undefined))
    .sort((a, b) => a.rank - b.rank)[0]
  if (!next) {
    return null
  }
  const current: Record<ThresholdProgress["metric"], string> = {
    personal_sales: stats.personal_sales,
    team_sales: stats.team_sales,
    direct_recruits: String(stats.direct_count),
    orders: String(stats.orders),
  }
  const shown = (metric: ThresholdProgress["metric"], value: number | string) =>
    metric === "personal_sales" || metric === "team_sales" ? formatAmount(value, currencyCode) : MathBN.convert(value).toFixed()
  const thresholds = METRICS.filter(([, key]) => next[key] !== null && next[key] !== undefined).map(([metric, key]) => ({
    metric,
    current: shown(metric, current[metric]),
    target: shown(metric, next[key] as number),
    met: MathBN.gte(current[metric], next[key] as number),
  }))
  return {
    level: { id: next.id, name: next.name, rank: next.rank },
    thresholds,
    reached: thresholds.every((t) => t.met),
  }
}
