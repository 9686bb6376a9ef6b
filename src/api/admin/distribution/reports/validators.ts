import { z } from "@medusajs/framework/zod"
import {
  currencyCode,
  isSupportedYear,
  queryLimit,
  queryOffset,
  queryOrder,
  SUPPORTED_YEARS,
} from "../../../utils/validators"
import { CONVERSION_ORDERABLE, PRODUCT_ORDERABLE } from "../../../../modules/distribution/queries/reports"
import { isTimeZone } from "../../../../modules/distribution/utils/time-zone"

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/

function isCalendarDay(value: string): boolean {
  const m = DAY.exec(value)
  if (!m) {
    return false
  }
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3]
}

/** A day in the report's zone ("2026-11-01": the whole day) or an exact instant with its offset. */
const bound = (name: string) =>
  z
    .string()
    .trim()
    .refine((v) => isCalendarDay(v) || (INSTANT.test(v) && !Number.isNaN(Date.parse(v))), {
      message: `${name} must be a date (2026-11-01) or an ISO 8601 date-time with its offset (2026-11-01T08:00:00+08:00)`,
    })
    .refine((v) => !/^\d{4}-/.test(v) || isSupportedYear(Number(v.slice(0, 4))), { message: `${name} must be ${SUPPORTED_YEARS}` })
    .optional()

const window = {
  from: bound("from"),
  to: bound("to"),
  tz: z
    .string()
    .trim()
    .default("UTC")
    .refine(isTimeZone, { message: "tz must be an IANA time zone, e.g. Asia/Shanghai or UTC" }),
  currency_code: currencyCode.optional(),
  format: z.enum(["json", "csv"]).default("json"),
}

const page = (defaults: { limit: number; order: string }, orderable: readonly string[]) => ({
  limit: queryLimit({ default: defaults.limit, max: 500 }),
  offset: queryOffset,
  order: queryOrder(defaults.order, orderable),
})

export const AdminReportSummary = z.object(window).strict()
export type AdminReportWindowType = z.infer<typeof AdminReportSummary>

export const AdminReportTimeseries = z
  .object({ ...window, interval: z.enum(["day", "week", "month"]).default("day") })
  .strict()
export type AdminReportTimeseriesType = z.infer<typeof AdminReportTimeseries>

export const AdminReportLeaderboard = z
  .object({
    ...window,
    by: z.enum(["sales", "commissions", "recruits"]).default("sales"),
    limit: queryLimit({ default: 10, max: 100 }),
  })
  .strict()
export type AdminReportLeaderboardType = z.infer<typeof AdminReportLeaderboard>

export const AdminReportProducts = z
  .object({ ...window, ...page({ limit: 20, order: "-sales" }, PRODUCT_ORDERABLE) })
  .strict()
export type AdminReportProductsType = z.infer<typeof AdminReportProducts>

export const AdminReportConversion = z
  .object({ ...window, ...page({ limit: 20, order: "-visits" }, CONVERSION_ORDERABLE) })
  .strict()
export type AdminReportConversionType = z.infer<typeof AdminReportConversion>

export const AdminReportCoupons = z
  .object({ ...window, limit: queryLimit({ default: 20, max: 500 }), offset: queryOffset })
  .strict()
export type AdminReportCouponsType = z.infer<typeof AdminReportCoupons>
