import { z } from "@medusajs/framework/zod"
import { referralCode } from "../../../utils/validators"

const optionalText = (max: number) => z.string().trim().max(max).optional().nullable()

export const StoreApplyForDistribution = z
  .object({
    name: optionalText(100),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{5,20}$/, "phone must be a phone number")
      .optional()
      .nullable(),
    reason: optionalText(1000),
    referral_code: referralCode.optional().nullable(),
  })
  .strict()
export type StoreApplyForDistributionType = z.infer<typeof StoreApplyForDistribution>
