import { CommissionPreview, CommissionRule, Level, List, Settings } from "../lib/types"
import { useAdminGet, useAdminMutation } from "./api"

export const useSettings = () => useAdminGet<{ settings: Settings }>("/admin/distribution/settings")

export const useUpdateSettings = (success: string) =>
  useAdminMutation<Partial<Settings>, { settings: Settings }>((body) => ({ path: "/admin/distribution/settings", body }), {
    success,
  })

export const useLevels = (enabled = true) =>
  useAdminGet<List<"levels", Level>>(enabled ? "/admin/distribution/levels" : null, { limit: 100, order: "rank" })

export type LevelInput = Omit<Level, "id" | "created_at">

export const useSaveLevel = (success: string) =>
  useAdminMutation<{ id?: string; level: Partial<LevelInput> }>(
    ({ id, level }) => ({ path: id ? `/admin/distribution/levels/${id}` : "/admin/distribution/levels", body: level }),
    { success }
  )

export const useDeleteLevel = (success: string) =>
  useAdminMutation<string>((id) => ({ path: `/admin/distribution/levels/${id}`, method: "DELETE" }), { success })

export const useCommissionRules = (query: { target_type?: string[]; target_id?: string; limit: number; offset: number }) =>
  useAdminGet<List<"commission_rules", CommissionRule>>("/admin/distribution/commission-rules", query, { keepPrevious: true })

export type RuleInput = Omit<CommissionRule, "id" | "created_at">

export const useSaveRule = (success: string) =>
  useAdminMutation<{ id?: string; rule: Partial<RuleInput> }>(
    ({ id, rule }) => ({
      path: id ? `/admin/distribution/commission-rules/${id}` : "/admin/distribution/commission-rules",
      body: rule,
    }),
    { success }
  )

export const useDeleteRule = (success: string) =>
  useAdminMutation<string>((id) => ({ path: `/admin/distribution/commission-rules/${id}`, method: "DELETE" }), { success })

export const useCommissionPreview = (productId: string) =>
  useAdminGet<CommissionPreview>(`/admin/distribution/products/${productId}/commission-preview`)
