import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ReportBound, ReportWindow } from "../../../../modules/distribution/queries/reports"
import { distributionService, programmeCurrency } from "../../../utils/container"
import { sendCsv, toCsv } from "../../../utils/csv"
import { AdminReportWindowType } from "./validators"

const DAY_MS = 24 * 60 * 60 * 1000
const DEFAULT_DAYS = 30
/** Ten years: beyond that a report is an export job, not a request. */
export const MAX_REPORT_DAYS = 3660

/** The calendar day it is at `instant` in the zone `tz` ("2026-11-26"). */
function dayIn(tz: string, instant: Date): string {
  const parts = new Intl.DateTimeFormat("en", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(instant)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {})
  return `${parts.year}-${parts.month}-${parts.day}`
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

const asBound = (value: string): ReportBound => (value.includes("T") ? { instant: value } : { date: value })

export type ResolvedReport = {
  window: ReportWindow
  /** What the response says it covers: the bounds as asked (or defaulted), the zone and the currency. */
  scope: { from: string; to: string; tz: string; currency_code: string }
}

/**
 * The window of a report request: `from`/`to` (default: the last 30 days up to
 * today in `tz`), resolved to instants by the database's time zone rules, and
 * the currency (default: the programme's). An empty or over-long window is a 400.
 */
export async function resolveReport(
  req: AuthenticatedMedusaRequest,
  limits: { max_days: number; hint?: string } = { max_days: MAX_REPORT_DAYS }
): Promise<ResolvedReport> {
  const query = req.validatedQuery as AdminReportWindowType
  const service = distributionService(req)
  const today = dayIn(query.tz, new Date())
  const from = query.from ?? addDays(today, 1 - DEFAULT_DAYS)
  const to = query.to ?? today
  const currency_code = query.currency_code ?? (await programmeCurrency(req.scope))
  const { start, end } = await service.resolveReportWindow({ from: asBound(from), to: asBound(to), tz: query.tz })
  const span = Date.parse(end) - Date.parse(start)
  if (span <= 0) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `from (${from}) must be before to (${to})`)
  }
  if (span > limits.max_days * DAY_MS) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `A report covers at most ${limits.max_days} days${limits.hint ? `: ${limits.hint}` : ""}`
    )
  }
  return { window: { start, end, tz: query.tz, currency_code }, scope: { from, to, tz: query.tz, currency_code } }
}

/** The report as JSON, or with `format=csv` its rows as a CSV download (same rows, same values). */
export function sendReport<Row extends object>(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  report: { name: string; scope: ResolvedReport["scope"]; body: Record<string, unknown>; columns: string[]; rows: Row[] }
) {
  if ((req.validatedQuery as AdminReportWindowType).format !== "csv") {
    res.json(report.body)
    return
  }
  const day = (v: string) => v.slice(0, 10)
  sendCsv(
    res,
    `distribution-${report.name}-${report.scope.currency_code}-${day(report.scope.from)}-${day(report.scope.to)}.csv`,
    toCsv(
      report.columns,
      report.rows.map((row) => report.columns.map((c) => (row as Record<string, string | number | null>)[c]))
    )
  )
}
