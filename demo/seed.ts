import { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  Modules,
  ProductStatus,
} from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createCollectionsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
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
import { DISTRIBUTION_MODULE } from "../src/modules/distribution"
import DistributionModuleService from "../src/modules/distribution/service"
import { CATEGORIES, COLLECTIONS, PRODUCTS } from "./catalog"
import { BUYERS, DEMO_PASSWORD, DISTRIBUTORS, LEVELS, VISIT_ANCHOR } from "./programme"

/**
 * The demo store and programme. Every section finds what an earlier run made by
 * its natural key (a region's name, a product's handle, a customer's email, a
 * distributor's customer), so a second run creates nothing and a run after a
 * crash completes only what was missing.
 */
export const SALES_CHANNEL_NAME = "分销演示商城"
export const PUBLISHABLE_KEY_TITLE = "Distribution Demo Storefront"
const REGIONS = [
  { name: "中国大陆", currency_code: "cny", countries: ["cn"] },
  { name: "香港 Hong Kong", currency_code: "hkd", countries: ["hk"] },
]

export async function seedStore(container: MedusaContainer) {
  const storeModule = container.resolve(Modules.STORE)
  const salesChannelModule = container.resolve(Modules.SALES_CHANNEL)
  const regionModule = container.resolve(Modules.REGION)
  const taxModule = container.resolve(Modules.TAX)

  let [channel] = await salesChannelModule.listSalesChannels({ name: SALES_CHANNEL_NAME })
  if (!channel) {
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: { salesChannelsData: [{ name: SALES_CHANNEL_NAME, description: "微商城 / 小程序 / App" }] },
    })
    channel = result[0]
  }
  const [store] = await storeModule.listStores()
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "好物分销商城",
        supported_currencies: [
          { currency_code: "cny", is_default: true },
          { currency_code: "hkd" },
        ],
        default_sales_channel_id: channel.id,
      },
    },
  })

  const existingRegions = await regionModule.listRegions({ name: { $in: REGIONS.map((r) => r.name) } })
  const missingRegions = REGIONS.filter((r) => !existingRegions.some((e) => e.name === r.name))
  if (missingRegions.length) {
    await createRegionsWorkflow(container).run({
      input: {
        regions: missingRegions.map((r) => ({ ...r, payment_providers: ["pp_system_default"] })),
      },
    })
  }
  const taxRegions = await taxModule.listTaxRegions({ country_code: ["cn", "hk"] })
  const missingTax = ["cn", "hk"].filter((c) => !taxRegions.some((t) => t.country_code === c))
  if (missingTax.length) {
    await createTaxRegionsWorkflow(container).run({
      input: missingTax.map((country_code) => ({ country_code, provider_id: "tp_system" })),
    })
  }
  return { sales_channel_id: channel.id }
}

export async function seedFulfillment(container: MedusaContainer, salesChannelId: string) {
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)
  const stockLocationModule = container.resolve(Modules.STOCK_LOCATION)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const regions = await container.resolve(Modules.REGION).listRegions({ name: { $in: REGIONS.map((r) => r.name) } })

  let [profile] = await fulfillmentModule.listShippingProfiles({ type: "default" })
  if (!profile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    })
    profile = result[0]
  }

  let [location] = await stockLocationModule.listStockLocations({ name: "杭州仓" })
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: {
        locations: [{ name: "杭州仓", address: { city: "杭州", country_code: "CN", address_1: "余杭区文一西路 969 号" } }],
      },
    })
    location = result[0]
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: location.id, add: [salesChannelId] },
    })
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
    })
  }

  let [fulfillmentSet] = await fulfillmentModule.listFulfillmentSets(
    { name: "杭州仓配送" },
    { relations: ["service_zones"] }
  )
  if (!fulfillmentSet) {
    fulfillmentSet = await fulfillmentModule.createFulfillmentSets({
      name: "杭州仓配送",
      type: "shipping",
      service_zones: [
        {
          name: "中国大陆及香港",
          geo_zones: [
            { country_code: "cn", type: "country" },
            { country_code: "hk", type: "country" },
          ],
        },
      ],
    })
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
    })
  }

  const options = await fulfillmentModule.listShippingOptions({ service_zone: { fulfillment_set: { id: fulfillmentSet.id } } })
  const wanted = [
    { name: "顺丰标快", code: "sf-standard", cny: 12, hkd: 30 },
    { name: "顺丰特快", code: "sf-express", cny: 22, hkd: 50 },
  ].filter((o) => !options.some((e) => e.name === o.name))
  if (wanted.length) {
    await createShippingOptionsWorkflow(container).run({
      input: wanted.map((o) => ({
        name: o.name,
        price_type: "flat" as const,
        provider_id: "manual_manual",
        service_zone_id: fulfillmentSet.service_zones[0].id,
        shipping_profile_id: profile.id,
        type: { label: o.name, description: o.name, code: o.code },
        prices: [
          { currency_code: "cny", amount: o.cny },
          { currency_code: "hkd", amount: o.hkd },
          ...regions.map((r) => ({ region_id: r.id, amount: r.currency_code === "cny" ? o.cny : o.hkd })),
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

export async function seedPublishableKey(container: MedusaContainer, salesChannelId: string) {
  const apiKeyModule = container.resolve(Modules.API_KEY)
  let [key] = await apiKeyModule.listApiKeys({ title: PUBLISHABLE_KEY_TITLE, type: "publishable" })
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: PUBLISHABLE_KEY_TITLE, type: "publishable", created_by: "" }] },
    })
    key = result[0]
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: key.id, add: [salesChannelId] },
    })
  }
  return key.token
}

