import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createRegionsWorkflow, createTaxRegionsWorkflow, updateStoresWorkflow } from "@medusajs/medusa/core-flows"
import { AxiosInstance } from "axios"
import { seedCatalog, seedFulfillment, seedPublishableKey, seedStore } from "../../src/scripts/seed-demo"
import { Headers } from "./auth"

export type Shop = { pk: string; region_id: string; variants: Map<string, string> }

/** The demo store's regions, shipping, key and catalogue: a real shop to order from. */
export async function seedShop(container: MedusaContainer): Promise<Shop> {
  const { sales_channel_id } = await seedStore(container)
  const { shipping_profile_id } = await seedFulfillment(container, sales_channel_id)
  const pk = await seedPublishableKey(container, sales_channel_id)
  await seedCatalog(container, sales_channel_id, shipping_profile_id)
  const [region] = await container.resolve(Modules.REGION).listRegions({ currency_code: "cny" })
  const variants = await container.resolve(Modules.PRODUCT).listProductVariants({}, { take: null })
  return { pk, region_id: region.id, variants: new Map(variants.map((v) => [v.sku!, v.id])) }
}

export type Market = { region_id: string; country_code: string }

/** The store also sells in `currencyCode` (the ones it had stay, its default too). */
export async function addStoreCurrency(container: MedusaContainer, currencyCode: string) {
  const storeModule = container.resolve(Modules.STORE)
  const [store] = await storeModule.listStores({}, { relations: ["supported_currencies"] })
  if ((store.supported_currencies ?? []).some((c) => c.currency_code === currencyCode)) {
    return
  }
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        supported_currencies: [
          ...(store.supported_currencies ?? []).map((c) => ({ currency_code: c.currency_code, is_default: c.is_default })),
          { currency_code: currencyCode },
        ],
      },
    },
  })
}

/**
 * Opens the shop to one more country and currency the way a merchant does:
 * the store's currency, a region with the system payment provider, a tax
 * region, the country in the warehouse's service zone, and a price in that
 * currency for the given variants and for standard shipping.
 */
export async function openMarket(
  container: MedusaContainer,
  input: { name: string; currency_code: string; country_code: string; prices: Record<string, number>; shipping: number }
): Promise<Market> {
  await addStoreCurrency(container, input.currency_code)
  const { result: [region] } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        { name: input.name, currency_code: input.currency_code, countries: [input.country_code], payment_providers: ["pp_system_default"] },
      ],
    },
  })
  await createTaxRegionsWorkflow(container).run({ input: [{ country_code: input.country_code, provider_id: "tp_system" }] })
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [zone] = await fulfillment.listServiceZones({})
  await fulfillment.createGeoZones({ service_zone_id: zone.id, type: "country", country_code: input.country_code })

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "variant",
    fields: ["sku", "price_set.id"],
    filters: { sku: Object.keys(input.prices) },
  })
  const { data: [standard] } = await query.graph({
    entity: "shipping_option",
    fields: ["price_set_link.price_set_id"],
    filters: { name: "顺丰标快" },
  })
  const pricing = container.resolve(Modules.PRICING)
  await pricing.addPrices([
    ...variants.map((v) => ({
      priceSetId: v.price_set!.id,
      prices: [{ amount: input.prices[v.sku!], currency_code: input.currency_code }],
    })),
    { priceSetId: standard.price_set_link!.price_set_id, prices: [{ amount: input.shipping, currency_code: input.currency_code }] },
  ])
  return { region_id: region.id, country_code: input.country_code }
}

/**
 * Places an order the way a storefront does: cart, shipping method, payment
 * session, complete. `buyer` is a logged-in customer's headers, or null for a
 * guest; `metadata` is the cart's (a referral code travels there);
 * `promo_codes` are applied to the cart before checkout; `market` sells in
 * another region than the shop's CNY one.
 */
/**
 * A cart ready to complete, the way a storefront makes one: items, address,
 * `promo_codes` applied, `onCart` (what the storefront does to a new cart),
 * the standard shipping method and a payment session.
 */
export async function prepareCart(
  api: AxiosInstance,
  shop: Shop,
  buyer: (Headers & { email?: string }) | null,
  lines: { sku: string; quantity: number }[],
  metadata?: Record<string, unknown>,
  extra: { promo_codes?: string[]; market?: Market; onCart?: (cartId: string) => Promise<unknown> } = {}
) {
  const headers = buyer ? buyer.headers : { "x-publishable-api-key": shop.pk }
  const config = { headers }
  const { data: created } = await api.post(
    "/store/carts",
    {
      region_id: extra.market?.region_id ?? shop.region_id,
      email: buyer?.email ?? "guest@example.com",
      items: lines.map((l) => ({ variant_id: shop.variants.get(l.sku)!, quantity: l.quantity })),
      shipping_address: { ...SHIPPING_ADDRESS, country_code: extra.market?.country_code ?? "cn" },
      metadata,
    },
    config
  )
  const cartId = created.cart.id
  if (extra.promo_codes?.length) {
    await api.post(`/store/carts/${cartId}/promotions`, { promo_codes: extra.promo_codes }, config)
  }
  await extra.onCart?.(cartId)
  await payForCart(api, cartId, config)
  return { cartId, config }
}

/** The standard shipping method and a payment session on a cart: what a storefront does before completing it. */
export async function payForCart(api: AxiosInstance, cartId: string, config: Headers) {
  const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, config)
  // The demo shop offers two options; the list's order is not fixed, so pick 顺丰标快 (12 CNY) by name.
  const standard = options.shipping_options.find((o: { name: string }) => o.name === "顺丰标快")
  await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: standard.id }, config)
  const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, config)
  await api.post(
    `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    config
  )
}

/** The shipping address the demo shop's buyers use (in the shop's CNY region). */
export const SHIPPING_ADDRESS = {
  first_name: "收货",
  last_name: "人",
  address_1: "西湖区文三路 100 号",
  city: "杭州",
  country_code: "cn",
  postal_code: "310000",
  phone: "13800000000",
}

export async function placeOrder(
  api: AxiosInstance,
  shop: Shop,
  buyer: (Headers & { email?: string }) | null,
  lines: { sku: string; quantity: number }[],
  metadata?: Record<string, unknown>,
  extra: { promo_codes?: string[]; market?: Market } = {}
) {
  const { cartId, config } = await prepareCart(api, shop, buyer, lines, metadata, extra)
  const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, config)
  if (completed.type !== "order") {
    throw new Error(`cart did not complete: ${JSON.stringify(completed)}`)
  }
  return completed.order as { id: string; items: { id: string; variant_sku: string; quantity: number }[] }
}
