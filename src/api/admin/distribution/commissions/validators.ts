import { z } from "@medusajs/framework/zod"
import { COMMISSION_STATUSES, MAX_COMMISSION_DEPTH } from "../../../../modules/distribution/constants"
import { findParams, oneOrMany } from "../../../utils/validators"

export const AdminListCommissions = findParams({
  limit: 50,
  order: "-created_at",
  orderable: ["created_at", "amount", "settled_at", "eligible_at", "depth"],
}).extend({
  order_id: oneOrMany(z.string()),
  distributor_id: oneOrMany(z.string()),
  status: oneOrMany(z.enum(COMMISSION_STATUSES)),
  depth: z.coerce.number().int().min(1).max(MAX_COMMISSION_DEPTH).optional(),
  /** The commissions of a sale's lines (credited under its policy). */
  sale_id: oneOrMany(z.string().regex(/^[A-Za-z0-9_]{1,64}$/, "sale_id must be a sale's id")),
})
