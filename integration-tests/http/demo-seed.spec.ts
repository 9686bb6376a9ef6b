import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import seedDemo from "../../demo/seed"
import { PRODUCTS } from "../../demo/catalog"
import { BUYERS, DISTRIBUTORS } from "../../demo/programme"

jest.setTimeout(300_000)

const COUNTS = `
  select
    (select count(*) from product where deleted_at is null)::int as products,
    (select count(*) from product_variant where deleted_at is null)::int as variants,
    (select count(*) from product_category where deleted_at is null)::int as categories,
    (select count(*) from product_collection where deleted_at is null)::int as collections,
    (select count(*) from region where deleted_at is null)::int as regions,
    (select count(*) from shipping_option where deleted_at is null)::int as shipping_options,
    (select count(*) from api_key where title = 'Distribution Demo Storefront' and deleted_at is null)::int as api_keys,
    (select count(*) from customer where deleted_at is null)::int as customers,
    (select count(*) from provider_identity)::int as logins,
    (select count(*) from distribution_distributor)::int as distributors,
    (select count(*) from distribution_level)::int as levels,
    (select count(*) from distribution_referral_binding)::int as bindings,
    (select count(*) from distribution_visit)::int as visits,
    (select count(*) from distribution_settings)::int as settings`

medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    it("seeds a believable store once: a second run duplicates nothing", async () => {
      const container = getContainer()
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await seedDemo({ container, args: [] })
      const { rows: [first] } = await pg.raw(COUNTS)

      expect(first).toMatchObject({
        products: PRODUCTS.length,
        variants: PRODUCTS.reduce((n, p) => n + p.variants.length, 0),
        categories: 5,
        collections: 2,
        regions: 2,
        shipping_options: 2,
        api_keys: 1,
        customers: DISTRIBUTORS.length + BUYERS.length,
        distributors: 40,
        levels: 3,
        settings: 1,
      })
      expect(first.logins).toBe(3)
      expect(first.bindings).toBeGreaterThan(40)
      expect(first.visits).toBeGreaterThan(100)

      const { rows: statuses } = await pg.raw(
        "select status, count(*)::int as n from distribution_distributor group by status order by status"
      )
      expect(statuses).toEqual([
        { status: "active", n: 26 },
        { status: "pending", n: 7 },
        { status: "rejected", n: 4 },
        { status: "suspended", n: 3 },
      ])
      const { rows: [tree] } = await pg.raw(
        "select max(depth)::int as max_depth, count(*) filter (where depth = 0)::int as founders from distribution_distributor"
      )
      expect(tree).toEqual({ max_depth: 3, founders: 4 })
      const { rows: codes } = await pg.raw(
        "select status, count(referral_code)::int as with_code from distribution_distributor group by status order by status"
      )
      expect(codes).toEqual([
        { status: "active", with_code: 26 },
        { status: "pending", with_code: 0 },
        { status: "rejected", with_code: 0 },
        { status: "suspended", with_code: 3 },
      ])

      await seedDemo({ container, args: [] })
      const { rows: [second] } = await pg.raw(COUNTS)
      expect(second).toEqual(first)
    })
  },
})
