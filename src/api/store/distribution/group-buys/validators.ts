import { z } from "@medusajs/framework/zod"
import { queryLimit, queryOffset, referralCode } from "../../../utils/validators"

const id = z.string().trim().min(1).max(100)

export const StoreListGroupBuys = z.object({ limit: queryLimit({ default: 20, max: 50 }), offset: queryOffset }).strict()
export type StoreListGroupBuysType = z.infer<typeof StoreListGroupBuys>

export const StoreCheckoutGroupBuy = z
  .object({
    variant_id: id,
    quantity: z
      .number({ error: "quantity must be a number" })
      .int("quantity must be a whole number")
      .min(1, "quantity must be at least 1")
      .max(10_000, "quantity must be at most 10000"),
    /** The group to join (from its share link); absent: open a new group as its leader. */
    group_id: id.optional(),
    /** Absent: the store's default region. */
    region_id: id.optional(),
    /** The referral code the storefront carries (a group link brings the leader's). */
    referral_code: referralCode.optional(),
  })
  .strict()
export type StoreCheckoutGroupBuyType = z.infer<typeof StoreCheckoutGroupBuy>
