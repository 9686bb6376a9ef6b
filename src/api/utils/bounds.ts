import { z } from "@medusajs/framework/zod"

/** The largest value of PostgreSQL's `integer`: counts and thresholds are stored as one. */
export const INT_MAX = 2_147_483_647

const MIN_YEAR = 1900
const MAX_YEAR = 9999

/** A count or threshold: a whole number from 0 that its column can hold. */
export const count = (name: string) =>
  z
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(0, `${name} cannot be negative`)
    .max(INT_MAX, `${name} must be at most ${INT_MAX}`)

/** A page offset in a query: a whole number from 0 (beyond what any list holds, an empty page). */
export const queryOffset = z.coerce
  .number({ error: "offset must be a number" })
  .int("offset must be a whole number")
  .min(0, "offset cannot be negative")
  .max(INT_MAX, `offset must be at most ${INT_MAX}`)
  .default(0)

/**
 * A date in a query, bounded to years PostgreSQL and every report can work with
 * (JavaScript also reads "+275760-09-13" and "0001-01-01" as dates).
 */
export const queryDate = (name: string) =>
  z.coerce
    .date({ error: `${name} must be a date (2026-11-01) or an ISO 8601 date-time` })
    .refine((d) => d.getUTCFullYear() >= MIN_YEAR && d.getUTCFullYear() <= MAX_YEAR, {
      message: `${name} must be between ${MIN_YEAR}-01-01 and ${MAX_YEAR}-12-31`,
    })

/** Whether a year is one `queryDate` accepts (for validators that parse dates themselves). */
export const isSupportedYear = (year: number) => year >= MIN_YEAR && year <= MAX_YEAR
export const SUPPORTED_YEARS = `between ${MIN_YEAR}-01-01 and ${MAX_YEAR}-12-31`
