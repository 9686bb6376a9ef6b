import { z } from "@medusajs/framework/zod"
import { VISIT_SOURCES } from "../../../../modules/distribution/constants"
import { referralCode } from "../../../utils/validators"

export const StoreRecordVisit = z
  .object({
    referral_code: referralCode,
    source: z.enum(VISIT_SOURCES as [string, ...string[]]).default("link"),
    landing_path: z.string().max(2048).optional().nullable(),
    /** A stable anonymous id the storefront keeps (cookie, device id); hashed before storage. */
    visitor_id: z.string().min(8).max(200).optional(),
  })
  .strict()
export type StoreRecordVisitType = z.infer<typeof StoreRecordVisit>
