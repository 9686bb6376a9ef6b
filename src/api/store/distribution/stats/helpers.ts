import { MedusaError } from "@medusajs/framework/utils"
import { StatsInterval } from "../../../../modules/distribution/queries/centre"
import { MAX_STATS_BUCKETS } from "./validators"

const DAY = 24 * 60 * 60 * 1000
const BUCKET_DAYS: Record<StatsInterval, number> = { day: 1, week: 7, month: 28 }

/**
 * The window of a stats request: `to` defaults to now, `from` to 29 days
 * before it. A window of more buckets than MAX_STATS_BUCKETS is refused.
 */
export function statsWindow(
  query: { from?: Date; to?: Date; interval: StatsInterval },
  now: Date
): { from: Date; to: Date } {
  const to = query.to ?? now
  const from = query.from ?? new Date(to.getTime() - 29 * DAY)
  if (from.getTime() > to.getTime()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "from must not be after to")
  }
  const buckets = Math.floor((to.getTime() - from.getTime()) / (BUCKET_DAYS[query.interval] * DAY)) + 1
  if (buckets > MAX_STATS_BUCKETS) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `At most ${MAX_STATS_BUCKETS} ${query.interval}s per request: narrow from/to or use a longer interval`
    )
  }
  return { from, to }
}
