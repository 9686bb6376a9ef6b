import { z } from "@medusajs/framework/zod"
import { queryLimit, queryOffset } from "../../../utils/validators"

const idList = z
  .union([z.string().min(1), z.array(z.string().min(1)).max(50)])
  .transform((v) => (Array.isArray(v) ? v : [v]))

export const StoreListEarningProducts = z
  .object({
    q: z.string().trim().min(1).max(200).optional(),
    category_id: idList.optional(),
    region_id: z.string().min(1).optional(),
    limit: queryLimit({ default: 20, max: 50 }),
    offset: queryOffset,
  })
  .strict()
export type StoreListEarningProductsType = z.infer<typeof StoreListEarningProducts>
