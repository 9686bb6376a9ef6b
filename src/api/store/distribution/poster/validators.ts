import { z } from "@medusajs/framework/zod"

export const StoreGetPoster = z
  .object({ product_id: z.string().min(1) })
  .strict()
export type StoreGetPosterType = z.infer<typeof StoreGetPoster>
