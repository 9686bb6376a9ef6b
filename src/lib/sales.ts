import { FilterableLineItemProps, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError, Modules, ProductStatus, QueryContext } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../modules/distribution"
import DistributionModuleService from "../modules/distribution/service"
import { DistributionSaleDTO } from "../modules/distribution/types"
import { formatAmount } from "../modules/distribution/utils/money"
import { saleStatus } from "../modules/distribution/utils/sale"
import { isoInZone } from "../modules/distribution/utils/time-zone"
import { channelProductIds, pricingContext } from "./earning-products"
import { programmeSettings } from "./programme-settings"

/**
 * Limited-time sales as the admin and the storefront read them: the sale, its
 * window in UTC and in its time zone, its variants, and its prices as its
 * Medusa price list holds them beside each variant's regular price.
 */

type VariantPriceRow = {
  id: string
  price_set: { id: string } | null
  prices: { amount: number | string; currency_code: string; price_list_id?: string | null; rules_count: number | null }[] | null
}

type ListPrice = { amount: number | string; currency_code: string; price_set_id: string; price_list_id: string }

export async function presentSales(container: MedusaContainer, rows: DistributionSaleDTO[], now = new Date()) {
  if (!rows.length) {
    return []
  }
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const listIds = rows.map((s) => s.price_list_id).filter((id): id is string => !!id)
  const [variants, listPrices] = await Promise.all([
    service.listSaleVariants(rows.map((s) => s.id)),
    // A variant's `prices` are its own; a price list's are read from the pricing module.
    listIds.length
      ? (container
          .resolve(Modules.PRICING)
          .listPrices({ price_list_id: listIds }, { select: ["id", "amount", "currency_code", "price_set_id", "price_list_id"], take: null }) as unknown as Promise<ListPrice[]>)
      : Promise.resolve([] as ListPrice[]),
  ])
  const { data } = variants.length
    ? await query.graph({
        entity: "variant",
        fields: ["id", "price_set.id", "prices.amount", "prices.currency_code", "prices.price_list_id", "prices.rules_count"],
        filters: { id: [...new Set(variants.map((v) => v.variant_id))] },
      })
    : { data: [] }
  const byVariant = new Map((data as unknown as VariantPriceRow[]).map((v) => [v.id, v]))
  return rows.map((sale) => {
    const own = variants.filter((v) => v.sale_id === sale.id)
    const prices = own.flatMap((v) => {
      const row = byVariant.get(v.variant_id)
      const regulars = (row?.prices ?? []).filter((r) => !r.price_list_id && !r.rules_count)
      return listPrices
        .filter((p) => !!sale.price_list_id && p.price_list_id === sale.price_list_id && p.price_set_id === row?.price_set?.id)
        .map((p) => {
          const regular = regulars.find((r) => r.currency_code === p.currency_code)
          return {
            variant_id: v.variant_id,
            currency_code: p.currency_code,
            amount: formatAmount(p.amount, p.currency_code),
            regular_amount: regular ? formatAmount(regular.amount, p.currency_code) : null,
          }
        })
    })
    const starts = new Date(sale.starts_at)
    const ends = new Date(sale.ends_at)
    return {
      id: sale.id,
      name: sale.name,
      status: saleStatus(sale, now),
      price_list_id: sale.price_list_id,
      starts_at: starts.toISOString(),
      ends_at: ends.toISOString(),
      time_zone: sale.time_zone,
      starts_at_local: isoInZone(starts, sale.time_zone),
      ends_at_local: isoInZone(ends, sale.time_zone),
      percent_off_bps: sale.percent_off_bps,
      commission_policy: sale.commission_policy,
      rate_bps_1: sale.rate_bps_1,
      rate_bps_2: sale.rate_bps_2,
      rate_bps_3: sale.rate_bps_3,
      product_ids: [...new Set(own.map((v) => v.product_id))],
      variant_ids: own.map((v) => v.variant_id),
      prices,
      created_at: new Date(sale.created_at).toISOString(),
    }
  })
}

