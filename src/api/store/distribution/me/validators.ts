import { z } from "@medusajs/framework/zod"
import { timeZone } from "../../../utils/validators"

export const StoreGetCentreSummary = z.object({ tz: timeZone }).strict()
export type StoreGetCentreSummaryType = z.infer<typeof StoreGetCentreSummary>
