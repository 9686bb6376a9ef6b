import { Leaderboard, Summary, Timeseries } from "../lib/types"
import { useAdminGet } from "./api"

export type Period = { from: string; to: string }

export const useSummary = (period: Period) => useAdminGet<Summary>("/admin/distribution/reports/summary", period)

export const useTimeseries = (period: Period, interval: "day" | "week" | "month") =>
  useAdminGet<Timeseries>("/admin/distribution/reports/timeseries", { ...period, interval })

export const useLeaderboard = (period: Period, by: "sales" | "commissions" | "recruits") =>
  useAdminGet<Leaderboard>("/admin/distribution/reports/leaderboard", { ...period, by, limit: 10 })
