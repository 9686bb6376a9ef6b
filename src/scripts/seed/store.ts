import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

/**
 * The shop around the programme: store currencies, regions, tax regions, a sales
 * channel, a warehouse with manual fulfilment and shipping options, and the
 * storefront's publishable key. Modelled on Medusa's starter seed; every step
 * looks for what an earlier (possibly interrupted) run made before creating it.
 */
export const STORE_NAME = "好物分销商城"
export const SALES_CHANNEL_NAME = "分销演示商城"
export const PUBLISHABLE_KEY_TITLE = "Distribution Demo Storefront"
export const STOCK_LOCATION_NAME = "杭州仓"
export const FULFILLMENT_SET_NAME = "杭州仓配送"

export const CURRENCIES = [
  { currency_code: "cny", is_default: true },
  { currency_code: "hkd", is_default: false },
]

export const REGIONS = [
  { name: "中国大陆", currency_code: "cny", countries: ["cn"] },
  { name: "香港 Hong Kong", currency_code: "hkd", countries: ["hk"] },
]

export const SHIPPING_OPTIONS = [
  { name: "顺丰标快", code: "sf-standard", description: "2–3 天送达", cny: 12, hkd: 30 },
  { name: "顺丰特快", code: "sf-express", description: "次日达", cny: 22, hkd: 50 },
]

/** Sales channel, store currencies, regions (system payment provider) and tax regions. */
export async function seedStore(container: MedusaContainer) {
  const storeModule = container.resolve(Modules.STORE)
  const salesChannelModule = container.resolve(Modules.SALES_CHANNEL)
  const regionModule = container.resolve(Modules.REGION)
  const taxModule = container.resolve(Modules.TAX)

  let [channel] = await salesChannelModule.listSalesChannels({ name: SALES_CHANNEL_NAME })
  if (!channel) {
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: {
        salesChannelsData: [{ name: SALES_CHANNEL_NAME, description: "微商城 / 小程序 / App" }],
      },
    })
    channel = result[0]
  }

  // The store itself is created by Medusa; it is set up once, so that a merchant's
  // later edits in the admin survive the next run.
  const [store] = await storeModule.listStores({}, { relations: ["supported_currencies"] })
  const codes = (store.supported_currencies ?? []).map((c) => c.currency_code)
  if (CURRENCIES.some((c) => !codes.includes(c.currency_code))) {
    await updateStoresWorkflow(container).run({
      input: {
        selector: { id: store.id },
        update: {
          name: STORE_NAME,
          supported_currencies: CURRENCIES,
          default_sales_channel_id: channel.id,
        },
      },
    })
  }

  const regions = await regionModule.listRegions({ name: { $in: REGIONS.map((r) => r.name) } })
  const missingRegions = REGIONS.filter((r) => !regions.some((e) => e.name === r.name))
  if (missingRegions.length) {
    await createRegionsWorkflow(container).run({
      input: {
        regions: missingRegions.map((r) => ({ ...r, payment_providers: ["pp_system_default"] })),
      },
    })
  }

  const countries = REGIONS.flatMap((r) => r.countries)
  const taxRegions = await taxModule.listTaxRegions({ country_code: countries })
  const missingTax = countries.filter((c) => !taxRegions.some((t) => t.country_code === c))
  if (missingTax.length) {
    // Checkout needs a tax provider on the region's country.
    await createTaxRegionsWorkflow(container).run({
      input: missingTax.map((country_code) => ({ country_code, provider_id: "tp_system" })),
    })
  }
  return { sales_channel_id: channel.id }
}

/**
 * Default shipping profile, the warehouse (linked to the sales channel and the
 * manual fulfilment provider), its fulfilment set for 中国大陆 and 香港, and the
 * shipping options with prices in both currencies.
 */
