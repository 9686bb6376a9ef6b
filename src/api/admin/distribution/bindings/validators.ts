import { z } from "@medusajs/framework/zod"
import { findParams, oneOrMany } from "../../../utils/validators"

export const AdminListBindings = findParams({ limit: 20, order: "-bound_at", orderable: ["bound_at", "expires_at", "created_at"] }).extend({
  customer_id: oneOrMany(z.string()),
  distributor_id: oneOrMany(z.string()),
  source: oneOrMany(z.enum(["link", "code", "qr", "coupon", "admin"])),
})

export const AdminCreateBinding = z
  .object({
    customer_id: z.string().min(1),
    distributor_id: z.string().min(1),
  })
  .strict()
export type AdminCreateBindingType = z.infer<typeof AdminCreateBinding>
