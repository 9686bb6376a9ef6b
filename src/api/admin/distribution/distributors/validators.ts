import { z } from "@medusajs/framework/zod"
import { DISTRIBUTOR_STATUSES } from "../../../../modules/distribution/constants"
import { DISTRIBUTOR_SEARCH_ORDERS } from "../../../../modules/distribution/queries/distributor-search"
import { amountInput } from "../../../utils/money-input"
import { currencyCode, findParams, INT_MAX, oneOrMany, queryLimit, queryOffset } from "../../../utils/validators"

export const AdminListDistributors = findParams({
  limit: 20,
  order: "-created_at",
  orderable: [...DISTRIBUTOR_SEARCH_ORDERS],
}).extend({
  q: z.string().trim().min(1).max(100).optional(),
  status: oneOrMany(z.enum(DISTRIBUTOR_STATUSES)),
  level_id: oneOrMany(z.string()),
  parent_id: z.string().optional(),
  customer_id: oneOrMany(z.string()),
  depth: z.coerce.number().int().min(0).max(INT_MAX).optional(),
})
export type AdminListDistributorsType = z.infer<typeof AdminListDistributors>

export const AdminGetTeam = z
  .object({
    depth: z.coerce.number().int().min(1).max(50).default(1),
    status: oneOrMany(z.enum(DISTRIBUTOR_STATUSES)),
    limit: queryLimit({ default: 50, max: 200 }),
    offset: queryOffset,
  })
  .strict()
export type AdminGetTeamType = z.infer<typeof AdminGetTeam>

export const AdminReviewDistributor = z
  .object({ reason: z.string().trim().max(1000).optional().nullable() })
  .strict()
export type AdminReviewDistributorType = z.infer<typeof AdminReviewDistributor>

export const AdminApproveDistributor = AdminReviewDistributor.extend({
  level_id: z.string().trim().min(1).optional(),
})
export type AdminApproveDistributorType = z.infer<typeof AdminApproveDistributor>

/** The reason is kept in the audit log with the change. */
export const AdminSetDistributorLevel = z
  .object({
    level_id: z.string().trim().min(1),
    reason: z.string().trim().min(1).max(1000),
  })
  .strict()
export type AdminSetDistributorLevelType = z.infer<typeof AdminSetDistributorLevel>

export const AdminRejectDistributor = z
  .object({
    reason: z
      .string({ error: "reason is required: tell the applicant why" })
      .trim()
      .min(1, "reason is required: tell the applicant why")
      .max(1000),
  })
  .strict()

export const AdminMoveDistributor = z
  .object({
    parent_id: z
      .string({ error: "parent_id is required (null moves the distributor to the top)" })
      .min(1)
      .nullable(),
  })
  .strict()
export type AdminMoveDistributorType = z.infer<typeof AdminMoveDistributor>

export const AdminListLedger = z
  .object({
    limit: queryLimit({ default: 50, max: 500 }),
    offset: queryOffset,
  })
  .strict()
export type AdminListLedgerType = z.infer<typeof AdminListLedger>

export const AdminAdjustBalance = z
  .object({
    amount: amountInput("amount", { min: -1_000_000_000 }).refine((n) => n !== 0, "amount cannot be zero"),
    currency_code: currencyCode,
    reason: z
      .string({ error: "reason is required" })
      .trim()
      .min(1, "reason is required")
      .max(500),
    idempotency_key: z.string().min(8).max(100).optional(),
  })
  .strict()
export type AdminAdjustBalanceType = z.infer<typeof AdminAdjustBalance>