export async function seedFulfillment(container: MedusaContainer, salesChannelId: string) {
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)
  const stockLocationModule = container.resolve(Modules.STOCK_LOCATION)
  const regionModule = container.resolve(Modules.REGION)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  let [profile] = await fulfillmentModule.listShippingProfiles({ type: "default" })
  if (!profile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    })
    profile = result[0]
  }

  let [location] = await stockLocationModule.listStockLocations({ name: STOCK_LOCATION_NAME })
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: {
        locations: [
          {
            name: STOCK_LOCATION_NAME,
            address: { city: "杭州", province: "浙江", country_code: "CN", address_1: "余杭区文一西路 969 号" },
          },
        ],
      },
    })
    location = result[0]
  }

  let [fulfillmentSet] = await fulfillmentModule.listFulfillmentSets(
    { name: FULFILLMENT_SET_NAME },
    { relations: ["service_zones"] }
  )
  if (!fulfillmentSet) {
    fulfillmentSet = await fulfillmentModule.createFulfillmentSets({
      name: FULFILLMENT_SET_NAME,
      type: "shipping",
      service_zones: [
        {
          name: "中国大陆及香港",
          geo_zones: REGIONS.flatMap((r) => r.countries).map((country_code) => ({
            country_code,
            type: "country" as const,
          })),
        },
      ],
    })
  }

  // Each link is checked on its own: a run interrupted between two of them
  // completes the missing ones.
  const {
    data: [linked],
  } = await query.graph({
    entity: "stock_location",
    fields: ["id", "sales_channels.id", "fulfillment_providers.id", "fulfillment_sets.id"],
    filters: { id: location.id },
  })
  const has = (list: unknown, id: string) =>
    ((list as { id: string }[] | undefined) ?? []).some((x) => x?.id === id)
  if (!has(linked?.sales_channels, salesChannelId)) {
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: location.id, add: [salesChannelId] },
    })
  }
  if (!has(linked?.fulfillment_providers, "manual_manual")) {
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
    })
  }
  if (!has(linked?.fulfillment_sets, fulfillmentSet.id)) {
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
    })
  }

  const regions = await regionModule.listRegions({ name: { $in: REGIONS.map((r) => r.name) } })
  const existing = await fulfillmentModule.listShippingOptions({
    service_zone: { fulfillment_set: { id: fulfillmentSet.id } },
  })
  const missing = SHIPPING_OPTIONS.filter((o) => !existing.some((e) => e.name === o.name))
  if (missing.length) {
    await createShippingOptionsWorkflow(container).run({
      input: missing.map((o) => ({
        name: o.name,
        price_type: "flat" as const,
        provider_id: "manual_manual",
        service_zone_id: fulfillmentSet.service_zones[0].id,
        shipping_profile_id: profile.id,
        type: { label: o.name, description: o.description, code: o.code },
        prices: [
          { currency_code: "cny", amount: o.cny },
          { currency_code: "hkd", amount: o.hkd },
          ...regions.map((r) => ({
            region_id: r.id,
            amount: r.currency_code === "cny" ? o.cny : o.hkd,
          })),
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
          { attribute: "is_return", value: "false", operator: "eq" as const },
        ],
      })),
    })
  }
  return { shipping_profile_id: profile.id, stock_location_id: location.id }
}

/** The storefront's publishable key, linked to the sales channel. Returns its token. */
export async function seedPublishableKey(container: MedusaContainer, salesChannelId: string) {
  const apiKeyModule = container.resolve(Modules.API_KEY)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  let key = (await apiKeyModule.listApiKeys({ title: PUBLISHABLE_KEY_TITLE, type: "publishable" })).find(
    (k) => !k.revoked_at
  )
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: PUBLISHABLE_KEY_TITLE, type: "publishable", created_by: "" }] },
    })
    key = result[0]
  }
  const {
    data: [linked],
  } = await query.graph({
    entity: "api_key",
    fields: ["id", "sales_channels.id"],
    filters: { id: key.id },
  })
  if (!(linked?.sales_channels ?? []).some((sc: { id: string } | null) => sc?.id === salesChannelId)) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: key.id, add: [salesChannelId] },
    })
  }
  return key.token
}