export async function seedCatalog(container: MedusaContainer, salesChannelId: string, shippingProfileId: string) {
  const productModule = container.resolve(Modules.PRODUCT)

  const categories = await productModule.listProductCategories({ handle: CATEGORIES.map((c) => c.handle) })
  const missingCategories = CATEGORIES.filter((c) => !categories.some((e) => e.handle === c.handle))
  if (missingCategories.length) {
    const { result } = await createProductCategoriesWorkflow(container).run({
      input: { product_categories: missingCategories.map((c) => ({ ...c, is_active: true })) },
    })
    categories.push(...result)
  }
  const collections = await productModule.listProductCollections({ handle: COLLECTIONS.map((c) => c.handle) })
  const missingCollections = COLLECTIONS.filter((c) => !collections.some((e) => e.handle === c.handle))
  if (missingCollections.length) {
    const { result } = await createCollectionsWorkflow(container).run({
      input: { collections: missingCollections },
    })
    collections.push(...result)
  }

  const existing = await productModule.listProducts({ handle: PRODUCTS.map((p) => p.handle) }, { select: ["handle"] })
  const missing = PRODUCTS.filter((p) => !existing.some((e) => e.handle === p.handle))
  if (missing.length) {
    await createProductsWorkflow(container).run({
      input: {
        products: missing.map((p) => ({
          title: p.title,
          handle: p.handle,
          description: p.description,
          status: ProductStatus.PUBLISHED,
          shipping_profile_id: shippingProfileId,
          category_ids: [categories.find((c) => c.handle === p.category)!.id],
          collection_id: p.collection ? collections.find((c) => c.handle === p.collection)!.id : undefined,
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

/** Customers, levels, settings and the distributor tree, in every status. */
export async function seedProgramme(container: MedusaContainer) {
  const distribution: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const customerModule = container.resolve(Modules.CUSTOMER)
  const authModule = container.resolve(Modules.AUTH)

  const settings = await distribution.updateSettings({
    application_mode: "review",
    max_depth: 3,
    currency_code: "cny",
    freeze_days: 7,
    default_rate_bps_1: 1000,
    default_rate_bps_2: 500,
    default_rate_bps_3: 200,
  })

  const levels = await distribution.listDistributionLevels({ rank: LEVELS.map((l) => l.rank) })
  for (const level of LEVELS.filter((l) => !levels.some((e) => e.rank === l.rank))) {
    const { is_default, ...data } = level
    const created = await distribution.createDistributionLevels({ ...data, is_default: false })
    levels.push(created)
    if (is_default) {
      await distribution.setDefaultLevel(created.id)
    }
  }
  const levelByRank = new Map(levels.map((l) => [l.rank, l.id]))

  const people = [...DISTRIBUTORS, ...BUYERS]
  const customers = await customerModule.listCustomers({ email: people.map((p) => p.email) }, { take: null })
  const missingCustomers = people.filter((p) => !customers.some((c) => c.email === p.email))
  if (missingCustomers.length) {
    customers.push(
      ...(await customerModule.createCustomers(
        missingCustomers.map((p) => ({
          email: p.email,
          first_name: p.first_name,
          last_name: p.last_name,
          phone: p.phone,
          has_account: !!p.login,
        }))
      ))
    )
  }
  const customerByEmail = new Map(customers.map((c) => [c.email, c]))

  for (const person of people.filter((p) => p.login)) {
    const customer = customerByEmail.get(person.email)!
    const identities = await authModule.listProviderIdentities({ entity_id: person.email, provider: "emailpass" })
    if (!identities.length) {
      const { authIdentity } = await authModule.register("emailpass", {
        body: { email: person.email, password: DEMO_PASSWORD },
      })
      await authModule.updateAuthIdentities({ id: authIdentity!.id, app_metadata: { customer_id: customer.id } })
    }
  }

  const distributors = await distribution.listDistributors(
    { customer_id: customers.map((c) => c.id) },
    { take: null }
  )
  const byEmail = new Map(distributors.map((d) => [d.email, d]))
  // Parents come before their children in DISTRIBUTORS, so one pass builds the tree.
  for (const p of DISTRIBUTORS) {
    if (byEmail.has(p.email)) {
      continue
    }
    const customer = customerByEmail.get(p.email)!
    const parent = p.parent ? byEmail.get(p.parent)! : null
    const created = await distribution.createDistributor({
      customer_id: customer.id,
      email: p.email,
      display_name: `${p.last_name}${p.first_name}`,
      parent_id: parent?.id ?? null,
      // Rejected applicants were never admitted: they start pending and are rejected below.
      status: p.status === "active" || p.status === "suspended" ? "active" : "pending",
      application: { name: `${p.last_name}${p.first_name}`, phone: p.phone, reason: p.reason },
      level_id: levelByRank.get(p.level ?? 1) ?? null,
    })
    byEmail.set(p.email, created)
    if (parent) {
      await distribution.bindCustomer({
        customer_id: customer.id,
        distributor_id: parent.id,
        source: "code",
        binding_mode: settings.binding_mode,
        binding_days: settings.binding_days,
      })
    }
  }
  for (const p of DISTRIBUTORS) {
    const d = byEmail.get(p.email)!
    if (p.status === "rejected" && d.status === "pending") {
      await distribution.transitionDistributor({ id: d.id, action: "reject", reason: p.reason_for_decision ?? "资料不完整", actor_id: null })
    }
    if (p.status === "suspended" && d.status === "active") {
      await distribution.transitionDistributor({ id: d.id, action: "suspend", reason: p.reason_for_decision ?? "违规推广", actor_id: null })
    }
  }

  for (const buyer of BUYERS) {
    const customer = customerByEmail.get(buyer.email)!
    const [binding] = await distribution.listReferralBindings({ customer_id: customer.id })
    if (!binding && buyer.referrer) {
      await distribution.bindCustomer({
        customer_id: customer.id,
        distributor_id: byEmail.get(buyer.referrer)!.id,
        source: buyer.source ?? "link",
        binding_mode: settings.binding_mode,
        binding_days: settings.binding_days,
        now: VISIT_ANCHOR,
      })
    }
  }

  // Visits on fixed dates, so that a re-run on another day adds nothing.
  let n = 0
  for (const p of DISTRIBUTORS.filter((d) => d.status === "active" || d.status === "suspended")) {
    const d = byEmail.get(p.email)!
    for (let i = 0; i < (p.visits ?? 0); i++, n++) {
      await distribution.recordVisit({
        distributor_id: d.id,
        visitor_key: distribution.visitorKey(`demo-visitor-${n}`),
        source: (["link", "qr", "code"] as const)[i % 3],
        landing_path: `/products/${PRODUCTS[n % PRODUCTS.length].handle}`,
        now: new Date(VISIT_ANCHOR.getTime() - (i % 28) * 24 * 3600 * 1000),
      })
    }
  }
  return { distributors: DISTRIBUTORS.length, buyers: BUYERS.length }
}

export default async function seedDemo({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  logger.info("Seeding the demo store and distribution programme…")
  const { sales_channel_id } = await seedStore(container)
  const { shipping_profile_id } = await seedFulfillment(container, sales_channel_id)
  const token = await seedPublishableKey(container, sales_channel_id)
  const catalog = await seedCatalog(container, sales_channel_id, shipping_profile_id)
  const programme = await seedProgramme(container)
  logger.info(
    `Demo ready: ${catalog.products} products (${catalog.created} new), ${programme.distributors} distributors, ${programme.buyers} buyers. Publishable key: ${token}`
  )
}
