import { z } from "@medusajs/framework/zod"
import { queryDate, queryOffset } from "../../utils/bounds"
import { STATS_INTERVALS } from "../../../modules/distribution/queries/centre"
import { isTimeZone } from "../../../modules/distribution/utils/time-zone"

/** At most this many buckets in one stats request (a year of days). */
export const MAX_STATS_BUCKETS = 366

export const timeZone = z
  .string()
  .max(64)
  .refine(isTimeZone, { message: "tz must be an IANA time zone such as Asia/Shanghai" })
  .default("UTC")

const idList = z
  .union([z.string().min(1), z.array(z.string().min(1)).max(50)])
  .transform((v) => (Array.isArray(v) ? v : [v]))

export const StoreGetCentreSummary = z.object({ tz: timeZone }).strict()
export type StoreGetCentreSummaryType = z.infer<typeof StoreGetCentreSummary>

export const StoreListEarningProducts = z
  .object({
    q: z.string().trim().min(1).max(200).optional(),
    category_id: idList.optional(),
    region_id: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    offset: queryOffset,
  })
  .strict()
export type StoreListEarningProductsType = z.infer<typeof StoreListEarningProducts>

/** A path on the storefront: relative to its root, never another site. */
export const storePath = z
  .string()
  .max(2048)
  .refine((p) => p.startsWith("/") && !p.startsWith("//") && !p.startsWith("/\\"), {
    message: "path must be a path on the store starting with a single / (not an absolute or protocol-relative URL)",
  })

export const StoreGetReferralLink = z.object({ path: storePath.default("/") }).strict()
export type StoreGetReferralLinkType = z.infer<typeof StoreGetReferralLink>

export const StoreGetPoster = z
  .object({ product_id: z.string().min(1) })
  .strict()
export type StoreGetPosterType = z.infer<typeof StoreGetPoster>

export const StoreGetCentreStats = z
  .object({
    from: queryDate("from").optional(),
    to: queryDate("to").optional(),
    interval: z.enum(STATS_INTERVALS).default("day"),
    tz: timeZone,
    currency_code: z.string().regex(/^[a-zA-Z]{3}$/, "currency_code must be a 3-letter ISO code").optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from.getTime() <= q.to.getTime(), {
    message: "from must not be after to",
    path: ["from"],
  })
export type StoreGetCentreStatsType = z.infer<typeof StoreGetCentreStats>
