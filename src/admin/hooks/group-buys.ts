import type { z } from "@medusajs/framework/zod"
import type { AdminCreateGroupBuy, AdminUpdateGroupBuy } from "../../api/admin/distribution/group-buys/validators"
import { Group, GroupBuy, GroupBuyReport, GroupBuyRow, GroupDetail, List } from "../lib/types"
import { useAdminGet, useAdminMutation } from "./api"

const BASE = "/admin/distribution/group-buys"
const GROUPS = "/admin/distribution/groups"

export type GroupBuyQuery = { status?: string[]; limit: number; offset: number }
export type GroupQuery = { status?: string[]; group_buy_id?: string; limit: number; offset: number }

/** An activity as the admin sends it: what the validators take. */
export type GroupBuyInput = z.input<typeof AdminCreateGroupBuy>
export type GroupBuyChanges = z.input<typeof AdminUpdateGroupBuy>

export const useGroupBuys = (query: GroupBuyQuery) => useAdminGet<List<"group_buys", GroupBuyRow>>(BASE, query, { keepPrevious: true })

export const useGroupBuy = (id: string | null | undefined) => useAdminGet<{ group_buy: GroupBuy }>(id ? `${BASE}/${id}` : null)

export const useGroupBuyReport = (id: string | null | undefined) => useAdminGet<{ report: GroupBuyReport }>(id ? `${BASE}/${id}/report` : null)

export const useCreateGroupBuy = (success: string) =>
  useAdminMutation<GroupBuyInput, { group_buy: GroupBuy }>((body) => ({ path: BASE, body }), { success })

export const useUpdateGroupBuy = (success: string) =>
  useAdminMutation<{ id: string; changes: GroupBuyChanges }, { group_buy: GroupBuy }>(({ id, changes }) => ({ path: `${BASE}/${id}`, body: changes }), {
    success,
  })

export const useCloseGroupBuy = (success: string) =>
  useAdminMutation<{ id: string }, { group_buy: GroupBuy }>(({ id }) => ({ path: `${BASE}/${id}/close`, body: {} }), { success })

/** An activity's groups, by status. */
export const useGroups = (query: GroupQuery) => useAdminGet<List<"groups", Group>>(GROUPS, query, { keepPrevious: true })

export const useGroup = (id: string | null | undefined) => useAdminGet<{ group: GroupDetail }>(id ? `${GROUPS}/${id}` : null)

/** Decides an open group now: `complete` (its missing seats virtual) or `fail` (its paid members refunded). */
export const useDecideGroup = (success: (outcome: "complete" | "fail") => string) =>
  useAdminMutation<{ id: string; outcome: "complete" | "fail" }, { group: GroupDetail }>(
    ({ id, outcome }) => ({ path: `${GROUPS}/${id}/${outcome}`, body: {} }),
    { success: (_r, { outcome }) => success(outcome) }
  )

/** The group an order belongs to (none for an order outside 拼团). */
export const useGroupOfOrder = (orderId: string) =>
  useAdminGet<List<"groups", Group>>(GROUPS, { order_id: orderId, limit: 1, offset: 0 })
