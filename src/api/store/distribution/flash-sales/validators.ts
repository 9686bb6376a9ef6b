import { z } from "@medusajs/framework/zod"
import { queryLimit, queryOffset, referralCode } from "../../../utils/validators"

export const StoreListFlashSales = z
  .object({
    limit: queryLimit({ default: 20, max: 50 }),
    offset: queryOffset,
  })
  .strict()
export type StoreListFlashSalesType = z.infer<typeof StoreListFlashSales>

export const StoreCheckoutFlashSale = z
  .object({
    variant_id: z.string().trim().min(1, "variant_id is required").max(100),
    quantity: z.number({ error: "quantity must be a number" }).int("quantity must be a whole number").min(1, "quantity must be at least 1").max(10_000).default(1),
    region_id: z.string().trim().min(1).max(100).optional(),
    referral_code: referralCode.optional(),
  })
  .strict()
export type StoreCheckoutFlashSaleType = z.infer<typeof StoreCheckoutFlashSale>
