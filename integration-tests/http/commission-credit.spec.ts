import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaContainer } from "@medusajs/framework/types"
import { createAdmin, Headers, registerCustomer } from "../helpers/auth"
import { service, uniqueEmail, updateSettings } from "../helpers/distribution"
import { placeOrder, seedShop, Shop } from "../helpers/orders"
import { andWait, BASKET, orderAndCredit, threeLevelProgramme } from "../helpers/programme"
import { withChineseVat, withTaxInclusivePrices } from "../helpers/tax"
import { creditOrderCommissionsWorkflow } from "../../src/workflows"
import { orderForCommission } from "../../src/lib/medusa-tables"
import { expectReadsAsQuery } from "../helpers/medusa-tables"

jest.setTimeout(240_000)

type Row = { distributor_id: string; depth: number; amount: number; base_amount: number; rate_bps: number | null; rate_source: string; variant_id: string | null }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Shop
    let admin: Headers

    beforeAll(async () => {
      const container = getContainer()
      shop = await seedShop(container)
      admin = await createAdmin(container)
    })

    const programme = () => threeLevelProgramme(api, getContainer(), shop, admin)
    const order = (buyer: (Headers & { email?: string }) | null, metadata?: Record<string, unknown>) =>
      orderAndCredit(api, getContainer(), shop, buyer, metadata)

    async function commissionsOf(orderId: string): Promise<Row[]> {
      const rows = await service(getContainer()).listCommissions({ order_id: orderId }, { take: null })
      return rows
        .map((r) => ({
          distributor_id: r.distributor_id,
          depth: r.depth,
          amount: Number(r.amount),
          base_amount: Number(r.base_amount),
          rate_bps: r.rate_bps,
          rate_source: r.rate_source,
          variant_id: r.variant_id,
        }))
        .sort((x, y) => x.depth - y.depth || x.base_amount - y.base_amount)
    }

    const skuOf = (variantId: string | null) => [...shop.variants.entries()].find(([, id]) => id === variantId)![0]
    const table = (rows: Row[], names: Record<string, string>) =>
      rows.map((r) => [names[r.distributor_id], r.depth, skuOf(r.variant_id), r.amount])

    it("pays three levels to the cent: product rule, category rule and level rates, rounded down", async () => {
      const { a, b, c } = await programme()
      const buyer = await registerCustomer(api, shop.pk, { email: uniqueEmail("buyer") })
      await api.post("/store/distribution/bind", { referral_code: c.code }, buyer)
      const placed = await order(buyer)

      const rows = await commissionsOf(placed.id)
      const names = { [a.distributor_id]: "A", [b.distributor_id]: "B", [c.distributor_id]: "C" }
      expect(table(rows, names)).toEqual([
        ["C", 1, "RICE-5", 7.19], // 89.90 × 8% = 7.192
        ["C", 1, "TOTE-IVORY", 23.7], // 237 × 10% (bronze)
        ["C", 1, "SERUM-30", 51.96], // 259.80 × 20%
        ["B", 2, "RICE-5", 3.59], // 89.90 × 4% = 3.596
        ["B", 2, "TOTE-IVORY", 14.22], // 237 × 6% (silver)
        ["B", 2, "SERUM-30", 25.98],
        ["A", 3, "RICE-5", 0.89], // 89.90 × 1% = 0.899
        ["A", 3, "TOTE-IVORY", 9.48], // 237 × 4% (gold)
        ["A", 3, "SERUM-30", 12.99],
      ])
      expect(rows.map((r) => r.rate_source)).toEqual([
        "category", "level", "product", "category", "level", "product", "category", "level", "product",
      ])
      const all = await service(getContainer()).listCommissions({ order_id: placed.id })
      expect(all.every((r) => r.status === "pending" && r.currency_code === "cny" && r.buyer_customer_id === buyer.id)).toBe(true)
      expect(all.every((r) => r.attribution === "binding")).toBe(true)
    })

    it("bases each line on its subtotal after discounts and before tax, whether prices include tax or not", async () => {
      const container = getContainer()
      const { c } = await programme()
      const buyer = await registerCustomer(api, shop.pk, { email: uniqueEmail("taxed") })
      await api.post("/store/distribution/bind", { referral_code: c.code }, buyer)
      const level1 = async (orderId: string) =>
        (await commissionsOf(orderId))
          .filter((r) => r.depth === 1)
          .map((r) => [skuOf(r.variant_id), r.base_amount, r.amount])
      // 13% VAT on top of the prices, and 10% off every line with a code.
      await withChineseVat(container, async () => {
        await container.resolve(Modules.PROMOTION).createPromotions([
          {
            code: "TENOFF",
            type: "standard",
            status: "active",
            application_method: { type: "percentage", target_type: "items", allocation: "across", value: 10 },
          },
        ])
        const discounted = await andWait(container, "order.placed", () =>
          placeOrder(api, shop, buyer, BASKET, undefined, { promo_codes: ["TENOFF"] })
        )
        expect(await level1(discounted.id)).toEqual([
          ["TOTE-IVORY", 213.3, 21.33], // 237 − 23.70 off; 10% (bronze); the 13% VAT is not in the base
          ["RICE-5", 80.91, 6.47], // 89.90 − 8.99 off; 8% = 6.4728
          ["SERUM-30", 233.82, 46.76], // 259.80 − 25.98 off; 20% = 46.764
        ].sort((x, y) => (x[1] as number) - (y[1] as number)))

        // Prices with the VAT included: the base is the price without it (price ÷ 1.13, rounded down).
        await withTaxInclusivePrices(container, "cny", async () => {
          const inclusive = await andWait(container, "order.placed", () => placeOrder(api, shop, buyer, BASKET))
          expect(await level1(inclusive.id)).toEqual([
            ["RICE-5", 79.55, 6.36], // 89.90 ÷ 1.13 = 79.557…; 8% = 6.364
            ["TOTE-IVORY", 209.73, 20.97], // 237 ÷ 1.13 = 209.734…; 10% = 20.973
            ["SERUM-30", 229.91, 45.98], // 259.80 ÷ 1.13 = 229.911…; 20% = 45.982
          ])
          // The credit read both orders from Medusa's tables: as Query reads them (discounts, VAT, prices with tax).
          expect(await expectReadsAsQuery(container, [discounted.id, inclusive.id])).toBe(6)
        })
      })
    })

    it("reads an edited order's current version and a product's live categories as Query does, and credits nothing twice for its lines", async () => {
      const container: MedusaContainer = getContainer()
      const { c } = await programme()
      const buyer = await registerCustomer(api, shop.pk, { email: uniqueEmail("edited") })
      await api.post("/store/distribution/bind", { referral_code: c.code }, buyer)
      const placed = await order(buyer)
      const serum = placed.items.find((i) => i.variant_sku === "SERUM-30")!
      // The merchant edits the order: one serum instead of two at a new price, and two more bags of rice.
      await api.post("/admin/order-edits", { order_id: placed.id }, admin)
      await api.post(`/admin/order-edits/${placed.id}/items/item/${serum.id}`, { quantity: 1, unit_price: 119.9 }, admin)
      await api.post(`/admin/order-edits/${placed.id}/items`, { items: [{ variant_id: shop.variants.get("RICE-5"), quantity: 2 }] }, admin)
      await api.post(`/admin/order-edits/${placed.id}/request`, {}, admin)
      await andWait(container, "order-edit.confirmed", () => api.post(`/admin/order-edits/${placed.id}/confirm`, {}, admin))
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const { rows: [{ version }] } = await pg.raw(`SELECT version FROM "order" WHERE id = ?`, [placed.id])
      expect(version).toBe(2)

      // A category the serum was in, deleted since: neither read lists it.
      const productModule = container.resolve(Modules.PRODUCT)
      const [serumVariant] = await productModule.listProductVariants({ sku: "SERUM-30" }, { select: ["product_id"] })
      const [gone] = await productModule.createProductCategories([{ name: "限时专区", handle: `gone-${Date.now()}` }])
      await productModule.updateProducts(serumVariant.product_id!, {
        category_ids: [...(await productModule.retrieveProduct(serumVariant.product_id!, { relations: ["categories"] })).categories!.map((x) => x.id), gone.id],
      })
      await productModule.softDeleteProductCategories([gone.id])

      // Four lines now (the added rice is a line of its own), the serum at 1 × 119.90.
      expect(await expectReadsAsQuery(container, [placed.id])).toBe(4)
      const lines = (await orderForCommission(container, placed.id))!.items
      const edited = lines.find((i) => i.id === serum.id)!
      expect([edited.quantity, edited.unit_price]).toEqual(["1", "119.9"])
      // Credited at placement, the line the edit added when the edit was confirmed (three depths);
      // a replay of order.placed on the edited order credits nothing twice.
      const { result } = await creditOrderCommissionsWorkflow(container).run({ input: { order_id: placed.id } })
      expect(result.created).toBe(0)
      const rows = await service(container).listCommissions({ order_id: placed.id }, { take: null })
      const added = lines.find((i) => !placed.items.some((p) => p.id === i.id))!
      expect(rows.filter((r) => r.line_item_id === added.id).map((r) => r.depth).sort()).toEqual([1, 2, 3])
      expect(rows).toHaveLength(12)
    })

    it("keeps the order within the cap by cutting the deepest level first", async () => {
      const { a, b, c } = await programme()
      await updateSettings(api, admin, { order_cap_bps: 2500 }) // 586.70 × 25% = 146.675 → 146.67
      const buyer = await registerCustomer(api, shop.pk, { email: uniqueEmail("capped") })
      await api.post("/store/distribution/bind", { referral_code: c.code }, buyer)
      const placed = await order(buyer)
      const rows = await commissionsOf(placed.id)
      const names = { [a.distributor_id]: "A", [b.distributor_id]: "B", [c.distributor_id]: "C" }
      // Uncapped 150.00; the 3.33 excess comes out of depth 3 (23.36 → 20.03, scaled and rounded down).
      expect(table(rows, names).filter((r) => r[1] === 3)).toEqual([
        ["A", 3, "RICE-5", 0.76],
        ["A", 3, "TOTE-IVORY", 8.12],
        ["A", 3, "SERUM-30", 11.13],
      ])
      expect(table(rows, names).filter((r) => (r[1] as number) < 3).map((r) => r[3])).toEqual([7.19, 23.7, 51.96, 3.59, 14.22, 25.98])
      const total = rows.reduce((s, r) => s + Math.round(r.amount * 100), 0)
      expect(total).toBe(14665)
      expect(total).toBeLessThanOrEqual(14667)
    })

    it("credits a guest through the code in the cart, and binds a logged-in buyer who came with one", async () => {
      const { b, c } = await programme()
      const guestOrder = await order(null, { referral_code: c.code!.toLowerCase() })
      const guestRows = await commissionsOf(guestOrder.id)
      expect(guestRows.filter((r) => r.depth === 1).every((r) => r.distributor_id === c.distributor_id)).toBe(true)
      expect(guestRows).toHaveLength(9)
      const stored = await service(getContainer()).listCommissions({ order_id: guestOrder.id })
      expect(stored.every((r) => r.attribution === "cart_code")).toBe(true)
      // Medusa records a guest checkout under a customer without an account.
      const guest = await getContainer().resolve(Modules.CUSTOMER).retrieveCustomer(stored[0].buyer_customer_id!)
      expect(guest).toMatchObject({ email: "guest@example.com", has_account: false })

      const newcomer = await registerCustomer(api, shop.pk, { email: uniqueEmail("newcomer") })
      const placed = await order(newcomer, { referral_code: b.code })
      expect((await commissionsOf(placed.id)).filter((r) => r.depth === 1)[0].distributor_id).toBe(b.distributor_id)
      const [binding] = await service(getContainer()).listReferralBindings({ customer_id: newcomer.id })
      expect(binding).toMatchObject({ distributor_id: b.distributor_id, source: "code" })
    })

    it("pays a distributor on its own purchase only when self-purchase is on", async () => {
      const { a, b, c } = await programme()
      const off = await order(c)
      expect((await commissionsOf(off.id)).map((r) => [r.distributor_id, r.depth]).filter((x, i, all) => all.findIndex((y) => y[0] === x[0]) === i)).toEqual([
        [b.distributor_id, 1],
        [a.distributor_id, 2],
      ])
      await updateSettings(api, admin, { self_purchase: true })
      const on = await order(c)
      const depths = new Map((await commissionsOf(on.id)).map((r) => [r.distributor_id, r.depth]))
      expect(Object.fromEntries(depths)).toEqual({ [c.distributor_id]: 1, [b.distributor_id]: 2, [a.distributor_id]: 3 })
    })

    it("skips a suspended distributor without moving anyone up, and pays nobody on an expired binding", async () => {
      const { a, b, c } = await programme()
      await api.post(`/admin/distribution/distributors/${b.distributor_id}/suspend`, { reason: "review" }, admin)
      const buyer = await registerCustomer(api, shop.pk, { email: uniqueEmail("skip") })
      await api.post("/store/distribution/bind", { referral_code: c.code }, buyer)
      const placed = await order(buyer)
      const depths = new Map((await commissionsOf(placed.id)).map((r) => [r.distributor_id, r.depth]))
      expect(Object.fromEntries(depths)).toEqual({ [c.distributor_id]: 1, [a.distributor_id]: 3 })

      const lapsed = await registerCustomer(api, shop.pk, { email: uniqueEmail("lapsed") })
      const bound = await api.post("/store/distribution/bind", { referral_code: c.code }, lapsed)
      await service(getContainer()).updateReferralBindings({ id: bound.data.binding.id, expires_at: new Date(Date.now() - 60_000) })
      const unpaid = await order(lapsed)
      expect(await commissionsOf(unpaid.id)).toEqual([])
    })

    it("writes one set of commissions however often order.placed arrives, in sequence or at once", async () => {
      const { c } = await programme()
      const buyer = await registerCustomer(api, shop.pk, { email: uniqueEmail("replay") })
      await api.post("/store/distribution/bind", { referral_code: c.code }, buyer)
      const placed = await order(buyer)
      const container: MedusaContainer = getContainer()
      const first = await commissionsOf(placed.id)
      expect(first).toHaveLength(9)
      for (let i = 0; i < 5; i++) {
        const { result } = await creditOrderCommissionsWorkflow(container).run({ input: { order_id: placed.id } })
        expect(result).toEqual({ created: 0, computed: 9, amount: "0", currency_code: "cny" })
      }
      await service(container).softDeleteCommissions((await service(container).listCommissions({ order_id: placed.id })).map((r) => r.id))
      const runs = await Promise.all(
        Array.from({ length: 5 }, () => creditOrderCommissionsWorkflow(container).run({ input: { order_id: placed.id } }))
      )
      expect(runs.map((r) => r.result.created).reduce((x, y) => x + y, 0)).toBe(9)
      expect(await commissionsOf(placed.id)).toEqual(first)
    })

    it("lets a commissionsComputed hook handler lower, raise or veto what was computed, never more than the sale", async () => {
      // A merchant's extension: no commission on the serum at depth 3, a flat 20.00 to C on the tote, the rest as computed.
      let answer: ((rows: { line_item_id: string; distributor_id: string; depth: number; amount: string; variant_id: string | null }[]) => unknown) | null = null
      creditOrderCommissionsWorkflow.hooks.commissionsComputed(async ({ rows }) => new StepResponse(answer ? answer(rows) : undefined))
      const serum = shop.variants.get("SERUM-30")
      const tote = shop.variants.get("TOTE-IVORY")
      const { a, b, c } = await programme()
      const names = { [a.distributor_id]: "A", [b.distributor_id]: "B", [c.distributor_id]: "C" }
      const buyer = await registerCustomer(api, shop.pk, { email: uniqueEmail("hooked") })
      await api.post("/store/distribution/bind", { referral_code: c.code }, buyer)
      answer = (rows) => ({
        rows: rows
          .filter((r) => !(r.variant_id === serum && r.depth === 3))
          .map((r) => (r.variant_id === tote && r.depth === 1 ? { ...r, amount: "20.00" } : r)),
      })
      const placed = await order(buyer)
      expect(table(await commissionsOf(placed.id), names)).toEqual([
        ["C", 1, "RICE-5", 7.19],
        ["C", 1, "TOTE-IVORY", 20],
        ["C", 1, "SERUM-30", 51.96],
        ["B", 2, "RICE-5", 3.59],
        ["B", 2, "TOTE-IVORY", 14.22],
        ["B", 2, "SERUM-30", 25.98],
        ["A", 3, "RICE-5", 0.89],
        ["A", 3, "TOTE-IVORY", 9.48],
      ])
      const [adjusted] = await service(getContainer()).listCommissions({ order_id: placed.id, variant_id: tote, depth: 1 })
      expect([adjusted.rate_bps, adjusted.rate_source]).toEqual([null, "hook"])

      // An answer above the line's base (the tote's 237.00) credits nothing and says why; without it, the computation stands.
      const container: MedusaContainer = getContainer()
      await service(container).softDeleteCommissions((await service(container).listCommissions({ order_id: placed.id })).map((r) => r.id))
      answer = (rows) => ({ rows: rows.map((r) => (r.variant_id === tote && r.depth === 1 ? { ...r, amount: "237.01" } : r)) })
      const refused = await creditOrderCommissionsWorkflow(container)
        .run({ input: { order_id: placed.id } })
        .then(() => null, (e: { message?: string }) => e?.message ?? String(e))
      expect(refused).toMatch(/^The commissionsComputed hook's amount 237\.01 for line ordli_\w+ is more than the line's base 237$/)
      expect(await commissionsOf(placed.id)).toEqual([])
      answer = null
      const { result } = await creditOrderCommissionsWorkflow(container).run({ input: { order_id: placed.id } })
      expect(result).toMatchObject({ created: 9, computed: 9 })
    })
  },
})
