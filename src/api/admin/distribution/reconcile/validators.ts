import { z } from "@medusajs/framework/zod"
import { queryDate } from "../../../utils/validators"

export const AdminReconcile = z
  .object({
    from: queryDate("from").default(() => new Date(Date.now() - 7 * 24 * 60 * 60 * 1000)),
    to: queryDate("to").default(() => new Date()),
    repair: z.boolean().default(false),
  })
  .strict()
  .refine((v) => v.from <= v.to, { message: "from must not be after to" })
export type AdminReconcileType = z.infer<typeof AdminReconcile>
