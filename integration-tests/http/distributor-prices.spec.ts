import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { IEventBusModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createAdmin, Headers, registerCustomer, StoreCustomer } from "../helpers/auth"
import { Distributor, failure, makeDistributor, service, uniqueEmail, updateSettings } from "../helpers/distribution"
import { recordEvents } from "../helpers/events"
import { seedShop, Shop, placeOrder } from "../helpers/orders"
import { andWait } from "../helpers/programme"
import { DistributionEvents } from "../../src/modules/distribution/constants"
import { syncDistributorCustomerGroupsWorkflow } from "../../src/workflows/pricing/sync-distributor-customer-groups"

jest.setTimeout(300_000)

const { DISTRIBUTOR_APPROVED, DISTRIBUTOR_SUSPENDED, DISTRIBUTOR_REINSTATED, DISTRIBUTOR_LEVEL_CHANGED, SETTINGS_UPDATED, CUSTOMER_GROUPS_SYNCED } =
  DistributionEvents

/**
 * Distributor prices (分销价): the plugin keeps its active distributors in
 * Medusa customer groups, and a price list of Medusa's own pointed at a group
 * sells to them at its price, in a real cart and order.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Shop
    let admin: Headers
    let bronze: { id: string }
    let gold: { id: string }
    let vip: { id: string }
    let buyer: StoreCustomer

    /** The names of the customer groups a customer is in, sorted. */
    const groupsOf = async (customerId: string) => {
      const { data } = await api.get(`/admin/customers/${customerId}?fields=groups.id,groups.name`, admin)
      return (data.customer.groups as { name: string }[]).map((g) => g.name).sort()
    }
    const view = async () => (await api.get("/admin/distribution/customer-groups", admin)).data
    const counts = async () => Object.fromEntries((await view()).groups.map((g: { name: string; member_count: number }) => [g.name, g.member_count]))
    const groupId = async (name: string) => (await view()).groups.find((g: { name: string }) => g.name === name).id as string
    /** What the customer pays for one serum (regular 129.90) in a new cart. */
    const serumPrice = async (customer: Headers) => {
      const { data } = await api.post(
        "/store/carts",
        { region_id: shop.region_id, items: [{ variant_id: shop.variants.get("SERUM-30"), quantity: 1 }] },
        customer
      )
      return { cart_id: data.cart.id as string, unit_price: data.cart.items[0].unit_price as number }
    }
    const setMode = (mode: string) => andWait(getContainer(), SETTINGS_UPDATED, () => updateSettings(api, admin, { distributor_group_mode: mode }))

    beforeAll(async () => {
      const container = getContainer()
      shop = await seedShop(container)
      admin = await createAdmin(container)
      const level = async (body: Record<string, unknown>) => (await api.post("/admin/distribution/levels", body, admin)).data.level
      bronze = await level({ name: "铜牌", rank: 1, rate_bps_1: 1000, rate_bps_2: 500, rate_bps_3: 0, is_default: true })
      gold = await level({ name: "金牌", rank: 2, rate_bps_1: 1500, rate_bps_2: 800, rate_bps_3: 0 })
      // A group of the merchant's own: the plugin never touches it.
      vip = (await api.post("/admin/customer-groups", { name: "VIP" }, admin)).data.customer_group
      buyer = await registerCustomer(api, shop.pk, { email: uniqueEmail("regular") })
    })

    /**
     * Per level, Dana — a customer of the merchant's VIP group — applies (pending:
     * in none of the plugin's groups) and is approved on the default level.
     */
    const perLevelDana = async (): Promise<Distributor> => {
      await setMode("per_level")
      const customer = await registerCustomer(api, shop.pk, { email: uniqueEmail("dana"), first_name: "Dana", last_name: "Test" })
      await api.post(`/admin/customer-groups/${vip.id}/customers`, { add: [customer.id] }, admin)
      const applied = await api.post("/store/distribution/apply", { name: "Dana", phone: "13800138000", reason: "friends" }, customer)
      expect(applied.data.distributor.status).toBe("pending")
      expect(await groupsOf(customer.id)).toEqual(["VIP"])
      const approved = await andWait(getContainer(), DISTRIBUTOR_APPROVED, () =>
        api.post(`/admin/distribution/distributors/${applied.data.distributor.id}/approve`, {}, admin)
      )
      return { ...customer, distributor_id: approved.data.distributor.id, code: approved.data.distributor.referral_code }
    }

    /** Medusa's own sale price list for the programme's group: the serum at 99.00 instead of 129.90. */
    const distributorPriceList = async () => {
      const { data } = await api.post(
        "/admin/price-lists",
        {
          title: "分销价",
          description: "Distributor price",
          type: "sale",
          status: "active",
          rules: { "customer.groups.id": [await groupId("Distributors")] },
          prices: [{ amount: 99, currency_code: "cny", variant_id: shop.variants.get("SERUM-30") }],
        },
        admin
      )
      expect(data.price_list.id).toMatch(/^plist_/)
    }

    it("off by default: no group is made; switched to per level, the groups are made and the distributors approved before are put in them", async () => {
      expect(await view()).toEqual({ mode: "off", groups: [] })
      const early = await andWait(getContainer(), DISTRIBUTOR_APPROVED, () => makeDistributor(api, { pk: shop.pk, admin }, { name: "Early" }))
      expect(await groupsOf(early.id)).toEqual([])

      await setMode("per_level")
      expect(await view()).toEqual({
        mode: "per_level",
        groups: [
          { id: expect.stringMatching(/^cusgroup_/), name: "Distributors", level_id: null, level_name: null, member_count: 1 },
          { id: expect.stringMatching(/^cusgroup_/), name: "Distributors — 铜牌", level_id: bronze.id, level_name: "铜牌", member_count: 1 },
          { id: expect.stringMatching(/^cusgroup_/), name: "Distributors — 金牌", level_id: gold.id, level_name: "金牌", member_count: 0 },
        ],
      })
      expect(await groupsOf(early.id)).toEqual(["Distributors", "Distributors — 铜牌"])
      expect((await api.get("/admin/distribution/settings", admin)).data.settings.distributor_group_mode).toBe("per_level")
      const levels = (await api.get("/admin/distribution/levels", admin)).data.levels
      expect(levels.find((l: { id: string }) => l.id === gold.id).customer_group_id).toBe(await groupId("Distributors — 金牌"))
    })

    it("approving a distributor puts its customer in the programme's group and its level's, and keeps the merchant's own group", async () => {
      const dana = await perLevelDana()
      expect(await groupsOf(dana.id)).toEqual(["Distributors", "Distributors — 铜牌", "VIP"])
      expect(await counts()).toEqual({ Distributors: 1, "Distributors — 铜牌": 1, "Distributors — 金牌": 0 })
    })

    it("a sale price list of Medusa's own on the programme's group sells to the distributor at its price, in a cart and an order, and to anyone else at the regular price", async () => {
      const dana = await perLevelDana()
      await distributorPriceList()
      expect((await serumPrice(dana)).unit_price).toBe(99)
      expect((await serumPrice(buyer)).unit_price).toBe(129.9)
      const order = await placeOrder(api, shop, dana, [{ sku: "SERUM-30", quantity: 2 }])
      expect(order.items.map((i) => [i.variant_sku, (i as unknown as { unit_price: number }).unit_price, i.quantity])).toEqual([["SERUM-30", 99, 2]])
      const { data: placed } = await api.get(`/admin/orders/${order.id}?fields=customer_id,items.unit_price,items.variant_sku`, admin)
      expect(placed.order.customer_id).toBe(dana.id)
      expect(placed.order.items.map((i: { variant_sku: string; unit_price: number }) => [i.variant_sku, i.unit_price])).toEqual([["SERUM-30", 99]])
    })

    it("suspension takes the customer out of the plugin's groups (a refreshed cart is back at the regular price); reinstatement puts them back", async () => {
      const dana = await perLevelDana()
      await distributorPriceList()
      const cart = await serumPrice(dana)
      expect(cart.unit_price).toBe(99)
      await andWait(getContainer(), DISTRIBUTOR_SUSPENDED, () =>
        api.post(`/admin/distribution/distributors/${dana.distributor_id}/suspend`, { reason: "review" }, admin)
      )
      expect(await groupsOf(dana.id)).toEqual(["VIP"])
      const { data: refreshed } = await api.post(`/store/carts/${cart.cart_id}/line-items`, { variant_id: shop.variants.get("SERUM-30"), quantity: 1 }, dana)
      expect(refreshed.cart.items.map((i: { unit_price: number; quantity: number }) => [i.unit_price, i.quantity])).toEqual([[129.9, 2]])
      expect((await serumPrice(dana)).unit_price).toBe(129.9)

      await andWait(getContainer(), DISTRIBUTOR_REINSTATED, () =>
        api.post(`/admin/distribution/distributors/${dana.distributor_id}/reinstate`, {}, admin)
      )
      expect(await groupsOf(dana.id)).toEqual(["Distributors", "Distributors — 铜牌", "VIP"])
      expect((await serumPrice(dana)).unit_price).toBe(99)
    })

    it("a level change moves the customer from one level's group to the other's", async () => {
      const dana = await perLevelDana()
      await andWait(getContainer(), DISTRIBUTOR_LEVEL_CHANGED, () =>
        api.post(`/admin/distribution/distributors/${dana.distributor_id}/level`, { level_id: gold.id, reason: "top seller" }, admin)
      )
      expect(await groupsOf(dana.id)).toEqual(["Distributors", "Distributors — 金牌", "VIP"])
      expect(await counts()).toEqual({ Distributors: 1, "Distributors — 铜牌": 0, "Distributors — 金牌": 1 })
    })

    it("a replayed event changes nothing: the distributor is read as it is now", async () => {
      const dana = await perLevelDana()
      const container = getContainer()
      const events = recordEvents(container, [CUSTOMER_GROUPS_SYNCED])
      try {
        const bus = container.resolve<IEventBusModuleService>(Modules.EVENT_BUS)
        for (const name of [DISTRIBUTOR_APPROVED, DISTRIBUTOR_SUSPENDED, DISTRIBUTOR_LEVEL_CHANGED]) {
          await andWait(container, name, () => bus.emit({ name, data: { id: dana.distributor_id, from_level_id: gold.id, to_level_id: bronze.id } }))
        }
        expect(await groupsOf(dana.id)).toEqual(["Distributors", "Distributors — 铜牌", "VIP"])
        expect(events.delivered).toEqual([])
      } finally {
        events.stop()
      }
    })

    it("a lost membership is put back by sync now, and a second sync changes nothing", async () => {
      const dana = await perLevelDana()
      await api.post(`/admin/customer-groups/${await groupId("Distributors — 铜牌")}/customers`, { remove: [dana.id] }, admin)
      expect(await groupsOf(dana.id)).toEqual(["Distributors", "VIP"])
      const first = (await api.post("/admin/distribution/customer-groups/sync", {}, admin)).data
      expect(first.sync).toEqual({ mode: "per_level", groups_created: 0, distributors: 1, added: 1, removed: 0 })
      expect(await groupsOf(dana.id)).toEqual(["Distributors", "Distributors — 铜牌", "VIP"])
      const second = (await api.post("/admin/distribution/customer-groups/sync", {}, admin)).data
      expect(second.sync).toEqual({ mode: "per_level", groups_created: 0, distributors: 1, added: 0, removed: 0 })
      expect(second.groups.map((g: { member_count: number }) => g.member_count)).toEqual([1, 1, 0])
    })

    it("syncs of one customer at once (events, a sync-all, two admins) leave one membership per group, not two", async () => {
      const dana = await perLevelDana()
      const container = getContainer()
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const rows = async () =>
        (
          await pg.raw(
            `select g.name, count(*)::int as n from customer_group_customer m join customer_group g on g.id = m.customer_group_id
              where m.customer_id = ? and m.deleted_at is null group by g.name order by g.name`,
            [dana.id]
          )
        ).rows
      // Both of the plugin's memberships lost: every sync below wants to add them back.
      for (const name of ["Distributors", "Distributors — 铜牌"]) {
        await api.post(`/admin/customer-groups/${await groupId(name)}/customers`, { remove: [dana.id] }, admin)
      }
      expect(await rows()).toEqual([{ name: "VIP", n: 1 }])
      await Promise.all([
        ...Array.from({ length: 6 }, () => syncDistributorCustomerGroupsWorkflow(container).run({ input: { distributor_id: dana.distributor_id } })),
        api.post("/admin/distribution/customer-groups/sync", {}, admin),
        api.post("/admin/distribution/customer-groups/sync", {}, admin),
      ])
      expect(await rows()).toEqual([
        { name: "Distributors", n: 1 },
        { name: "Distributors — 铜牌", n: 1 },
        { name: "VIP", n: 1 },
      ])
      expect(await counts()).toMatchObject({ Distributors: 1, "Distributors — 铜牌": 1 })
    })

    it("bad input is refused with 400 and a clear message, changing nothing", async () => {
      const dana = await perLevelDana()
      const before = await view()
      const bad = await failure(api.post("/admin/distribution/settings", { distributor_group_mode: "everyone" }, admin))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toBe("Invalid request: Expected: 'off, one, per_level' for field 'distributor_group_mode', but got: 'everyone'")
      const extra = await failure(api.post("/admin/distribution/customer-groups/sync", { mode: "off" }, admin))
      expect(extra.status).toBe(400)
      expect(extra.data.message).toBe("Invalid request: Unrecognized fields: 'mode'")
      expect((await api.get("/admin/distribution/settings", admin)).data.settings.distributor_group_mode).toBe("per_level")
      expect(await view()).toEqual(before)
      expect(await groupsOf(dana.id)).toEqual(["Distributors", "Distributors — 铜牌", "VIP"])
    })

    it("one group: the level groups are emptied; off: everyone leaves the plugin's groups, which stay for the price lists; the merchant's group is untouched", async () => {
      const dana = await perLevelDana()
      await distributorPriceList()
      await setMode("one")
      expect(await groupsOf(dana.id)).toEqual(["Distributors", "VIP"])
      expect(await counts()).toEqual({ Distributors: 1, "Distributors — 铜牌": 0, "Distributors — 金牌": 0 })

      await setMode("off")
      expect(await groupsOf(dana.id)).toEqual(["VIP"])
      expect(await counts()).toEqual({ Distributors: 0, "Distributors — 铜牌": 0, "Distributors — 金牌": 0 })
      expect((await serumPrice(dana)).unit_price).toBe(129.9)
      // The plugin's groups are kept (the price list still points at one), not made again when the mode comes back.
      const before = (await view()).groups.map((g: { id: string }) => g.id)
      await setMode("per_level")
      expect((await view()).groups.map((g: { id: string }) => g.id)).toEqual(before)
      expect(await groupsOf(dana.id)).toEqual(["Distributors", "Distributors — 铜牌", "VIP"])
      expect((await serumPrice(dana)).unit_price).toBe(99)
      const rows = await service(getContainer()).listDistributors({ customer_id: dana.id })
      expect(rows.map((r) => r.status)).toEqual(["active"])
    })

    it("a level created later gets its group at once in per_level mode", async () => {
      await setMode("per_level")
      await andWait(getContainer(), DistributionEvents.LEVEL_CREATED, () =>
        api.post("/admin/distribution/levels", { name: "钻石", rank: 3, rate_bps_1: 2000, rate_bps_2: 1000, rate_bps_3: 0 }, admin)
      )
      expect(await counts()).toEqual({ Distributors: 0, "Distributors — 铜牌": 0, "Distributors — 金牌": 0, "Distributors — 钻石": 0 })
    })
  },
})
