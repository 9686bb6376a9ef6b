import { FetchError } from "@medusajs/js-sdk"
import { Leaderboard, Summary, Timeseries } from "../lib/types"
import { useAdminGet } from "./api"

export type Period = { from: string; to: string }

export const useSummary = (period: Period) => useAdminGet<Summary>("/admin/distribution/reports/summary", period)

export const useTimeseries = (period: Period, interval: "day" | "week" | "month") =>
  useAdminGet<Timeseries>("/admin/distribution/reports/timeseries", { ...period, interval })

export const useLeaderboard = (period: Period, by: "sales" | "commissions" | "recruits") =>
  useAdminGet<Leaderboard>("/admin/distribution/reports/leaderboard", { ...period, by, limit: 10 })

export const isMissingRoute = (error: Error | null) => (error as FetchError | null)?.status === 404

type Count = { count: number }

/**
 * The programme's standing from the lists' counts, for a server whose plugin
 * has no report routes: what waits for a decision and who is active.
 */
export function useProgrammeCounts(enabled: boolean) {
  const count = (path: string, status: string) =>
    // eslint-disable-next-line react-hooks/rules-of-hooks
    useAdminGet<Count>(enabled ? path : null, { status: [status], limit: 1, offset: 0 })
  const distributors = "/admin/distribution/distributors"
  return {
    active: count(distributors, "active"),
    pending: count(distributors, "pending"),
    suspended: count(distributors, "suspended"),
    requested: count("/admin/distribution/withdrawals", "requested"),
  }
}
