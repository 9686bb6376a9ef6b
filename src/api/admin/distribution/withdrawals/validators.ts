import { z } from "@medusajs/framework/zod"
import { WITHDRAWAL_METHODS, WITHDRAWAL_STATUSES, WithdrawalStatus } from "../../../../modules/distribution/constants"
import { currencyCode, oneOrMany, queryDate, queryLimit, queryOffset, queryOrder } from "../../../utils/validators"

const withdrawalFilters = {
  status: oneOrMany(z.enum(WITHDRAWAL_STATUSES)),
  method: oneOrMany(z.enum(WITHDRAWAL_METHODS)),
  distributor_id: oneOrMany(z.string()),
  currency_code: currencyCode.optional(),
  from: queryDate("from").optional(),
  to: queryDate("to").optional(),
  amount_min: z.coerce.number({ error: "amount_min must be a number" }).min(0).optional(),
  amount_max: z.coerce.number({ error: "amount_max must be a number" }).min(0).optional(),
  q: z.string().trim().min(1).max(100).optional(),
}
const withdrawalRange = <T extends { from?: Date; to?: Date; amount_min?: number; amount_max?: number }>(v: T) =>
  (!v.from || !v.to || v.from <= v.to) && (v.amount_min === undefined || v.amount_max === undefined || v.amount_min <= v.amount_max)
const withdrawalRangeMessage = { message: "from must not be after to, and amount_min not above amount_max" }

export const AdminListWithdrawals = z
  .object({
    ...withdrawalFilters,
    limit: queryLimit({ default: 20, max: 500 }),
    offset: queryOffset,
    order: queryOrder("-created_at", ["created_at", "amount", "status", "approved_at", "paid_at"]),
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
