import { useEffect } from "react"
import type { z } from "@medusajs/framework/zod"
import type { AdminCreateCommissionRule } from "../../api/admin/distribution/commission-rules/validators"
import type { AdminCreateLevel } from "../../api/admin/distribution/levels/validators"
import type { AdminUpdateSettings } from "../../api/admin/distribution/settings/validators"
import { CommissionPreview, CommissionRule, DistributorGroups, Level, List, Settings } from "../lib/types"
import { useAdminGet, useAdminMutation } from "./api"

/** What the admin sends is what the validators take (amounts as JSON numbers); what it reads, the API's shapes. */
export type SettingsInput = z.input<typeof AdminUpdateSettings>
export type LevelInput = z.input<typeof AdminCreateLevel>
export type RuleInput = z.input<typeof AdminCreateCommissionRule>

export const useSettings = () => useAdminGet<{ settings: Settings }>("/admin/distribution/settings")

export const useUpdateSettings = (success: string) =>
  useAdminMutation<SettingsInput, { settings: Settings }>((body) => ({ path: "/admin/distribution/settings", body }), {
    success,
  })

/** The store's currencies, the default one marked (what a programme may count in). */
export const useStoreCurrencies = () => {
  const stores = useAdminGet<{ stores: { supported_currencies?: { currency_code: string; is_default: boolean }[] }[] }>("/admin/stores", {
    fields: "id,supported_currencies.currency_code,supported_currencies.is_default",
  })
  return { ...stores, data: stores.data ? stores.data.stores.flatMap((s) => s.supported_currencies ?? []) : undefined }
}

export const useLevels = (enabled = true) =>
  useAdminGet<List<"levels", Level>>(enabled ? "/admin/distribution/levels" : null, { limit: 100, order: "rank" })

export const useSaveLevel = (success: string) =>
  useAdminMutation<{ id?: string; level: Partial<LevelInput> }>(
    ({ id, level }) => ({ path: id ? `/admin/distribution/levels/${id}` : "/admin/distribution/levels", body: level }),
    { success }
  )

export const useDeleteLevel = (success: string) =>
  useAdminMutation<string>((id) => ({ path: `/admin/distribution/levels/${id}`, method: "DELETE" }), { success })

export const useCommissionRules = (query: { target_type?: string[]; target_id?: string; limit: number; offset: number }) =>
  useAdminGet<List<"commission_rules", CommissionRule>>("/admin/distribution/commission-rules", query, { keepPrevious: true })

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

/**
 * Distributor prices: the plugin's customer groups. A mode just switched on is
 * carried out in the background, so the groups are looked at again every few
 * seconds until they are there.
 */
export const useDistributorGroups = (mode: DistributorGroups["mode"]) => {
  const groups = useAdminGet<DistributorGroups>("/admin/distribution/customer-groups")
  const waiting = mode !== "off" && !groups.data?.groups.length
  const { refetch } = groups
  useEffect(() => {
    if (!waiting) return
    const timer = setInterval(() => void refetch(), 3000)
    return () => clearInterval(timer)
  }, [waiting, refetch])
  return groups
}

export const useSyncDistributorGroups = (success: string) =>
  useAdminMutation<void, DistributorGroups>(() => ({ path: "/admin/distribution/customer-groups/sync", body: {} }), { success })
