import { Leaderboard, ProductReport, ReconcileRuns, Summary, Timeseries } from "../lib/types"
import { useAdminGet } from "./api"

/** A report window: whole days in the admin's own time zone, in one currency (unset: the programme's). */
export type Period = { from: string; to: string; tz: string; currency_code?: string }

export const useSummary = (period: Period) =>
  useAdminGet<Summary>("/admin/distribution/reports/summary", period, { keepPrevious: true })

export const useTimeseries = (period: Period, interval: "day" | "week" | "month") =>
  useAdminGet<Timeseries>("/admin/distribution/reports/timeseries", { ...period, interval })

export const useLeaderboard = (period: Period, by: "sales" | "commissions" | "recruits") =>
  useAdminGet<Leaderboard>("/admin/distribution/reports/leaderboard", { ...period, by, limit: 10 })

export const useProductReport = (period: Period) =>
  useAdminGet<ProductReport>("/admin/distribution/reports/products", { ...period, order: "-sales", limit: 10, offset: 0 })

/** The hourly reconcile job's latest runs. */
export const useReconcileRuns = () => useAdminGet<ReconcileRuns>("/admin/distribution/reconcile")
