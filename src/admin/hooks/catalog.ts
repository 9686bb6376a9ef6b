import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { CommissionRule } from "../lib/types"
import { ROOT_KEY } from "./api"

export type TargetOption = { id: string; title: string; detail: string | null }

const PAGE = { limit: 10 }

/** One search of Medusa's own catalogue lists, as the options of what a rule targets. */
const search: Record<CommissionRule["target_type"], (q: string | undefined) => Promise<TargetOption[]>> = {
  product: async (q) =>
    (await sdk.admin.product.list({ q, ...PAGE, fields: "id,title,handle" })).products.map((p) => ({
      id: p.id,
      title: p.title,
      detail: p.handle,
    })),
  variant: async (q) =>
    (await sdk.admin.productVariant.list({ q, ...PAGE, fields: "id,title,sku,product.title" })).variants.map((v) => ({
      id: v.id,
      title: [v.product?.title, v.title].filter(Boolean).join(" · "),
      detail: v.sku ?? null,
    })),
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
