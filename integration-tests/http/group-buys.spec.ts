import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createAdmin, Headers, registerCustomer, StoreCustomer } from "../helpers/auth"
import { closeActivities, Distributor, failure, service, uniqueEmail, updateSettings } from "../helpers/distribution"
import { recordEvents } from "../helpers/events"
import { deliverOrder, stockLocationId } from "../helpers/fulfilment"
import { payForCart, seedShop, Shop, SHIPPING_ADDRESS } from "../helpers/orders"
import { capturePayment, paymentCollections } from "../helpers/payments"
import { andWait, commissionsOf, threeLevelProgramme } from "../helpers/programme"
import expireGroups from "../../src/jobs/expire-groups"
import reconcileJob from "../../src/jobs/reconcile-distribution"
import releaseActivityReservations from "../../src/jobs/release-activity-reservations"
import settleCommissions from "../../src/jobs/settle-commissions"

jest.setTimeout(600_000)

const HOUR = 60 * 60 * 1000
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString()

type Placed = { id: string; items: { id: string; variant_sku: string; unit_price: number }[] }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Shop
    let admin: Headers
    let programme: { a: Distributor; b: Distributor; c: Distributor }

    beforeAll(async () => {
      api.interceptors.response.use(undefined, (e) => {
        e.message = `${e.message}: ${JSON.stringify(e.response?.data)}`
        throw e
      })
      const container = getContainer()
      shop = await seedShop(container)
      admin = await createAdmin(container)
      programme = await threeLevelProgramme(api, container, shop, admin)
    })

    // A variant is in one activity at a time: each test starts with the shop's variants free.
    afterEach(async () => await closeActivities(api, admin))

    const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const tote = () => shop.variants.get("TOTE-IVORY")!
    const buyer = (name: string) => registerCustomer(api, shop.pk, { email: uniqueEmail(name), first_name: name })

    const createBody = (body: Record<string, unknown> = {}) => ({
      name: "三人团 · 托特包",
      starts_at: inHours(-1),
      ends_at: inHours(48),
      group_size: 3,
      time_limit_minutes: 60,
      prices: [{ variant_id: tote(), currency_code: "cny", amount: "59.90" }],
      ...body,
    })

    async function createGroupBuy(body: Record<string, unknown> = {}) {
      const { status, data } = await api.post("/admin/distribution/group-buys", createBody(body), admin)
      expect(status).toBe(201)
      return data.group_buy
    }

    /** The group-buy checkout, then Medusa's own: address, shipping, payment session. Answers the checkout and the cart's headers. */
    async function checkout(who: StoreCustomer, groupBuyId: string, body: Record<string, unknown> = {}) {
      const { status, data } = await api.post(`/store/distribution/group-buys/${groupBuyId}/checkout`, { variant_id: tote(), quantity: 1, ...body }, who)
      expect(status).toBe(201)
      return data.checkout as { cart_id: string; reservation_id: string; group: { id: string; status: string; seats_left: number }; is_leader: boolean; overflowed: boolean }
    }

    async function pay(who: StoreCustomer, cartId: string): Promise<Placed> {
      await api.post(`/store/carts/${cartId}`, { shipping_address: SHIPPING_ADDRESS }, who)
      await payForCart(api, cartId, who)
      return await andWait(getContainer(), "order.placed", async () => {
        const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, who)
        expect(data.type).toBe("order")
        return data.order as Placed
      })
    }

    const group = async (id: string) => (await api.get(`/admin/distribution/groups/${id}`, admin)).data.group

    it("a 3-person group succeeds: the leader opens it, two join by its link, fulfilment waits for success, commissions settle after delivery", async () => {
      const container = getContainer()
      const { c } = programme
      const events = recordEvents(container, ["distribution.group_buy.created", "distribution.group.opened", "distribution.group.joined", "distribution.group.succeeded"])
      try {
        const gb = await createGroupBuy({ leader_bonus_bps: 500 })
        expect(gb).toMatchObject({ status: "active", group_size: 3, overflow: "new_group", commission_policy: "normal", prices: [{ variant_id: tote(), currency_code: "cny", amount: "59.90" }] })
        expect((await events.payloads("distribution.group_buy.created"))[0]).toEqual({ id: gb.id })

        // The storefront lists it; the distributor C leads a group at the group price.
        const { data: listed } = await api.get("/store/distribution/group-buys", { headers: { "x-publishable-api-key": shop.pk } })
        expect(listed.group_buys.map((g: { id: string }) => g.id)).toContain(gb.id)
        const lead = await checkout(c, gb.id)
        expect(lead).toMatchObject({ is_leader: true, overflowed: false, group: { status: "forming" } })
        const { data: cart } = await api.get(`/store/carts/${lead.cart_id}`, c)
        expect(cart.cart.items).toHaveLength(1)
        expect(cart.cart.items[0]).toMatchObject({ variant_id: tote(), quantity: 1, unit_price: 59.9, compare_at_unit_price: 79 })
        const { rows: line } = await pg().raw("select is_discountable from cart_line_item where cart_id = ? and deleted_at is null", [lead.cart_id])
        expect(line).toEqual([{ is_discountable: false }])
        expect(cart.cart.metadata.distribution_activity).toMatchObject({ kind: "group_buy", id: gb.id, reservation_id: lead.reservation_id })
        // The cart's line and codes are the activity's.
        expect((await failure(api.post(`/store/carts/${lead.cart_id}/line-items`, { variant_id: tote(), quantity: 1 }, c))).status).toBe(400)
        expect((await failure(api.post(`/store/carts/${lead.cart_id}/promotions`, { promo_codes: ["X"] }, c))).status).toBe(400)

        const leaderOrder = await pay(c, lead.cart_id)
        const opened = await group(lead.group.id)
        expect(opened).toMatchObject({ status: "open", paid: 1, reserved: 0, seats_left: 2 })
        expect(opened.expires_in_seconds).toBeGreaterThan(3500)
        expect((await events.payloads("distribution.group.opened"))[0]).toMatchObject({ id: lead.group.id, order_id: leaderOrder.id })

        // Until the group succeeds its orders are not shipped.
        const refused = await failure(
          api.post(`/admin/orders/${leaderOrder.id}/fulfillments`, { items: [{ id: leaderOrder.items[0].id, quantity: 1 }], location_id: await stockLocationId(container) }, admin)
        )
        expect(refused.status).toBe(409)
        expect(refused.data.message).toBe(`This order belongs to group buy "三人团 · 托特包"'s group ${lead.group.id}, which has not succeeded yet (it is open)`)

        // The group page: seats and time left, the leader masked, and C's share of it: the one Share of every share route.
        const { data: page } = await api.get(`/store/distribution/groups/${lead.group.id}`, { headers: { "x-publishable-api-key": shop.pk } })
        const groupPath = `/group-buys/${gb.id}/groups/${lead.group.id}`
        const groupUrl = `http://localhost:8000${groupPath}?ref=${c.code}`
        expect(page.group).toMatchObject({ status: "open", seats_left: 2, members: [{ is_leader: true, name: "C*i" }], path: groupPath, url: groupUrl, referral_code: c.code })
        expect(page.group.share).toEqual({ url: groupUrl, mini_program: { path: "pages/index/index", scene: expect.stringMatching(/^[0-9A-Za-z]{10}$/) } })
        // The scene is C's, made once for the group and reused: it resolves to the group's page with C's code.
        const { data: again } = await api.get(`/store/distribution/groups/${lead.group.id}`, { headers: { "x-publishable-api-key": shop.pk } })
        expect(again.group.share).toEqual(page.group.share)
        const { rows: scenes } = await pg().raw("select scene, distributor_id, target_type, target_id, path from distribution_share_scene where target_id = ?", [lead.group.id])
        expect(scenes).toEqual([{ scene: page.group.share.mini_program.scene, distributor_id: c.distributor_id, target_type: "group", target_id: lead.group.id, path: groupPath }])
        const { data: resolved } = await api.get(`/store/distribution/share/${page.group.share.mini_program.scene}`, { headers: { "x-publishable-api-key": shop.pk } })
        expect(resolved).toMatchObject({ referral_code: c.code, target: { type: "group", id: lead.group.id }, path: groupPath, url: groupUrl })
        const { data: detail } = await api.get(`/store/distribution/group-buys/${gb.id}`, { headers: { "x-publishable-api-key": shop.pk } })
        expect(detail.group_buy.open_groups.map((g: { id: string }) => g.id)).toContain(lead.group.id)

        // Two friends join through the link (its referral code rides along) and pay.
        const friends = [await buyer("Fang"), await buyer("Gao")]
        const orders: Placed[] = []
        for (const f of friends) {
          const joined = await checkout(f, gb.id, { group_id: lead.group.id, referral_code: page.group.referral_code })
          expect(joined).toMatchObject({ is_leader: false, overflowed: false, group: { id: lead.group.id } })
          orders.push(await pay(f, joined.cart_id))
        }
        const done = await group(lead.group.id)
        expect(done).toMatchObject({ status: "succeeded", paid: 3, reserved: 0, virtual_count: 0 })
        expect(done.members.map((m: { status: string }) => m.status)).toEqual(["paid", "paid", "paid"])
        expect(await events.payloads("distribution.group.joined", 2)).toHaveLength(2)
        expect(await events.payloads("distribution.group.succeeded")).toEqual([expect.objectContaining({ id: lead.group.id, status: "succeeded", paid: 3 })])

        // The leader's bonus: 5 % of 59.90, rounded down, in C's ledger, once.
        const { rows: bonus } = await pg().raw("select amount::text as amount, distributor_id from distribution_ledger_entry where kind = 'group_leader_bonus' and reference_id = ?", [lead.group.id])
        expect(bonus).toEqual([{ amount: "2.99", distributor_id: c.distributor_id }])

        // The buyer's own groups.
        const { data: mine } = await api.get("/store/distribution/group-buys/me", friends[0])
        expect(mine.groups).toEqual([expect.objectContaining({ is_leader: false, status: "paid", unit_price: "59.90", order_id: orders[0].id, group: expect.objectContaining({ status: "succeeded" }) })])

        // Each friend's order is credited on the group price at the usual level rates: C 10 %, B 6 %, A 4 %.
        for (const order of orders) {
          expect((await commissionsOf(container, programme, order)).map((r) => `${r.who} ${r.depth} ${r.amount}`)).toEqual(["C 1 5.99", "B 2 3.59", "A 3 2.39"])
        }
        // Now it ships; delivery starts the freeze period; the settlement job settles what is due.
        await updateSettings(api, admin, { freeze_days: 0 })
        for (const order of orders) {
          await deliverOrder(api, container, admin, order.id)
        }
        await pg().raw("update distribution_commission set eligible_at = now() - interval '1 minute' where order_id = any(?)", [orders.map((o) => o.id)])
        await settleCommissions(container)
        const rows = await service(container).listCommissions({ order_id: orders.map((o) => o.id) }, { take: null })
        expect(rows).toHaveLength(6)
        expect(rows.every((r) => r.status === "settled")).toBe(true)

        const { data: report } = await api.get(`/admin/distribution/group-buys/${gb.id}/report`, admin)
        expect(report.report).toMatchObject({ opened: 1, succeeded: 1, failed: 0, virtual: 0, gmv: [{ currency_code: "cny", amount: "179.70" }], refunds: [] })
        // The admin list: the activity live in its window, its groups counted as the report counts them.
        const { data: list } = await api.get("/admin/distribution/group-buys", admin)
        expect(list.group_buys.find((g: { id: string }) => g.id === gb.id)).toMatchObject({
          phase: "live",
          groups: { opened: 1, succeeded: 1, failed: 0, virtual: 0, open: 0 },
        })
      } finally {
        events.stop()
      }
    })

    it("an expired group fails once though the job runs twice at once: every paid order canceled and refunded, its commissions reversed once", async () => {
      const container = getContainer()
      const { b } = programme
      const gb = await createGroupBuy({ name: "三人团 · 过期" })
      const events = recordEvents(container, ["distribution.group.failed", "order.canceled", "distribution.group.member_refunded"])
      try {
        const leader = await buyer("Hu")
        const member = await buyer("Jin")
        const lead = await checkout(leader, gb.id, { referral_code: b.code })
        const leaderOrder = await pay(leader, lead.cart_id)
        const joined = await checkout(member, gb.id, { group_id: lead.group.id, referral_code: b.code })
        const memberOrder = await pay(member, joined.cart_id)
        // One payment captured (refunded on failure), the other only authorized (canceled).
        await capturePayment(api, admin, leaderOrder.id)
        expect((await commissionsOf(container, programme, memberOrder)).map((r) => `${r.who} ${r.depth} ${r.amount}`)).toEqual(["B 1 7.18", "A 2 4.79"])

        await pg().raw("update distribution_group set expires_at = now() - interval '1 second' where id = ?", [lead.group.id])
        await Promise.all([expireGroups(container), expireGroups(container)])

        const failed = await group(lead.group.id)
        expect(failed).toMatchObject({ status: "failed", paid: 2, reserved: 0 })
        expect(failed.members.map((m: { refund_status: string }) => m.refund_status)).toEqual(["refunded", "refunded"])
        expect(await events.payloads("distribution.group.failed")).toHaveLength(1)
        const canceled = await events.payloads("order.canceled", 2)
        expect(canceled.map((e) => e.id).sort()).toEqual([leaderOrder.id, memberOrder.id].sort())
        expect(await events.payloads("distribution.group.member_refunded", 2)).toHaveLength(2)

        for (const order of [leaderOrder, memberOrder]) {
          const { data } = await api.get(`/admin/orders/${order.id}?fields=status`, admin)
          expect(data.order.status).toBe("canceled")
        }
        const captured = (await paymentCollections(api, admin, leaderOrder.id)).flatMap((c) => c.payments)[0]
        const { rows: refunds } = await pg().raw("select amount::text as amount from refund where payment_id = ? and deleted_at is null", [captured.id])
        expect(refunds.map((r: { amount: string }) => Number(r.amount))).toEqual([71.9])
        const authorized = (await paymentCollections(api, admin, memberOrder.id)).flatMap((c) => c.payments)[0]
        expect(authorized.canceled_at).not.toBeNull()

        // The reversal subscriber runs after the cancel: wait for it, then check it happened once.
        const deadline = Date.now() + 30_000
        let reversed = await service(container).listCommissions({ order_id: [leaderOrder.id, memberOrder.id] }, { take: null })
        while (reversed.some((r) => r.status !== "reversed") && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 200))
          reversed = await service(container).listCommissions({ order_id: [leaderOrder.id, memberOrder.id] }, { take: null })
        }
        expect(reversed.map((r) => r.status)).toEqual(["reversed", "reversed", "reversed", "reversed"])
        expect(reversed.every((r) => Number(r.reversed_amount) === Number(r.amount))).toBe(true)

        // A third run and replayed events change nothing.
        await expireGroups(container)
        const bus = container.resolve(Modules.EVENT_BUS)
        await andWait(container, "order.canceled", () => bus.emit({ name: "order.canceled", data: { id: memberOrder.id } }))
        await andWait(container, "order.placed", () => bus.emit({ name: "order.placed", data: { id: memberOrder.id } }))
        expect(await group(lead.group.id)).toMatchObject({ status: "failed", paid: 2, reserved: 0 })
        expect(await events.payloads("distribution.group.failed")).toHaveLength(1)
        expect((await service(container).listCommissions({ order_id: [leaderOrder.id, memberOrder.id] }, { take: null })).map((r) => r.reversed_amount)).toEqual(
          reversed.map((r) => r.reversed_amount)
        )
        const { data: report } = await api.get(`/admin/distribution/group-buys/${gb.id}/report`, admin)
        expect(report.report).toMatchObject({ opened: 1, failed: 1, refunds: [{ currency_code: "cny", amount: "119.80", pending: 0, failed: 0 }] })
      } finally {
        events.stop()
      }
    })

    it("10 buyers race for the last 2 seats: exactly 2 get them, the others follow the overflow rule", async () => {
      for (const overflow of ["new_group", "refuse"] as const) {
        const gb = await createGroupBuy({ name: `四人团 · ${overflow}`, group_size: 4, overflow })
        const leader = await buyer("Lead")
        const lead = await checkout(leader, gb.id)
        await pay(leader, lead.cart_id)
        // A second member pays: 2 of the 4 seats are left.
        const third = await buyer("Third")
        await pay(third, (await checkout(third, gb.id, { group_id: lead.group.id })).cart_id)

        const racers = await Promise.all(Array.from({ length: 10 }, (_, i) => buyer(`Racer${i}`)))
        const answers = await Promise.allSettled(
          racers.map((r) => api.post(`/store/distribution/group-buys/${gb.id}/checkout`, { variant_id: tote(), quantity: 1, group_id: lead.group.id }, r))
        )
        const ok = answers.filter((a): a is PromiseFulfilledResult<{ status: number; data: { checkout: { group: { id: string }; overflowed: boolean } } }> => a.status === "fulfilled")
        const inGroup = ok.filter((a) => a.value.data.checkout.group.id === lead.group.id)
        expect(inGroup).toHaveLength(2)
        const losers = answers.length - inGroup.length
        expect(losers).toBe(8)
        if (overflow === "new_group") {
          expect(ok).toHaveLength(10)
          expect(ok.filter((a) => a.value.data.checkout.overflowed)).toHaveLength(8)
        } else {
          const refusedAnswers = answers.filter((a): a is PromiseRejectedResult => a.status === "rejected")
          expect(refusedAnswers.map((a) => a.reason.response.status)).toEqual(Array(8).fill(409))
          expect(refusedAnswers[0].reason.response.data.message).toBe(`The group ${lead.group.id} has no seat left (full, closed or expired)`)
        }
        expect(await group(lead.group.id)).toMatchObject({ status: "open", paid: 2, reserved: 2, seats_left: 0 })
        if (overflow === "new_group") {
          // A leader who is no distributor shares the plain page: no code, no scene.
          const { data: page } = await api.get(`/store/distribution/groups/${lead.group.id}`, { headers: { "x-publishable-api-key": shop.pk } })
          expect(page.group).toMatchObject({ url: `http://localhost:8000/group-buys/${gb.id}/groups/${lead.group.id}`, referral_code: null, share: null })
        }
        await api.post(`/admin/distribution/group-buys/${gb.id}/close`, {}, admin)
      }
    })

    it("a lapsed seat cannot be paid for, closing refuses new checkouts, an admin fails an open group, and bad input is a 4xx", async () => {
      const container = getContainer()
      const gb = await createGroupBuy({ name: "三人团 · 管理", per_customer_limit: 2, per_order_limit: 2 })
      const leader = await buyer("Kong")
      const lead = await checkout(leader, gb.id, { quantity: 2 })
      // One unpaid checkout per buyer and activity.
      const second = await failure(api.post(`/store/distribution/group-buys/${gb.id}/checkout`, { variant_id: tote(), quantity: 1 }, leader))
      expect(second.status).toBe(409)
      expect(second.data.message).toMatch(/^You already have an unpaid checkout of "三人团 · 管理"/)

      // The reservation lapses: completion is refused, the shared release job gives the seat back and the forming group is abandoned.
      await api.post(`/store/carts/${lead.cart_id}`, { shipping_address: SHIPPING_ADDRESS }, leader)
      await payForCart(api, lead.cart_id, leader)
      await pg().raw("update distribution_activity_reservation set expires_at = now() - interval '1 second' where cart_id = ?", [lead.cart_id])
      const lapsed = await failure(api.post(`/store/carts/${lead.cart_id}/complete`, {}, leader))
      expect(lapsed.status).toBe(409)
      expect(lapsed.data.message).toMatch(/^The group buy reservation of this cart expired at .*: check out the group buy again$/)
      expect(await releaseActivityReservations(container)).toBe(1)
      expect(await group(lead.group.id)).toMatchObject({ status: "abandoned", reserved: 0, paid: 0 })

      // An admin fails an open group: its paid member is refunded at once.
      const again = await checkout(leader, gb.id)
      const order = await pay(leader, again.cart_id)
      // Over the per-customer limit: the paid unit counts.
      const over = await failure(api.post(`/store/distribution/group-buys/${gb.id}/checkout`, { variant_id: tote(), quantity: 2 }, leader))
      expect(over.status).toBe(400)
      expect(over.data.message).toBe('"三人团 · 管理" allows at most 2 per customer; you already hold 1')
      const { data: failedNow } = await api.post(`/admin/distribution/groups/${again.group.id}/fail`, {}, admin)
      expect(failedNow.group).toMatchObject({ status: "failed", members: [expect.objectContaining({ order_id: order.id, refund_status: "refunded" })] })
      expect((await failure(api.post(`/admin/distribution/groups/${again.group.id}/complete`, {}, admin))).status).toBe(409)
      const { data: listed } = await api.get(`/admin/distribution/groups?status=failed&group_buy_id=${gb.id}`, admin)
      expect(listed.groups.map((g: { id: string }) => g.id)).toEqual([again.group.id])

      // Closed: no new checkout; closing twice is a 409.
      const { data: closed } = await api.post(`/admin/distribution/group-buys/${gb.id}/close`, {}, admin)
      expect(closed.group_buy).toMatchObject({ status: "closed", phase: "closed" })
      expect((await failure(api.post(`/admin/distribution/group-buys/${gb.id}/close`, {}, admin))).status).toBe(409)
      const refused = await failure(api.post(`/store/distribution/group-buys/${gb.id}/checkout`, { variant_id: tote(), quantity: 1 }, leader))
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe('The group buy "三人团 · 管理" is closed')

      // Bad input.
      const bad = async (body: Record<string, unknown>) => (await failure(api.post("/admin/distribution/group-buys", body, admin))).data.message
      const base = { name: "x", starts_at: inHours(-1), ends_at: inHours(2), group_size: 3, time_limit_minutes: 30, prices: [{ variant_id: tote(), currency_code: "cny", amount: "10" }] }
      expect(await bad({ ...base, group_size: 1 })).toBe("Invalid request: Value for field 'group_size' too small, expected at least: '2'")
      expect(await bad({ ...base, ends_at: inHours(-2) })).toMatch(/must be after starts_at/)
      expect(await bad({ ...base, prices: [{ variant_id: "variant_nope", currency_code: "cny", amount: "10" }] })).toBe("Unknown variant(s): variant_nope")
      expect(await bad({ ...base, prices: [{ variant_id: tote(), currency_code: "cny", amount: "0" }] })).toMatch(/must be above 0/)
      expect(await bad({ ...base, virtual_threshold: 3 })).toMatch(/must be below group_size/)
      expect((await failure(api.get("/admin/distribution/group-buys/dgb_nope", admin))).status).toBe(404)
      expect((await failure(api.get("/store/distribution/groups/dgrp_nope", { headers: { "x-publishable-api-key": shop.pk } }))).status).toBe(404)
      expect((await failure(api.post(`/store/distribution/group-buys/${gb.id}/checkout`, { variant_id: tote(), quantity: 1 }, { headers: { "x-publishable-api-key": shop.pk } }))).status).toBe(401)
    })

    it("a variant is in one flash sale or group buy at a time: overlapping activities over it are refused with a 409 naming both, on create and on change", async () => {
      const serum = shop.variants.get("SERUM-30")!
      const black = shop.variants.get("TOTE-BLACK")!
      const day = (d: number) => new Date(Date.now() + d * 24 * HOUR).toISOString().slice(0, 10)
      const flashBody = (body: Record<string, unknown> = {}) => ({
        name: "秒杀 · 冲突",
        starts_on: day(-1),
        ends_on: day(1),
        time_zone: "UTC",
        slots: [{ start: "00:00", end: "24:00" }],
        variants: [{ variant_id: serum, quota: 5, prices: [{ currency_code: "cny", amount: "59.90" }] }],
        ...body,
      })
      const conflict = async (request: Promise<unknown>) => {
        const { status, data } = await failure(request)
        expect(status).toBe(409)
        return data.message as string
      }
      const counts = async () => {
        const { rows } = await pg().raw(
          `select (select count(*) from distribution_group_buy)::int as group_buys, (select count(*) from distribution_flash_sale)::int as flash_sales,
                  (select count(*) from distribution_flash_sale_variant)::int as flash_variants`
        )
        return rows[0]
      }
      const gb = await createGroupBuy({ name: "三人团 · 独占" })
      const { data: flashCreated } = await api.post("/admin/distribution/flash-sales", flashBody(), admin)
      const flash = flashCreated.flash_sale
      const before = await counts()
      const iso = (at: string) => new Date(at).toISOString()
      const gbWindow = `(${gb.id}, ${iso(gb.starts_at)} to ${iso(gb.ends_at)})`
      const flashWindow = `(${flash.id}, ${day(-1)}T00:00:00.000Z to ${day(2)}T00:00:00.000Z)`

      // Group buy × group buy: a second over the tote while the first runs.
      expect(await conflict(api.post("/admin/distribution/group-buys", { ...createBody(), name: "三人团 · 第二个", starts_at: inHours(24) }, admin))).toBe(
        `A variant can be in one flash sale or group buy at a time: "帆布托特包 · 米白" is already in the group buy "三人团 · 独占" ${gbWindow}. Choose other dates or variants, or close that activity first`
      )
      // Flash sale × group buy: the tote in a flash sale, and the flash sale's serum in a group buy.
      expect(await conflict(api.post("/admin/distribution/flash-sales", flashBody({ variants: [{ variant_id: tote(), quota: 5, prices: [{ currency_code: "cny", amount: "49.90" }] }] }), admin))).toBe(
        `A variant can be in one flash sale or group buy at a time: "帆布托特包 · 米白" is already in the group buy "三人团 · 独占" ${gbWindow}. Choose other dates or variants, or close that activity first`
      )
      expect(
        await conflict(api.post("/admin/distribution/group-buys", { ...createBody(), prices: [{ variant_id: serum, currency_code: "cny", amount: "49.90" }] }, admin))
      ).toBe(`A variant can be in one flash sale or group buy at a time: "玻尿酸补水精华液 30ml · 30ml" is already in the flash sale "秒杀 · 冲突" ${flashWindow}. Choose other dates or variants, or close that activity first`)
      // Flash sale × flash sale.
      expect(await conflict(api.post("/admin/distribution/flash-sales", flashBody({ name: "秒杀 · 第二场", starts_on: day(1), ends_on: day(3) }), admin))).toContain(
        `"玻尿酸补水精华液 30ml · 30ml" is already in the flash sale "秒杀 · 冲突" ${flashWindow}`
      )
      expect(await counts()).toEqual(before)

      // Free variants and windows that do not meet are accepted; changing them onto a held variant or window is refused, and changes nothing.
      const other = await createGroupBuy({ name: "三人团 · 黑色", prices: [{ variant_id: black, currency_code: "cny", amount: "59.90" }] })
      const later = await createGroupBuy({ name: "三人团 · 下一期", starts_at: gb.ends_at, ends_at: inHours(96) })
      const { status: laterFlash, data: after } = await api.post(
        "/admin/distribution/flash-sales",
        flashBody({ name: "秒杀 · 下一场", starts_on: day(2), ends_on: day(3), variants: [{ variant_id: serum, quota: 5, prices: [{ currency_code: "cny", amount: "59.90" }] }] }),
        admin
      )
      expect(laterFlash).toBe(201)
      expect(
        await conflict(api.post(`/admin/distribution/group-buys/${other.id}`, { prices: [{ variant_id: tote(), currency_code: "cny", amount: "59.90" }] }, admin))
      ).toContain(`"帆布托特包 · 米白" is already in the group buy "三人团 · 独占" ${gbWindow}`)
      expect(await conflict(api.post(`/admin/distribution/group-buys/${later.id}`, { starts_at: inHours(1) }, admin))).toContain(`already in the group buy "三人团 · 独占"`)
      expect(await conflict(api.post(`/admin/distribution/flash-sales/${after.flash_sale.id}`, { starts_on: day(0) }, admin))).toContain(
        `already in the flash sale "秒杀 · 冲突" ${flashWindow}`
      )
      expect(
        await conflict(api.post(`/admin/distribution/flash-sales/${after.flash_sale.id}`, { variants: [{ variant_id: black, quota: 5, prices: [{ currency_code: "cny", amount: "59.90" }] }] }, admin))
      ).toContain(`"帆布托特包 · 黑色" is already in the group buy "三人团 · 黑色"`)
      expect((await api.get(`/admin/distribution/group-buys/${other.id}`, admin)).data.group_buy.prices).toEqual([{ variant_id: black, currency_code: "cny", amount: "59.90" }])
      expect((await api.get(`/admin/distribution/flash-sales/${after.flash_sale.id}`, admin)).data.flash_sale).toMatchObject({ starts_on: day(2), variants: [{ variant_id: serum }] })

      // A closed activity, or one that has ended, holds its variants no more.
      await api.post(`/admin/distribution/group-buys/${gb.id}/close`, {}, admin)
      const { status: freed } = await api.post(
        "/admin/distribution/flash-sales",
        flashBody({ name: "秒杀 · 托特包", variants: [{ variant_id: tote(), quota: 5, prices: [{ currency_code: "cny", amount: "49.90" }] }] }),
        admin
      )
      expect(freed).toBe(201)
      await pg().raw("update distribution_group_buy set starts_at = now() - interval '2 days', ends_at = now() - interval '1 second' where id = ?", [other.id])
      const { status: reused } = await api.post("/admin/distribution/group-buys", { ...createBody(), name: "三人团 · 黑色二期", prices: [{ variant_id: black, currency_code: "cny", amount: "59.90" }] }, admin)
      expect(reused).toBe(201)
    })

    it("a checkout whose process died after reserving holds its seat until it expires; two racing release runs give the seat back once, and it sells again", async () => {
      const container = getContainer()
      const gb = await createGroupBuy({ name: "二人团 · 崩溃", group_size: 2, overflow: "refuse" })
      const leader = await buyer("Wei")
      const lead = await checkout(leader, gb.id)
      await pay(leader, lead.cart_id)
      // The joiner's checkout reserved the last seat, then its process died before the cart was attached: no cart will ever complete it.
      const ghost = await buyer("Shen")
      const held = await checkout(ghost, gb.id, { group_id: lead.group.id })
      await pg().raw("update distribution_activity_reservation set cart_id = null where id = ?", [held.reservation_id])
      expect(await group(lead.group.id)).toMatchObject({ status: "open", paid: 1, reserved: 1, seats_left: 0 })
      const late = await buyer("Tao")
      const full = await failure(api.post(`/store/distribution/group-buys/${gb.id}/checkout`, { variant_id: tote(), quantity: 1, group_id: lead.group.id }, late))
      expect(full.status).toBe(409)
      expect(full.data.message).toBe(`The group ${lead.group.id} has no seat left (full, closed or expired)`)

      // Not expired yet: the job leaves it (releasing only others' lapsed checkouts, if any). Expired: two runs at once release it once.
      await releaseActivityReservations(container)
      const reservationOf = async () =>
        (await pg().raw("select status, release_reason from distribution_activity_reservation where id = ?", [held.reservation_id])).rows
      expect(await reservationOf()).toEqual([{ status: "reserved", release_reason: null }])
      await pg().raw("update distribution_activity_reservation set expires_at = now() - interval '1 second' where id = ?", [held.reservation_id])
      const events = recordEvents(container, ["distribution.activity_reservation.released"])
      try {
        const runs = await Promise.all([releaseActivityReservations(container), releaseActivityReservations(container)])
        expect(runs.sort()).toEqual([0, 1])
        expect(await events.payloads("distribution.activity_reservation.released")).toEqual([expect.objectContaining({ id: held.reservation_id, status: "released", cart_id: null })])
        expect(await releaseActivityReservations(container)).toBe(0)
        await new Promise((r) => setTimeout(r, 200))
        expect(events.delivered).toHaveLength(1)
      } finally {
        events.stop()
      }
      expect(await reservationOf()).toEqual([{ status: "released", release_reason: "expired" }])
      const freed = await group(lead.group.id)
      expect(freed).toMatchObject({ status: "open", paid: 1, reserved: 0, seats_left: 1 })
      expect(freed.members.map((m: { customer_id: string; status: string }) => m.status).sort()).toEqual(["paid", "released"])

      // The seat sells again: the late buyer takes it, pays, and the group succeeds.
      const joined = await checkout(late, gb.id, { group_id: lead.group.id })
      expect(joined).toMatchObject({ overflowed: false, group: { id: lead.group.id } })
      await pay(late, joined.cart_id)
      expect(await group(lead.group.id)).toMatchObject({ status: "succeeded", paid: 2, reserved: 0, seats_left: 0 })
    })

    it("reconcile finishes a failed group's refunds a crash left half done: one run refunds each member once and counts them, a second run changes nothing", async () => {
      const container = getContainer()
      const gb = await createGroupBuy({ name: "四人团 · 退款修复", group_size: 4 })
      const members = [await buyer("Qian"), await buyer("Sun"), await buyer("Zhou")]
      const lead = await checkout(members[0], gb.id)
      const orders = [await pay(members[0], lead.cart_id)]
      for (const who of members.slice(1)) {
        orders.push(await pay(who, (await checkout(who, gb.id, { group_id: lead.group.id })).cart_id))
      }
      // The expiry pass failed the group and its instance died while refunding: the first member is marked refunded but
      // its order was never canceled, the second's order was canceled but its refund never recorded (refunding), the
      // third still waits (pending), both for an hour.
      await pg().raw("update distribution_group set status = 'failed', failed_at = now() - interval '1 hour' where id = ?", [lead.group.id])
      await andWait(container, "order.canceled", () => api.post(`/admin/orders/${orders[1].id}/cancel`, {}, admin))
      const state = async () =>
        (
          await pg().raw(
            "select order_id, status, refund_status, refund_error from distribution_group_member where group_id = ? and order_id is not null order by paid_at",
            [lead.group.id]
          )
        ).rows
      const setRefund = (order: Placed, status: string, ago: string) =>
        pg().raw(`update distribution_group_member set refund_status = ?, updated_at = now() - interval '${ago}' where order_id = ?`, [status, order.id])
      await setRefund(orders[0], "refunded", "1 minute")
      await setRefund(orders[1], "refunding", "1 hour")
      await setRefund(orders[2], "pending", "1 hour")
      const orderStatus = async (order: Placed) => (await api.get(`/admin/orders/${order.id}?fields=status`, admin)).data.order.status
      expect([await orderStatus(orders[0]), await orderStatus(orders[1]), await orderStatus(orders[2])]).toEqual(["pending", "canceled", "pending"])

      const events = recordEvents(container, ["order.canceled", "distribution.group.member_refunded"])
      try {
        const { data: first } = await api.post("/admin/distribution/reconcile", {}, admin)
        expect(first.group_refunds).toEqual([
          {
            group_id: lead.group.id,
            group_buy_id: gb.id,
            members: 3,
            pending: 1,
            refunding: 1,
            failed: 0,
            unqueued: 0,
            not_canceled: 1,
            retried: 3,
            refunded: 3,
          },
        ])
        expect(await state()).toEqual(orders.map((o) => ({ order_id: o.id, status: "paid", refund_status: "refunded", refund_error: null })))
        expect([await orderStatus(orders[0]), await orderStatus(orders[1]), await orderStatus(orders[2])]).toEqual(["canceled", "canceled", "canceled"])
        // Canceled once each: the order canceled before the crash is not canceled again.
        const canceled = await events.payloads("order.canceled", 2)
        expect(canceled.map((e) => e.id).sort()).toEqual([orders[0].id, orders[2].id].sort())
        expect((await events.payloads("distribution.group.member_refunded", 3)).map((e) => e.order_id).sort()).toEqual(orders.map((o) => o.id).sort())

        // The scheduled run finds nothing left and says so; nothing moves.
        await reconcileJob(container)
        const { data: runs } = await api.get("/admin/distribution/reconcile", admin)
        expect(runs.runs[0].result.group_refunds).toEqual({ groups: 0, members: 0, refunded: 0 })
        const { data: second } = await api.post("/admin/distribution/reconcile", {}, admin)
        expect(second.group_refunds).toEqual([])
        await new Promise((r) => setTimeout(r, 300))
        expect(events.delivered).toHaveLength(5)
        expect(await state()).toEqual(orders.map((o) => ({ order_id: o.id, status: "paid", refund_status: "refunded", refund_error: null })))
        const { data: report } = await api.get(`/admin/distribution/group-buys/${gb.id}/report`, admin)
        expect(report.report).toMatchObject({ failed: 1, refunds: [{ currency_code: "cny", amount: "179.70", pending: 0, failed: 0 }] })
      } finally {
        events.stop()
      }
    })

    it("an expired group with enough paid members completes virtually; its orders earn the activity's own rates", async () => {
      const gb = await createGroupBuy({ name: "三人团 · 模拟成团", virtual_threshold: 2, commission_policy: "rates", rate_bps_1: 300, rate_bps_2: 200, rate_bps_3: 100 })
      const leader = await buyer("Lu")
      const lead = await checkout(leader, gb.id, { referral_code: programme.b.code })
      const leaderOrder = await pay(leader, lead.cart_id)
      // 3 % and 2 % of the group price 59.90, rounded down, in place of the levels' rates.
      expect((await commissionsOf(getContainer(), programme, leaderOrder)).map((r) => `${r.who} ${r.depth} ${r.amount} ${r.rate_source}`)).toEqual([
        "B 1 1.79 sale",
        "A 2 1.19 sale",
      ])
      const member = await buyer("Ma")
      await pay(member, (await checkout(member, gb.id, { group_id: lead.group.id })).cart_id)
      await pg().raw("update distribution_group set expires_at = now() - interval '1 second' where id = ?", [lead.group.id])
      await expireGroups(getContainer())
      expect(await group(lead.group.id)).toMatchObject({ status: "succeeded", paid: 2, virtual_count: 1 })
      const { data: report } = await api.get(`/admin/distribution/group-buys/${gb.id}/report`, admin)
      expect(report.report).toMatchObject({ opened: 1, succeeded: 1, virtual: 1 })
    })
  },
})
