import { z } from "@medusajs/framework/zod"

/** Asking for a coupon takes no input: the coupon is the programme's template with the caller's code. */
export const StoreRequestCoupon = z.object({}).strict()
