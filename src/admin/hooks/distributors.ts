import {
  Balance,
  Binding,
  Commission,
  Distributor,
  DistributorDetail,
  LedgerEntry,
  List,
} from "../lib/types"
import { useAdminGet, useAdminMutation } from "./api"

const BASE = "/admin/distribution/distributors"

export type DistributorQuery = {
  q?: string
  status?: string[]
  level_id?: string[]
  customer_id?: string
  parent_id?: string
  order?: string
  limit: number
  offset: number
}

export const useDistributors = (query: DistributorQuery, enabled = true) =>
  useAdminGet<List<"distributors", Distributor> & { count_capped: boolean }>(enabled ? BASE : null, query, {
    keepPrevious: true,
  })

export const useDistributor = (id: string | undefined) =>
  useAdminGet<DistributorDetail>(id ? `${BASE}/${id}` : null)

/** One page of a distributor's direct recruits: what one node of the tree shows when opened. */
export const useTeam = (id: string, offset: number, enabled: boolean) =>
  useAdminGet<{ members: Distributor[]; count: number; limit: number; offset: number }>(
    enabled ? `${BASE}/${id}/team` : null,
    { depth: 1, limit: 20, offset }
  )

export const useLedger = (id: string, limit: number, offset: number) =>
  useAdminGet<{ entries: LedgerEntry[]; count: number; limit: number; offset: number; balances: Balance[] }>(
    `${BASE}/${id}/ledger`,
    { limit, offset },
    { keepPrevious: true }
  )

export const useCommissions = (
  query: { distributor_id?: string; order_id?: string; sale_id?: string; status?: string[]; limit: number; offset: number; order?: string },
  enabled = true
) => useAdminGet<List<"commissions", Commission>>(enabled ? "/admin/distribution/commissions" : null, query, { keepPrevious: true })

export const useBindings = (query: { customer_id?: string; distributor_id?: string; limit?: number }, enabled = true) =>
  useAdminGet<List<"bindings", Binding>>(enabled ? "/admin/distribution/bindings" : null, query)

export type ReviewAction = "approve" | "reject" | "suspend" | "reinstate"

export const useReviewDistributor = (success: (action: ReviewAction) => string) =>
  useAdminMutation<{ id: string; action: ReviewAction; reason?: string; level_id?: string }, { distributor: Distributor }>(
    ({ id, action, reason, level_id }) => ({
      path: `${BASE}/${id}/${action}`,
      body: { ...(reason ? { reason } : {}), ...(level_id ? { level_id } : {}) },
    }),
    { success: (_result, { action }) => success(action) }
  )

/** Puts a distributor on a level, up or down, with the reason (audited). */
export const useSetLevel = (id: string, success: string) =>
  useAdminMutation<{ level_id: string; reason: string }>((body) => ({ path: `${BASE}/${id}/level`, body }), { success })

export const useMoveDistributor = (id: string, success: string) =>
  useAdminMutation<{ parent_id: string | null }>((body) => ({ path: `${BASE}/${id}/move`, body }), { success })

export const useAdjustBalance = (id: string, success: string) =>
  useAdminMutation<{ amount: number; currency_code: string; reason: string; idempotency_key: string }>(
    (body) => ({ path: `${BASE}/${id}/adjustments`, body }),
    { success }
  )
