import { z } from "@medusajs/framework/zod"
import { queryDate } from "../../../utils/validators"

export const AdminReconcile = z
  .object({
    from: queryDate("from")
      .default(() => new Date(Date.now() - 7 * 24 * 60 * 60 * 1000))
      .describe("The orders placed or changed (canceled, fulfilled, delivered, returned, refunded) from here are looked at; default 7 days ago"),
    to: queryDate("to").default(() => new Date()).describe("…up to here; default now"),
    repair: z.boolean().default(false),
  })
  .strict()
  .refine((v) => v.from <= v.to, { message: "from must not be after to" })
export type AdminReconcileType = z.infer<typeof AdminReconcile>
