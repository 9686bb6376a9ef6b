import { z } from "@medusajs/framework/zod"
import { count, INT_MAX, queryDate, queryOffset } from "../../utils/bounds"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import {
  APPLICATION_MODES,
  COMMISSION_STATUSES,
  RULE_MODES,
  RULE_TARGET_TYPES,
  BINDING_MODES,
  DISTRIBUTOR_STATUSES,
  MAX_COMMISSION_DEPTH,
  SETTLE_ON_STATES,
  WITHDRAWAL_METHODS,
  WITHDRAWAL_STATUSES,
  WithdrawalStatus,
} from "../../../modules/distribution/constants"
import { amountInput } from "../../utils/money-input"

const oneOrMany = <T extends z.ZodTypeAny>(schema: T) =>
  z
    .union([schema, z.array(schema)])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]))

const bps = z.number().int().min(0).max(10000)

/**
 * Medusa's find params with bounded paging: its own accept a negative limit and
 * let the database fail with a 500.
 */
const findParams = (defaults: { limit: number; order: string; orderable: string[] }) =>
  createFindParams({ offset: 0, limit: defaults.limit, order: defaults.order }).extend({
    limit: z.coerce.number().int().min(1).max(500).default(defaults.limit),
    offset: queryOffset,
    order: z
      .string()
      .default(defaults.order)
      .refine((o) => defaults.orderable.includes(o.replace(/^-/, "")), {
        message: `order must be one of ${defaults.orderable.join(", ")} (prefix - for descending)`,
      }),
  })

export const AdminListDistributors = findParams({
  limit: 20,
  order: "-created_at",
  orderable: ["created_at", "activated_at", "reviewed_at", "team_size", "direct_count", "depth", "status", "referral_code", "email", "display_name"],
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
    limit: z.coerce.number().int().min(1).max(200).default(50),
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

export const AdminUpdateSettings = z
  .object({
    enabled: z.boolean(),
    max_depth: z
      .number()
      .int()
      .min(1, "max_depth must be at least 1")
      .max(
        MAX_COMMISSION_DEPTH,
        `max_depth cannot exceed ${MAX_COMMISSION_DEPTH}: commission is paid on at most ${MAX_COMMISSION_DEPTH} levels`
      ),
    application_mode: z.enum(APPLICATION_MODES),
    application_min_spend: amountInput("application_min_spend"),
    self_purchase: z.boolean(),
    binding_mode: z.enum(BINDING_MODES),
    binding_days: z.number().int().min(0).max(3650),
    bind_new_customers_only: z.boolean(),
    settle_on: z.enum(SETTLE_ON_STATES),
    freeze_days: z.number().int().min(0).max(3650),
    order_cap_bps: bps,
    min_withdrawal: amountInput("min_withdrawal"),
    withdrawal_fee_bps: bps,
    withdrawal_methods: z.array(z.enum(WITHDRAWAL_METHODS)).min(1),
    default_rate_bps_1: bps,
    default_rate_bps_2: bps,
    default_rate_bps_3: bps,
    // null: count in the store's default currency, whichever it is.
    currency_code: z
      .string()
      .regex(/^[a-zA-Z]{3}$/, "currency_code must be a three-letter ISO 4217 code")
      .transform((c) => c.toLowerCase())
      .nullable(),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "Give at least one setting to change" })
export type AdminUpdateSettingsType = z.infer<typeof AdminUpdateSettings>

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

export const AdminListAuditLogs = findParams({ limit: 50, order: "-created_at", orderable: ["created_at", "action", "entity_type"] }).extend({
  entity_type: z.string().optional(),
  entity_id: z.string().optional(),
  actor_id: z.string().optional(),
  action: oneOrMany(z.string()),
})

const ruleFields = {
  target_type: z.enum(RULE_TARGET_TYPES),
  target_id: z.string().min(1),
  mode: z.enum(RULE_MODES),
  rate_bps_1: bps.nullable().optional(),
  rate_bps_2: bps.nullable().optional(),
  rate_bps_3: bps.nullable().optional(),
  fixed_amount_1: amountInput("fixed_amount_1").nullable().optional(),
  fixed_amount_2: amountInput("fixed_amount_2").nullable().optional(),
  fixed_amount_3: amountInput("fixed_amount_3").nullable().optional(),
  currency_code: z
    .string()
    .regex(/^[a-zA-Z]{3}$/, "currency_code must be a three-letter ISO 4217 code")
    .transform((c) => c.toLowerCase())
    .nullable()
    .optional(),
  note: z.string().max(500).nullable().optional(),
}
const ruleShape = (v: { mode?: string; currency_code?: string | null; rate_bps_1?: number | null; rate_bps_2?: number | null; rate_bps_3?: number | null; fixed_amount_1?: number | null }) =>
  v.mode === "fixed" ? !!v.currency_code && v.fixed_amount_1 != null : true
export const AdminCreateCommissionRule = z
  .object(ruleFields)
  .strict()
  .refine(ruleShape, { message: "A fixed rule needs fixed_amount_1 and its currency_code" })
  .refine((v) => v.mode !== "rate" || [v.rate_bps_1, v.rate_bps_2, v.rate_bps_3].some((r) => r != null), {
    message: "A rate rule needs at least one of rate_bps_1, rate_bps_2, rate_bps_3",
  })
export type AdminCreateCommissionRuleType = z.infer<typeof AdminCreateCommissionRule>
export const AdminUpdateCommissionRule = z
  .object(ruleFields)
  .omit({ target_type: true, target_id: true })
  .partial()
  .strict()
  .refine(ruleShape, { message: "A fixed rule needs fixed_amount_1 and its currency_code" })
export type AdminUpdateCommissionRuleType = z.infer<typeof AdminUpdateCommissionRule>
export const AdminListCommissionRules = findParams({
  limit: 50,
  order: "-created_at",
  orderable: ["created_at", "target_type", "mode"],
}).extend({
  target_type: oneOrMany(z.enum(RULE_TARGET_TYPES)),
  target_id: oneOrMany(z.string()),
})

export const AdminListCommissions = findParams({
  limit: 50,
  order: "-created_at",
  orderable: ["created_at", "amount", "settled_at", "eligible_at", "depth"],
}).extend({
  order_id: oneOrMany(z.string()),
  distributor_id: oneOrMany(z.string()),
  status: oneOrMany(z.enum(COMMISSION_STATUSES)),
  depth: z.coerce.number().int().min(1).max(MAX_COMMISSION_DEPTH).optional(),
})

export const AdminListLedger = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: queryOffset,
  })
  .strict()
