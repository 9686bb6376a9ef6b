import { MedusaContainer } from "@medusajs/framework/types"
import { ProductStatus, Modules } from "@medusajs/framework/utils"
import {
  createCollectionsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import { CATEGORIES, COLLECTIONS, PRODUCTS } from "./catalog-data"

/**
 * Categories (by handle), collections (by handle) and products (by handle), each
 * variant priced in CNY and HKD, published in the demo sales channel. Inventory
 * is not managed, so any quantity can be ordered.
 */
export async function seedCatalog(
  container: MedusaContainer,
  salesChannelId: string,
  shippingProfileId: string
) {
  const productModule = container.resolve(Modules.PRODUCT)

  const categories = await productModule.listProductCategories({
    handle: CATEGORIES.map((c) => c.handle),
  })
  const missingCategories = CATEGORIES.filter((c) => !categories.some((e) => e.handle === c.handle))
  if (missingCategories.length) {
    const { result } = await createProductCategoriesWorkflow(container).run({
      input: {
        product_categories: missingCategories.map((c) => ({ ...c, is_active: true, is_internal: false })),
      },
    })
    categories.push(...result)
  }

  const collections = await productModule.listProductCollections({
    handle: COLLECTIONS.map((c) => c.handle),
  })
  const missingCollections = COLLECTIONS.filter((c) => !collections.some((e) => e.handle === c.handle))
  if (missingCollections.length) {
    const { result } = await createCollectionsWorkflow(container).run({
      input: { collections: missingCollections },
    })
    collections.push(...result)
  }

  const existing = await productModule.listProducts(
    { handle: PRODUCTS.map((p) => p.handle) },
    { select: ["id", "handle"], take: null }
  )
  const missing = PRODUCTS.filter((p) => !existing.some((e) => e.handle === p.handle))
  if (missing.length) {
    // One workflow run: it creates all of them or, on failure, none.
    await createProductsWorkflow(container).run({
      input: {
        products: missing.map((p) => ({
          title: p.title,
          handle: p.handle,
          description: p.description,
          status: ProductStatus.PUBLISHED,
          shipping_profile_id: shippingProfileId,
          category_ids: [categories.find((c) => c.handle === p.category)!.id],
          collection_id: p.collection
            ? collections.find((c) => c.handle === p.collection)!.id
            : undefined,
          options: [{ title: p.option, values: p.variants.map((v) => v.title) }],
          variants: p.variants.map((v) => ({
            title: v.title,
            sku: v.sku,
            options: { [p.option]: v.title },
            manage_inventory: false,
            prices: [
              { currency_code: "cny", amount: v.cny },
              { currency_code: "hkd", amount: v.hkd },
            ],
          })),
          sales_channels: [{ id: salesChannelId }],
        })),
      },
    })
  }
  return { products: PRODUCTS.length, created: missing.length }
}
