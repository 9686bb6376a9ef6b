import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { Knex } from "knex"
import { createAdmin, Headers, registerCustomer, StoreCustomer } from "../helpers/auth"
import { failure, uniqueEmail } from "../helpers/distribution"
import { recordEvents } from "../helpers/events"
import { seedShop, Shop } from "../helpers/orders"
import { andWait } from "../helpers/programme"
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
      await api.post(
        `/store/carts/${cartId}`,
        {
          shipping_address: {
            first_name: "收货",
            last_name: "人",
            address_1: "西湖区文三路 100 号",
            city: "杭州",
            country_code: "cn",
            postal_code: "310000",
            phone: "13800000000",
          },
        },
        who
      )
      const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, who)
      const standard = options.shipping_options.find((o: { name: string }) => o.name === "顺丰标快")
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: standard.id }, who)
      const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, who)
      await api.post(`/store/payment-collections/${collection.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, who)
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
      } finally {
        events.stop()
      }
    })

    it("sells a quota of 10 to exactly 10 of 100 concurrent checkouts; an expired reservation cannot complete, the job releases it and the quota sells again", async () => {
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
    })
  },
})
