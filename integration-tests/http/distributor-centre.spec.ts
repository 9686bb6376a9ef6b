import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { BigNumberInput } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { BigNumber as BigNumberJS } from "bignumber.js"
import jsQR from "jsqr"
import { PNG } from "pngjs"
import { buildOpenApiDocument } from "../../src/api/openapi/document"
import { conversionRate } from "../../src/modules/distribution/utils/report-math"
import { settleDueCommissionsWorkflow } from "../../src/workflows"
import { createAdmin, Headers, registerCustomer } from "../helpers/auth"
import { clientFailure, storefront } from "../helpers/client"
import { responseMismatch } from "../helpers/openapi"
import { service, uniqueEmail, updateSettings } from "../helpers/distribution"
import { placeOrder, seedShop, Shop } from "../helpers/orders"
import { andWait, orderAndCredit, threeLevelProgramme } from "../helpers/programme"

jest.setTimeout(300_000)

const DAY = 24 * 60 * 60 * 1000
const SHANGHAI = 8 * 60 * 60 * 1000 // UTC+8 all year: no daylight saving

type CommissionRow = {
  order_id: string
  depth: number
  status: string
  base_amount: string
  amount: string
  reversed_amount: string
  currency_code: string
  variant_id: string
  created_at: Date
}

/** Sums of commission rows by the centre's definitions, computed here from the rows themselves. */
/** A CNY amount as the API gives it: two decimals, rounded down. */
const cny = (value: BigNumberInput) => MathBN.convert(value).toFixed(2, BigNumberJS.ROUND_DOWN)

function figures(rows: CommissionRow[]) {
  const standing = rows.filter((r) => r.depth === 1 && r.status !== "reversed")
  const sum = (values: string[]) => cny(values.reduce((s, v) => MathBN.add(s, v), MathBN.convert(0)))
  return {
    sales: sum(standing.map((r) => r.base_amount)),
    orders: new Set(standing.map((r) => r.order_id)).size,
    commissions: sum(rows.map((r) => MathBN.sub(r.amount, r.reversed_amount).toFixed())),
  }
}

