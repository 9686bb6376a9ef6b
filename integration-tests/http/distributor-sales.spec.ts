import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createAdmin, Headers, registerCustomer } from "../helpers/auth"
import { Distributor, failure, service, uniqueEmail } from "../helpers/distribution"
import { backOffice, clientFailure, storefront } from "../helpers/client"
import { recordEvents } from "../helpers/events"
import { Market, prepareCart, seedShop, Shop } from "../helpers/orders"
import { andWait, BASKET, commissionsOf as commissionsOfOrder, threeLevelProgramme } from "../helpers/programme"
import announceSaleTransitions from "../../src/jobs/announce-sale-transitions"

jest.setTimeout(600_000)

const DAY = 24 * 60 * 60 * 1000
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString()

type Placed = { id: string; items: { id: string; variant_sku: string; unit_price: number; compare_at_unit_price: number | null }[] }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Shop
    let admin: Headers
    let programme: { a: Distributor; b: Distributor; c: Distributor }

    beforeAll(async () => {
      // A failed request says why, in the test's failure.
      api.interceptors.response.use(undefined, (e) => {
        e.message = `${e.message}: ${JSON.stringify(e.response?.data)}`
        throw e
      })
      const container = getContainer()
      shop = await seedShop(container)
      admin = await createAdmin(container)
    })

    const productId = async (handle: string) => (await getContainer().resolve(Modules.PRODUCT).listProducts({ handle }))[0].id
    const variant = (sku: string) => shop.variants.get(sku)!
    const priceLists = async () => (await getContainer().resolve(Modules.PRICING).listPriceLists({}, { take: null })).length
    const hongKong = async (): Promise<Market> => {
      const [hk] = await getContainer().resolve(Modules.REGION).listRegions({ currency_code: "hkd" })
      return { region_id: hk.id, country_code: "hk" }
    }
    const createSale = async (body: Record<string, unknown>) => {
      const { status, data } = await api.post("/admin/distribution/sales", { ends_at: inDays(2), ...body }, admin)
      expect(status).toBe(201)
      return data.sale
    }

    /** A new customer bound to `d` checks out `lines` (in `market`, else CNY); returns the order once credited. */
    async function buyFrom(d: Distributor, lines: { sku: string; quantity: number }[], market?: Market) {
      const buyer = await registerCustomer(api, shop.pk, { email: uniqueEmail("sale-buyer") })
      await api.post("/store/distribution/bind", { referral_code: d.code }, buyer)
      return await andWait(getContainer(), "order.placed", async () => {
        const { cartId, config } = await prepareCart(api, shop, buyer, lines, undefined, { market })
        const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, config)
        expect(data.type).toBe("order")
        return data.order as Placed
      })
    }

    const commissionsOf = (order: Placed) => commissionsOfOrder(getContainer(), programme, order)

    const pricesOf = (order: Placed) =>
      Object.fromEntries(
        order.items.map((i) => [i.variant_sku, [Number(i.unit_price).toFixed(2), i.compare_at_unit_price === null ? null : Number(i.compare_at_unit_price).toFixed(2)]])
      )

    it("credits a sale order under each sale's policy to the cent: normal on the sale price, excluded, the sale's own rates", async () => {
      const container = getContainer()
      programme = await threeLevelProgramme(api, container, shop, admin)
      const events = recordEvents(container, ["distribution.sale.created"])
      try {
        // 12.34 % off both serums, the usual rates; the rice at a fixed ¥69.90, no commission;
        // the ivory tote 10 % off at 3 / 2 / 1 %.
        const serum = await createSale({
          name: "双十二 · 精华",
          product_ids: [await productId("hyaluronic-serum")],
          percent_off_bps: 1234,
          time_zone: "Asia/Shanghai",
          ends_at: "2099-12-12T00:00:00+08:00",
        })
        expect(serum).toMatchObject({
          status: "live",
          percent_off_bps: 1234,
          commission_policy: "normal",
          time_zone: "Asia/Shanghai",
          ends_at: "2099-12-11T16:00:00.000Z",
          ends_at_local: "2099-12-12T00:00:00+08:00",
          variant_ids: expect.arrayContaining([variant("SERUM-30"), variant("SERUM-50")]),
        })
        expect(serum.prices).toContainEqual({ variant_id: variant("SERUM-30"), currency_code: "cny", amount: "113.87", regular_amount: "129.90" })
        const rice = await createSale({
          name: "双十二 · 大米",
          prices: [{ variant_id: variant("RICE-5"), currency_code: "cny", amount: "69.90" }],
          commission_policy: "excluded",
        })
        expect(rice).toMatchObject({ percent_off_bps: null, commission_policy: "excluded", prices: [{ amount: "69.90", regular_amount: "89.90" }] })
        const tote = await createSale({
          name: "双十二 · 托特包",
          variant_ids: [variant("TOTE-IVORY")],
          percent_off_bps: 1000,
          commission_policy: "rates",
          rate_bps_1: 300,
          rate_bps_2: 200,
          rate_bps_3: 100,
        })
        expect(tote).toMatchObject({ rate_bps_1: 300, rate_bps_2: 200, rate_bps_3: 100, prices: expect.arrayContaining([
          { variant_id: variant("TOTE-IVORY"), currency_code: "cny", amount: "71.10", regular_amount: "79.00" },
          { variant_id: variant("TOTE-IVORY"), currency_code: "hkd", amount: "81.90", regular_amount: "91.00" },
        ]) })

        // Each is a Medusa sale price list, active, over the sale's window.
        const [list] = await container.resolve(Modules.PRICING).listPriceLists({ id: [serum.price_list_id] })
        expect(list).toMatchObject({ type: "sale", status: "active", title: "双十二 · 精华" })
        expect(new Date(list.ends_at!).toISOString()).toBe("2099-12-11T16:00:00.000Z")
        expect((await events.payloads("distribution.sale.created", 3)).map((p) => p.id).sort()).toEqual([serum.id, rice.id, tote.id].sort())

        // The storefront lists them, the soonest to end first, at Medusa's prices with the strike-through.
        const { data: store } = await api.get("/store/distribution/sales", { headers: { "x-publishable-api-key": shop.pk } })
        expect(store.sales.map((s: { id: string }) => s.id)).toEqual([rice.id, tote.id, serum.id])
        expect(store.sales[2].ends_in_seconds).toBeGreaterThan(0)
        const serum30 = store.sales[2].products[0].variants.find((v: { id: string }) => v.id === variant("SERUM-30"))
        expect(serum30).toMatchObject({ calculated_price: "113.87", original_price: "129.90", sale_price: "113.87" })

        // The distributor centre marks the sale items and previews what each sale pays.
        const { data: centre } = await api.get("/store/distribution/products?limit=50", programme.c)
        const centreVariant = (sku: string) =>
          centre.products.flatMap((p: { variants: { id: string }[] }) => p.variants).find((v: { id: string }) => v.id === variant(sku))
        expect(centreVariant("SERUM-30")).toMatchObject({ price: "113.87", original_price: "129.90", commission: "22.77", rate_source: "product", sale: { id: serum.id, commission_policy: "normal" } })
        expect(centreVariant("RICE-5")).toMatchObject({ price: "69.90", commission: "0.00", rate_source: "sale", sale: { id: rice.id, commission_policy: "excluded" } })
        expect(centreVariant("TOTE-IVORY")).toMatchObject({ price: "71.10", commission: "2.13", rate_bps: 300, rate_source: "sale" })
        expect(centreVariant("TOTE-BLACK")).toMatchObject({ price: "79.00", original_price: "79.00", commission: "7.90", rate_source: "level", sale: null })

        // A buyer bound to C checks the basket out at the sale prices.
        const order = await buyFrom(programme.c, BASKET)
        expect(pricesOf(order)).toEqual({ "SERUM-30": ["113.87", "129.90"], "RICE-5": ["69.90", "89.90"], "TOTE-IVORY": ["71.10", "79.00"] })
        // Serum: 20/10/5 % (its product rule) of 227.74; rice: nothing; totes: 3/2/1 % of 213.30.
        expect(await commissionsOf(order)).toMatchObject([
          { who: "C", depth: 1, sku: "SERUM-30", amount: "45.54", rate_source: "product" },
          { who: "C", depth: 1, sku: "TOTE-IVORY", amount: "6.39", rate_source: "sale" },
          { who: "B", depth: 2, sku: "SERUM-30", amount: "22.77", rate_source: "product" },
          { who: "B", depth: 2, sku: "TOTE-IVORY", amount: "4.26", rate_source: "sale" },
          { who: "A", depth: 3, sku: "SERUM-30", amount: "11.38", rate_source: "product" },
          { who: "A", depth: 3, sku: "TOTE-IVORY", amount: "2.13", rate_source: "sale" },
        ])
        // Each row records the sale it was credited under, and the admin lists a sale's commissions by it, to the cent.
        const bySale = async (saleId: string) =>
          (await api.get(`/admin/distribution/commissions?sale_id=${saleId}&order=depth`, admin)).data.commissions.map(
            (c: { order_id: string; depth: number; amount: string; sale_id: string }) => [c.order_id, c.depth, c.amount, c.sale_id]
          )
        expect(await bySale(serum.id)).toEqual([[order.id, 1, "45.54", serum.id], [order.id, 2, "22.77", serum.id], [order.id, 3, "11.38", serum.id]])
        expect(await bySale(tote.id)).toEqual([[order.id, 1, "6.39", tote.id], [order.id, 2, "4.26", tote.id], [order.id, 3, "2.13", tote.id]])
        expect(await bySale(rice.id)).toEqual([])
        const both = (await api.get(`/admin/distribution/commissions?sale_id[]=${serum.id}&sale_id[]=${tote.id}`, admin)).data
        expect(both.count).toBe(6)
        const badId = await failure(api.get(`/admin/distribution/commissions?sale_id=${encodeURIComponent("dsale x")}`, admin))
        expect(badId.status).toBe(400)
        expect(badId.data.message).toContain("sale_id")
      } finally {
        events.stop()
      }
    })

    it("refuses a variant already in an overlapping sale with a 409 that names it, writing nothing; bad input is a 4xx", async () => {
      const first = await createSale({ name: "双十二预热", variant_ids: [variant("SERUM-30")], percent_off_bps: 1000 })
      const lists = await priceLists()

      const overlap = await failure(
        api.post(
          "/admin/distribution/sales",
          { name: "年终大促", product_ids: [await productId("hyaluronic-serum")], percent_off_bps: 2000, starts_at: inDays(1), ends_at: inDays(3) },
          admin
        )
      )
      expect(overlap.status).toBe(409)
      expect(overlap.data.message).toContain(`${variant("SERUM-30")} is already in the sale "双十二预热" (${first.id}`)
      expect(await priceLists()).toBe(lists)
      expect((await api.get("/admin/distribution/sales", admin)).data.count).toBe(1)

      // Starting when the first ends does not overlap: an upcoming sale.
      const next = await createSale({ name: "年终大促", variant_ids: [variant("SERUM-30")], percent_off_bps: 2000, starts_at: first.ends_at, ends_at: inDays(4) })
      expect(next.status).toBe("upcoming")
      // Moving it into the first's window is refused the same way, and changes nothing.
      const moved = await failure(api.post(`/admin/distribution/sales/${next.id}`, { starts_at: inDays(1) }, admin))
      expect(moved.status).toBe(409)
      expect(moved.data.message).toContain("双十二预热")
      expect((await api.get(`/admin/distribution/sales/${next.id}`, admin)).data.sale).toMatchObject({ starts_at: first.ends_at, status: "upcoming" })
      expect((await api.get("/admin/distribution/sales?status=upcoming", admin)).data.sales.map((s: { id: string }) => s.id)).toEqual([next.id])

      const refused = async (body: Record<string, unknown>, status: number, message: string) => {
        const response = await failure(api.post("/admin/distribution/sales", { name: "坏的", ends_at: inDays(2), ...body }, admin))
        expect({ status: response.status, message: response.data.message }).toEqual({ status, message: expect.stringContaining(message) })
      }
      const tote = variant("TOTE-BLACK")
      await refused({}, 400, "percent_off_bps")
      await refused({ variant_ids: [tote], percent_off_bps: 1000, prices: [{ variant_id: tote, currency_code: "cny", amount: "9" }] }, 400, "not both")
      await refused({ variant_ids: [tote], percent_off_bps: 10000 }, 400, "percent_off_bps")
      await refused({ variant_ids: [tote], percent_off_bps: 1000, starts_at: "2019-12-01T00:00:00Z", ends_at: "2020-01-01T00:00:00Z" }, 400, "in the past")
      await refused({ variant_ids: [tote], percent_off_bps: 1000, starts_at: inDays(3), ends_at: inDays(2) }, 400, "must be after starts_at")
      await refused({ variant_ids: [tote], percent_off_bps: 1000, ends_at: "next week" }, 400, "ends_at")
      await refused({ variant_ids: [tote], percent_off_bps: 1000, time_zone: "Mars/Olympus" }, 400, "time_zone")
      await refused({ variant_ids: ["variant_unknown"], percent_off_bps: 1000 }, 400, "No such variant")
      await refused({ prices: [{ variant_id: tote, currency_code: "cny", amount: "9.999" }] }, 400, "more decimals than CNY allows")
      await refused({ prices: [{ variant_id: tote, currency_code: "cny", amount: 9.9 }] }, 400, "amount")
      await refused({ variant_ids: [tote], percent_off_bps: 1000, commission_policy: "rates" }, 400, "rate_bps_1")
      expect((await failure(api.get("/admin/distribution/sales/dsale_unknown", admin))).status).toBe(404)
      expect((await failure(api.post("/admin/distribution/sales/dsale_unknown/end", {}, admin))).status).toBe(404)
      expect((await api.get("/admin/distribution/sales", admin)).data.count).toBe(2)
      expect(await priceLists()).toBe(lists + 1)

      // Found by part of its name (a wildcard typed is a character), and by its Medusa price list.
      const ids = async (query: string) => (await api.get(`/admin/distribution/sales?${query}`, admin)).data.sales.map((s: { id: string }) => s.id)
      expect(await ids(`q=${encodeURIComponent("十二")}`)).toEqual([first.id])
      expect(await ids("q=%25")).toEqual([])
      expect(await ids(`price_list_id=${next.price_list_id}`)).toEqual([next.id])
      expect(await ids(`price_list_id=${first.price_list_id}&price_list_id=${next.price_list_id}`)).toEqual([next.id, first.id])
      expect(await ids("price_list_id=plist_unknown")).toEqual([])
      const tooLong = await failure(api.get(`/admin/distribution/sales?price_list_id=${"p".repeat(101)}`, admin))
      expect(tooLong.status).toBe(400)
      expect(tooLong.data.message).toContain("price_list_id")
    })

    it("ends a sale early: Medusa is back at the regular price, an idle cart at the sale price is re-priced with a clear error, and the sale cannot start again", async () => {
      const container = getContainer()
      programme = await threeLevelProgramme(api, container, shop, admin)
      const sale = await createSale({ name: "闪购精华", variant_ids: [variant("SERUM-30")], percent_off_bps: 2000 })

      // A buyer puts the serum in the cart during the sale: ¥103.92 instead of ¥129.90.
      const buyer = await registerCustomer(api, shop.pk, { email: uniqueEmail("idle-buyer") })
      await api.post("/store/distribution/bind", { referral_code: programme.c.code }, buyer)
      const { cartId, config } = await prepareCart(api, shop, buyer, [{ sku: "SERUM-30", quantity: 1 }])
      const line = async () => (await api.get(`/store/carts/${cartId}`, config)).data.cart.items[0]
      expect(await line()).toMatchObject({ unit_price: 103.92, compare_at_unit_price: 129.9 })

      const events = recordEvents(container, ["distribution.sale.ended"])
      try {
        const { data: ended } = await api.post(`/admin/distribution/sales/${sale.id}/end`, {}, admin)
        expect(ended.sale.status).toBe("ended")
        expect(new Date(ended.sale.ends_at).getTime()).toBeLessThanOrEqual(Date.now())
        expect(await events.payloads("distribution.sale.ended")).toEqual([expect.objectContaining({ id: sale.id, early: true })])
      } finally {
        events.stop()
      }
      const [list] = await container.resolve(Modules.PRICING).listPriceLists({ id: [sale.price_list_id] })
      expect(new Date(list.ends_at!).getTime()).toBeLessThanOrEqual(Date.now())

      // The storefront no longer lists it, and a new cart has the regular price.
      expect((await api.get("/store/distribution/sales", { headers: { "x-publishable-api-key": shop.pk } })).data.sales).toEqual([])
      const other = await prepareCart(api, shop, null, [{ sku: "SERUM-30", quantity: 1 }])
      expect((await api.get(`/store/carts/${other.cartId}`, other.config)).data.cart.items[0]).toMatchObject({ unit_price: 129.9 })

      // The idle cart does not complete at the ended sale's price: a clear 409, and the cart re-priced.
      const refused = await failure(api.post(`/store/carts/${cartId}/complete`, {}, config))
      expect(refused.status).toBe(409)
      expect(refused.data.message).toContain(`The sale "闪购精华" ended at `)
      expect(refused.data.message).toContain("back at the regular price")
      expect(await line()).toMatchObject({ unit_price: 129.9 })

      // The buyer pays again for the new total and completes: credited on ¥129.90 at the usual rates,
      // 20 / 10 / 5 %, within the 30 % cap (38.97): 25.98 and 12.99 leave nothing for A.
      const order = await andWait(container, "order.placed", async () => {
        const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, config)
        await api.post(`/store/payment-collections/${collection.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, config)
        const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, config)
        expect(data.type).toBe("order")
        return data.order as Placed
      })
      expect(Number(order.items[0].unit_price).toFixed(2)).toBe("129.90")
      expect((await commissionsOf(order)).map((r) => [r.who, r.amount, r.rate_source])).toEqual([
        ["C", "25.98", "product"],
        ["B", "12.99", "product"],
      ])

      // An ended sale cannot be started again, nor ended twice.
      const restart = await failure(api.post(`/admin/distribution/sales/${sale.id}`, { ends_at: inDays(3) }, admin))
      expect(restart.status).toBe(409)
      expect(restart.data.message).toContain("cannot be changed or started again")
      expect((await failure(api.post(`/admin/distribution/sales/${sale.id}/end`, {}, admin))).status).toBe(409)
      expect((await api.get(`/admin/distribution/sales/${sale.id}`, admin)).data.sale.status).toBe("ended")
    })

    it("announces each sale's start and end once: two instances running the job at once, a later run, and an end the admin announced", async () => {
      const container = getContainer()
      programme = await threeLevelProgramme(api, container, shop, admin)
      const events = recordEvents(container, ["distribution.sale.started", "distribution.sale.ended"])
      try {
        // A flash sale a few seconds long, a sale the admin ends early, and one that starts tomorrow.
        const now = Date.now()
        const flash = await createSale({
          name: "午间闪购",
          variant_ids: [variant("SERUM-30")],
          percent_off_bps: 2000,
          starts_at: new Date(now + 10_000).toISOString(),
          ends_at: new Date(now + 20_000).toISOString(),
        })
        expect(flash.status).toBe("upcoming")
        const early = await createSale({ name: "大米特价", variant_ids: [variant("RICE-5")], percent_off_bps: 1000 })
        const tomorrow = await createSale({ name: "明日托特包", variant_ids: [variant("TOTE-IVORY")], percent_off_bps: 1000, starts_at: inDays(1) })

        // Before it starts, the centre shows the serum at its regular price, in no sale; the tote's sale is not live either.
        const centreVariant = async (sku: string) =>
          (await api.get("/store/distribution/products?limit=50", programme.c)).data.products
            .flatMap((p: { variants: { id: string }[] }) => p.variants)
            .find((v: { id: string }) => v.id === variant(sku))
        expect(await centreVariant("TOTE-IVORY")).toMatchObject({ price: "79.00", original_price: "79.00", commission: "7.90", sale: null })

        // The admin client ends it (a second end is a 409), and the store client no longer lists it.
        const office = await backOffice(api, admin)
        expect((await office.sales.end(early.id)).sale.status).toBe("ended")
        expect((await clientFailure(office.sales.end(early.id))).status).toBe(409)
        expect((await office.sales.retrieve(tomorrow.id)).sale).toMatchObject({ status: "upcoming", commission_policy: "normal" })
        expect((await office.sales.list({ status: ["ended"] })).sales.map((s) => s.id)).toEqual([early.id])
        const listed = await (await storefront(api, shop.pk)).sales()
        expect(listed.sales.map((s) => s.id).sort()).toEqual([flash.id, tomorrow.id].sort())
        await new Promise((r) => setTimeout(r, Math.max(0, new Date(flash.ends_at).getTime() - Date.now() + 100)))
        // Two instances tick at once, then one after a restart.
        await Promise.all([announceSaleTransitions(container), announceSaleTransitions(container)])
        await announceSaleTransitions(container)

        // Waiting for a third of each shows there are only two.
        const [started, ended] = await Promise.all([
          events.payloads("distribution.sale.started", 3),
          events.payloads("distribution.sale.ended", 3),
        ])
        const [endedEarly] = await service(container).listDistributionSales({ id: early.id })
        // The sale ended early started when it was created; its end is the admin's.
        expect(started.map((p) => [p.id, p.price_list_id, p.starts_at]).sort()).toEqual(
          [
            [flash.id, flash.price_list_id, flash.starts_at],
            [early.id, early.price_list_id, early.starts_at],
          ].sort()
        )
        expect(ended).toHaveLength(2)
        expect(ended).toEqual(
          expect.arrayContaining([
            { id: flash.id, price_list_id: flash.price_list_id, ends_at: flash.ends_at, early: false },
            { id: early.id, price_list_id: early.price_list_id, ends_at: new Date(endedEarly.ends_at).toISOString(), early: true },
          ])
        )
        // What was announced is kept on the sales; tomorrow's sale has announced nothing.
        const rows = await service(container).listDistributionSales({ id: [flash.id, early.id, tomorrow.id] })
        const announced = Object.fromEntries(rows.map((r) => [r.id, [!!r.started_event_at, !!r.ended_event_at]]))
        expect(announced).toEqual({ [flash.id]: [true, true], [early.id]: [true, true], [tomorrow.id]: [false, false] })
      } finally {
        events.stop()
      }
    })

    it("takes a percentage off in two currencies, each rounded down to its precision, and credits the HKD order under the sale's rates", async () => {
      const container = getContainer()
      programme = await threeLevelProgramme(api, container, shop, admin)
      const events = recordEvents(container, ["distribution.sale.updated"])
      const sale = await createSale({ name: "港澳专享", product_ids: [await productId("hyaluronic-serum")], percent_off_bps: 1000 })
      try {
        // 12.34 % off, and the sale's own rates: the price list's prices are replaced.
        const { data } = await api.post(
          `/admin/distribution/sales/${sale.id}`,
          { percent_off_bps: 1234, commission_policy: "rates", rate_bps_1: 1500, rate_bps_2: 500 },
          admin
        )
        expect(await events.payloads("distribution.sale.updated")).toEqual([expect.objectContaining({ id: sale.id })])
        const price = (sku: string, currency: string) =>
          data.sale.prices.find((p: { variant_id: string; currency_code: string }) => p.variant_id === variant(sku) && p.currency_code === currency)
        // 129.90 × 0.8766 = 113.87034, 148 × 0.8766 = 129.7368, 199 × 0.8766 = 174.4434, 228 × 0.8766 = 199.8648.
        expect(data.sale.prices).toHaveLength(4)
        expect([price("SERUM-30", "cny"), price("SERUM-30", "hkd"), price("SERUM-50", "cny"), price("SERUM-50", "hkd")].map((p) => [p.amount, p.regular_amount])).toEqual([
          ["113.87", "129.90"],
          ["129.73", "148.00"],
          ["174.44", "199.00"],
          ["199.86", "228.00"],
        ])
        expect(data.sale).toMatchObject({ percent_off_bps: 1234, commission_policy: "rates", rate_bps_1: 1500, rate_bps_2: 500, rate_bps_3: null })
      } finally {
        events.stop()
      }

      const hk = await hongKong()
      const { data: store } = await api.get(`/store/distribution/sales?region_id=${hk.region_id}`, { headers: { "x-publishable-api-key": shop.pk } })
      expect(store.currency_code).toBe("hkd")
      expect(store.sales[0].products[0].variants.find((v: { id: string }) => v.id === variant("SERUM-30"))).toMatchObject({
        calculated_price: "129.73",
        original_price: "148.00",
        sale_price: "129.73",
      })

      // In Hong Kong the serum costs HK$129.73; the sale pays 15 % and 5 % of it, and nothing at depth 3.
      const order = await buyFrom(programme.c, [{ sku: "SERUM-30", quantity: 1 }], hk)
      expect(pricesOf(order)).toEqual({ "SERUM-30": ["129.73", "148.00"] })
      expect(await commissionsOf(order)).toMatchObject([
        { who: "C", depth: 1, sku: "SERUM-30", amount: "19.45", rate_source: "sale" },
        { who: "B", depth: 2, sku: "SERUM-30", amount: "6.48", rate_source: "sale" },
      ])
    })
  },
})