export async function retrieveSale(container: MedusaContainer, id: string) {
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const [sale] = await service.listDistributionSales({ id })
  if (!sale) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sale ${id} was not found`)
  }
  const [presented] = await presentSales(container, [sale])
  return presented
}

type StoreSaleProduct = {
  id: string
  title: string
  handle: string
  thumbnail: string | null
  variants: {
    id: string
    title: string | null
    sku: string | null
    calculated_price?: {
      calculated_amount: number | string | null
      original_amount: number | string | null
      price_list_id?: string | null
    } | null
  }[]
}

/**
 * The sales a storefront shows: live and upcoming (not yet ended), the soonest
 * to end first, each with the seconds left to its start and end (countdowns)
 * and its published products in the key's sales channels, each variant in
 * the sale with Medusa's calculated price for the region (the sale price
 * while the sale is live, the regular one before) and the sale's own price.
 */
export async function listStoreSales(
  container: MedusaContainer,
  input: { sales_channel_ids: string[]; region_id?: string; limit: number; offset: number }
) {
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const now = new Date()
  const [settings, inChannel] = await Promise.all([programmeSettings(container), channelProductIds(container, input.sales_channel_ids)])
  const pricing = await pricingContext(container, settings, input.region_id)
  const [rows, count] = await service.listAndCountDistributionSales(
    { ends_at: { $gt: now }, price_list_id: { $ne: null } },
    { take: input.limit, skip: input.offset, order: { ends_at: "ASC", id: "ASC" } }
  )
  const presented = await presentSales(container, rows, now)
  const channel = new Set(inChannel)
  const productIds = [...new Set(presented.flatMap((s) => s.product_ids))].filter((id) => channel.has(id))
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = productIds.length
    ? await query.graph({
        entity: "product",
        fields: [
          "id",
          "title",
          "handle",
          "thumbnail",
          "variants.id",
          "variants.title",
          "variants.sku",
          "variants.calculated_price.calculated_amount",
          "variants.calculated_price.original_amount",
          "variants.calculated_price.price_list_id",
        ],
        filters: { id: productIds, status: ProductStatus.PUBLISHED },
        context: { variants: { calculated_price: QueryContext(pricing) } },
      })
    : { data: [] }
  const products = new Map((data as unknown as StoreSaleProduct[]).map((p) => [p.id, p]))
  const amount = (a: number | string | null | undefined) => (a === null || a === undefined ? null : formatAmount(a, pricing.currency_code))
  return {
    currency_code: pricing.currency_code,
    count,
    sales: presented.map((sale) => ({
      id: sale.id,
      name: sale.name,
      status: sale.status,
      starts_at: sale.starts_at,
      ends_at: sale.ends_at,
      time_zone: sale.time_zone,
      starts_at_local: sale.starts_at_local,
      ends_at_local: sale.ends_at_local,
      starts_in_seconds: Math.max(0, Math.floor((new Date(sale.starts_at).getTime() - now.getTime()) / 1000)),
      ends_in_seconds: Math.max(0, Math.floor((new Date(sale.ends_at).getTime() - now.getTime()) / 1000)),
      percent_off_bps: sale.percent_off_bps,
      products: sale.product_ids.flatMap((productId) => {
        const product = products.get(productId)
        if (!product) return []
        const inSale = new Set(sale.variant_ids)
        return [
          {
            id: product.id,
            title: product.title,
            handle: product.handle,
            thumbnail: product.thumbnail,
            variants: product.variants
              .filter((v) => inSale.has(v.id))
              .map((v) => ({
                id: v.id,
                title: v.title,
                sku: v.sku,
                calculated_price: amount(v.calculated_price?.calculated_amount),
                original_price: amount(v.calculated_price?.original_amount),
                sale_price: sale.prices.find((p) => p.variant_id === v.id && p.currency_code === pricing.currency_code)?.amount ?? null,
              })),
          },
        ]
      }),
    })),
  }
}

type CartLine = {
  id: string
  variant_id: string | null
  product_title?: string | null
  variant_title?: string | null
  unit_price: number | string
  compare_at_unit_price: number | string | null
  is_custom_price: boolean | null
  updated_at: Date | string
}

/**
 * The lines of a cart still at the price of a sale that has ended: a line
 * priced (last updated) while one of the plugin's sales of its variant was
 * live, below its compare-at price, after that sale's end. Medusa keeps a
 * line's price until the cart is refreshed and builds the order from it, so
 * such a cart would complete at a price the shop no longer offers.
 */
export async function linesAtEndedSalePrices(container: MedusaContainer, cartId: string, now = new Date()) {
  // Only a line below its compare-at price can hold a sale's price: the cart module is asked
  // for those alone (every complete call asks, and most carts have none).
  const saleFilter = { cart_id: cartId, compare_at_unit_price: { $ne: null } } as FilterableLineItemProps
  const found = (await container.resolve(Modules.CART).listLineItems(saleFilter, {
    select: ["id", "variant_id", "product_title", "variant_title", "unit_price", "compare_at_unit_price", "is_custom_price", "updated_at"],
  })) as unknown as CartLine[]
  const lines = found.filter(
    (l): l is CartLine & { variant_id: string } =>
      !!l.variant_id && !l.is_custom_price && l.compare_at_unit_price !== null && MathBN.lt(l.unit_price, l.compare_at_unit_price)
  )
  if (!lines.length) {
    return []
  }
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const ended = await service.getEndedSalesOfVariants([...new Set(lines.map((l) => l.variant_id))], now)
  return lines.flatMap((line) => {
    const pricedAt = new Date(line.updated_at).getTime()
    const sale = ended.find(
      (s) => s.variant_id === line.variant_id && new Date(s.starts_at).getTime() <= pricedAt && pricedAt < new Date(s.ends_at).getTime()
    )
    return sale ? [{ line, sale }] : []
  })
}
