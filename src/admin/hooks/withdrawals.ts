import { Balance, BulkResult, LedgerEntry, List, Withdrawal } from "../lib/types"
import { useAdminGet, useAdminMutation } from "./api"

const BASE = "/admin/distribution/withdrawals"

export type WithdrawalQuery = {
  status?: string[]
  method?: string[]
  distributor_id?: string
  q?: string
  order?: string
  limit: number
  offset: number
}

export const useWithdrawals = (query: WithdrawalQuery) =>
  useAdminGet<List<"withdrawals", Withdrawal>>(BASE, query, { keepPrevious: true })

export type WithdrawalDetail = {
  withdrawal: Withdrawal
  ledger: LedgerEntry[]
  audit: { id: string; action: string; actor_type: string; actor_id: string | null; created_at: string }[]
  balances: Balance[]
}

export const useWithdrawal = (id: string | null) => useAdminGet<WithdrawalDetail>(id ? `${BASE}/${id}` : null)

export type WithdrawalAction =
  | { id: string; action: "approve" }
  | { id: string; action: "reject"; reason: string }
  | { id: string; action: "pay"; transaction_reference: string }

export const useWithdrawalAction = (success: (action: WithdrawalAction["action"]) => string) =>
  useAdminMutation<WithdrawalAction, { withdrawal: Withdrawal }>(
    ({ id, action, ...body }) => ({ path: `${BASE}/${id}/${action}`, body }),
    { success: (_r, { action }) => success(action) }
  )

/** Bulk approve or pay: the server answers per id, so a partial success is reported as such. */
export const useBulkWithdrawals = (success: (result: BulkResult) => string) =>
  useAdminMutation<{ action: "bulk-approve" | "bulk-pay"; ids: string[]; transaction_reference?: string }, BulkResult>(
    ({ action, ...body }) => ({ path: `${BASE}/${action}`, body }),
    { success }
  )
