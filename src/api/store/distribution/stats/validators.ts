import { z } from "@medusajs/framework/zod"
import { STATS_INTERVALS } from "../../../../modules/distribution/queries/centre"
import { queryDate, timeZone } from "../../../utils/validators"

/** At most this many buckets in one stats request (a year of days). */
export const MAX_STATS_BUCKETS = 366

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
