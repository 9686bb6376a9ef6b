import { z } from "@medusajs/framework/zod"
import { STORE_BINDING_SOURCES } from "../../../../modules/distribution/constants"
import { referralCode } from "../../../utils/validators"

export const StoreBindDistributor = z
  .object({
    referral_code: referralCode,
    source: z.enum(STORE_BINDING_SOURCES).default("link"),
  })
  .strict()
export type StoreBindDistributorType = z.infer<typeof StoreBindDistributor>
