import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createAdmin, Headers, registerCustomer } from "../helpers/auth"
import { Distributor, failure, makeDistributor, makeTemplate, service, uniqueEmail, updateSettings } from "../helpers/distribution"
import { backOffice, clientFailure, storefront } from "../helpers/client"
import { prepareCart, seedShop, Shop } from "../helpers/orders"
import { andWait, BASKET, commissionsOf as commissionsOfOrder, threeLevelProgramme } from "../helpers/programme"

jest.setTimeout(600_000)

/** Polls until `check` returns something truthy (a subscriber's work is asynchronous). */
async function until<T>(check: () => Promise<T | null | undefined | false>, what: string, ms = 60_000): Promise<T> {
  const start = Date.now()
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Shop
    let admin: Headers
    let templateId: string
    let campaignId: string
    let programme: { a: Distributor; b: Distributor; c: Distributor }
    const coupons: Record<string, { id: string; code: string; promotion_id: string }> = {}

    beforeAll(async () => {
      // A failed request says why, in the test's failure.
      api.interceptors.response.use(undefined, (e) => {
        e.message = `${e.message}: ${JSON.stringify(e.response?.data)}`
        throw e
      })
      const container = getContainer()
      shop = await seedShop(container)
      admin = await createAdmin(container)
      const { template, campaign } = await makeTemplate(container)
      templateId = template.id
      campaignId = campaign.id
    })

    /**
     * Each test starts from the suite's snapshot (shop and template): the
     * three-level programme, the template chosen, A and C issued coupons.
     */
    async function couponProgramme() {
      programme = await threeLevelProgramme(api, getContainer(), shop, admin)
      await updateSettings(api, admin, { coupon_template_promotion_id: templateId })
      for (const d of [programme.a, programme.c]) {
        const issued = await api.post("/admin/distribution/coupons", { distributor_id: d.distributor_id }, admin)
        expect(issued.status).toBe(201)
        coupons[d.code!] = issued.data.coupon
      }
      return programme
    }

    const couponOf = async (d: Distributor) =>
      (await api.get(`/admin/distribution/coupons?distributor_id=${d.distributor_id}`, admin)).data.coupons[0]
    const promotion = async (id: string) =>
      (await getContainer().resolve(Modules.PROMOTION).listPromotions({ id }, { relations: ["application_method"] }))[0]

    /** A new customer buys the basket with `code` applied to the cart; returns the order once credited. */
    async function buyWithCode(code: string, buyer?: Headers & { id: string; email: string }) {
      const customer = buyer ?? (await registerCustomer(api, shop.pk, { email: uniqueEmail("coupon-buyer") }))
      const order = await andWait(getContainer(), "order.placed", async () => {
        const { cartId, config } = await prepareCart(api, shop, customer, BASKET, undefined, { promo_codes: [code] })
        const { data: cart } = await api.get(`/store/carts/${cartId}`, config)
        expect(cart.cart.promotions.map((p: { code: string }) => p.code)).toEqual([code])
        const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, config)
        expect(data.type).toBe("order")
        return data.order as { id: string; items: { id: string; variant_sku: string }[] }
      })
      return { order, customer }
    }

    const commissionsOf = (order: { id: string; items: { id: string; variant_sku: string }[] }) => commissionsOfOrder(getContainer(), programme, order)

    it("issues a clone of the template on approval, follows suspension and reinstatement, and obeys the admin's disable/enable", async () => {
      // Bad settings are refused and change nothing.
      const refused = await failure(api.post("/admin/distribution/settings", { coupon_code_prefix: "no spaces!" }, admin))
      expect(refused.status).toBe(400)
      expect(refused.data.message).toContain("coupon_code_prefix")
      const before = (await api.get("/admin/distribution/settings", admin)).data.settings
      // A prefix that is no word (a date, digits first) and a template that names no promotion: 400, nothing written.
      const datePrefix = await failure(api.post("/admin/distribution/settings", { coupon_code_prefix: "0001-01-01" }, admin))
      expect(datePrefix.status).toBe(400)
      expect(datePrefix.data.message).toContain("coupon_code_prefix must start with a letter")
      const noPromotion = await failure(api.post("/admin/distribution/settings", { coupon_template_promotion_id: "promo_missing" }, admin))
      expect(noPromotion.status).toBe(400)
      expect(noPromotion.data.message).toBe("coupon_template_promotion_id: no promotion promo_missing exists")
      expect((await api.get("/admin/distribution/settings", admin)).data.settings).toEqual(before)
      // Without a template no coupon can be issued: a clear 400.
      programme = await threeLevelProgramme(api, getContainer(), shop, admin)
      const noTemplate = await failure(api.post("/admin/distribution/coupons", { distributor_id: programme.c.distributor_id }, admin))
      expect(noTemplate.status).toBe(400)
      expect(noTemplate.data.message).toContain("coupon_template_promotion_id")

      await updateSettings(api, admin, { coupon_template_promotion_id: templateId, coupon_issue: "on_approval" })
      const d = await makeDistributor(api, { pk: shop.pk, admin }, { name: "Dora" })
      const coupon = await until(() => couponOf(d), "the coupon issued on approval")
      expect(coupon).toMatchObject({ code: d.code, status: "active", source: "auto", uses: 0, figures: [] })
      expect(coupon.offer).toMatchObject({ type: "percentage", target_type: "items", value: "10", campaign_id: campaignId })
      const promo = await promotion(coupon.promotion_id)
      expect(promo).toMatchObject({ code: d.code, status: "active", is_automatic: false, campaign_id: campaignId })
      expect(promo.application_method).toMatchObject({ type: "percentage", target_type: "items", allocation: "across" })
      expect(Number(promo.application_method!.value)).toBe(10)
      // A distributor's coupon is no template.
      const couponAsTemplate = await failure(api.post("/admin/distribution/settings", { coupon_template_promotion_id: coupon.promotion_id }, admin))
      expect(couponAsTemplate.status).toBe(400)
      expect(couponAsTemplate.data.message).toBe(`coupon_template_promotion_id: the promotion ${d.code} is a distributor's coupon, not a template`)

      // A second coupon for the same distributor: 409, nothing created.
      const twice = await failure(api.post("/admin/distribution/coupons", { distributor_id: d.distributor_id }, admin))
      expect(twice.status).toBe(409)
      expect((await api.get(`/admin/distribution/coupons?distributor_id=${d.distributor_id}`, admin)).data.count).toBe(1)

      const review = (action: string) =>
        api.post(`/admin/distribution/distributors/${d.distributor_id}/${action}`, { reason: "test" }, admin)
      await review("suspend")
      // The subscriber moves the row, then the promotion: wait for both.
      await until(async () => (await couponOf(d)).status === "suspended" && (await promotion(coupon.promotion_id)).status === "inactive", "the coupon suspended")
      await review("reinstate")
      await until(async () => (await couponOf(d)).status === "active" && (await promotion(coupon.promotion_id)).status === "active", "the coupon reactivated")

      const disabled = await api.post(`/admin/distribution/coupons/${coupon.id}/disable`, {}, admin)
      expect(disabled.data.coupon.status).toBe("disabled")
      expect((await promotion(coupon.promotion_id)).status).toBe("inactive")
      expect((await failure(api.post(`/admin/distribution/coupons/${coupon.id}/disable`, {}, admin))).status).toBe(409)
      // A reinstatement does not bring back what the admin disabled.
      await review("suspend")
      await review("reinstate")
      await new Promise((r) => setTimeout(r, 1500))
      expect((await couponOf(d)).status).toBe("disabled")
      const enabled = await api.post(`/admin/distribution/coupons/${coupon.id}/enable`, {}, admin)
      expect(enabled.data.coupon.status).toBe("active")
      expect((await promotion(coupon.promotion_id)).status).toBe("active")

      // Bad input: 4xx with a clear message.
      expect((await failure(api.post("/admin/distribution/coupons", {}, admin))).status).toBe(400)
      const unknown = await failure(api.post("/admin/distribution/coupons", { distributor_id: "dist_unknown" }, admin))
      expect(unknown.status).toBe(404)
      expect((await failure(api.post("/admin/distribution/coupons/dcpn_unknown/disable", {}, admin))).status).toBe(404)
      const noRate = await failure(api.post(`/admin/distribution/coupons/${coupon.id}/policy`, { commission_policy: "rates" }, admin))
      expect(noRate.status).toBe(400)
      expect(noRate.data.message).toContain("rate_bps_1")
      expect((await failure(api.post("/admin/distribution/coupons/bulk-issue", { level_id: "dlvl_unknown" }, admin))).status).toBe(404)
    })

    it("bulk-issues a level's coupons, and a distributor may ask for one only when the programme issues on request", async () => {
      await updateSettings(api, admin, { coupon_template_promotion_id: templateId, coupon_issue: "admin_only" })
      const { data: { level } } = await api.post("/admin/distribution/levels", { name: "券级", rank: 9, rate_bps_1: 500, rate_bps_2: 0, rate_bps_3: 0 }, admin)
      const e = await makeDistributor(api, { pk: shop.pk, admin }, { name: "Ema" })
      const f = await makeDistributor(api, { pk: shop.pk, admin }, { name: "Fei" })
      await service(getContainer()).updateDistributors([e, f].map((d) => ({ id: d.distributor_id, level_id: level.id })))
      const bulk = await api.post("/admin/distribution/coupons/bulk-issue", { level_id: level.id }, admin)
      expect(bulk.data).toMatchObject({ level_id: level.id, issued: 2, failed: [], more: false })
      expect((await couponOf(e)).source).toBe("admin")
      expect((await couponOf(f)).code).toBe(f.code)
      // Again: nobody left without one.
      expect((await api.post("/admin/distribution/coupons/bulk-issue", { level_id: level.id }, admin)).data.issued).toBe(0)

      const g = await makeDistributor(api, { pk: shop.pk, admin }, { name: "Gao" })
      expect((await api.get("/store/distribution/coupon", g)).data).toEqual({ coupon: null, can_request: false, share: null })
      const notNow = await failure(api.post("/store/distribution/coupon", {}, g))
      expect(notNow.status).toBe(400)
      expect(notNow.data.message).toContain("on request")
      await updateSettings(api, admin, { coupon_issue: "on_request", coupon_code_prefix: "vip-" })
      expect((await api.get("/store/distribution/coupon", g)).data.can_request).toBe(true)
      const asked = await api.post("/store/distribution/coupon", {}, g)
      expect(asked.status).toBe(201)
      expect(asked.data.coupon).toMatchObject({ code: `VIP-${g.code}`, status: "active", source: "request" })
      expect((await failure(api.post("/store/distribution/coupon", {}, g))).status).toBe(409)
      expect((await failure(api.post("/store/distribution/coupon", { code: "MINE" }, g))).status).toBe(400)
      // The storefront client reads the same coupon, and asking again through it is the same 409.
      const gCentre = await storefront(api, shop.pk, g)
      expect(await gCentre.coupon()).toMatchObject({ coupon: { code: `VIP-${g.code}`, source: "request" }, can_request: false })
      expect((await clientFailure(gCentre.requestCoupon())).status).toBe(409)
      const link = await api.get("/store/distribution/link", g)
      expect(link.data.coupon_code).toBe(`VIP-${g.code}`)
      await updateSettings(api, admin, { coupon_code_prefix: "" })
    })

    it("credits a coupon order to its owner to the cent under each policy, and binds the buyer with source coupon", async () => {
      const { c } = await couponProgramme()
      const cCoupon = coupons[c.code!]

      // normal: the usual rates on the lines after the coupon's 10 % (RICE 80.91, TOTE 213.30, SERUM 233.82).
      const normal = await buyWithCode(c.code!)
      expect((await commissionsOf(normal.order)).map((r) => [r.who, r.depth, r.sku, r.amount])).toEqual([
        ["C", 1, "RICE-5", "6.47"], // 80.91 × 8 % = 6.4728
        ["C", 1, "SERUM-30", "46.76"], // 233.82 × 20 % = 46.764
        ["C", 1, "TOTE-IVORY", "21.33"], // 213.30 × 10 %
        ["B", 2, "RICE-5", "3.23"],
        ["B", 2, "SERUM-30", "23.38"],
        ["B", 2, "TOTE-IVORY", "12.79"], // 213.30 × 6 % = 12.798
        ["A", 3, "RICE-5", "0.80"],
        ["A", 3, "SERUM-30", "11.69"],
        ["A", 3, "TOTE-IVORY", "8.53"],
      ])
      expect((await commissionsOf(normal.order)).every((r) => r.attribution === "coupon")).toBe(true)
      const [binding] = await service(getContainer()).listReferralBindings({ customer_id: normal.customer.id })
      expect(binding).toMatchObject({ distributor_id: c.distributor_id, source: "coupon" })

      // The coupon's own rates: 15 % / 5 % / 0 in place of rules and levels.
      await api.post(`/admin/distribution/coupons/${cCoupon.id}/policy`, { commission_policy: "rates", rate_bps_1: 1500, rate_bps_2: 500, rate_bps_3: 0 }, admin)
      const rates = await buyWithCode(c.code!)
      expect((await commissionsOf(rates.order)).map((r) => [r.who, r.depth, r.sku, r.amount, r.rate_source])).toEqual([
        ["C", 1, "RICE-5", "12.13", "coupon"], // 80.91 × 15 % = 12.1365
        ["C", 1, "SERUM-30", "35.07", "coupon"], // 233.82 × 15 % = 35.073
        ["C", 1, "TOTE-IVORY", "31.99", "coupon"], // 213.30 × 15 % = 31.995
        ["B", 2, "RICE-5", "4.04", "coupon"],
        ["B", 2, "SERUM-30", "11.69", "coupon"],
        ["B", 2, "TOTE-IVORY", "10.66", "coupon"],
      ])

      // The programme excludes coupon orders; the coupon follows the programme again.
      await api.post(`/admin/distribution/coupons/${cCoupon.id}/policy`, { commission_policy: null }, admin)
      await updateSettings(api, admin, { coupon_commission: "excluded" })
      const excluded = await buyWithCode(c.code!)
      expect(await commissionsOf(excluded.order)).toEqual([])
      await updateSettings(api, admin, { coupon_commission: "normal" })

      // The coupon's figures: three uses, their sales (528.03 each) and C's commission (74.56 + 79.19 + 0).
      const { data } = await api.get(`/admin/distribution/coupons/${cCoupon.id}`, admin)
      expect(data.coupon.figures).toEqual([{ currency_code: "cny", uses: 3, sales: "1584.09", commission: "153.75" }])
      expect(data.orders.map((o: { order_id: string }) => o.order_id).sort()).toEqual(
        [normal.order.id, rates.order.id, excluded.order.id].sort()
      )
      const report = await api.get("/admin/distribution/reports/coupons", admin)
      expect(report.data.coupons.find((r: { code: string }) => r.code === c.code)).toMatchObject({ uses: 3, sales: "1584.09", commission: "153.75" })
      // The totals sum the whole window, whatever the page.
      const paged = await api.get("/admin/distribution/reports/coupons?limit=1&offset=1", admin)
      expect(paged.data.coupons).toEqual([])
      expect(paged.data.totals).toEqual({ coupons: 1, uses: 3, sales: "1584.09", commission: "153.75" })

      // The admin's list finds a coupon by part of its code (any case) and by its Medusa promotion.
      const byPart = await api.get(`/admin/distribution/coupons?q=${encodeURIComponent(c.code!.slice(1, 5).toLowerCase())}`, admin)
      expect(byPart.data.coupons.map((x: { id: string }) => x.id)).toContain(cCoupon.id)
      expect(byPart.data.coupons.every((x: { code: string }) => x.code.includes(c.code!.slice(1, 5).toUpperCase()))).toBe(true)
      const byPromotion = await api.get(`/admin/distribution/coupons?promotion_id=${cCoupon.promotion_id}`, admin)
      expect(byPromotion.data).toMatchObject({ count: 1, coupons: [{ id: cCoupon.id, code: c.code, status: "active", uses: 3 }] })
      expect((await api.get(`/admin/distribution/coupons?promotion_id=${templateId}`, admin)).data).toMatchObject({ count: 0, coupons: [] })
      // A wildcard is a character like any other; a search too long is a 400.
      expect((await api.get("/admin/distribution/coupons?q=%25", admin)).data.count).toBe(0)
      expect((await failure(api.get(`/admin/distribution/coupons?q=${"X".repeat(65)}`, admin))).status).toBe(400)
      // The admin client reads the coupon and its report as the routes answer them.
      const office = await backOffice(api, admin)
      expect((await office.coupons.retrieve(cCoupon.id)).coupon.figures).toEqual([{ currency_code: "cny", uses: 3, sales: "1584.09", commission: "153.75" }])
      expect((await office.coupons.report({ limit: 1, offset: 1 })).totals).toEqual({ coupons: 1, uses: 3, sales: "1584.09", commission: "153.75" })
      const centre = await api.get("/store/distribution/coupon", c)
      expect(centre.data.coupon).toMatchObject({ code: c.code, uses: 3, figures: [{ currency_code: "cny", uses: 3, sales: "1584.09", commission: "153.75" }] })
    })

    it("lets the binding or the code win as set, and a distributor's own code earns it nothing under self-purchase off", async () => {
      const { a, b, c } = await couponProgramme()
      const boundToB = async () => {
        const buyer = await registerCustomer(api, shop.pk, { email: uniqueEmail("bound") })
        await api.post("/store/distribution/bind", { referral_code: b.code }, buyer)
        return buyer
      }
      await updateSettings(api, admin, { coupon_attribution: "binding_first" })
      const bindingWins = await buyWithCode(c.code!, await boundToB())
      expect((await commissionsOf(bindingWins.order)).filter((r) => r.depth === 1).map((r) => [r.who, r.attribution])).toEqual([
        ["B", "binding"], ["B", "binding"], ["B", "binding"],
      ])
      await updateSettings(api, admin, { coupon_attribution: "coupon_first" })
      const codeWins = await buyWithCode(c.code!, await boundToB())
      expect((await commissionsOf(codeWins.order)).filter((r) => r.depth === 1).map((r) => [r.who, r.attribution])).toEqual([
        ["C", "coupon"], ["C", "coupon"], ["C", "coupon"],
      ])
      // The buyer stays bound to B: first touch keeps the binding it had.
      const [kept] = await service(getContainer()).listReferralBindings({ customer_id: codeWins.customer.id })
      expect(kept.distributor_id).toBe(b.distributor_id)
      await updateSettings(api, admin, { coupon_attribution: "binding_first" })

      // A (no upline, no binding) buys with its own code: nobody earns, the use is counted.
      const own = await buyWithCode(a.code!, a as unknown as Headers & { id: string; email: string })
      expect(await commissionsOf(own.order)).toEqual([])
      const { data } = await api.get(`/admin/distribution/coupons/${coupons[a.code!].id}`, admin)
      expect(data.coupon.figures).toEqual([{ currency_code: "cny", uses: 1, sales: "528.03", commission: "0.00" }])
    })

    it("20 concurrent checkouts with a once-per-customer coupon: every order credited once to its owner; Medusa does not apply it to a customer twice", async () => {
      const { c } = await couponProgramme()
      const buyers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => registerCustomer(api, shop.pk, { email: uniqueEmail(`rush${i}`) }))
      )
      // Each cart buys another product, so no stock runs short: the coupon is what is shared.
      const skus = [...shop.variants.keys()].sort().slice(0, 20)
      expect(skus).toHaveLength(20)
      const carts = await Promise.all(
        buyers.map(async (buyer, i) => ({
          buyer,
          ...(await prepareCart(api, shop, buyer, [{ sku: skus[i], quantity: 1 }], undefined, { promo_codes: [c.code!] })),
        }))
      )
      const outcomes = await Promise.all(
        carts.map(({ buyer, cartId, config }) =>
          api.post(`/store/carts/${cartId}/complete`, {}, config).then(
            (r) => ({ buyer: buyer.id, order: r.data.type === "order" ? (r.data.order.id as string) : null, error: r.data.error?.message ?? null }),
            (e) => ({ buyer: buyer.id, order: null, error: (e.response?.data?.message as string) ?? String(e) })
          )
        )
      )
      expect(outcomes.filter((o) => !o.order)).toEqual([])
      const orderIds = outcomes.map((o) => o.order!)
      await until(async () => {
        const rows = await service(getContainer()).listCommissions({ order_id: orderIds, depth: 1 }, { take: null })
        return new Set(rows.map((r) => r.order_id)).size === 20 ? rows : null
      }, "the twenty orders credited")
      await new Promise((r) => setTimeout(r, 2000))
      const rows = await service(getContainer()).listCommissions({ order_id: orderIds }, { take: null })
      // One row per order, line and depth: nothing credited twice.
      expect(new Set(rows.map((r) => `${r.order_id}:${r.line_item_id}:${r.depth}`)).size).toBe(rows.length)
      const levelOne = rows.filter((r) => r.depth === 1)
      expect(levelOne).toHaveLength(20)
      expect(levelOne.every((r) => r.distributor_id === c.distributor_id && r.attribution === "coupon")).toBe(true)
      const { data } = await api.get(`/admin/distribution/coupons/${coupons[c.code!].id}`, admin)
      expect(data.coupon.uses).toBe(20)

      // The budget is per customer: Medusa does not apply the coupon to the same customer's next cart.
      const again = await prepareCart(api, shop, buyers[0], [{ sku: skus[0], quantity: 1 }], undefined, { promo_codes: [c.code!] })
      const { data: next } = await api.get(`/store/carts/${again.cartId}`, again.config)
      expect(next.cart.promotions).toEqual([])
      expect(Number(next.cart.discount_total)).toBe(0)
    })
  },
})