export type AdminListLedgerType = z.infer<typeof AdminListLedger>

export const AdminAdjustBalance = z
  .object({
    amount: amountInput("amount", { min: -1_000_000_000 }).refine((n) => n !== 0, "amount cannot be zero"),
    currency_code: z
      .string()
      .regex(/^[a-zA-Z]{3}$/, "currency_code must be a three-letter ISO 4217 code")
      .transform((c) => c.toLowerCase()),
    reason: z
      .string({ error: "reason is required" })
      .trim()
      .min(1, "reason is required")
      .max(500),
    idempotency_key: z.string().min(8).max(100).optional(),
  })
  .strict()
export type AdminAdjustBalanceType = z.infer<typeof AdminAdjustBalance>

export const AdminReconcile = z
  .object({
    from: queryDate("from").default(() => new Date(Date.now() - 7 * 24 * 60 * 60 * 1000)),
    to: queryDate("to").default(() => new Date()),
    repair: z.boolean().default(false),
  })
  .strict()
  .refine((v) => v.from <= v.to, { message: "from must not be after to" })
export type AdminReconcileType = z.infer<typeof AdminReconcile>

const withdrawalFilters = {
  status: oneOrMany(z.enum(WITHDRAWAL_STATUSES)),
  method: oneOrMany(z.enum(WITHDRAWAL_METHODS)),
  distributor_id: oneOrMany(z.string()),
  currency_code: z.string().regex(/^[a-zA-Z]{3}$/, "currency_code must be a three-letter ISO 4217 code").transform((c) => c.toLowerCase()).optional(),
  from: queryDate("from").optional(),
  to: queryDate("to").optional(),
  amount_min: z.coerce.number({ error: "amount_min must be a number" }).min(0).optional(),
  amount_max: z.coerce.number({ error: "amount_max must be a number" }).min(0).optional(),
  q: z.string().trim().min(1).max(100).optional(),
}
const withdrawalRange = <T extends { from?: Date; to?: Date; amount_min?: number; amount_max?: number }>(v: T) =>
  (!v.from || !v.to || v.from <= v.to) && (v.amount_min === undefined || v.amount_max === undefined || v.amount_min <= v.amount_max)
const withdrawalRangeMessage = { message: "from must not be after to, and amount_min not above amount_max" }

const WITHDRAWAL_ORDERABLE = ["created_at", "amount", "status", "approved_at", "paid_at"]
export const AdminListWithdrawals = z
  .object({
    ...withdrawalFilters,
    limit: z.coerce.number().int().min(1).max(500).default(20),
    offset: queryOffset,
    order: z
      .string()
      .default("-created_at")
      .refine((o) => WITHDRAWAL_ORDERABLE.includes(o.replace(/^-/, "")), {
        message: `order must be one of ${WITHDRAWAL_ORDERABLE.join(", ")} (prefix - for descending)`,
      }),
  })
  .strict()
  .refine(withdrawalRange, withdrawalRangeMessage)
export type AdminListWithdrawalsType = z.infer<typeof AdminListWithdrawals>

export const AdminExportWithdrawals = z
  .object({ ...withdrawalFilters, status: withdrawalFilters.status.default([WithdrawalStatus.APPROVED]) })
  .strict()
  .refine(withdrawalRange, withdrawalRangeMessage)
export type AdminExportWithdrawalsType = z.infer<typeof AdminExportWithdrawals>

export const AdminApproveWithdrawal = z.object({}).strict()

export const AdminRejectWithdrawal = z
  .object({
    reason: z
      .string({ error: "reason is required: tell the distributor why" })
      .trim()
      .min(1, "reason is required: tell the distributor why")
      .max(1000),
  })
  .strict()
export type AdminRejectWithdrawalType = z.infer<typeof AdminRejectWithdrawal>

const transactionReference = z
  .string({ error: "transaction_reference is required: the bank or payment transaction number" })
  .trim()
  .min(1, "transaction_reference is required: the bank or payment transaction number")
  .max(200)

export const AdminPayWithdrawal = z.object({ transaction_reference: transactionReference }).strict()
export type AdminPayWithdrawalType = z.infer<typeof AdminPayWithdrawal>

const bulkIds = z
  .array(z.string().min(1), { error: "ids is required: the withdrawals to act on" })
  .min(1, "ids must name at least one withdrawal")
  .max(100, "at most 100 withdrawals at a time")
  .transform((ids) => [...new Set(ids)])

export const AdminBulkApproveWithdrawals = z.object({ ids: bulkIds }).strict()
export type AdminBulkApproveWithdrawalsType = z.infer<typeof AdminBulkApproveWithdrawals>

export const AdminBulkPayWithdrawals = z.object({ ids: bulkIds, transaction_reference: transactionReference }).strict()
export type AdminBulkPayWithdrawalsType = z.infer<typeof AdminBulkPayWithdrawals>
