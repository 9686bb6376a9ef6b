import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { Knex } from "knex"
import { createAdmin, Headers, registerCustomer, StoreCustomer } from "../helpers/auth"
import { closeActivities, failure, uniqueEmail } from "../helpers/distribution"
import { recordEvents } from "../helpers/events"
import { payForCart, seedShop, Shop, SHIPPING_ADDRESS } from "../helpers/orders"
import { andWait, commissionsOf, threeLevelProgramme } from "../helpers/programme"
import releaseActivityReservations from "../../src/jobs/release-activity-reservations"

jest.setTimeout(900_000)

const DAY = 24 * 60 * 60 * 1000
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10)

type Reservation = { id: string; status: string; quantity: number; order_id: string | null; cart_id: string | null; customer_id: string }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Shop
    let admin: Headers

    beforeAll(async () => {
      api.interceptors.response.use(undefined, (e) => {
        e.message = `${e.message}: ${JSON.stringify(e.response?.data)}`
        throw e
      })
      const container = getContainer()
      shop = await seedShop(container)
      admin = await createAdmin(container)
    })

    // A variant is in one activity at a time: each test starts with the shop's variants free.
    afterEach(async () => await closeActivities(api, admin))

    const db = (): Knex => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const variant = (sku: string) => shop.variants.get(sku)!

    /** A flash sale selling all day, every day from yesterday to tomorrow (UTC). */
    const createFlashSale = async (body: Record<string, unknown>) => {
      const { status, data } = await api.post(
        "/admin/distribution/flash-sales",
        {
          name: "秒杀 · 精华",
          starts_on: day(-1),
          ends_on: day(1),
          time_zone: "UTC",
          slots: [{ start: "00:00", end: "24:00" }],
          variants: [{ variant_id: variant("SERUM-30"), quota: 5, prices: [{ currency_code: "cny", amount: "59.90" }] }],
          ...body,
        },
        admin
      )
      expect(status).toBe(201)
      return data.flash_sale
    }

    const buyer = (name: string) => registerCustomer(api, shop.pk, { email: uniqueEmail(name) })

    const checkout = (saleId: string, who: StoreCustomer, body: Record<string, unknown> = {}) =>
      api.post(
        `/store/distribution/flash-sales/${saleId}/checkout`,
        { variant_id: variant("SERUM-30"), region_id: shop.region_id, ...body },
        who
      )

    /** Medusa's own checkout of an activity cart: address, shipping, payment session. */
    async function prepare(cartId: string, who: StoreCustomer) {
      await api.post(`/store/carts/${cartId}`, { shipping_address: SHIPPING_ADDRESS }, who)
      await payForCart(api, cartId, who)
    }

    async function complete(cartId: string, who: StoreCustomer) {
      return await andWait(getContainer(), "order.placed", async () => {
        const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, who)
        expect(data.type).toBe("order")
        return data.order as { id: string; items: { unit_price: number; compare_at_unit_price: number | null; quantity: number }[] }
      })
    }

    const reservationsOf = async (saleId: string): Promise<Reservation[]> =>
      await db()("distribution_activity_reservation").where({ activity_id: saleId }).orderBy("created_at").select("*")

    const quotaOf = async (saleId: string, sku = "SERUM-30") =>
      await db()("distribution_flash_sale_variant")
        .where({ flash_sale_id: saleId, variant_id: variant(sku) })
        .first("quota", "reserved", "sold")

    it("checks out at the flash-sale price, consumes the reservation on order.placed, refuses over-limit buyers, and gives the quota back on cancel; replays change nothing", async () => {
      const container = getContainer()
      const events = recordEvents(container, [
        "distribution.flash_sale.created",
        "distribution.activity_reservation.reserved",
        "distribution.activity_reservation.consumed",
        "distribution.activity_reservation.released",
      ])
      try {
        const sale = await createFlashSale({ per_order_limit: 2, per_customer_limit: 3 })
        expect(sale).toMatchObject({
          status: "active",
          phase: "live",
          per_order_limit: 2,
          per_customer_limit: 3,
          allow_coupons: false,
          commission_policy: "normal",
          variants: [{ variant_id: variant("SERUM-30"), quota: 5, reserved: 0, sold: 0, remaining: 5, prices: [{ currency_code: "cny", amount: "59.90" }] }],
        })
        expect(sale.current_slot).not.toBeNull()
        expect(await events.payloads("distribution.flash_sale.created")).toEqual([expect.objectContaining({ id: sale.id })])

        // The storefront lists it with what is left.
        const { data: list } = await api.get("/store/distribution/flash-sales", { headers: { "x-publishable-api-key": shop.pk } })
        const listed = list.flash_sales.find((s: { id: string }) => s.id === sale.id)
        expect(listed).toMatchObject({ phase: "live", variants: [{ remaining: 5, prices: [{ currency_code: "cny", amount: "59.90" }] }] })
        expect(listed.commission_policy).toBeUndefined()

        // A guest cannot check out; a logged-in customer gets a one-item cart at ¥59.90 (compare-at the regular ¥129.90).
        expect((await failure(api.post(`/store/distribution/flash-sales/${sale.id}/checkout`, { variant_id: variant("SERUM-30") }, { headers: { "x-publishable-api-key": shop.pk } }))).status).toBe(401)
        const ana = await buyer("ana")
        const over = await failure(checkout(sale.id, ana, { quantity: 3 }))
        expect(over.status).toBe(400)
        expect(over.data.message).toContain("at most 2 per order")
        const { status, data: held } = await checkout(sale.id, ana, { quantity: 2, referral_code: undefined })
        expect(status).toBe(201)
        expect(held).toMatchObject({ currency_code: "cny", unit_price: "59.90", reservation: { status: "reserved", quantity: 2, customer_id: ana.id, cart_id: held.cart_id } })
        const { data: { cart } } = await api.get(`/store/carts/${held.cart_id}`, ana)
        expect(cart.items).toHaveLength(1)
        expect(cart.items[0]).toMatchObject({ variant_id: variant("SERUM-30"), quantity: 2, unit_price: 59.9, compare_at_unit_price: 129.9 })
        expect(await db()("cart_line_item").where({ cart_id: held.cart_id }).first("is_discountable", "is_custom_price")).toEqual({ is_discountable: false, is_custom_price: true })
        expect(cart.metadata.distribution_activity).toMatchObject({ kind: "flash_sale", id: sale.id, reservation_id: held.reservation.id })
        expect(await quotaOf(sale.id)).toEqual({ quota: 5, reserved: 2, sold: 0 })
        // One unpaid checkout at a time.
        const second = await failure(checkout(sale.id, ana, { quantity: 1 }))
        expect(second.status).toBe(409)
        expect(second.data.message).toContain(`You already have an unpaid checkout of "秒杀 · 精华" (cart ${held.cart_id}`)
        expect(await quotaOf(sale.id)).toEqual({ quota: 5, reserved: 2, sold: 0 })

        // Its lines and codes do not change.
        const add = await failure(api.post(`/store/carts/${held.cart_id}/line-items`, { variant_id: variant("SERUM-50"), quantity: 1 }, ana))
        expect(add.status).toBe(400)
        expect(add.data.message).toContain("lines cannot change")
        const change = await failure(api.post(`/store/carts/${held.cart_id}/line-items/${cart.items[0].id}`, { quantity: 5 }, ana))
        expect(change.status).toBe(400)
        const remove = await failure(api.delete(`/store/carts/${held.cart_id}/line-items/${cart.items[0].id}`, ana))
        expect(remove.status).toBe(400)
        const codes = await failure(api.post(`/store/carts/${held.cart_id}/promotions`, { promo_codes: ["ANY"] }, ana))
        expect(codes.status).toBe(400)
        expect(codes.data.message).toContain("coupons and promotion codes do not apply")
        const viaCart = await failure(api.post(`/store/carts/${held.cart_id}`, { promo_codes: ["ANY"] }, ana))
        expect(viaCart.status).toBe(400)
        const [hk] = await container.resolve(Modules.REGION).listRegions({ currency_code: "hkd" })
        const region = await failure(api.post(`/store/carts/${held.cart_id}`, { region_id: hk.id }, ana))
        expect(region.status).toBe(400)
        expect(region.data.message).toContain("its region cannot change")

        // Medusa's checkout completes it: the order pays ¥59.90 × 2, the reservation is consumed, the quota sold.
        await prepare(held.cart_id, ana)
        const order = await complete(held.cart_id, ana)
        expect(order.items).toEqual([expect.objectContaining({ unit_price: 59.9, compare_at_unit_price: 129.9, quantity: 2 })])
        const [consumed] = await reservationsOf(sale.id)
        expect(consumed).toMatchObject({ status: "consumed", order_id: order.id, cart_id: held.cart_id })
        expect(await quotaOf(sale.id)).toEqual({ quota: 5, reserved: 0, sold: 2 })
        expect(await events.payloads("distribution.activity_reservation.consumed")).toEqual([
          expect.objectContaining({ id: held.reservation.id, status: "consumed", order_id: order.id }),
        ])
        const { data: one } = await api.get(`/store/distribution/flash-sales/${sale.id}`, { headers: { "x-publishable-api-key": shop.pk } })
        expect(one.flash_sale.variants[0].remaining).toBe(3)

        // A replayed order.placed changes nothing.
        const bus = container.resolve(Modules.EVENT_BUS)
        await andWait(container, "order.placed", () => bus.emit({ name: "order.placed", data: { id: order.id } }))
        expect(await quotaOf(sale.id)).toEqual({ quota: 5, reserved: 0, sold: 2 })
        expect((await reservationsOf(sale.id)).map((r) => r.status)).toEqual(["consumed"])

        // Ana holds 2 of her 3: 2 more are refused, nothing held; 1 more is fine.
        const limited = await failure(checkout(sale.id, ana, { quantity: 2 }))
        expect(limited.status).toBe(400)
        expect(limited.data.message).toContain("at most 3 per customer; you already hold 2")
        expect(await quotaOf(sale.id)).toEqual({ quota: 5, reserved: 0, sold: 2 })

        // Canceling the order gives its quota back; a replayed cancel gives nothing more.
        await andWait(container, "order.canceled", () => api.post(`/admin/orders/${order.id}/cancel`, {}, admin))
        expect(await quotaOf(sale.id)).toEqual({ quota: 5, reserved: 0, sold: 0 })
        expect((await reservationsOf(sale.id))[0]).toMatchObject({ status: "released", release_reason: "order_canceled" })
        await andWait(container, "order.canceled", () => bus.emit({ name: "order.canceled", data: { id: order.id } }))
        expect(await quotaOf(sale.id)).toEqual({ quota: 5, reserved: 0, sold: 0 })
        expect(await events.payloads("distribution.activity_reservation.released")).toEqual([
          expect.objectContaining({ id: held.reservation.id, status: "released" }),
        ])
        // Her canceled order no longer counts against her limit.
        expect((await checkout(sale.id, ana, { quantity: 2 })).status).toBe(201)
        expect(await events.payloads("distribution.activity_reservation.reserved", 2)).toHaveLength(2)
        // Her own reservations, the latest first; another customer sees none of them.
        const { data: mine } = await api.get("/store/distribution/activity-reservations", ana)
        expect(mine).toMatchObject({ count: 2, reservations: [{ status: "reserved", quantity: 2 }, { id: held.reservation.id, status: "released", order_id: order.id }] })
        expect((await api.get("/store/distribution/activity-reservations?status=released", ana)).data.count).toBe(1)
        expect((await api.get("/store/distribution/activity-reservations", await buyer("nobody"))).data.count).toBe(0)
        expect((await failure(api.get("/store/distribution/activity-reservations", { headers: { "x-publishable-api-key": shop.pk } }))).status).toBe(401)
      } finally {
        events.stop()
      }
    })

    it("sells a quota of 10 to exactly 10 of 100 concurrent checkouts; an expired reservation cannot complete, the job releases it and the quota sells again; a completing cart holds its reservation past its expiry", async () => {
      const container = getContainer()
      const sale = await createFlashSale({
        name: "秒杀 · 百人抢十",
        per_customer_limit: 1,
        variants: [{ variant_id: variant("SERUM-30"), quota: 10, prices: [{ currency_code: "cny", amount: "9.90" }] }],
      })
      const buyers: StoreCustomer[] = []
      for (let i = 0; i < 100; i += 20) {
        buyers.push(...(await Promise.all(Array.from({ length: 20 }, (_, j) => buyer(`rush${i + j}`)))))
      }
      const outcomes = await Promise.all(
        buyers.map((who) =>
          checkout(sale.id, who).then(
            (r) => ({ status: r.status, cart_id: r.data.cart_id as string, who }),
            (e) => ({ status: e.response?.status as number, message: e.response?.data?.message as string, who, cart_id: "" })
          )
        )
      )
      const won = outcomes.filter((o) => o.status === 201)
      const lost = outcomes.filter((o) => o.status !== 201)
      expect(won).toHaveLength(10)
      expect(lost.map((o) => o.status)).toEqual(Array(90).fill(409))
      expect((lost[0] as { message: string }).message).toContain("is sold out of this item")
      const held = await reservationsOf(sale.id)
      expect(held).toHaveLength(10)
      expect(new Set(held.map((r) => r.customer_id)).size).toBe(10)
      expect(held.every((r) => r.status === "reserved" && r.cart_id)).toBe(true)
      expect(await quotaOf(sale.id)).toEqual({ quota: 10, reserved: 10, sold: 0 })

      // One winner lets the reservation run out: the cart no longer completes (409) …
      const late = won[0]
      await prepare(late.cart_id, late.who)
      await db()("distribution_activity_reservation").where({ cart_id: late.cart_id }).update({ expires_at: new Date(Date.now() - 1000) })
      const refused = await failure(api.post(`/store/carts/${late.cart_id}/complete`, {}, late.who))
      expect(refused.status).toBe(409)
      expect(refused.data.message).toContain("reservation of this cart expired")

      // … the job releases it (and only it), and the quota sells again to one of those who lost.
      const events = recordEvents(container, ["distribution.activity_reservation.released"])
      try {
        expect(await releaseActivityReservations(container)).toBe(1)
        expect(await events.payloads("distribution.activity_reservation.released")).toEqual([expect.objectContaining({ cart_id: late.cart_id, status: "released" })])
      } finally {
        events.stop()
      }
      expect(await releaseActivityReservations(container)).toBe(0)
      expect(await quotaOf(sale.id)).toEqual({ quota: 10, reserved: 9, sold: 0 })
      expect((await failure(api.post(`/store/carts/${late.cart_id}/complete`, {}, late.who))).status).toBe(409)
      const second = lost[0].who
      const { status, data: resold } = await checkout(sale.id, second)
      expect(status).toBe(201)
      expect((await failure(checkout(sale.id, lost[1].who))).status).toBe(409)
      expect(await quotaOf(sale.id)).toEqual({ quota: 10, reserved: 10, sold: 0 })

      // The re-sold checkout completes normally.
      await prepare(resold.cart_id, second)
      const order = await complete(resold.cart_id, second)
      expect(order.items[0]).toMatchObject({ unit_price: 9.9, quantity: 1 })
      expect(await quotaOf(sale.id)).toEqual({ quota: 10, reserved: 9, sold: 1 })

      // A cart that asks to complete in its reservation's last seconds holds it: the release run
      // after the original expiry leaves it (no second buyer can take that quota while the order
      // is placed), and the order then consumes it.
      const lastSecond = won[1]
      const row = () => db()("distribution_activity_reservation").where({ cart_id: lastSecond.cart_id }).first()
      await db()("distribution_activity_reservation").where({ cart_id: lastSecond.cart_id }).update({ expires_at: new Date(Date.now() + 2000) })
      // Asked before the cart can be paid: the hold is taken, the completion itself fails, no order.
      const unpaid = await api.post(`/store/carts/${lastSecond.cart_id}/complete`, {}, lastSecond.who).catch((e) => e.response)
      expect(unpaid.data.type).not.toBe("order")
      expect((await row()).status).toBe("reserved")
      expect(new Date((await row()).expires_at).getTime()).toBeGreaterThan(Date.now() + 100_000)
      await new Promise((r) => setTimeout(r, 2500))
      expect(await releaseActivityReservations(container)).toBe(0)
      expect(await quotaOf(sale.id)).toEqual({ quota: 10, reserved: 9, sold: 1 })
      await prepare(lastSecond.cart_id, lastSecond.who)
      await complete(lastSecond.cart_id, lastSecond.who)
      expect(await row()).toMatchObject({ status: "consumed" })
      expect(await quotaOf(sale.id)).toEqual({ quota: 10, reserved: 8, sold: 2 })
    })

    it("validates a flash sale with clear 400s, changes it without selling below what is held, and closes it for good", async () => {
      const container = getContainer()
      const events = recordEvents(container, ["distribution.flash_sale.updated", "distribution.flash_sale.closed"])
      const refused = async (body: Record<string, unknown>, message: string) => {
        const response = await failure(
          api.post(
            "/admin/distribution/flash-sales",
            {
              name: "坏的",
              starts_on: day(0),
              ends_on: day(1),
              time_zone: "Asia/Shanghai",
              slots: [{ start: "10:00", end: "12:00" }],
              variants: [{ variant_id: variant("SERUM-30"), quota: 5, prices: [{ currency_code: "cny", amount: "59.90" }] }],
              ...body,
            },
            admin
          )
        )
        expect({ status: response.status, message: response.data.message }).toEqual({ status: 400, message: expect.stringContaining(message) })
      }
      try {
        await refused({ slots: [{ start: "10:00", end: "12:00" }, { start: "11:30", end: "13:00" }] }, "The slots 10:00–12:00 and 11:30–13:00 overlap")
        await refused({ slots: [{ start: "12:00", end: "10:00" }] }, "The slot 12:00–10:00 ends before it starts")
        await refused({ slots: [{ start: "25:00", end: "26:00" }] }, 'times "HH:MM"')
        await refused({ slots: [] }, "too small")
        await refused({ starts_on: day(2), ends_on: day(1) }, "ends_on is before starts_on")
        await refused({ starts_on: "2026-02-30" }, "starts_on is not a real date")
        await refused({ time_zone: "Mars/Olympus" }, "time_zone must be an IANA time zone")
        await refused({ variants: [{ variant_id: "variant_nope", quota: 5, prices: [{ currency_code: "cny", amount: "59.90" }] }] }, "Unknown variant: variant_nope")
        await refused({ variants: [{ variant_id: variant("SERUM-30"), quota: 0, prices: [{ currency_code: "cny", amount: "59.90" }] }] }, "too small")
        await refused({ variants: [{ variant_id: variant("SERUM-30"), quota: 5, prices: [{ currency_code: "cny", amount: "0" }] }] }, "must be above zero")
        await refused({ variants: [{ variant_id: variant("SERUM-30"), quota: 5, prices: [{ currency_code: "cny", amount: "59.901" }] }] }, "has more decimals than CNY allows (2)")
        await refused({ variants: [] }, "too small")
        await refused(
          {
            variants: [
              { variant_id: variant("SERUM-30"), quota: 5, prices: [{ currency_code: "cny", amount: "59.90" }] },
              { variant_id: variant("SERUM-30"), quota: 2, prices: [{ currency_code: "cny", amount: "49.90" }] },
            ],
          },
          "appears twice"
        )
        await refused({ per_order_limit: 0 }, "too small")

        // Upcoming: an evening slot in Shanghai in three days (after the live sale below, over the same variant); checkout says when it starts.
        const later = await createFlashSale({
          name: "秒杀 · 明日",
          starts_on: day(3),
          ends_on: day(4),
          time_zone: "Asia/Shanghai",
          slots: [{ start: "20:00", end: "22:00" }],
        })
        expect(later).toMatchObject({ phase: "upcoming", current_slot: null })
        expect(later.next_slot).toMatchObject({ starts_at_local: `${day(3)}T20:00:00+08:00`, ends_at_local: `${day(3)}T22:00:00+08:00` })
        expect(later.next_slot.starts_at).toBe(new Date(`${day(3)}T12:00:00Z`).toISOString())
        const ana = await buyer("early")
        const early = await failure(checkout(later.id, ana))
        expect(early.status).toBe(409)
        expect(early.data.message).toContain(`its next slot starts at ${day(3)}T20:00:00+08:00`)
        expect((await failure(checkout("dflash_missing", ana))).status).toBe(404)

        // A live sale: a variant not in it, a currency it has no price in.
        const live = await createFlashSale({ name: "秒杀 · 改" })
        const outside = await failure(checkout(live.id, ana, { variant_id: variant("SERUM-50") }))
        expect(outside.status).toBe(400)
        expect(outside.data.message).toContain("is not in the flash sale")
        const [hk] = await container.resolve(Modules.REGION).listRegions({ currency_code: "hkd" })
        const hkd = await failure(checkout(live.id, ana, { region_id: hk.id }))
        expect(hkd.status).toBe(400)
        expect(hkd.data.message).toContain("has no price in HKD")

        // Change: a quota never below what is held.
        expect((await checkout(live.id, ana)).status).toBe(201)
        expect((await checkout(live.id, await buyer("cy"))).status).toBe(201)
        const below = await failure(
          api.post(`/admin/distribution/flash-sales/${live.id}`, { variants: [{ variant_id: variant("SERUM-30"), quota: 1, prices: [{ currency_code: "cny", amount: "59.90" }] }] }, admin)
        )
        expect(below.status).toBe(409)
        expect(below.data.message).toContain("cannot go below its 2 reserved and 0 sold")
        const { data: changed } = await api.post(
          `/admin/distribution/flash-sales/${live.id}`,
          {
            name: "秒杀 · 改好了",
            per_customer_limit: 4,
            variants: [
              { variant_id: variant("SERUM-30"), quota: 8, prices: [{ currency_code: "cny", amount: "49.90" }, { currency_code: "hkd", amount: "58" }] },
              { variant_id: variant("SERUM-50"), quota: 3, prices: [{ currency_code: "cny", amount: "99.00" }] },
            ],
          },
          admin
        )
        expect(changed.flash_sale).toMatchObject({
          name: "秒杀 · 改好了",
          per_customer_limit: 4,
          variants: [
            { variant_id: variant("SERUM-30"), quota: 8, reserved: 2, sold: 0, remaining: 6, prices: [{ currency_code: "cny", amount: "49.90" }, { currency_code: "hkd", amount: "58.00" }] },
            { variant_id: variant("SERUM-50"), quota: 3, reserved: 0, sold: 0, remaining: 3 },
          ].sort((a, b) => a.variant_id.localeCompare(b.variant_id)),
        })
        const tooLow = await failure(
          api.post(`/admin/distribution/flash-sales/${live.id}`, { variants: [{ variant_id: variant("SERUM-50"), quota: 3, prices: [{ currency_code: "cny", amount: "99.00" }] }] }, admin)
        )
        expect(tooLow.status).toBe(409)
        expect(tooLow.data.message).toContain("has 2 reserved and 0 sold: it stays in the flash sale")
        const inverted = await failure(api.post(`/admin/distribution/flash-sales/${live.id}`, { ends_on: day(-5) }, admin))
        expect(inverted.status).toBe(400)
        expect(inverted.data.message).toContain("is before starts_on")

        // Close: listed no more, no checkout, no change, not closed twice.
        const { data: closed } = await api.post(`/admin/distribution/flash-sales/${live.id}/close`, {}, admin)
        expect(closed.flash_sale).toMatchObject({ status: "closed", phase: "closed", current_slot: null, next_slot: null })
        expect(closed.flash_sale.closed_at).toEqual(expect.any(String))
        const { data: store } = await api.get("/store/distribution/flash-sales", { headers: { "x-publishable-api-key": shop.pk } })
        expect(store.flash_sales.map((s: { id: string }) => s.id)).not.toContain(live.id)
        const bob = await buyer("bob")
        const after = await failure(checkout(live.id, bob))
        expect(after.status).toBe(409)
        expect(after.data.message).toContain("is closed")
        expect((await failure(api.post(`/admin/distribution/flash-sales/${live.id}/close`, {}, admin))).status).toBe(409)
        expect((await failure(api.post(`/admin/distribution/flash-sales/${live.id}`, { name: "再开" }, admin))).status).toBe(409)
        const { data: listed } = await api.get(`/admin/distribution/flash-sales?status=closed&q=${encodeURIComponent("改好了")}`, admin)
        expect(listed.flash_sales.map((s: { id: string }) => s.id)).toEqual([live.id])
        expect(await events.payloads("distribution.flash_sale.updated")).toEqual([expect.objectContaining({ id: live.id })])
        expect(await events.payloads("distribution.flash_sale.closed")).toEqual([expect.objectContaining({ id: live.id })])
      } finally {
        events.stop()
      }
    })

    it("lists a flash sale's reservations for the admin, the latest first, with their buyers and orders; 404 on an unknown sale, 400 on a bad query", async () => {
      const sale = await createFlashSale({ name: "秒杀 · 锁定记录", per_order_limit: 2 })
      const ana = await buyer("ana-res")
      const { data: paid } = await checkout(sale.id, ana, { quantity: 1 })
      await prepare(paid.cart_id, ana)
      const order = await complete(paid.cart_id, ana)
      const bo = await buyer("bo-res")
      const { data: held } = await checkout(sale.id, bo, { quantity: 2 })
      const displayId = (await db()("order").where({ id: order.id }).first("display_id")).display_id

      const { status, data } = await api.get(`/admin/distribution/flash-sales/${sale.id}/reservations`, admin)
      expect(status).toBe(200)
      expect(data).toMatchObject({ count: 2, limit: 20, offset: 0 })
      expect(data.reservations).toEqual([
        expect.objectContaining({
          id: held.reservation.id,
          variant_id: variant("SERUM-30"),
          customer_id: bo.id,
          customer_email: bo.email,
          quantity: 2,
          status: "reserved",
          cart_id: held.cart_id,
          consumed_at: null,
          order: null,
        }),
        expect.objectContaining({
          id: paid.reservation.id,
          customer_id: ana.id,
          customer_email: ana.email,
          quantity: 1,
          status: "consumed",
          consumed_at: expect.any(String),
          order: { id: order.id, display_id: Number(displayId) },
        }),
      ])
      // As the database holds them, and what the sale's variant counts.
      expect((await reservationsOf(sale.id)).map((r) => [r.id, r.status, r.quantity])).toEqual([
        [paid.reservation.id, "consumed", 1],
        [held.reservation.id, "reserved", 2],
      ])
      expect(await quotaOf(sale.id)).toEqual({ quota: 5, reserved: 2, sold: 1 })

      const consumed = await api.get(`/admin/distribution/flash-sales/${sale.id}/reservations?status=consumed`, admin)
      expect(consumed.data.count).toBe(1)
      expect(consumed.data.reservations.map((r: { id: string }) => r.id)).toEqual([paid.reservation.id])
      const paged = await api.get(`/admin/distribution/flash-sales/${sale.id}/reservations?limit=1&offset=1`, admin)
      expect(paged.data).toMatchObject({ count: 2, limit: 1, offset: 1, reservations: [{ id: paid.reservation.id }] })

      const missing = await failure(api.get("/admin/distribution/flash-sales/dflash_missing/reservations", admin))
      expect({ status: missing.status, message: missing.data.message }).toEqual({ status: 404, message: "Flash sale dflash_missing was not found" })
      expect((await failure(api.get("/admin/distribution/flash-sales/dflash_missing", admin))).status).toBe(404)
      expect((await failure(api.post("/admin/distribution/flash-sales/dflash_missing", { name: "x" }, admin))).status).toBe(404)
      for (const query of ["status=bogus", "limit=0", "limit=101", "offset=-1", "foo=1"]) {
        const bad = await failure(api.get(`/admin/distribution/flash-sales/${sale.id}/reservations?${query}`, admin))
        expect({ query, status: bad.status }).toEqual({ query, status: 400 })
      }
      expect((await failure(api.get(`/admin/distribution/flash-sales/${sale.id}/reservations`))).status).toBe(401)
    })

    it("credits a flash-sale order on the price paid under the sale's commission policy, to the cent", async () => {
      const container = getContainer()
      const programme = await threeLevelProgramme(api, container, shop, admin)
      // The ivory tote at the level rates (C bronze 10 %, B silver 6 %, A gold 4 %) of ¥49.90 paid;
      // the 50 ml serum at the sale's own 10/5/2 % of ¥99.90 (in place of its 20/10/5 % product rule); the rice excluded.
      const normal = await createFlashSale({
        name: "秒杀 · 常规佣金",
        variants: [{ variant_id: variant("TOTE-IVORY"), quota: 5, prices: [{ currency_code: "cny", amount: "49.90" }] }],
      })
      const own = await createFlashSale({
        name: "秒杀 · 自定佣金",
        commission_policy: "rates",
        rate_bps_1: 1000,
        rate_bps_2: 500,
        rate_bps_3: 200,
        variants: [{ variant_id: variant("SERUM-50"), quota: 5, prices: [{ currency_code: "cny", amount: "99.90" }] }],
      })
      const none = await createFlashSale({
        name: "秒杀 · 无佣金",
        commission_policy: "excluded",
        variants: [{ variant_id: variant("RICE-5"), quota: 5, prices: [{ currency_code: "cny", amount: "39.90" }] }],
      })
      const buy = async (saleId: string, sku: string) => {
        const who = await buyer("flash-commission")
        const { data } = await checkout(saleId, who, { variant_id: variant(sku), referral_code: programme.c.code })
        await prepare(data.cart_id, who)
        return await andWait(container, "order.placed", async () => {
          const { data: done } = await api.post(`/store/carts/${data.cart_id}/complete`, {}, who)
          return done.order as { id: string; items: { id: string; variant_sku: string }[] }
        })
      }
      const credited = async (order: { id: string; items: { id: string; variant_sku: string }[] }) =>
        (await commissionsOf(container, programme, order)).map(({ who, depth, amount, rate_source }) => ({ who, depth, amount, rate_source }))

      expect(await credited(await buy(normal.id, "TOTE-IVORY"))).toEqual([
        { who: "C", depth: 1, amount: "4.99", rate_source: "level" },
        { who: "B", depth: 2, amount: "2.99", rate_source: "level" },
        { who: "A", depth: 3, amount: "1.99", rate_source: "level" },
      ])
      expect(await credited(await buy(own.id, "SERUM-50"))).toEqual([
        { who: "C", depth: 1, amount: "9.99", rate_source: "sale" },
        { who: "B", depth: 2, amount: "4.99", rate_source: "sale" },
        { who: "A", depth: 3, amount: "1.99", rate_source: "sale" },
      ])
      expect(await credited(await buy(none.id, "RICE-5"))).toEqual([])
    })
  },
})
