import { MedusaContainer } from "@medusajs/framework/types"
import { ProgrammeSettings, programmeSettings } from "./programme-settings"
import { ContainerRegistrationKeys, MathBN, MedusaError, Modules, ProductStatus, QueryContext } from "@medusajs/framework/utils"
import { RuleMode } from "../modules/distribution/constants"
import DistributionModuleService from "../modules/distribution/service"
import { DistributionLevelDTO, DistributorDTO } from "../modules/distribution/types"
import { formatAmount } from "../modules/distribution/utils/money"
import { previewUnitCommissions } from "../modules/distribution/utils/order-commissions"
import { resolveRate } from "../modules/distribution/utils/rate-resolution"
import { salePolicy } from "../modules/distribution/utils/sale"
import { lineFacts, loadCommissionFacts } from "./commission-facts"
import { loadUnitBases } from "./unit-taxes"

type StoreVariant = {
  id: string
  title: string | null
  sku: string | null
  calculated_price?: {
    calculated_amount: number | string | null
    original_amount?: number | string | null
    currency_code: string | null
    is_calculated_price_tax_inclusive?: boolean | null
  } | null
}
type StoreProduct = {
  id: string
  title: string
  handle: string
  thumbnail: string | null
  type_id: string | null
  variants: StoreVariant[]
}

const PRODUCT_FIELDS = [
  "id",
  "title",
  "handle",
  "thumbnail",
  "type_id",
  "variants.id",
  "variants.title",
  "variants.sku",
  "variants.calculated_price.calculated_amount",
  "variants.calculated_price.original_amount",
  "variants.calculated_price.currency_code",
  "variants.calculated_price.is_calculated_price_tax_inclusive",
]

/** Ids of the products sold in the sales channels of the caller's publishable key (Medusa's own way). */
export async function channelProductIds(container: MedusaContainer, salesChannelIds: string[]): Promise<string[]> {
  if (!salesChannelIds.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Publishable key needs to have a sales channel configured")
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_sales_channel",
    fields: ["product_id"],
    filters: { sales_channel_id: salesChannelIds },
  })
  return [...new Set((data as { product_id: string }[]).map((r) => r.product_id))]
}

/**
 * Products every variant of which resolves to "excluded" at depth 1: only
 * products an excluded rule reaches (by product, variant, category or
 * collection) are looked at, with the engine's own resolution, so a more
 * specific rate rule still wins over an excluded category.
 */
async function excludedProductIds(
  container: MedusaContainer,
  service: DistributionModuleService,
  currencyCode: string
): Promise<Set<string>> {
  const rules = await service.listCommissionRules({ mode: RuleMode.EXCLUDED })
  if (!rules.length) {
    return new Set()
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const idsOf = (type: string) => rules.filter((r) => r.target_type === type).map((r) => r.target_id)
  const reached = async (filters: Record<string, unknown>) =>
    ((await query.graph({ entity: "product", fields: ["id", "variants.id"], filters })).data as unknown as {
      id: string
      variants: { id: string }[]
    }[])
  const candidates = (
    await Promise.all([
      idsOf("product").length ? reached({ id: idsOf("product") }) : [],
      idsOf("variant").length ? reached({ variants: { id: idsOf("variant") } }) : [],
      idsOf("category").length ? reached({ categories: { id: idsOf("category") } }) : [],
      idsOf("collection").length ? reached({ collection_id: idsOf("collection") }) : [],
    ])
  ).flat()
  const facts = await loadCommissionFacts(container, {
    product_ids: candidates.map((p) => p.id),
    variant_ids: candidates.flatMap((p) => p.variants.map((v) => v.id)),
  })
  const excluded = new Set<string>()
  for (const product of candidates) {
    const all = product.variants.every(
      (v) =>
        resolveRate({
          line: { ...lineFacts(facts, { variant_id: v.id, product_id: product.id }), currency_code: currencyCode },
          depth: 1,
          rules: facts.rules,
          // "excluded" comes from a rule, before any level or default is looked at.
          level: null,
          defaults: [0, 0, 0],
        }).kind === "excluded"
    )
    if (all) excluded.add(product.id)
  }
  return excluded
}

/** The pricing context of a request: a region's currency, else the programme's. */
export async function pricingContext(container: MedusaContainer, settings: ProgrammeSettings, regionId?: string) {
  if (!regionId) {
    return { currency_code: settings.currency_code }
  }
  const [region] = await container.resolve(Modules.REGION).listRegions({ id: regionId })
  if (!region) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `region_id ${regionId} is not a region of this store`)
  }
  return { region_id: region.id, currency_code: region.currency_code.toLowerCase() }
}

/**
 * One page of the store's published products in the key's sales channels that
 * earn a commission, each variant with what `me` would earn at depth 1 from
 * one unit at its calculated price — the engine's own computation, under the
 * policy of the sale the variant is in now (marked with the sale).
 */
