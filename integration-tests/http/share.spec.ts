import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { captureReferral, ReferralStorage } from "../../src/client"
import { createAdmin, Headers, registerCustomer } from "../helpers/auth"
import { storefront } from "../helpers/client"
import { failure, makeTemplate, service, uniqueEmail, updateSettings } from "../helpers/distribution"
import { prepareCart, seedShop, Shop } from "../helpers/orders"
import { andWait, BASKET, commissionsOf, threeLevelProgramme } from "../helpers/programme"

jest.setTimeout(600_000)

const TOKEN = /^[0-9A-Za-z]{10}$/

/** A storefront's localStorage. */
const memoryStorage = (): ReferralStorage & { items: Map<string, string> } => {
  const items = new Map<string, string>()
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Shop
    let admin: Headers
    let templateId: string

    beforeAll(async () => {
      api.interceptors.response.use(undefined, (e) => {
        if (e.response) e.message = `${e.message}: ${JSON.stringify(e.response.data)}`
        throw e
      })
      const container = getContainer()
      shop = await seedShop(container)
      admin = await createAdmin(container)
      templateId = (await makeTemplate(container)).template.id
    })

    const storeUrl = () => service(getContainer()).getOptions().store_url!.replace(/\/+$/, "")
    const productId = async (handle: string) => (await getContainer().resolve(Modules.PRODUCT).listProducts({ handle }))[0].id

    /** The three-level programme, coupons on, C issued its coupon (10 % off). */
    async function programme() {
      const tree = await threeLevelProgramme(api, getContainer(), shop, admin)
      await updateSettings(api, admin, { coupon_template_promotion_id: templateId })
      const issued = await api.post("/admin/distribution/coupons", { distributor_id: tree.c.distributor_id }, admin)
      return { ...tree, coupon: issued.data.coupon as { id: string; code: string } }
    }

    it("gives every link route one share shape: URL, mini-program page and a short scene, reused on repeat, resolving to the sharer", async () => {
      const { c, coupon } = await programme()
      const pk = { headers: { "x-publishable-api-key": shop.pk } }
      const code = c.code!

      // The link route: the URL as before, and its share.
      const { data: link } = await api.get("/store/distribution/link?path=/", c)
      expect(link.url).toBe(`${storeUrl()}/?ref=${code}`)
      expect(link.share).toEqual({ url: link.url, mini_program: { path: "pages/index/index", scene: expect.stringMatching(TOKEN) } })
      const again = (await api.get("/store/distribution/link?path=/", c)).data
      expect(again.share.mini_program.scene).toBe(link.share.mini_program.scene)
      const page = (await api.get(`/store/distribution/link?path=${encodeURIComponent("/collections/双十一爆款?sort=price")}`, c)).data
      expect(page.share.url).toBe(page.url)
      expect(page.share.mini_program.scene).not.toBe(link.share.mini_program.scene)

      // The products list: each product's page, its own scene, the same on the next call.
      const { data: products } = await api.get("/store/distribution/products?limit=5", c)
      expect(products.products).toHaveLength(5)
      for (const p of products.products) {
        expect(p.share).toEqual({
          url: `${storeUrl()}/products/${encodeURIComponent(p.handle)}?ref=${code}`,
          mini_program: { path: "pages/index/index", scene: expect.stringMatching(TOKEN) },
        })
      }
      const scenes = products.products.map((p: { share: { mini_program: { scene: string } } }) => p.share.mini_program.scene)
      expect(new Set(scenes).size).toBe(5)
      const reloaded = (await api.get("/store/distribution/products?limit=5", c)).data.products
      expect(reloaded.map((p: { share: { mini_program: { scene: string } } }) => p.share.mini_program.scene)).toEqual(scenes)

      // The coupon: the store's home with the coupon, a target of its own.
      const { data: mine } = await api.get("/store/distribution/coupon", c)
      expect(mine.share).toEqual({ url: `${storeUrl()}/?ref=${code}`, mini_program: { path: "pages/index/index", scene: expect.stringMatching(TOKEN) } })
      expect(mine.share.mini_program.scene).not.toBe(link.share.mini_program.scene)

      // The sales: a share per sale for a logged-in distributor, none for a visitor.
      const created = await api.post(
        "/admin/distribution/sales",
        { name: "双十二 · 精华", product_ids: [await productId("hyaluronic-serum")], percent_off_bps: 1000, ends_at: "2099-12-12T00:00:00+08:00" },
        admin
      )
      const saleId = created.data.sale.id
      const asVisitor = (await api.get("/store/distribution/sales", pk)).data.sales
      expect(asVisitor.map((s: { id: string; share: unknown }) => [s.id, s.share])).toEqual([[saleId, null]])
      const asSharer = (await api.get("/store/distribution/sales", { headers: { ...pk.headers, ...c.headers } })).data.sales
      expect(asSharer[0].share).toEqual({
        url: `${storeUrl()}/sales/${saleId}?ref=${code}`,
        mini_program: { path: "pages/index/index", scene: expect.stringMatching(TOKEN) },
      })

      // Each scene resolves, without a login, to the sharer, the target and the URL.
      const resolve = (scene: string) => api.get(`/store/distribution/share/${encodeURIComponent(scene)}`, pk)
      expect((await resolve(link.share.mini_program.scene)).data).toEqual({
        scene: link.share.mini_program.scene,
        referral_code: code,
        target: { type: "home", id: null },
        path: "/",
        url: link.url,
        binding_days: 0,
        coupon_code: coupon.code,
      })
      expect((await resolve(products.products[0].share.mini_program.scene)).data).toMatchObject({
        target: { type: "product", id: products.products[0].id },
        path: `/products/${encodeURIComponent(products.products[0].handle)}`,
        url: products.products[0].share.url,
      })
      expect((await resolve(mine.share.mini_program.scene)).data.target).toEqual({ type: "coupon", id: coupon.id })
      expect((await resolve(asSharer[0].share.mini_program.scene)).data.target).toEqual({ type: "sale", id: saleId })
      expect((await resolve(page.share.mini_program.scene)).data).toMatchObject({ target: { type: "page", id: null }, path: "/collections/双十一爆款?sort=price" })

      // The mini-program page is a setting.
      expect((await failure(api.post("/admin/distribution/settings", { mini_program_page: "/pages/index/index?x=1" }, admin))).status).toBe(400)
      await updateSettings(api, admin, { mini_program_page: "pages/share/landing" })
      expect((await api.get("/store/distribution/link?path=/", c)).data.share.mini_program).toEqual({
        path: "pages/share/landing",
        scene: link.share.mini_program.scene,
      })

      // Unknown → 404; malformed → 400, whatever the bytes.
      const status = async (path: string) => (await failure(api.get(path, pk))).status
      expect(await status("/store/distribution/share/ZZZZZZZZZZ")).toBe(404)
      expect(await status(`/store/distribution/share/${"a".repeat(33)}`)).toBe(400)
      expect(await status("/store/distribution/share/bad%20scene")).toBe(400)
      expect(await status("/store/distribution/share/a%00b")).toBe(400)
      expect(await status("/store/distribution/share/%E0%A4%A")).toBe(400)
      expect(await status("/store/distribution/share/%E5%88%86%E9%94%80")).toBe(400)
      expect((await failure(api.get(`/store/distribution/share/${link.share.mini_program.scene}`))).status).toBe(400)

      // A suspended sharer's codes stop resolving.
      await api.post(`/admin/distribution/distributors/${c.distributor_id}/suspend`, { reason: "违规推广" }, admin)
      expect(await status(`/store/distribution/share/${link.share.mini_program.scene}`)).toBe(404)

      // One row per target, whatever was asked twice.
      const { rows } = await getContainer()
        .resolve(ContainerRegistrationKeys.PG_CONNECTION)
        .raw(`SELECT target_type, count(*)::int AS n FROM distribution_share_scene WHERE distributor_id = ? GROUP BY target_type ORDER BY target_type`, [c.distributor_id])
      expect(rows).toEqual([
        { target_type: "coupon", n: 1 },
        { target_type: "home", n: 1 },
        { target_type: "page", n: 1 },
        { target_type: "product", n: 5 },
        { target_type: "sale", n: 1 },
      ])
    })

    it("captureReferral from a mini-program scene puts the code and the coupon on the cart: the order is credited to the sharer, to the cent", async () => {
      const container = getContainer()
      const tree = await programme()
      const { c, coupon } = tree
      const scene = (await api.get("/store/distribution/link?path=/", c)).data.share.mini_program.scene

      const buyer = await registerCustomer(api, shop.pk, { email: uniqueEmail("qr-buyer") })
      const { sdk } = await storefront(api, shop.pk, buyer)
      const storage = memoryStorage()
      let captured: Awaited<ReturnType<typeof captureReferral>> | null = null
      const order = await andWait(container, "order.placed", async () => {
        const { cartId, config } = await prepareCart(api, shop, buyer, BASKET, { gift_note: "生日快乐" }, {
          onCart: async (id) => (captured = await captureReferral(sdk, { scene, storage, cartId: () => id })),
        })
        const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, config)
        expect(data.type).toBe("order")
        return data.order as { id: string; items: { id: string; variant_sku: string }[] }
      })
      expect(captured).toEqual({ referral_code: c.code, source: "qr", visit_sent: true, cart_id: expect.any(String), coupon_applied: coupon.code })
      const { data: [placed] } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "order", fields: ["metadata"], filters: { id: order.id } })
      expect(placed.metadata).toEqual({ gift_note: "生日快乐", referral_code: c.code })

      // The visit was recorded as a QR visit of C.
      const { rows: visits } = await container
        .resolve(ContainerRegistrationKeys.PG_CONNECTION)
        .raw(`SELECT source, landing_path FROM distribution_visit WHERE distributor_id = ?`, [c.distributor_id])
      expect(visits).toEqual([{ source: "qr", landing_path: null }])

      // 10 % off every line, then C's rates (serum rule 20 %, specialties 8 %, bronze 10 %) and B's, A's.
      // Serum 259.80 → 233.82: 46.76 / 23.38 / 11.69; rice 89.90 → 80.91: 6.47 / 3.23 / 0.80;
      // tote 237.00 → 213.30: 21.33 / 12.79 / 8.53.
      expect(await commissionsOf(container, { a: tree.a, b: tree.b, c: tree.c }, order)).toEqual([
        { who: "C", depth: 1, sku: "RICE-5", amount: "6.47", attribution: "coupon", rate_source: expect.any(String) },
        { who: "C", depth: 1, sku: "SERUM-30", amount: "46.76", attribution: "coupon", rate_source: expect.any(String) },
        { who: "C", depth: 1, sku: "TOTE-IVORY", amount: "21.33", attribution: "coupon", rate_source: expect.any(String) },
        { who: "B", depth: 2, sku: "RICE-5", amount: "3.23", attribution: "coupon", rate_source: expect.any(String) },
        { who: "B", depth: 2, sku: "SERUM-30", amount: "23.38", attribution: "coupon", rate_source: expect.any(String) },
        { who: "B", depth: 2, sku: "TOTE-IVORY", amount: "12.79", attribution: "coupon", rate_source: expect.any(String) },
        { who: "A", depth: 3, sku: "RICE-5", amount: "0.80", attribution: "coupon", rate_source: expect.any(String) },
        { who: "A", depth: 3, sku: "SERUM-30", amount: "11.69", attribution: "coupon", rate_source: expect.any(String) },
        { who: "A", depth: 3, sku: "TOTE-IVORY", amount: "8.53", attribution: "coupon", rate_source: expect.any(String) },
      ])

      // A later page of the same storefront: no second visit today, the code still remembered.
      expect(await captureReferral(sdk, { url: "/products/hyaluronic-serum", storage })).toMatchObject({ referral_code: c.code, source: "stored", visit_sent: false })
    })
  },
})
