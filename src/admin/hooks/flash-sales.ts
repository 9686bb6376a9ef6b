import type { z } from "@medusajs/framework/zod"
import type { AdminCreateFlashSale, AdminUpdateFlashSale } from "../../api/admin/distribution/flash-sales/validators"
import { FlashSale, FlashSaleReservation, List } from "../lib/types"
import { useAdminGet, useAdminMutation } from "./api"

const BASE = "/admin/distribution/flash-sales"

export type FlashSaleQuery = { q?: string; status?: string[]; limit: number; offset: number }

/** A flash sale as the admin sends it: what the validators take. */
export type FlashSaleInput = z.input<typeof AdminCreateFlashSale>
export type FlashSaleChanges = z.input<typeof AdminUpdateFlashSale>

export const useFlashSales = (query: FlashSaleQuery) => useAdminGet<List<"flash_sales", FlashSale>>(BASE, query, { keepPrevious: true })

export const useFlashSale = (id: string | null | undefined) => useAdminGet<{ flash_sale: FlashSale }>(id ? `${BASE}/${id}` : null)

export const useFlashSaleReservations = (id: string, query: { limit: number; offset: number }) =>
  useAdminGet<List<"reservations", FlashSaleReservation>>(`${BASE}/${id}/reservations`, query, { keepPrevious: true })

export const useUpdateFlashSale = (success: string) =>
  useAdminMutation<{ id: string; changes: FlashSaleChanges }, { flash_sale: FlashSale }>(
    ({ id, changes }) => ({ path: `${BASE}/${id}`, body: changes }),
    { success }
  )

export const useCreateFlashSale = (success: string) =>
  useAdminMutation<FlashSaleInput, { flash_sale: FlashSale }>((body) => ({ path: BASE, body }), { success })

export const useCloseFlashSale = (success: string) =>
  useAdminMutation<{ id: string }, { flash_sale: FlashSale }>(({ id }) => ({ path: `${BASE}/${id}/close`, body: {} }), { success })
