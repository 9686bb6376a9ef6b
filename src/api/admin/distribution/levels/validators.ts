import { z } from "@medusajs/framework/zod"
import { amountInput } from "../../../utils/money-input"
import { bps, count, findParams } from "../../../utils/validators"

const levelFields = {
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(1000).optional().nullable(),
  rank: z.number().int().min(0).max(1000),
  rate_bps_1: bps,
  rate_bps_2: bps,
  rate_bps_3: bps,
  upgrade_personal_sales: amountInput("upgrade_personal_sales").optional().nullable(),
  upgrade_team_sales: amountInput("upgrade_team_sales").optional().nullable(),
  upgrade_direct_recruits: count("upgrade_direct_recruits").optional().nullable(),
  upgrade_orders: count("upgrade_orders").optional().nullable(),
  is_default: z.boolean().optional(),
}
export const AdminCreateLevel = z.object(levelFields).strict()
export type AdminCreateLevelType = z.infer<typeof AdminCreateLevel>
export const AdminUpdateLevel = z
  .object(levelFields)
  .partial()
  .strict()
  .refine((v) => v.is_default !== false, {
    message: "is_default cannot be unset: make another level the default instead",
  })
export type AdminUpdateLevelType = z.infer<typeof AdminUpdateLevel>
export const AdminListLevels = findParams({ limit: 50, order: "rank", orderable: ["rank", "name", "created_at"] })
