import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createAdmin, Headers, registerCustomer } from "../helpers/auth"
import { service, uniqueEmail } from "../helpers/distribution"
import { deliverOrder, returnItems, stockLocationId } from "../helpers/fulfilment"
import { seedShop, Shop } from "../helpers/orders"
import { andWait, orderAndCredit, threeLevelProgramme } from "../helpers/programme"
import { markCommissionsEligibleWorkflow, settleDueCommissionsWorkflow } from "../../src/workflows"
import settleCommissions from "../../src/jobs/settle-commissions"
import reconcileJob from "../../src/jobs/reconcile-distribution"

jest.setTimeout(240_000)

const DAY = 24 * 60 * 60 * 1000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Shop
    let admin: Headers
    let locationId: string

    beforeAll(async () => {
      const container = getContainer()
      shop = await seedShop(container)
      admin = await createAdmin(container)
      locationId = await stockLocationId(container)
    })

    const balances = async (distributorId: string) => {
      const [b] = await service(getContainer()).getBalances(distributorId)
      return b ? { pending: b.pending, available: b.available, debt: b.debt } : null
    }
    const settle = async (now: Date) =>
      (await settleDueCommissionsWorkflow(getContainer()).run({ input: { now } })).result.settled

    async function boughtFrom(c: { code: string | null }) {
      const buyer = await registerCustomer(api, shop.pk, { email: uniqueEmail("buyer") })
      await api.post("/store/distribution/bind", { referral_code: c.code }, buyer)
      return await orderAndCredit(api, getContainer(), shop, buyer)
    }

    const deliver = (orderId: string) => deliverOrder(api, getContainer(), admin, orderId)

    it("settles only after delivery plus the freeze days, once, with exact balances and ledger", async () => {
      const { a, b, c } = await threeLevelProgramme(api, getContainer(), shop, admin)
      const placed = await boughtFrom(c)
      expect(await balances(c.distributor_id)).toEqual({ pending: "82.85", available: "0.00", debt: "0.00" })

      const farFuture = new Date(Date.now() + 365 * DAY)
      expect(await settle(farFuture)).toBe(0) // not delivered: no freeze period has started

      const deliveredAt = await deliver(placed.id)
      const rows = await service(getContainer()).listCommissions({ order_id: placed.id })
      const eligible = new Date(rows[0].eligible_at!).getTime()
      expect(rows.every((r) => new Date(r.eligible_at!).getTime() === eligible)).toBe(true)
      expect(eligible).toBeGreaterThanOrEqual(deliveredAt + 7 * DAY - 1000)
      expect(eligible).toBeLessThanOrEqual(Date.now() + 7 * DAY + 1000)

      // Silver asks for 500 of personal (depth-1) sales kept; C's buyer bought 586.70.
      const [silver] = await service(getContainer()).listDistributionLevels({ rank: 2 })
      await api.post(`/admin/distribution/levels/${silver.id}`, { upgrade_personal_sales: 500 }, admin)

      expect(await settle(new Date(eligible - 1000))).toBe(0)
      expect((await service(getContainer()).retrieveDistributor(c.distributor_id)).level_id).not.toBe(silver.id)
      expect(await settle(new Date(eligible + 1000))).toBe(9)
      expect((await service(getContainer()).retrieveDistributor(c.distributor_id)).level_id).toBe(silver.id)
      expect((await service(getContainer()).retrieveDistributor(b.distributor_id)).level_id).toBe(silver.id) // was silver already
      const gold = (await service(getContainer()).listDistributionLevels({ rank: 3 }))[0]
      expect((await service(getContainer()).retrieveDistributor(a.distributor_id)).level_id).toBe(gold.id) // never down
      expect(await settle(new Date(eligible + 1000))).toBe(0)

      expect(await balances(c.distributor_id)).toEqual({ pending: "0.00", available: "82.85", debt: "0.00" }) // 51.96 + 7.19 + 23.70
      expect(await balances(b.distributor_id)).toEqual({ pending: "0.00", available: "43.79", debt: "0.00" }) // 25.98 + 3.59 + 14.22
      expect(await balances(a.distributor_id)).toEqual({ pending: "0.00", available: "23.36", debt: "0.00" }) // 12.99 + 0.89 + 9.48
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const { rows: ledger } = await pg.raw(
        "select distributor_id, kind, sum(amount)::text as total, count(*)::int as n from distribution_ledger_entry group by 1, 2 order by total desc"
      )
      expect(ledger).toEqual([
        { distributor_id: c.distributor_id, kind: "commission_settled", total: "82.85", n: 3 },
        { distributor_id: b.distributor_id, kind: "commission_settled", total: "43.79", n: 3 },
        { distributor_id: a.distributor_id, kind: "commission_settled", total: "23.36", n: 3 },
      ])
      const settled = await service(getContainer()).listCommissions({ order_id: placed.id })
      expect(settled.every((r) => r.status === "settled" && r.settled_at)).toBe(true)
    })

    it("holds a suspended distributor's due commissions in the job until it is reinstated, then settles them to the cent", async () => {
      const container = getContainer()
      const { a, b, c } = await threeLevelProgramme(api, container, shop, admin)
      const placed = await boughtFrom(c)
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg.raw("update distribution_commission set eligible_at = now() - interval '2 hours' where order_id = ?", [placed.id])
      // Nine rows due two hours ago and the job not run: the readiness route says the programme lags.
      const health = async () => (await api.get("/health/distribution")).data
      expect(await health()).toMatchObject({ status: "degraded", database: "ok", settlement: { due: 9, lag_limit_seconds: 3600 } })
      expect((await health()).settlement.lag_seconds).toBeGreaterThanOrEqual(7200)
      await api.post(`/admin/distribution/distributors/${c.distributor_id}/suspend`, { reason: "刷单调查" }, admin)

      await settleCommissions(container)
      // What is left is held for a suspended earner, not late.
      expect(await health()).toEqual({
        status: "ok",
        database: "ok",
        settlement: { due: 0, oldest_due_at: null, lag_seconds: 0, lag_limit_seconds: 3600 },
      })
      const statusOf = async (distributorId: string) =>
        (await service(container).listCommissions({ order_id: placed.id, distributor_id: distributorId })).map((r) => r.status)
      expect(await statusOf(c.distributor_id)).toEqual(["pending", "pending", "pending"])
      expect(await balances(c.distributor_id)).toEqual({ pending: "82.85", available: "0.00", debt: "0.00" })
      expect(await balances(b.distributor_id)).toEqual({ pending: "0.00", available: "43.79", debt: "0.00" })
      expect(await balances(a.distributor_id)).toEqual({ pending: "0.00", available: "23.36", debt: "0.00" })
      await settleCommissions(container)
      expect(await balances(c.distributor_id)).toEqual({ pending: "82.85", available: "0.00", debt: "0.00" })

      await api.post(`/admin/distribution/distributors/${c.distributor_id}/reinstate`, {}, admin)
      await settleCommissions(container)
      expect(await statusOf(c.distributor_id)).toEqual(["settled", "settled", "settled"])
      expect(await balances(c.distributor_id)).toEqual({ pending: "0.00", available: "82.85", debt: "0.00" })
      const { rows } = await pg.raw(
        "select trim_scale(sum(amount))::text as total, count(*)::int as n from distribution_ledger_entry where distributor_id = ? and kind = 'commission_settled'",
        [c.distributor_id]
      )
      expect(rows[0]).toEqual({ total: "82.85", n: 3 })
    })

    it("reverses every commission of a canceled order, once, however often the event arrives", async () => {
      const { c } = await threeLevelProgramme(api, getContainer(), shop, admin)
      const placed = await boughtFrom(c)
      await andWait(getContainer(), "order.canceled", () => api.post(`/admin/orders/${placed.id}/cancel`, {}, admin))
      const rows = await service(getContainer()).listCommissions({ order_id: placed.id })
      expect(rows).toHaveLength(9)
      expect(rows.every((r) => r.status === "reversed" && Number(r.reversed_amount) === Number(r.amount))).toBe(true)
      expect(await balances(c.distributor_id)).toBeNull() // nothing pending, nothing ever credited

      const { reverseOrderCommissionsWorkflow } = await import("../../src/workflows")
      for (let i = 0; i < 5; i++) {
        const { result } = await reverseOrderCommissionsWorkflow(getContainer()).run({
          input: { order_id: placed.id, cause: "cancel" },
        })
        expect(result).toEqual({ reversed: 0, clawed_back: 0 })
      }
    })

    it("claws back a settled commission in proportion when one of two units comes back", async () => {
      const container = getContainer()
      const { a, b, c } = await threeLevelProgramme(api, container, shop, admin)
      const placed = await boughtFrom(c)
      await deliver(placed.id)
      expect(await settle(new Date(Date.now() + 8 * DAY))).toBe(9)

      const serumLine = placed.items.find((i) => i.variant_sku === "SERUM-30")!
      const returnId = await returnItems(api, container, admin, placed.id, [{ id: serumLine.id, quantity: 1 }])

      // Half of each serum commission: 51.96 → 25.98, 25.98 → 12.99, 12.99 → 6.50 back (A keeps 6.495 rounded down).
      expect(await balances(c.distributor_id)).toEqual({ pending: "0.00", available: "56.87", debt: "0.00" })
      expect(await balances(b.distributor_id)).toEqual({ pending: "0.00", available: "30.80", debt: "0.00" })
      expect(await balances(a.distributor_id)).toEqual({ pending: "0.00", available: "16.86", debt: "0.00" })
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const { rows: clawbacks } = await pg.raw(
        "select amount::text as amount, reference_id from distribution_ledger_entry where kind = 'commission_clawed_back' order by abs(distribution_ledger_entry.amount) desc"
      )
      expect(clawbacks.map((r: { amount: string }) => r.amount)).toEqual(["-25.98", "-12.99", "-6.5"])
      expect(clawbacks.every((r: { reference_id: string }) => r.reference_id.includes(`:return:${returnId}:`))).toBe(true)

      const { reverseOrderCommissionsWorkflow } = await import("../../src/workflows")
      await Promise.all(
        Array.from({ length: 5 }, () =>
          reverseOrderCommissionsWorkflow(container).run({ input: { order_id: placed.id, cause: `return:${returnId}` } })
        )
      )
      expect(await balances(c.distributor_id)).toEqual({ pending: "0.00", available: "56.87", debt: "0.00" })
      const { rows: [{ n }] } = await pg.raw("select count(*)::int as n from distribution_ledger_entry where kind = 'commission_clawed_back'")
      expect(n).toBe(3)
    })

    it("shows balances and commissions to the distributor, and lets an admin adjust into a debt, once per key", async () => {
      const container = getContainer()
      const { b, c } = await threeLevelProgramme(api, container, shop, admin)
      const placed = await boughtFrom(c)
      await deliver(placed.id)
      await settle(new Date(Date.now() + 8 * DAY))

      const orders = await api.get("/store/distribution/orders", c)
      expect(orders.data.count).toBe(1)
      expect(orders.data.orders[0]).toMatchObject({ id: placed.id, status: "delivered", commission: "82.85", currency_code: "cny" })
      expect(orders.data.orders[0].buyer.email).toMatch(/^b\*\*\*@example\.com$/)
      expect(orders.data.orders[0].items.map((i: { commission: string }) => i.commission).sort()).toEqual(["23.70", "51.96", "7.19"])
      const upline = await api.get("/store/distribution/orders", b)
      expect(upline.data.orders[0]).toMatchObject({ id: placed.id, commission: "43.79" })
      expect(upline.data.orders[0].items.every((i: { depth: number }) => i.depth === 2)).toBe(true)

      const mine = await api.get("/store/distribution/commissions?status=settled", c)
      expect(mine.data.count).toBe(3)
      expect(mine.data.commissions.map((x: { amount: string }) => x.amount).sort()).toEqual(["23.70", "51.96", "7.19"])
      expect((await api.get("/store/distribution/commissions?status=pending", c)).data.count).toBe(0)
      expect((await api.get("/store/distribution/commissions?depth=2", c)).data.count).toBe(0)

      const adjust = (body: Record<string, unknown>) =>
        api.post(`/admin/distribution/distributors/${c.distributor_id}/adjustments`, body, admin)
      const body = { amount: -100, currency_code: "CNY", reason: "扣回违规推广佣金", idempotency_key: "adj-0001-violation" }
      const first = await adjust(body)
      expect(first.status).toBe(201)
      expect(first.data.balances).toEqual([
        { currency_code: "cny", pending: "0.00", available: "-17.15", held: "0.00", withdrawn: "0.00", debt: "17.15" },
      ])
      const retry = await adjust(body)
      expect(retry.status).toBe(200)
      expect(retry.data.created).toBe(false)
      expect(retry.data.balances[0].available).toBe("-17.15")

      const me = await api.get("/store/distribution/me", c)
      expect(me.data.balances).toEqual([
        { currency_code: "cny", pending: "0.00", available: "-17.15", held: "0.00", withdrawn: "0.00", debt: "17.15" },
      ])
      for (const bad of [{ ...body, reason: "" }, { ...body, amount: 0 }, { amount: 5, currency_code: "cny" }, { ...body, currency_code: "yuan" }]) {
        expect((await api.post(`/admin/distribution/distributors/${c.distributor_id}/adjustments`, bad, admin).catch((e) => e.response)).status).toBe(400)
      }
      const ledger = await api.get(`/admin/distribution/distributors/${c.distributor_id}/ledger`, admin)
      expect(ledger.data.count).toBe(4)
      expect(ledger.data.entries[0]).toMatchObject({ kind: "manual_adjustment", amount: "-100.00", reason: "扣回违规推广佣金", actor_id: admin.user_id })
      const audit = await service(container).listDistributionAuditLogs({ action: "ledger.adjust" })
      expect(audit).toHaveLength(1)

      const byOrder = await api.get(`/admin/distribution/commissions?order_id=${placed.id}`, admin)
      expect(byOrder.data.count).toBe(9)
      expect(byOrder.data.commissions.every((x: { order_id: string; status: string }) => x.order_id === placed.id && x.status === "settled")).toBe(true)
      const csv = await api.get(`/admin/distribution/commissions/export?order_id=${placed.id}&distributor_id=${c.distributor_id}`, admin)
      expect(csv.headers["content-type"]).toContain("text/csv")
      const lines = csv.data.replace(/^\uFEFF/, "").trim().split("\r\n")
      expect(lines[0]).toBe(
        "id,order_id,line_item_id,distributor_id,depth,attribution,quantity,base_amount,rate_bps,rate_source,amount,reversed_amount,currency_code,status,eligible_at,settled_at,reversed_at,created_at"
      )
      expect(lines).toHaveLength(4)
      expect(lines.slice(1).map((l: string) => l.split(",")[10]).sort()).toEqual(["23.70", "51.96", "7.19"])
    })

    it("manages commission rules for existing targets, one per target, each named by its target's title", async () => {
      const container = getContainer()
      const productModule = container.resolve(Modules.PRODUCT)
      const [serum] = await productModule.listProducts({ handle: "hyaluronic-serum" })
      const [specialties] = await productModule.listProductCategories({ handle: "local-specialties" })
      const [newArrivals] = await productModule.listProductCollections({ handle: "new-arrivals" })
      const mask30 = shop.variants.get("MASK-30")!
      const create = (body: Record<string, unknown>) =>
        api.post("/admin/distribution/commission-rules", body, admin).catch((e) => e.response)

      const fixedWithoutCurrency = await create({ target_type: "product", target_id: serum.id, mode: "fixed", fixed_amount_1: 10 })
      expect(fixedWithoutCurrency.status).toBe(400)
      expect(fixedWithoutCurrency.data.message).toContain("A fixed rule needs fixed_amount_1 and its currency_code")
      const rateWithoutRates = await create({ target_type: "product", target_id: serum.id, mode: "rate" })
      expect(rateWithoutRates.status).toBe(400)
      const unknownProduct = await create({ target_type: "product", target_id: "prod_x", mode: "excluded" })
      expect(unknownProduct.status).toBe(404)
      expect(unknownProduct.data.message).toBe(
        "No product with id prod_x exists: a commission rule needs an existing product"
      )
      // A real id of another kind is no target of this type either.
      const categoryAsVariant = await create({ target_type: "variant", target_id: specialties.id, mode: "excluded" })
      expect(categoryAsVariant.status).toBe(404)
      expect(categoryAsVariant.data.message).toBe(
        `No variant with id ${specialties.id} exists: a commission rule needs an existing variant`
      )
      expect((await service(container).listCommissionRules({})).length).toBe(0)

      const created = await create({ target_type: "product", target_id: serum.id, mode: "rate", rate_bps_1: 1500, rate_bps_2: 500 })
      expect(created.status).toBe(201)
      expect(created.data.commission_rule).toMatchObject({
        target_type: "product",
        target_id: serum.id,
        rate_bps_1: 1500,
        rate_bps_3: null,
        target: { id: serum.id, type: "product", title: "玻尿酸补水精华液 30ml" },
      })
      const duplicate = await create({ target_type: "product", target_id: serum.id, mode: "excluded" })
      expect(duplicate.status).toBe(400)
      expect((await create({ target_type: "variant", target_id: mask30, mode: "excluded" })).status).toBe(201)
      expect((await create({ target_type: "category", target_id: specialties.id, mode: "rate", rate_bps_1: 800 })).status).toBe(201)
      expect((await create({ target_type: "collection", target_id: newArrivals.id, mode: "rate", rate_bps_1: 1100 })).status).toBe(201)

      const all = await api.get("/admin/distribution/commission-rules?order=target_type", admin)
      expect(all.data.count).toBe(4)
      expect(all.data.commission_rules.map((r: { target: unknown }) => r.target)).toEqual([
        { id: specialties.id, type: "category", title: "地方特产" },
        { id: newArrivals.id, type: "collection", title: "新品上市" },
        { id: serum.id, type: "product", title: "玻尿酸补水精华液 30ml" },
        { id: mask30, type: "variant", title: "积雪草舒缓面膜 10片 · 30片" },
      ])
      // Each read-only link resolves for its own kind of target and is empty for the others.
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: linked } = await query.graph({ entity: "commission_rule", fields: ["target_type", "category.name"] })
      expect(linked.map((r) => [r.target_type, r.category?.name ?? null]).sort()).toEqual([
        ["category", "地方特产"],
        ["collection", null],
        ["product", null],
        ["variant", null],
      ])

      const variants = await api.get("/admin/distribution/commission-rules?target_type=variant", admin)
      expect(variants.data.commission_rules.map((r: { target_id: string }) => r.target_id)).toEqual([mask30])
      const byTarget = await api.get(`/admin/distribution/commission-rules?target_id=${specialties.id}`, admin)
      expect(byTarget.data.commission_rules).toEqual([
        expect.objectContaining({ mode: "rate", rate_bps_1: 800, target: { id: specialties.id, type: "category", title: "地方特产" } }),
      ])
      const narrow = await api.get(`/admin/distribution/commission-rules?target_id=${mask30}&fields=id,mode`, admin)
      expect(narrow.data.commission_rules).toEqual([
        expect.objectContaining({ mode: "excluded", target: { id: mask30, type: "variant", title: "积雪草舒缓面膜 10片 · 30片" } }),
      ])
      expect((await api.get("/admin/distribution/commission-rules?target_type=brand", admin).catch((e) => e.response)).status).toBe(400)

      const id = created.data.commission_rule.id
      const updated = await api.post(`/admin/distribution/commission-rules/${id}`, { mode: "excluded" }, admin)
      expect(updated.data.commission_rule).toMatchObject({ mode: "excluded", target: { title: "玻尿酸补水精华液 30ml" } })
      const one = await api.get(`/admin/distribution/commission-rules/${id}`, admin)
      expect(one.data.commission_rule.target).toEqual({ id: serum.id, type: "product", title: "玻尿酸补水精华液 30ml" })
      await api.delete(`/admin/distribution/commission-rules/${id}`, admin)
      expect((await api.get(`/admin/distribution/commission-rules/${id}`, admin).catch((e) => e.response)).status).toBe(404)
      const audit = await service(container).listDistributionAuditLogs({ entity_type: "commission_rule" })
      expect(audit.map((a) => a.action).sort()).toEqual([
        "commission_rule.create",
        "commission_rule.create",
        "commission_rule.create",
        "commission_rule.create",
        "commission_rule.delete",
        "commission_rule.update",
      ])
    })

    it("takes a fixed rule's amounts to its currency's cent, in a currency the store sells in, and shows them padded", async () => {
      const container = getContainer()
      const [serum] = await container.resolve(Modules.PRODUCT).listProducts({ handle: "hyaluronic-serum" })
      const mask30 = shop.variants.get("MASK-30")!
      const rules = "/admin/distribution/commission-rules"
      const fixed = { target_type: "product", target_id: serum.id, mode: "fixed", fixed_amount_1: 8.8, fixed_amount_2: 4.4, currency_code: "CNY" }
      const created = await api.post(rules, fixed, admin)
      expect(created.data.commission_rule).toMatchObject({ fixed_amount_1: "8.80", fixed_amount_2: "4.40", fixed_amount_3: null, currency_code: "cny" })
      expect((await api.get(rules, admin)).data.commission_rules).toEqual([
        expect.objectContaining({ fixed_amount_1: "8.80", fixed_amount_2: "4.40", fixed_amount_3: null }),
      ])
      const id = created.data.commission_rule.id
      const stored = async () =>
        (await container.resolve(ContainerRegistrationKeys.PG_CONNECTION).raw(
          "select target_id, currency_code, fixed_amount_1::text as a1, fixed_amount_2::text as a2, rate_bps_1 from distribution_commission_rule order by id"
        )).rows
      const before = await stored()
      expect(before).toEqual([{ target_id: serum.id, currency_code: "cny", a1: "8.8", a2: "4.4", rate_bps_1: null }])

      const variantRule = { target_type: "variant", target_id: mask30 }
      for (const [path, body, message] of [
        [rules, { ...variantRule, mode: "fixed", fixed_amount_1: 8.805, currency_code: "cny" }, "fixed_amount_1 8.805 has more decimals than CNY allows (2)"],
        [rules, { ...variantRule, mode: "fixed", fixed_amount_1: 8, currency_code: "jpy" }, "currency_code jpy is not a currency of the store; use one of: cny, hkd"],
        [rules, { ...variantRule, mode: "rate", rate_bps_1: 12.5 }, "Invalid request: Expected type: 'int' for field 'rate_bps_1', got: '12.5'"],
        [rules, { ...variantRule, mode: "rate", rate_bps_2: 10001 }, "Invalid request: Value for field 'rate_bps_2' too big, expected at most: '10000'"],
        [`${rules}/${id}`, { fixed_amount_2: 4.401 }, "fixed_amount_2 4.401 has more decimals than CNY allows (2)"],
        [`${rules}/${id}`, { currency_code: "zzz" }, "currency_code zzz is not a currency of the store; use one of: cny, hkd"],
      ] as const) {
        const refused = await api.post(path, body, admin).catch((e) => e.response)
        expect([refused.status, refused.data.message]).toEqual([400, message])
      }
      expect(await stored()).toEqual(before)
      const hkd = await api.post(`${rules}/${id}`, { currency_code: "hkd", fixed_amount_3: 1.1 }, admin)
      expect(hkd.data.commission_rule).toMatchObject({ currency_code: "hkd", fixed_amount_1: "8.80", fixed_amount_3: "1.10" })
    })

    it("settles once when five workers race, and reconciles a tampered wallet and a lost order.placed", async () => {
      const container = getContainer()
      const { c } = await threeLevelProgramme(api, container, shop, admin)
      const placed = await boughtFrom(c)
      await deliver(placed.id)
      const later = new Date(Date.now() + 8 * DAY)
      const settled = await Promise.all(Array.from({ length: 5 }, () => settle(later)))
      expect(settled.reduce((x, y) => x + y, 0)).toBe(9)
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const count = async (sql: string) => (await pg.raw(sql)).rows[0].n
      expect(await count("select count(*)::int as n from distribution_ledger_entry where kind = 'commission_settled'")).toBe(9)
      expect(await balances(c.distributor_id)).toEqual({ pending: "0.00", available: "82.85", debt: "0.00" })

      const clean = await api.post("/admin/distribution/reconcile", {}, admin)
      expect(clean.data).toMatchObject({ wallet_mismatches: [], recredited: [] })
      expect(clean.data.orders_checked).toBeGreaterThanOrEqual(1)

      await pg.raw("update distribution_wallet set available = 1 where distributor_id = ?", [c.distributor_id])
      const report = await api.post("/admin/distribution/reconcile", { repair: false }, admin)
      expect(report.data.wallet_mismatches).toEqual([
        expect.objectContaining({ distributor_id: c.distributor_id, cached_available: "1.00", ledger_available: "82.85" }),
      ])
      expect(await balances(c.distributor_id)).toEqual({ pending: "0.00", available: "1.00", debt: "0.00" })
      await api.post("/admin/distribution/reconcile", { repair: true }, admin)
      expect(await balances(c.distributor_id)).toEqual({ pending: "0.00", available: "82.85", debt: "0.00" })

      const lost = await boughtFrom(c)
      await pg.raw("delete from distribution_commission where order_id = ?", [lost.id])
      const recovered = await api.post("/admin/distribution/reconcile", {}, admin)
      expect(recovered.data.recredited).toEqual([{ order_id: lost.id, created: 9 }])
      const again = await api.post("/admin/distribution/reconcile", {}, admin)
      expect(again.data.recredited).toEqual([])
      expect(await count(`select count(*)::int as n from distribution_commission where order_id = '${lost.id}'`)).toBe(9)
      expect((await api.post("/admin/distribution/reconcile", { from: "2026-02-01", to: "2026-01-01" }, admin).catch((e) => e.response)).status).toBe(400)
    })

    /**
     * A canceled order whose reversal was lost: canceled in Medusa, its commissions put back
     * as the credit wrote them (pending, nothing reversed), as if order.canceled never arrived.
     */
    async function canceledWithLostReversal(earner: { code: string | null }) {
      const container = getContainer()
      const order = await boughtFrom(earner)
      await andWait(container, "order.canceled", () => api.post(`/admin/orders/${order.id}/cancel`, {}, admin))
      await container.resolve(ContainerRegistrationKeys.PG_CONNECTION).raw(
        "update distribution_commission set status = 'pending', reversed_amount = 0, raw_reversed_amount = jsonb_build_object('value', '0', 'precision', 20), reversed_at = null where order_id = ?",
        [order.id]
      )
      return order
    }

    it("reconciles what a lost event left undone: a cancel never reversed, a delivery never marked; once, however often it runs", async () => {
      const container = getContainer()
      const { c } = await threeLevelProgramme(api, container, shop, admin)
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const canceled = await canceledWithLostReversal(c)
      // A delivered order whose delivery event was lost (no due date on its commissions).
      const delivered = await boughtFrom(c)
      await deliver(delivered.id)
      await pg.raw("update distribution_commission set eligible_at = null where order_id = ?", [delivered.id])
      expect(await balances(c.distributor_id)).toEqual({ pending: "165.70", available: "0.00", debt: "0.00" })

      const report = (await api.post("/admin/distribution/reconcile", {}, admin)).data
      expect(report.reversed).toEqual([{ order_id: canceled.id, reversed: 9, clawed_back: 0 }])
      expect(report.marked_eligible).toEqual([{ order_id: delivered.id, marked: 9 }])
      expect(report.recredited).toEqual([])
      const rows = async (orderId: string) => service(container).listCommissions({ order_id: orderId })
      expect((await rows(canceled.id)).every((r) => r.status === "reversed")).toBe(true)
      expect((await rows(delivered.id)).every((r) => r.eligible_at !== null)).toBe(true)
      expect(await balances(c.distributor_id)).toEqual({ pending: "82.85", available: "0.00", debt: "0.00" })

      // Run again: nothing left to repair, nothing moves.
      const again = (await api.post("/admin/distribution/reconcile", {}, admin)).data
      expect([again.reversed, again.marked_eligible, again.recredited]).toEqual([[], [], []])
      expect(await settle(new Date(Date.now() + 8 * DAY))).toBe(9)
      expect(await balances(c.distributor_id)).toEqual({ pending: "0.00", available: "82.85", debt: "0.00" })
    })

    it("runs the reconcile by itself: one instance per tick, the repair once, every run visible to the admin", async () => {
      const container = getContainer()
      const { c } = await threeLevelProgramme(api, container, shop, admin)
      const canceled = await canceledWithLostReversal(c)
      expect(await balances(c.distributor_id)).toEqual({ pending: "82.85", available: "0.00", debt: "0.00" })

      // Three instances reach the tick at once: one runs it.
      await Promise.all([reconcileJob(container), reconcileJob(container), reconcileJob(container)])
      // Nothing left to earn: no balance at all.
      expect(await balances(c.distributor_id)).toBeNull()
      const { runs } = (await api.get("/admin/distribution/reconcile", admin)).data
      expect(runs).toHaveLength(1)
      expect(runs[0]).toMatchObject({ finished_at: expect.any(String), error: null, result: { days: 30, reversed: 1, recredited: 0, marked_eligible: 0, wallet_mismatches: 0 } })

      // The next tick finds nothing to repair.
      await reconcileJob(container)
      const after = (await api.get("/admin/distribution/reconcile", admin)).data.runs
      expect(after.map((r: { result: { reversed: number } }) => r.result.reversed)).toEqual([0, 1])
      expect((await service(container).listCommissions({ order_id: canceled.id })).every((r) => r.status === "reversed")).toBe(true)
    })

    it("reduces commissions in proportion to a refund, once per refunded total", async () => {
      const container = getContainer()
      const { c } = await threeLevelProgramme(api, container, shop, admin)
      const placed = await boughtFrom(c)
      const { data } = await api.get(`/admin/orders/${placed.id}?fields=total,*payment_collections.payments`, admin)
      expect(data.order.total).toBe(598.7) // 586.70 of goods + 12 shipping
      const paymentId = data.order.payment_collections[0].payments[0].id
      await api.post(`/admin/payments/${paymentId}/capture`, {}, admin)
      await andWait(container, "payment.refunded", () => api.post(`/admin/payments/${paymentId}/refund`, { amount: 100 }, admin))

      // Each of C's lines keeps 498.70 / 598.70 of itself, rounded down: 51.96 → 43.28, 7.19 → 5.98, 23.70 → 19.74.
      expect(await balances(c.distributor_id)).toEqual({ pending: "69.00", available: "0.00", debt: "0.00" })
      const { reverseOrderCommissionsWorkflow } = await import("../../src/workflows")
      await reverseOrderCommissionsWorkflow(container).run({ input: { order_id: placed.id, cause: "refund" } })
      expect(await balances(c.distributor_id)).toEqual({ pending: "69.00", available: "0.00", debt: "0.00" })
    })

    it("starts the freeze period at shipment when the programme settles on shipped", async () => {
      const container = getContainer()
      const { c } = await threeLevelProgramme(api, container, shop, admin)
      await api.post("/admin/distribution/settings", { settle_on: "shipped", freeze_days: 3 }, admin)
      const placed = await boughtFrom(c)
      const { data } = await api.get(`/admin/orders/${placed.id}?fields=*items`, admin)
      const items = data.order.items.map((i: { id: string; quantity: number }) => ({ id: i.id, quantity: i.quantity }))
      const fulfilled = await andWait(container, "order.fulfillment_created", () =>
        api.post(`/admin/orders/${placed.id}/fulfillments?fields=*fulfillments`, { items, location_id: locationId }, admin)
      )
      const eligibleAfterFulfilment = (await service(container).listCommissions({ order_id: placed.id })).map((r) => r.eligible_at)
      expect(eligibleAfterFulfilment.every((e) => e === null)).toBe(true)

      const before = Date.now()
      await andWait(container, "shipment.created", () =>
        api.post(`/admin/orders/${placed.id}/fulfillments/${fulfilled.data.order.fulfillments[0].id}/shipments`, { items }, admin)
      )
      const rows = await service(container).listCommissions({ order_id: placed.id })
      const eligible = new Date(rows[0].eligible_at!).getTime()
      expect(eligible).toBeGreaterThanOrEqual(before + 3 * DAY - 1000)
      expect(eligible).toBeLessThanOrEqual(Date.now() + 3 * DAY + 1000)
      expect(await settle(new Date(eligible + 1000))).toBe(9)
      expect(await balances(c.distributor_id)).toEqual({ pending: "0.00", available: "82.85", debt: "0.00" })
    })

    it("starts the freeze period when the last unit is fulfilled when the programme settles on fulfilled", async () => {
      const container = getContainer()
      const { a, b, c } = await threeLevelProgramme(api, container, shop, admin)
      await api.post("/admin/distribution/settings", { settle_on: "fulfilled", freeze_days: 5 }, admin)
      const placed = await boughtFrom(c)
      const eligibleAts = async () => (await service(container).listCommissions({ order_id: placed.id })).map((r) => r.eligible_at)
      const { data } = await api.get(`/admin/orders/${placed.id}?fields=*items`, admin)
      const items = data.order.items.map((i: { id: string; quantity: number }) => ({ id: i.id, quantity: i.quantity }))
      const fulfil = (lines: typeof items) =>
        andWait(container, "order.fulfillment_created", () =>
          api.post(`/admin/orders/${placed.id}/fulfillments?fields=*fulfillments`, { items: lines, location_id: locationId }, admin)
        )

      // One line of three out of the warehouse: the order is not fulfilled yet.
      const first = await fulfil(items.slice(0, 1))
      const firstId = first.data.order.fulfillments[0].id
      expect(await eligibleAts()).toEqual(Array(9).fill(null))
      expect(await settle(new Date(Date.now() + 365 * DAY))).toBe(0)

      const before = Date.now()
      const fulfilled = await fulfil(items.slice(1))
      const after = Date.now()
      const rows = await service(container).listCommissions({ order_id: placed.id })
      let eligible = new Date(rows[0].eligible_at!).getTime()
      expect(rows.every((r) => new Date(r.eligible_at!).getTime() === eligible)).toBe(true)
      expect(eligible).toBeGreaterThanOrEqual(before + 5 * DAY)
      expect(eligible).toBeLessThanOrEqual(after + 5 * DAY)

      // Shipping and delivering the order afterwards move nothing.
      const last = fulfilled.data.order.fulfillments.find((f: { id: string }) => f.id !== firstId)
      await andWait(container, "shipment.created", () =>
        api.post(`/admin/orders/${placed.id}/fulfillments/${last.id}/shipments`, { items: items.slice(1) }, admin)
      )
      await andWait(container, "delivery.created", () =>
        api.post(`/admin/orders/${placed.id}/fulfillments/${last.id}/mark-as-delivered`, {}, admin)
      )
      expect((await eligibleAts()).map((e) => new Date(e!).getTime())).toEqual(Array(9).fill(eligible))

      // A replay never postpones it; one that knows the order got there earlier dates it from then.
      const replay = (at: Date) =>
        markCommissionsEligibleWorkflow(container).run({ input: { order_id: placed.id, state: "fulfilled", at } })
      expect((await replay(new Date(Date.now() + DAY))).result).toBe(0)
      expect((await replay(new Date(before - 3600_000))).result).toBe(9)
      expect((await eligibleAts()).map((e) => new Date(e!).getTime())).toEqual(Array(9).fill(before - 3600_000 + 5 * DAY))
      eligible = before - 3600_000 + 5 * DAY

      expect(await settle(new Date(eligible - 1000))).toBe(0)
      expect(await balances(c.distributor_id)).toEqual({ pending: "82.85", available: "0.00", debt: "0.00" })
      expect(await settle(new Date(eligible))).toBe(9)
      expect(await settle(new Date(eligible + DAY))).toBe(0)
      expect(await balances(c.distributor_id)).toEqual({ pending: "0.00", available: "82.85", debt: "0.00" })
      expect(await balances(b.distributor_id)).toEqual({ pending: "0.00", available: "43.79", debt: "0.00" })
      expect(await balances(a.distributor_id)).toEqual({ pending: "0.00", available: "23.36", debt: "0.00" })
    })
  },
})
