import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { normalizeReferralCode } from "../../modules/distribution/utils/referral-code"
import { isTimeZone } from "../../modules/distribution/utils/time-zone"

/**
 * The pieces the routes' validators share, each declared once here; each
 * resource's `validators.ts` builds its schemas from them.
 */

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

/** A rate in basis points: 0 to 10000 (100 %). */
export const bps = z.number().int().min(0).max(10000)

/** A three-letter ISO 4217 code, lower-cased as the programme stores currencies. */
export const currencyCode = z
  .string()
  .regex(/^[a-zA-Z]{3}$/, "currency_code must be a three-letter ISO 4217 code")
  .transform((c) => c.toLowerCase())

/** `?status=a` or `?status=a&status=b`: always an array (or nothing). */
export const oneOrMany = <T extends z.ZodTypeAny>(schema: T) =>
  z
    .union([schema, z.array(schema)])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]))

/** A page size in a query: from 1 to `max`. */
export const queryLimit = (page: { default: number; max: number }) =>
  z.coerce.number().int().min(1).max(page.max).default(page.default)

/** A page offset in a query: a whole number from 0 (beyond what any list holds, an empty page). */
export const queryOffset = z.coerce
  .number({ error: "offset must be a number" })
  .int("offset must be a whole number")
  .min(0, "offset cannot be negative")
  .max(INT_MAX, `offset must be at most ${INT_MAX}`)
  .default(0)

/** A sort order in a query: one of `orderable`, prefixed with - for descending. */
export const queryOrder = (defaultOrder: string, orderable: readonly string[]) =>
  z
    .string()
    .default(defaultOrder)
    .refine((o) => orderable.includes(o.replace(/^-/, "")), {
      message: `order must be one of ${orderable.join(", ")} (prefix - for descending)`,
    })

/**
 * Medusa's find params with bounded paging: its own accept a negative limit and
 * let the database fail with a 500.
 */
export const findParams = (defaults: { limit: number; order: string; orderable: string[] }) =>
  createFindParams({ offset: 0, limit: defaults.limit, order: defaults.order }).extend({
    limit: queryLimit({ default: defaults.limit, max: 500 }),
    offset: queryOffset,
    order: queryOrder(defaults.order, defaults.orderable),
  })

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

/** The distributor centre's time zone, in which its days and periods are counted. */
export const timeZone = z
  .string()
  .max(64)
  .refine(isTimeZone, { message: "tz must be an IANA time zone such as Asia/Shanghai" })
  .default("UTC")

/** A distributor's referral code as a customer types or a link carries it, normalised. */
export const referralCode = z
  .string({ error: "referral_code is required" })
  .transform((value, ctx) => {
    const code = normalizeReferralCode(value)
    if (!code) {
      ctx.addIssue({
        code: "custom",
        message: "referral_code is not a valid referral code",
      })
      return z.NEVER
    }
    return code
  })
