import { z } from "@medusajs/framework/zod"
import { queryLimit, queryOffset } from "../../../utils/validators"

export const StoreListOrders = z
  .object({
    limit: queryLimit({ default: 10, max: 50 }),
    offset: queryOffset,
  })
  .strict()
export type StoreListOrdersType = z.infer<typeof StoreListOrders>