/** A local calendar bucket (day or month) of an instant in a fixed-offset zone. */
const bucketOf = (at: Date, offset: number, unit: "day" | "month") =>
  new Date(at.getTime() + offset).toISOString().slice(0, unit === "day" ? 10 : 7)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Shop
    let admin: Headers

    beforeAll(async () => {
      const container = getContainer()
      shop = await seedShop(container)
      admin = await createAdmin(container)
    })

    const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const storeUrl = () => service(getContainer()).getOptions().store_url!.replace(/\/+$/, "")
    const productByHandle = async (handle: string) =>
      (await getContainer().resolve(Modules.PRODUCT).listProducts({ handle }))[0]

    async function commissionRows(distributorId: string): Promise<CommissionRow[]> {
      const { rows } = await pg().raw(
        `SELECT order_id, depth, status, base_amount::text, amount::text, reversed_amount::text, currency_code,
                variant_id, created_at
           FROM distribution_commission WHERE distributor_id = ? AND deleted_at IS NULL`,
        [distributorId]
      )
      return rows
    }

    async function buyerOf(code: string | null) {
      const buyer = await registerCustomer(api, shop.pk, { email: uniqueEmail("buyer"), first_name: "买家", last_name: "王" })
      await api.post("/store/distribution/bind", { referral_code: code }, buyer)
      return buyer
    }

    it("summary and stats: every figure is the sum of the rows behind it, today, this month, all time and per bucket", async () => {
      const container = getContainer()
      const { a, b, c } = await threeLevelProgramme(api, container, shop, admin)
      const [silver] = await service(container).listDistributionLevels({ rank: 2 })
      await api.post(`/admin/distribution/levels/${silver.id}`, { upgrade_personal_sales: 5000, upgrade_orders: 3 }, admin)

      const buyer = await buyerOf(c.code)
      const older = await orderAndCredit(api, container, shop, buyer)
      const recent = await orderAndCredit(api, container, shop, buyer)
      const visitor = await storefront(api, shop.pk)
      for (const id of ["visitor-0001", "visitor-0002", "visitor-0003"]) {
        expect(await visitor.recordVisit({ referral_code: c.code!, visitor_id: id })).toEqual({ recorded: true, referral_code: c.code, binding_days: 0, coupon_code: null })
      }
      await visitor.recordVisit({ referral_code: b.code!, visitor_id: "visitor-0009" })

      // History: the older order and two visits happened 40 days ago.
      const past = new Date(Date.now() - 40 * DAY)
      await pg().raw(`UPDATE distribution_commission SET created_at = ? WHERE order_id = ?`, [past, older.id])
      await pg().raw(
        `UPDATE distribution_visit SET created_at = ?
          WHERE id IN (SELECT id FROM distribution_visit WHERE distributor_id = ? ORDER BY id LIMIT 2)`,
        [past, c.distributor_id]
      )
      // The older order is settled; an admin then takes 10 back by hand.
      await service(container).markCommissionsEligible({ order_id: older.id, eligible_at: new Date(Date.now() - DAY) })
      await settleDueCommissionsWorkflow(container).run({ input: { now: new Date() } })
      await api.post(
        `/admin/distribution/distributors/${c.distributor_id}/adjustments`,
        { amount: -10, currency_code: "cny", reason: "运费补差" },
        admin
      )

      // Two withdrawals through the storefront client: 30 still held, 20 paid out.
      await updateSettings(api, admin, { min_withdrawal: 10 })
      const centre = await storefront(api, shop.pk, c)
      const account = { account: "13912345678", real_name: "崔小明" }
      const held = await centre.withdrawals.request({ amount: 30, method: "alipay", account })
      expect(held.withdrawal).toMatchObject({ amount: "30.00", fee: "0.00", net_amount: "30.00", status: "requested", account: { real_name: expect.not.stringContaining("小明") } })
      const paidOut = await centre.withdrawals.request({ amount: 20, method: "alipay", account, idempotency_key: "centre-test-0002" })
      await api.post(`/admin/distribution/withdrawals/${paidOut.withdrawal.id}/approve`, {}, admin)
      await api.post(`/admin/distribution/withdrawals/${paidOut.withdrawal.id}/pay`, { transaction_reference: "ALI-0002" }, admin)
      const paidSeenByTheDistributor = (await centre.withdrawals.retrieve(paidOut.withdrawal.id)).withdrawal
      expect(paidSeenByTheDistributor).toMatchObject({ status: "paid", transaction_reference: "ALI-0002", amount: "20.00" })
      // Who approved and paid it is the admin's business only.
      for (const adminId of ["approved_by", "rejected_by", "paid_by"]) {
        expect(paidSeenByTheDistributor).not.toHaveProperty(adminId)
      }
      expect((await centre.withdrawals.list()).count).toBe(2)

      // Nothing was shipped: both orders are still "placed", with the basket's quantities.
      const { orders } = await centre.orders()
      expect(orders.map((o) => o.status)).toEqual(["placed", "placed"])
      expect(orders[0].items.map((i) => i.quantity).sort()).toEqual([1, 2, 3])

      const rows = await commissionRows(c.distributor_id)
      expect(rows).toHaveLength(6)
      for (const [tz, offset] of [["UTC", 0], ["Asia/Shanghai", SHANGHAI]] as const) {
        const now = new Date()
        const { summary } = await centre.summary({ tz })
        const today = bucketOf(now, offset, "day")
        const month = bucketOf(now, offset, "month")
        const period = (keep: (r: CommissionRow) => boolean) => [{ currency_code: "cny", ...figures(rows.filter(keep)) }]
        expect(summary.tz).toBe(tz)
        expect(summary.today).toEqual(period((r) => bucketOf(r.created_at, offset, "day") === today))
        expect(summary.this_month).toEqual(period((r) => bucketOf(r.created_at, offset, "month") === month))
        expect(summary.all_time).toEqual(period(() => true))
      }
      const { summary } = await centre.summary()
      expect(summary.all_time).toEqual([{ currency_code: "cny", sales: "1173.40", orders: 2, commissions: "165.70" }])
      expect(summary.today[0]).toEqual({ currency_code: "cny", sales: "586.70", orders: 1, commissions: "82.85" })

      const settled = rows.filter((r) => r.order_id === older.id)
      const pending = rows.filter((r) => r.order_id === recent.id)
      const { rows: ledger } = await pg().raw(
        // The available balance: every entry but payouts (those move held money out, see reconcile).
        `SELECT coalesce(sum(amount), 0)::text AS total FROM distribution_ledger_entry
          WHERE distributor_id = ? AND kind <> 'withdrawal_paid'`,
        [c.distributor_id]
      )
      const { rows: withdrawals } = await pg().raw(
        `SELECT status, amount::text FROM distribution_withdrawal WHERE distributor_id = ?`,
        [c.distributor_id]
      )
      const withdrawn = (statuses: string[]) =>
        withdrawals
          .filter((w: { status: string }) => statuses.includes(w.status))
          .reduce((sum: ReturnType<typeof MathBN.convert>, w: { amount: string }) => MathBN.add(sum, w.amount), MathBN.convert(0))
          .toFixed(2)
      expect(summary.balances).toEqual([
        {
          currency_code: "cny",
          pending: figures(pending).commissions,
          available: cny(ledger[0].total),
          held: withdrawn(["requested", "approved"]),
          withdrawn: withdrawn(["paid"]),
          debt: "0.00",
        },
      ])
      // 82.85 settled − 10 by hand − 30 held − 20 paid
      expect(summary.balances[0]).toMatchObject({ available: "22.85", held: "30.00", withdrawn: "20.00" })

      // Level progress measures what the upgrade measures: settled depth-1 sales and orders.
      expect(summary.level).toEqual({
        current: { id: expect.any(String), name: "铜牌", rank: 1 },
        next: {
          level: { id: silver.id, name: "银牌", rank: 2 },
          thresholds: [
            { metric: "personal_sales", current: figures(settled).sales, target: "5000.00", met: false },
            { metric: "orders", current: "1", target: "3", met: false },
          ],
          reached: false,
        },
      })
      expect(summary.team).toEqual({ by_depth: [{ depth: 1, count: 0 }, { depth: 2, count: 0 }, { depth: 3, count: 0 }], total: 0, direct_recruits: 0 })
      const founder = (await (await storefront(api, shop.pk, a)).summary()).summary
      expect(founder.team).toEqual({ by_depth: [{ depth: 1, count: 1 }, { depth: 2, count: 1 }, { depth: 3, count: 0 }], total: 2, direct_recruits: 1 })
      expect(founder.all_time).toEqual([{ currency_code: "cny", ...figures(await commissionRows(a.distributor_id)) }])
      expect(founder.level.next).toBeNull() // gold is the top

      // Stats per day (UTC) and per month (Shanghai), for the caller only.
      const { rows: visits } = await pg().raw(
        `SELECT created_at FROM distribution_visit WHERE distributor_id = ?`,
        [c.distributor_id]
      )
      for (const [interval, tz, offset, unit] of [["day", "UTC", 0, "day"], ["month", "Asia/Shanghai", SHANGHAI, "month"]] as const) {
        const from = new Date(Date.now() - 45 * DAY).toISOString().slice(0, 10)
        const stats = await centre.stats({ from, interval, tz })
        expect(stats).toMatchObject({ interval, tz, currency_code: "cny" })
        const nonEmpty = stats.series.filter((s) => s.visits || s.orders)
        const expected = [...new Set([...rows.map((r) => r.created_at), ...visits.map((v: { created_at: Date }) => v.created_at)].map((at) => bucketOf(at, offset, unit)))]
          .sort()
          .map((bucket) => {
            const inBucket = rows.filter((r) => bucketOf(r.created_at, offset, unit) === bucket)
            const f = figures(inBucket)
            const v = visits.filter((x: { created_at: Date }) => bucketOf(x.created_at, offset, unit) === bucket).length
            return { bucket, visits: v, orders: f.orders, sales: f.sales, commissions: f.commissions, conversion_rate: conversionRate(f.orders, v) }
          })
        expect(nonEmpty.map((s) => ({ bucket: s.period.slice(0, unit === "day" ? 10 : 7), visits: s.visits, orders: s.orders, sales: s.sales, commissions: s.commissions, conversion_rate: s.conversion_rate }))).toEqual(expected)
        expect(expected).toHaveLength(2)
        expect(stats.series.every((s) => s.visits || s.orders || (s.sales === "0.00" && s.commissions === "0.00" && s.conversion_rate === "0"))).toBe(true)
      }
      const daily = await centre.stats({ from: new Date(Date.now() - 45 * DAY).toISOString().slice(0, 10) })
      expect(daily.series).toHaveLength(46)
      expect(daily.series.at(-1)).toMatchObject({ visits: 1, orders: 1, conversion_rate: "1.0000", sales: "586.70", commissions: "82.85" })
      expect(daily.series.find((s) => s.visits === 2)).toMatchObject({ orders: 1, conversion_rate: "0.5000" })
    })

    it("product preview: the commission shown per variant is the one later credited, to the cent, cap included", async () => {
      const container = getContainer()
      const { c } = await threeLevelProgramme(api, container, shop, admin)
      const centre = await storefront(api, shop.pk, c)
      const all = await centre.products({ limit: 50 })
      expect(all.count).toBe(30)
      expect(all.products).toHaveLength(30)
      const variant = (page: typeof all, sku: string) =>
        page.products.flatMap((p) => p.variants).find((v) => v.sku === sku)!
      expect(variant(all, "SERUM-30")).toMatchObject({ price: "129.90", commission: "25.98", rate_bps: 2000, rate_source: "product" })
      expect(variant(all, "RICE-5")).toMatchObject({ price: "89.90", commission: "7.19", rate_bps: 800, rate_source: "category" })
      expect(variant(all, "TOTE-IVORY")).toMatchObject({ price: "79.00", commission: "7.90", rate_bps: 1000, rate_source: "level" })

      const buyer = await buyerOf(c.code)
      const done = andWait(container, "order.placed", () =>
        placeOrder(api, shop, buyer, [{ sku: "SERUM-30", quantity: 1 }, { sku: "RICE-5", quantity: 1 }, { sku: "TOTE-IVORY", quantity: 1 }])
      )
      const placed = await done
      const credited = (await commissionRows(c.distributor_id)).filter((r) => r.order_id === placed.id)
      for (const sku of ["SERUM-30", "RICE-5", "TOTE-IVORY"]) {
        const row = credited.find((r) => r.variant_id === shop.variants.get(sku))!
        expect(cny(row.amount)).toBe(variant(all, sku).commission)
      }

      // A tight cap cuts the deeper levels first, then level 1: the preview applies it the same way.
      await updateSettings(api, admin, { order_cap_bps: 1500 })
      const capped = await centre.products({ q: "玻尿酸" })
      expect(capped.products.map((p) => p.handle)).toEqual(["hyaluronic-serum"])
      expect(variant(capped, "SERUM-30").commission).toBe("19.48") // 129.90 × 15% = 19.485
      const alone = await andWait(container, "order.placed", () => placeOrder(api, shop, buyer, [{ sku: "SERUM-30", quantity: 1 }]))
      const [serum] = (await commissionRows(c.distributor_id)).filter((r) => r.order_id === alone.id && r.depth === 1)
      expect(MathBN.convert(serum.amount).toFixed()).toBe("19.48")

      // Filter by category, page, and leave out excluded products.
      const [specialties] = await container.resolve(Modules.PRODUCT).listProductCategories({ handle: "local-specialties" }, { relations: ["products"] })
      const inCategory = await centre.products({ category_id: specialties.id, limit: 2, offset: 1 })
      expect(inCategory.count).toBe(specialties.products!.length)
      expect(inCategory.products).toHaveLength(2)
      expect(inCategory.products.every((p) => specialties.products!.some((sp) => sp.id === p.id))).toBe(true)
      // Excluded: one product by its own rule, and a whole category but for a course with a rule of its own.
      const cleanser = await productByHandle("amino-cleanser")
      const [courses] = await container.resolve(Modules.PRODUCT).listProductCategories({ handle: "online-courses" }, { relations: ["products"] })
      const [kept, ...dropped] = courses.products!
      const rule = (body: Record<string, unknown>) => api.post("/admin/distribution/commission-rules", body, admin)
      await rule({ target_type: "product", target_id: cleanser.id, mode: "excluded" })
      await rule({ target_type: "category", target_id: courses.id, mode: "excluded" })
      await rule({ target_type: "product", target_id: kept.id, mode: "rate", rate_bps_1: 300 })
      const after = await centre.products({ limit: 50 })
      const leftOut = [cleanser.id, ...dropped.map((p) => p.id)]
      expect(after.count).toBe(30 - leftOut.length)
      expect(after.products.map((p) => p.id)).toEqual(all.products.map((p) => p.id).filter((id) => !leftOut.includes(id)))
      expect(after.products.find((p) => p.id === kept.id)!.variants.every((v) => v.rate_bps === 300 && v.rate_source === "product")).toBe(true)
    })

    it("referral link and poster: the QR codes decode to the referral URL; foreign paths are refused", async () => {
      const { c } = await threeLevelProgramme(api, getContainer(), shop, admin)
      const centre = await storefront(api, shop.pk, c)
      const link = await centre.link("/products/hyaluronic-serum?color=red&ref=someone-else#reviews")
      const expected = `${storeUrl()}/products/hyaluronic-serum?color=red&ref=${c.code}#reviews`
      expect(link).toMatchObject({ url: expected, code: c.code })
      expect(link.qr.svg.startsWith("<svg")).toBe(true)
      const qr = PNG.sync.read(Buffer.from(link.qr.png_base64, "base64"))
      expect(jsQR(new Uint8ClampedArray(qr.data), qr.width, qr.height)?.data).toBe(expected)
      expect((await centre.link()).url).toBe(`${storeUrl()}/?ref=${c.code}`)

      for (const path of ["https://evil.example/phish", "//evil.example/phish", "/\\evil.example", "products/x"]) {
        const refused = await clientFailure(centre.link(path))
        expect(refused.status).toBe(400)
        expect(refused.message).toContain("path must be a path on the store")
      }

      const serum = await productByHandle("hyaluronic-serum")
      const poster = Buffer.from(await centre.poster(serum.id))
      expect(poster.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a")
      const image = PNG.sync.read(poster)
      expect([image.width, image.height]).toEqual([750, 1200])
      expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(
        `${storeUrl()}/products/hyaluronic-serum?ref=${c.code}`
      )
      expect(centre.posterUrl(api.defaults.baseURL!, serum.id)).toBe(
        `${api.defaults.baseURL}/store/distribution/poster?product_id=${serum.id}`
      )
      expect((await clientFailure(centre.poster("prod_missing"))).status).toBe(404)

      // An applicant under review has no code yet, so no link.
      await updateSettings(api, admin, { application_mode: "review" })
      const applicant = await registerCustomer(api, shop.pk, { email: uniqueEmail("applicant") })
      const pending = await storefront(api, shop.pk, applicant)
      expect((await pending.apply({ name: "待审" })).distributor.status).toBe("pending")
      const refused = await clientFailure(pending.link("/"))
      expect(refused).toEqual({ status: 400, message: "Only an active distributor has referral links (your status is pending)" })
    })

    it("access: login required, distributors only, bad input refused, and nobody sees another's figures or buyers", async () => {
      const container = getContainer()
      const { a, b, c } = await threeLevelProgramme(api, container, shop, admin)
      const buyer = await buyerOf(c.code)
      await orderAndCredit(api, container, shop, buyer)
      const serum = await productByHandle("hyaluronic-serum")
      const calls = (client: Awaited<ReturnType<typeof storefront>>) => [
        () => client.summary(),
        () => client.products(),
        () => client.link("/"),
        () => client.poster(serum.id),
        () => client.stats(),
      ]
      for (const call of calls(await storefront(api, shop.pk))) {
        expect((await clientFailure(call())).status).toBe(401)
      }
      const customer = await storefront(api, shop.pk, await registerCustomer(api, shop.pk, { email: uniqueEmail("shopper") }))
      for (const call of calls(customer)) {
        expect(await clientFailure(call())).toEqual({ status: 404, message: "You are not a distributor" })
      }

      const centre = await storefront(api, shop.pk, c)
      const bad: [() => Promise<unknown>, string][] = [
        [() => centre.summary({ tz: "Mars/Olympus_Mons" }), "tz must be an IANA time zone"],
        [() => centre.stats({ interval: "year" as "day" }), "Expected: 'day, week, month' for field 'interval'"],
        [() => centre.stats({ from: "2026-02-01", to: "2026-01-01" }), "from must not be after to"],
        [() => centre.stats({ from: "2020-01-01", to: "2026-01-01" }), "At most 366 days per request"],
        [() => centre.stats({ from: "yesterday" }), "Expected type: 'date' for field 'from'"],
        [() => centre.products({ limit: 0 }), "Value for field 'limit' too small"],
        [() => centre.sdk.client.fetch("/store/distribution/poster"), "Field 'product_id' is required"],
        [() => centre.sdk.client.fetch("/store/distribution/me/summary", { query: { colour: "red" } }), "Unrecognized fields: 'colour'"],
      ]
      for (const [call, message] of bad) {
        const refused = await clientFailure(call())
        expect(refused.status).toBe(400)
        expect(refused.message).toContain(message)
      }

      // Each sees its own rows only: B earns depth 2 of C's buyer, A depth 3.
      await (await storefront(api, shop.pk)).recordVisit({ referral_code: b.code!, visitor_id: "visitor-of-b" })
      for (const d of [a, b, c]) {
        const mine = await storefront(api, shop.pk, d)
        const { summary } = await mine.summary()
        expect(summary.all_time).toEqual([{ currency_code: "cny", ...figures(await commissionRows(d.distributor_id)) }])
        const stats = await mine.stats()
        expect(stats.series.reduce((n, s) => n + s.visits, 0)).toBe(d === b ? 1 : 0)
        const everything = JSON.stringify([summary, stats, await mine.products({ limit: 5 }), await mine.link("/")])
        expect(everything).not.toContain(buyer.email)
        expect(everything).not.toContain("买家")
      }
      expect((await (await storefront(api, shop.pk, b)).summary()).summary.all_time[0].sales).toBe("0.00") // depth 2 is not B's own sale
    })

    it("the OpenAPI document is served, valid, and describes every route the suites call", async () => {
      const { data: served } = await api.get("/store/distribution/openapi.json", { headers: { "x-publishable-api-key": shop.pk } })
      // The same documents the unit tests validate against the OpenAPI 3.1 schema: the
      // store routes for anyone with the publishable key, every route for admins only.
      expect(served).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument("store"))))
      expect(Object.keys(served.paths).filter((p) => !p.startsWith("/store/"))).toEqual([])
      expect((await api.get("/store/distribution/openapi.json").catch((e) => e.response)).status).toBe(400) // the key is still required
      const { data: full } = await api.get("/admin/distribution/openapi.json", admin)
      expect(full).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument("admin"))))
      expect(Object.keys(full.paths)).toContain("/admin/distribution/withdrawals/{id}/pay")
      expect((await api.get("/admin/distribution/openapi.json").catch((e) => e.response)).status).toBe(401)

      // The check is live on both ways the suites call the API: the runner's axios and the js-sdk's fetch.
      const undocumented = "GET /store/distribution/nowhere → 404: the route is not in the OpenAPI document"
      await expect(api.get("/store/distribution/nowhere", { headers: { "x-publishable-api-key": shop.pk } })).rejects.toThrow(undocumented)
      await expect((await storefront(api, shop.pk)).sdk.client.fetch("/store/distribution/nowhere")).rejects.toThrow(undocumented)

      // A response that drifts from its schema is caught.
      expect(
        responseMismatch({
          method: "GET",
          url: "/store/distribution/link",
          status: 200,
          contentType: "application/json",
          body: { url: "https://shop.example/?ref=X", code: 7, qr: { svg: "<svg/>" } },
        })
      ).toMatch(/GET \/store\/distribution\/link → 200 does not match the OpenAPI document: .*code.*png_base64|png_base64.*code/)
      expect(
        responseMismatch({ method: "GET", url: "/store/distribution/nowhere", status: 200, contentType: "application/json", body: {} })
      ).toBe("GET /store/distribution/nowhere → 200: the route is not in the OpenAPI document")

      // Amounts leave as Amount strings with the currency's precision: a number, an unpadded string or a raw_* column is caught.
      const withdrawal = {
        id: "dwdr_1", distributor_id: "dist_1", currency_code: "cny", amount: "30.00", fee_bps: 0, fee: "0.00", net_amount: "30.00",
        method: "alipay", account: { account: "139****5678", real_name: "崔**" }, note: null, status: "requested", reject_reason: null,
        transaction_reference: null, approved_at: null, rejected_at: null, paid_at: null,
        created_at: "2026-11-26T08:00:00.000Z", updated_at: "2026-11-26T08:00:00.000Z",
      }
      const page = { withdrawals: [withdrawal], count: 1, limit: 20, offset: 0 }
      const check = (body: unknown) =>
        responseMismatch({ method: "GET", url: "/store/distribution/withdrawals", status: 200, contentType: "application/json", body })
      expect(check(page)).toBeNull()
      expect(check({ ...page, withdrawals: [{ ...withdrawal, amount: 30 }] })).toMatch(/\/withdrawals\/0\/amount must be string \(got 30\)/)
      expect(check({ ...page, withdrawals: [{ ...withdrawal, fee: "0.5" }] })).toMatch(/\/withdrawals\/0\/fee must match pattern/)
      expect(check({ ...page, withdrawals: [{ ...withdrawal, raw_amount: { value: "30", precision: 20 } }] })).toBe(
        "GET /store/distribution/withdrawals → 200 carries the raw column body/withdrawals/0/raw_amount: amounts leave only as Amount strings"
      )
      // A store withdrawal never names the admins who decided it.
      expect(check({ ...page, withdrawals: [{ ...withdrawal, approved_by: "user_01" }] })).toMatch(/must NOT have additional properties/)
    })
  },
})
