import { HttpTypes } from "@medusajs/framework/types"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { CommissionRule } from "../lib/types"
import { ROOT_KEY } from "./api"

export type TargetOption = { id: string; title: string; detail: string | null }

const PAGE = { limit: 10 }

const VARIANT_FIELDS = "id,title,sku,product.title"

/** A variant as the options name it: "Serum · 30 ml", with its SKU. */
const variantOption = (v: HttpTypes.AdminProductVariant): TargetOption => ({
  id: v.id,
  title: [v.product?.title, v.title].filter(Boolean).join(" · "),
  detail: v.sku ?? null,
})

/** One search of Medusa's own catalogue lists, as the options of what a rule targets. */
const search: Record<CommissionRule["target_type"], (q: string | undefined) => Promise<TargetOption[]>> = {
  product: async (q) =>
    (await sdk.admin.product.list({ q, ...PAGE, fields: "id,title,handle" })).products.map((p) => ({
      id: p.id,
      title: p.title,
      detail: p.handle,
    })),
  variant: async (q) => (await sdk.admin.productVariant.list({ q, ...PAGE, fields: VARIANT_FIELDS })).variants.map(variantOption),
  category: async (q) =>
    (await sdk.admin.productCategory.list({ q, ...PAGE, fields: "id,name,handle" })).product_categories.map((c) => ({
      id: c.id,
      title: c.name,
      detail: c.handle,
    })),
  collection: async (q) =>
    (await sdk.admin.productCollection.list({ q, ...PAGE, fields: "id,title,handle" })).collections.map((c) => ({
      id: c.id,
      title: c.title,
      detail: c.handle,
    })),
}

/** Products, variants, categories or collections matching `q` (the first ones when it is empty). */
export const useTargetSearch = (type: CommissionRule["target_type"], q: string, enabled: boolean) =>
  useQuery({
    queryKey: [ROOT_KEY, "rule-targets", type, q],
    queryFn: () => search[type](q.trim() || undefined),
    enabled,
    placeholderData: keepPreviousData,
  })

/** Variants by id, named as the picker names them ("Serum · 30 ml", SKU): a sale's variants. */
export const useVariantOptions = (ids: string[]) =>
  useQuery({
    queryKey: [ROOT_KEY, "variant-options", ids],
    queryFn: async () =>
      (await sdk.admin.productVariant.list({ id: ids, limit: ids.length, fields: VARIANT_FIELDS })).variants.map(variantOption),
    enabled: ids.length > 0,
  })

/** The store's currencies, the default first: those a fixed sale price can be given in. */
export const useStoreCurrencies = (enabled: boolean) =>
  useQuery({
    queryKey: [ROOT_KEY, "store-currencies"],
    queryFn: async () =>
      ((await sdk.admin.store.list({ fields: "id,supported_currencies.*" })).stores[0]?.supported_currencies ?? [])
        .slice()
        .sort((a, b) => Number(b.is_default) - Number(a.is_default))
        .map((c) => c.currency_code),
    enabled,
  })
