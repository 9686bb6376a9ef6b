import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import seedDemo, {
  BUYERS,
  CATEGORIES,
  COLLECTIONS,
  DISTRIBUTORS,
  LEVELS,
  PRODUCTS,
  PUBLISHABLE_KEY_TITLE,
  REGIONS,
  SHIPPING_OPTIONS,
  seedCatalog,
  seedCustomers,
  seedFulfillment,
  seedLevels,
  seedProgrammeSettings,
  seedStore,
} from "../../src/scripts/seed-demo"

jest.setTimeout(300_000)

const COUNTS = `
  select
    (select count(*) from product where deleted_at is null)::int as products,
    (select count(*) from product_variant where deleted_at is null)::int as variants,
    (select count(*) from product_category where deleted_at is null)::int as categories,
    (select count(*) from product_collection where deleted_at is null)::int as collections,
    (select count(*) from region where deleted_at is null)::int as regions,
    (select count(*) from tax_region where deleted_at is null)::int as tax_regions,
    (select count(*) from sales_channel where name = '分销演示商城' and deleted_at is null)::int as sales_channels,
    (select count(*) from stock_location where deleted_at is null)::int as stock_locations,
    (select count(*) from shipping_option where deleted_at is null)::int as shipping_options,
    (select count(*) from api_key where title = '${PUBLISHABLE_KEY_TITLE}' and deleted_at is null)::int as api_keys,
    (select count(*) from publishable_api_key_sales_channel l join api_key k on k.id = l.publishable_key_id
      where k.title = '${PUBLISHABLE_KEY_TITLE}' and l.deleted_at is null)::int as api_key_channels,
    (select count(*) from customer where deleted_at is null)::int as customers,
    (select count(*) from provider_identity where provider = 'emailpass')::int as logins,
    (select count(*) from distribution_distributor where deleted_at is null)::int as distributors,
    (select count(*) from distribution_level where deleted_at is null)::int as levels,
    (select count(*) from distribution_level where is_default and deleted_at is null)::int as default_levels,
    (select count(*) from distribution_referral_binding where deleted_at is null)::int as bindings,
    (select count(*) from distribution_visit where deleted_at is null)::int as visits,
    (select count(*) from distribution_settings where deleted_at is null)::int as settings`

const count = <T>(list: T[], pick: (x: T) => boolean) => list.filter(pick).length

/** What one complete seed must hold, derived from the seed's own data. */
const EXPECTED = {
  products: PRODUCTS.length,
  variants: PRODUCTS.reduce((n, p) => n + p.variants.length, 0),
  categories: CATEGORIES.length,
  collections: COLLECTIONS.length,
  regions: REGIONS.length,
  tax_regions: REGIONS.flatMap((r) => r.countries).length,
  sales_channels: 1,
  stock_locations: 1,
  shipping_options: SHIPPING_OPTIONS.length,
  api_keys: 1,
  api_key_channels: 1,
  customers: DISTRIBUTORS.length + BUYERS.length,
  logins: count([...DISTRIBUTORS, ...BUYERS], (p) => !!p.login),
  distributors: DISTRIBUTORS.length,
  levels: LEVELS.length,
  default_levels: 1,
  // Every recruit is bound to its parent; every referred buyer to its referrer.
  bindings: count(DISTRIBUTORS, (d) => !!d.parent) + count(BUYERS, (b) => !!b.referrer),
  visits: DISTRIBUTORS.reduce((n, d) => n + d.visits, 0),
  settings: 1,
}

medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    it("seeds the demo once: a run after an interruption completes it, a second run duplicates nothing", async () => {
      const container = getContainer()
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const counts = async () => (await pg.raw(COUNTS)).rows[0]

      // A run that stopped half-way: the shop, its catalogue and part of the programme.
      const { sales_channel_id } = await seedStore(container)
      const { shipping_profile_id } = await seedFulfillment(container, sales_channel_id)
      await seedCatalog(container, sales_channel_id, shipping_profile_id)
      await seedProgrammeSettings(container)
      await seedLevels(container)
      await seedCustomers(container)
      const partial = await counts()
      expect(partial).toMatchObject({ products: EXPECTED.products, customers: EXPECTED.customers, distributors: 0, api_keys: 0 })

      const first = await seedDemo({ container, args: [] })
      expect(await counts()).toEqual(EXPECTED)
      expect(first.created).toMatchObject({ products: 0, customers: 0, levels: 0, distributors: 40 })
      expect(first.publishable_key).toMatch(/^pk_/)

      // The sizes this test and the README rely on.
      expect(EXPECTED).toMatchObject({ products: 30, categories: 5, collections: 2, distributors: 40, logins: 3 })

      const { rows: statuses } = await pg.raw(
        "select status, count(*)::int as n from distribution_distributor group by status order by status"
      )
      const byStatus = (s: string) => count(DISTRIBUTORS, (d) => d.status === s)
      expect(statuses).toEqual(
        ["active", "pending", "rejected", "suspended"].map((status) => ({ status, n: byStatus(status) }))
      )
      expect(statuses.every((s: { n: number }) => s.n > 0)).toBe(true)

      const {
        rows: [tree],
      } = await pg.raw(
        `select max(depth)::int as max_depth,
                count(*) filter (where depth = 0)::int as founders,
                count(*) filter (where parent_id is not null and not exists (
                  select 1 from distribution_referral_binding b
                   where b.customer_id = d.customer_id and b.distributor_id = d.parent_id))::int as unbound_recruits
           from distribution_distributor d`
      )
      expect(tree).toEqual({ max_depth: 3, founders: count(DISTRIBUTORS, (d) => !d.parent), unbound_recruits: 0 })
      const { rows: depths } = await pg.raw(
        "select depth, count(*)::int as n from distribution_distributor group by depth order by depth"
      )
      expect(depths.map((r: { depth: number }) => r.depth)).toEqual([0, 1, 2, 3])

      // Admitted distributors have a referral code (suspended ones keep theirs); applicants never admitted have none.
      const { rows: codes } = await pg.raw(
        "select status, count(referral_code)::int as with_code from distribution_distributor group by status order by status"
      )
      expect(codes).toEqual([
        { status: "active", with_code: byStatus("active") },
        { status: "pending", with_code: 0 },
        { status: "rejected", with_code: 0 },
        { status: "suspended", with_code: byStatus("suspended") },
      ])

      const {
        rows: [settings],
      } = await pg.raw("select max_depth, application_mode, currency_code, default_rate_bps_3 from distribution_settings")
      expect(settings).toEqual({ max_depth: 3, application_mode: "review", currency_code: "cny", default_rate_bps_3: 200 })

      // An admin edit made after the seed survives the next run.
      await pg.raw("update distribution_settings set freeze_days = 14, updated_at = now()")

      const second = await seedDemo({ container, args: [] })
      expect(await counts()).toEqual(EXPECTED)
      expect(Object.values(second.created).every((n) => n === 0)).toBe(true)
      expect(second.publishable_key).toEqual(first.publishable_key)
      const {
        rows: [after],
      } = await pg.raw("select freeze_days from distribution_settings")
      expect(after.freeze_days).toBe(14)
    })
  },
})
