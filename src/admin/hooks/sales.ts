import type { z } from "@medusajs/framework/zod"
import type { AdminCreateSale, AdminUpdateSale } from "../../api/admin/distribution/sales/validators"
import { List, Sale } from "../lib/types"
import { useAdminGet, useAdminMutation } from "./api"

const BASE = "/admin/distribution/sales"

export type SaleQuery = {
  q?: string
  status?: string[]
  price_list_id?: string
  limit: number
  offset: number
}

/** A sale as the admin sends it: what the validators take. */
export type SaleInput = z.input<typeof AdminCreateSale>
export type SaleChanges = z.input<typeof AdminUpdateSale>

export const useSales = (query: SaleQuery, enabled = true) => useAdminGet<List<"sales", Sale>>(enabled ? BASE : null, query, { keepPrevious: true })

export const useSale = (id: string | null | undefined) => useAdminGet<{ sale: Sale }>(id ? `${BASE}/${id}` : null)

export const useCreateSale = (success: string) =>
  useAdminMutation<SaleInput, { sale: Sale }>((body) => ({ path: BASE, body }), { success })

export const useUpdateSale = (success: string) =>
  useAdminMutation<{ id: string; changes: SaleChanges }, { sale: Sale }>(({ id, changes }) => ({ path: `${BASE}/${id}`, body: changes }), {
    success,
  })

export const useEndSale = (success: string) =>
  useAdminMutation<{ id: string }, { sale: Sale }>(({ id }) => ({ path: `${BASE}/${id}/end`, body: {} }), { success })
