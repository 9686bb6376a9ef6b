import { z } from "@medusajs/framework/zod"
import { queryLimit, queryOffset } from "../../../utils/validators"

export const StoreListSales = z
  .object({
    region_id: z.string().trim().min(1).max(100).optional(),
    limit: queryLimit({ default: 20, max: 50 }),
    offset: queryOffset,
  })
  .strict()
export type StoreListSalesType = z.infer<typeof StoreListSales>