export async function listEarningProducts(
  container: MedusaContainer,
  input: {
    service: DistributionModuleService
    me: DistributorDTO
    sales_channel_ids: string[]
    q?: string
    category_id?: string[]
    region_id?: string
    limit: number
    offset: number
  }
) {
  const { service, me } = input
  const settings = await programmeSettings(container)
  const pricing = await pricingContext(container, settings, input.region_id)
  const [inChannel, excluded] = await Promise.all([
    channelProductIds(container, input.sales_channel_ids),
    excludedProductIds(container, service, pricing.currency_code),
  ])
  const filters: Record<string, unknown> = {
    id: inChannel.filter((id) => !excluded.has(id)),
    status: ProductStatus.PUBLISHED,
  }
  if (input.q) filters.q = input.q
  if (input.category_id) filters.categories = { id: input.category_id }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "product",
    fields: PRODUCT_FIELDS,
    filters,
    pagination: { skip: input.offset, take: input.limit, order: { created_at: "DESC", id: "DESC" } },
    context: { variants: { calculated_price: QueryContext(pricing) } },
  })
  const products = data as unknown as StoreProduct[]
  const [facts, baseOf, sales] = await Promise.all([
    loadCommissionFacts(container, {
      product_ids: products.map((p) => p.id),
      variant_ids: products.flatMap((p) => p.variants.map((v) => v.id)),
    }),
    loadUnitBases(container, {
      products: products.map((p) => ({ id: p.id, type_id: p.type_id, variant_ids: p.variants.map((v) => v.id) })),
      currency_codes: [pricing.currency_code],
      region_id: pricing.region_id,
    }),
    // The sale each variant is in now: the calculated price is its sale price, and the sale's policy is what a sale pays.
    service.getSalesOfVariantsAt(products.flatMap((p) => p.variants.map((v) => v.id)), new Date()),
  ])
  const saleOf = new Map(sales.map((s) => [s.variant_id, s]))
  const level = (me.level as DistributionLevelDTO | null) ?? null
  return {
    currency_code: pricing.currency_code,
    count: metadata?.count ?? products.length,
    products: products.map((p) => ({
      id: p.id,
      title: p.title,
      handle: p.handle,
      thumbnail: p.thumbnail,
      variants: p.variants.flatMap((v) => {
        const price = v.calculated_price?.calculated_amount ?? null
        const original = v.calculated_price?.original_amount ?? null
        const sale = saleOf.get(v.id) ?? null
        const [preview] =
          price === null
            ? [null]
            : previewUnitCommissions({
                line: lineFacts(facts, { variant_id: v.id, product_id: p.id }),
                base: baseOf(v.id, pricing.currency_code, price, v.calculated_price?.is_calculated_price_tax_inclusive),
                currency_code: pricing.currency_code,
                level,
                depths: 1,
                rules: facts.rules,
                settings,
                sale_policy: sale ? salePolicy(sale) : null,
              })
        if (preview?.rate_source === "excluded") return []
        return [{
          id: v.id,
          title: v.title,
          sku: v.sku,
          price: price === null ? null : formatAmount(price, pricing.currency_code),
          original_price: original === null ? null : formatAmount(original, pricing.currency_code),
          commission: preview ? formatAmount(preview.amount, pricing.currency_code) : null,
          rate_bps: preview?.rate_bps ?? null,
          rate_source: preview?.rate_source ?? null,
          sale: sale
            ? {
                id: sale.sale_id,
                name: sale.name,
                ends_at: new Date(sale.ends_at).toISOString(),
                commission_policy: sale.commission_policy,
                rate_bps_1: sale.rate_bps_1,
              }
            : null,
        }]
      }),
    })),
  }
}

/** A published product of the key's sales channels with its lowest price in `currency_code`, or a 404. */
export async function retrieveStoreProduct(
  container: MedusaContainer,
  input: { product_id: string; sales_channel_ids: string[]; currency_code: string }
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: inChannel } = await query.graph({
    entity: "product_sales_channel",
    fields: ["product_id"],
    filters: { product_id: input.product_id, sales_channel_id: input.sales_channel_ids },
  })
  const {
    data: [product],
  } = await query.graph({
    entity: "product",
    fields: PRODUCT_FIELDS,
    filters: { id: inChannel.length ? input.product_id : [], status: ProductStatus.PUBLISHED },
    context: { variants: { calculated_price: QueryContext({ currency_code: input.currency_code }) } },
  })
  if (!product) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${input.product_id} was not found in this store`)
  }
  const p = product as unknown as StoreProduct
  const prices = p.variants
    .map((v) => v.calculated_price?.calculated_amount)
    .filter((a): a is number | string => a !== null && a !== undefined)
  const lowest = prices.length ? prices.reduce((min, a) => (MathBN.lt(a, min) ? a : min)) : null
  return { product: p, price: lowest === null ? null : String(lowest) }
}
