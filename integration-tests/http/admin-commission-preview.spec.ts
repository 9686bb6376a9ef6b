import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createAdmin, Headers, registerCustomer } from "../helpers/auth"
import { uniqueEmail } from "../helpers/distribution"
import { placeOrder, seedShop, Shop } from "../helpers/orders"
import { andWait, threeLevelProgramme } from "../helpers/programme"
import { withChineseVat, withTaxInclusivePrices } from "../helpers/tax"

jest.setTimeout(240_000)

type Preview = {
  rules: { target_type: string; mode: string }[]
  max_depth: number
  variants: {
    sku: string | null
    prices: { currency_code: string; amount: string; base: string; sale: unknown; levels: { level_id: string | null; level_name: string | null; depths: { depth: number; source: string; amount: string }[] }[] }[]
  }[]
}

/** The product page's preview: what each level earns per unit, by the engine's own rules. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Shop
    let admin: Headers

    beforeAll(async () => {
      shop = await seedShop(getContainer())
      admin = await createAdmin(getContainer())
    })

    const productId = async (handle: string) => {
      const [product] = await getContainer().resolve(Modules.PRODUCT).listProducts({ handle })
      return product.id
    }
    const preview = async (handle: string) =>
      (await api.get(`/admin/distribution/products/${await productId(handle)}/commission-preview`, admin)).data as Preview
    const amounts = (p: Preview, sku: string, currency: string, level: string) =>
      p.variants
        .find((v) => v.sku === sku)!
        .prices.find((x) => x.currency_code === currency)!
        .levels.find((l) => l.level_name === level)!
        .depths.map((d) => d.amount)

    it("with no level yet, one row of the programme's default rates: what every distributor then earns", async () => {
      const tote = await preview("canvas-tote")
      const cny = tote.variants.find((v) => v.sku === "TOTE-IVORY")!.prices.find((p) => p.currency_code === "cny")!
      // 79 CNY at the default 10 / 5 % on two levels.
      expect(cny.levels).toEqual([
        {
          level_id: null,
          level_name: null,
          depths: [
            { depth: 1, source: "default", rate_bps: 1000, amount: "7.90" },
            { depth: 2, source: "default", rate_bps: 500, amount: "3.95" },
          ],
        },
      ])
    })

    it("pays what a one-unit order really pays: the serum's rule, cut by the order cap", async () => {
      const { c } = await threeLevelProgramme(api, getContainer(), shop, admin)
      const serum = await preview("hyaluronic-serum")
      expect(serum.rules).toEqual([expect.objectContaining({ target_type: "product", mode: "rate", rate_bps_1: 2000 })])
      expect(serum.max_depth).toBe(3)
      // 129.90 × 20 / 10 / 5 % = 25.98 + 12.99 + 6.49 > the 30 % cap (38.97): depth 3 gives way.
      for (const level of ["铜牌", "银牌", "金牌"]) {
        expect(amounts(serum, "SERUM-30", "cny", level)).toEqual(["25.98", "12.99", "0.00"])
      }

      const buyer = await registerCustomer(api, shop.pk, { email: uniqueEmail("buyer") })
      await api.post("/store/distribution/bind", { referral_code: c.code }, buyer)
      const order = await andWait(getContainer(), "order.placed", () =>
        placeOrder(api, shop, { ...buyer }, [{ sku: "SERUM-30", quantity: 1 }])
      )
      const { data } = await api.get(`/admin/distribution/commissions?order_id=${order.id}&order=depth`, admin)
      expect(data.commissions.map((row: { depth: number; amount: string }) => [row.depth, row.amount])).toEqual([
        [1, "25.98"],
        [2, "12.99"],
      ])
    })

    it("without a rule, each level's own rates, rounded down per currency", async () => {
      await threeLevelProgramme(api, getContainer(), shop, admin)
      const tote = await preview("canvas-tote")
      expect(tote.rules).toEqual([])
      // 79 CNY at 10/5/2 %, 12/6/3 %, 15/8/4 %.
      expect(amounts(tote, "TOTE-IVORY", "cny", "铜牌")).toEqual(["7.90", "3.95", "1.58"])
      expect(amounts(tote, "TOTE-IVORY", "cny", "银牌")).toEqual(["9.48", "4.74", "2.37"])
      expect(amounts(tote, "TOTE-IVORY", "cny", "金牌")).toEqual(["11.85", "6.32", "3.16"])
    })

    it("with tax-inclusive prices, pays on the price without its tax: what a real order then pays, to the cent", async () => {
      const container = getContainer()
      const { a, b, c } = await threeLevelProgramme(api, container, shop, admin)
      const buyer = await registerCustomer(api, shop.pk, { email: uniqueEmail("inclusive") })
      await api.post("/store/distribution/bind", { referral_code: c.code }, buyer)
      await withChineseVat(container, () =>
        withTaxInclusivePrices(container, "cny", async () => {
          const tote = await preview("canvas-tote")
          const cny = tote.variants.find((v) => v.sku === "TOTE-IVORY")!.prices.find((p) => p.currency_code === "cny")!
          // 79 with 13% VAT in it: 79 ÷ 1.13 = 69.911… → 69.91; the price itself is unchanged.
          expect([cny.amount, cny.base]).toEqual(["79.00", "69.91"])
          // C (bronze) at depth 1, B (silver) at 2, A (gold) at 3: 10 %, 6 %, 4 % of 69.91.
          const previewed = [amounts(tote, "TOTE-IVORY", "cny", "铜牌")[0], amounts(tote, "TOTE-IVORY", "cny", "银牌")[1], amounts(tote, "TOTE-IVORY", "cny", "金牌")[2]]
          expect(previewed).toEqual(["6.99", "4.19", "2.79"])

          const order = await andWait(container, "order.placed", () =>
            placeOrder(api, shop, { ...buyer }, [{ sku: "TOTE-IVORY", quantity: 1 }])
          )
          const { data } = await api.get(`/admin/distribution/commissions?order_id=${order.id}&order=depth`, admin)
          expect(data.commissions.map((row: { distributor_id: string; amount: number }) => [row.distributor_id, String(row.amount)])).toEqual([
            [c.distributor_id, previewed[0]],
            [b.distributor_id, previewed[1]],
            [a.distributor_id, previewed[2]],
          ])
        })
      )
    })

    it("previews a variant in a running sale at the sale's price under its policy: what an order placed now pays, to the cent", async () => {
      const container = getContainer()
      const { a, b, c } = await threeLevelProgramme(api, container, shop, admin)
      // The ivory tote 10 % off at the sale's own 3 / 2 / 1 %.
      const { data } = await api.post(
        "/admin/distribution/sales",
        {
          name: "双十二 · 托特包",
          variant_ids: [shop.variants.get("TOTE-IVORY")],
          percent_off_bps: 1000,
          commission_policy: "rates",
          rate_bps_1: 300,
          rate_bps_2: 200,
          rate_bps_3: 100,
          ends_at: "2099-12-12T00:00:00+08:00",
        },
        admin
      )
      const tote = await preview("canvas-tote")
      const price = (sku: string, currency: string) => tote.variants.find((v) => v.sku === sku)!.prices.find((p) => p.currency_code === currency)!
      const sale = { id: data.sale.id, name: "双十二 · 托特包", commission_policy: "rates", priced: true }
      expect(price("TOTE-IVORY", "cny")).toMatchObject({ amount: "71.10", base: "71.10", sale: { ...sale, regular_amount: "79.00" } })
      expect(price("TOTE-IVORY", "hkd")).toMatchObject({ amount: "81.90", sale: { ...sale, regular_amount: "91.00" } })
      // 3 / 2 / 1 % of 71.10 whatever the level (the sale's rates replace the levels'); of 81.90 in HKD.
      for (const level of ["铜牌", "银牌", "金牌"]) {
        expect(amounts(tote, "TOTE-IVORY", "cny", level)).toEqual(["2.13", "1.42", "0.71"])
        expect(amounts(tote, "TOTE-IVORY", "hkd", level)).toEqual(["2.45", "1.63", "0.81"])
      }
      // The black tote is not in the sale: its regular price at the levels' rates.
      expect(price("TOTE-BLACK", "cny")).toMatchObject({ amount: "79.00", sale: null })
      expect(amounts(tote, "TOTE-BLACK", "cny", "铜牌")).toEqual(["7.90", "3.95", "1.58"])

      const buyer = await registerCustomer(api, shop.pk, { email: uniqueEmail("sale-preview") })
      await api.post("/store/distribution/bind", { referral_code: c.code }, buyer)
      const order = await andWait(container, "order.placed", () => placeOrder(api, shop, { ...buyer }, [{ sku: "TOTE-IVORY", quantity: 1 }]))
      const { data: paid } = await api.get(`/admin/distribution/commissions?order_id=${order.id}&order=depth`, admin)
      expect(paid.commissions.map((row: { distributor_id: string; amount: string; sale_id: string }) => [row.distributor_id, row.amount, row.sale_id])).toEqual([
        [c.distributor_id, "2.13", data.sale.id],
        [b.distributor_id, "1.42", data.sale.id],
        [a.distributor_id, "0.71", data.sale.id],
      ])
    })

    it("answers 404 for a product that does not exist", async () => {
      const missing = await api
        .get("/admin/distribution/products/prod_missing/commission-preview", admin)
        .catch((e) => e.response)
      expect(missing.status).toBe(404)
      expect(missing.data.message).toBe("Product prod_missing was not found")
    })
  },
})
