import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { BigNumberInput } from "@medusajs/framework/types"
import { createAdmin, Headers, registerCustomer } from "../helpers/auth"
import { Distributor, failure, makeDistributor, uniqueEmail, updateSettings } from "../helpers/distribution"
import { seedShop, Shop } from "../helpers/orders"
import { andWait, orderAndCredit, threeLevelProgramme } from "../helpers/programme"
import { settleDueCommissionsWorkflow } from "../../src/workflows"
import { roundDown } from "../../src/modules/distribution/utils/money"

jest.setTimeout(300_000)

const DAY = 24 * 60 * 60 * 1000
const TZ = "Asia/Shanghai"
const R = "/admin/distribution/reports"

/** The calendar day of an instant in Shanghai (UTC+8, no daylight saving). */
const shanghaiDay = (t: number) => new Date(t + 8 * 60 * 60 * 1000).toISOString().slice(0, 10)
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)
const at = (day: string, time: string) => Date.parse(`${day}T${time}+08:00`)

type Period = { from: string; to: string; start: number; end: number; days: string[] }
const period = (from: string, to: string): Period => {
  const days: string[] = []
  for (let d = from; d <= to; d = shift(d, 1)) days.push(d)
  return { from, to, start: at(from, "00:00:00"), end: at(to, "00:00:00") + DAY, days }
}

/** The amount as the reports present it: rounded down, two decimals for CNY. */
const cny = (amount: BigNumberInput) => {
  const [units, cents = ""] = roundDown(amount, "cny").split(".")
  return `${units}.${cents.padEnd(2, "0")}`
}
/** orders ÷ visits, four decimals, rounded down, in integers. */
const rate = (orders: number, visits: number) => {
  if (!visits) return "0"
  const q = Math.floor((orders * 10000) / visits)
  return `${Math.floor(q / 10000)}.${String(q % 10000).padStart(4, "0")}`
}
const sum = (values: BigNumberInput[]) => values.reduce<BigNumberInput>((s, v) => MathBN.add(s, v), 0)

type CommissionRow = {
  order_id: string; distributor_id: string; product_id: string; depth: number; quantity: number; status: string
  base_amount: string; amount: string; reversed_amount: string; created_at: Date
}
type DistributorRow = { id: string; parent_id: string | null; activated_at: Date | null; display_name: string; email: string; referral_code: string | null }
type VisitRow = { distributor_id: string; created_at: Date }
type WithdrawalRow = { amount: string; status: string; created_at: Date; paid_at: Date | null }
type Interval = "day" | "week" | "month"

/** The period a Shanghai day falls in: itself, its week's Monday or its month's first day. */
const bucketOf = (day: string, interval: Interval) => {
  if (interval === "month") return `${day.slice(0, 7)}-01`
  if (interval === "day") return day
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return shift(day, -((weekday + 6) % 7))
}

const kept = (c: CommissionRow) => MathBN.div(MathBN.mult(c.base_amount, MathBN.sub(c.amount, c.reversed_amount)), c.amount)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Shop
    let admin: Headers
    let people: Record<"a" | "b" | "c" | "d" | "e" | "f", Distributor>
    let p1: Period
    let p2: Period
    const orders: Record<string, string> = {}

    const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const rows = async <T>(sql: string): Promise<T[]> => (await pg().raw(sql)).rows as T[]

    async function boughtFrom(d: Distributor) {
      const buyer = await registerCustomer(api, shop.pk, { email: uniqueEmail("buyer") })
      await api.post("/store/distribution/bind", { referral_code: d.code }, buyer)
      return await orderAndCredit(api, getContainer(), shop, buyer)
    }
    const visit = (d: Distributor, visitor: string) =>
      api.post("/store/distribution/visits", { referral_code: d.code, source: "link", visitor_id: `visitor-${visitor}` }, { headers: { "x-publishable-api-key": shop.pk } })

    /**
     * A programme with a history: gold A → silver B → bronze C, then D under A and
     * E, F under B ten days ago; C's buyer ordered ten days ago (fulfilled and
     * settled), B's buyer today (100 refunded), another of C's buyers today
     * (canceled); visits on both sides of midnight in Shanghai; a pending and a
     * rejected applicant, F suspended.
     */
    beforeAll(async () => {
      const container = getContainer()
      shop = await seedShop(container)
      admin = await createAdmin(container)
      const [location] = await container.resolve("stock_location").listStockLocations({})
      await updateSettings(api, admin, { settle_on: "fulfilled", freeze_days: 0, min_withdrawal: 10 })

      const { a, b, c } = await threeLevelProgramme(api, container, shop, admin)
      const ctx = { pk: shop.pk, admin }
      const d = await makeDistributor(api, ctx, { name: "Dan", parent: a })
      const e = await makeDistributor(api, ctx, { name: "Eve", parent: b })
      const f = await makeDistributor(api, ctx, { name: "Fei", parent: b })
      people = { a, b, c, d, e, f }
      await api.post(`/admin/distribution/distributors/${f.distributor_id}/suspend`, { reason: "刷单" }, admin)
      await updateSettings(api, admin, { application_mode: "review" })
      for (const name of ["Gao", "Hu"]) {
        const applicant = await registerCustomer(api, shop.pk, { email: uniqueEmail(name) })
        const { data } = await api.post("/store/distribution/apply", { name }, applicant)
        if (name === "Hu") {
          await api.post(`/admin/distribution/distributors/${data.distributor.id}/reject`, { reason: "资料不全" }, admin)
        }
      }

      const first = await boughtFrom(c)
      orders.first = first.id
      const { data: placed } = await api.get(`/admin/orders/${first.id}?fields=*items`, admin)
      const items = placed.order.items.map((i: { id: string; quantity: number }) => ({ id: i.id, quantity: i.quantity }))
      await andWait(container, "order.fulfillment_created", () =>
        api.post(`/admin/orders/${first.id}/fulfillments`, { items, location_id: location.id }, admin)
      )
      await settleDueCommissionsWorkflow(container).run({ input: { now: new Date(Date.now() + 1000) } })

      const refunded = await boughtFrom(b)
      orders.refunded = refunded.id
      const { data: paid } = await api.get(`/admin/orders/${refunded.id}?fields=*payment_collections.payments`, admin)
      const paymentId = paid.order.payment_collections[0].payments[0].id
      await api.post(`/admin/payments/${paymentId}/capture`, {}, admin)
      await andWait(container, "payment.refunded", () => api.post(`/admin/payments/${paymentId}/refund`, { amount: 100 }, admin))

      const canceled = await boughtFrom(c)
      orders.canceled = canceled.id
      await andWait(container, "order.canceled", () => api.post(`/admin/orders/${canceled.id}/cancel`, {}, admin))

      for (const [who, visitor] of [[c, "v1"], [c, "v2"], [c, "v3"], [b, "v1"], [b, "v4"], [a, "v5"]] as const) {
        await visit(who, visitor)
      }

      // C withdraws from the 82.85 it was paid: 50 paid out, 20 waiting, 10 rejected.
      const withdraw = async (amount: number) =>
        (await api.post("/store/distribution/withdrawals", { amount, method: "alipay", account: { account: "13800138000", real_name: "崔小花" } }, c)).data.withdrawal.id
      const paidOut = await withdraw(50)
      await api.post(`/admin/distribution/withdrawals/${paidOut}/approve`, {}, admin)
      await api.post(`/admin/distribution/withdrawals/${paidOut}/pay`, { transaction_reference: "ALI-20261126-01" }, admin)
      await withdraw(20)
      await api.post(`/admin/distribution/withdrawals/${await withdraw(10)}/reject`, { reason: "实名信息不符" }, admin)

      const today = shanghaiDay(Date.now())
      p1 = period(shift(today, -14), shift(today, -7))
      p2 = period(shift(today, -3), today)
      // History: what happened ten days ago is moved there, the rest stays today.
      const past = new Date(at(shift(today, -10), "12:00:00")).toISOString()
      // 07:00 in Shanghai is still the day before in UTC: the zone decides the bucket.
      const earlyMorning = new Date(at(shift(today, -9), "07:00:00")).toISOString()
      await pg().raw("update distribution_commission set created_at = ? where order_id = ?", [past, first.id])
      // Requested ten days ago, paid today.
      await pg().raw("update distribution_withdrawal set created_at = ? where id = ?", [past, paidOut])
      await pg()("distribution_distributor")
        .whereIn("id", [d.distributor_id, e.distributor_id, f.distributor_id])
        .update({ activated_at: past })
      const firstVisits = await rows<{ id: string }>(
        `select distinct on (distributor_id) id from distribution_visit
          where distributor_id in ('${c.distributor_id}', '${b.distributor_id}') order by distributor_id, created_at`
      )
      await pg()("distribution_visit").whereIn("id", firstVisits.map((v) => v.id)).update({ created_at: earlyMorning })
    })

    /** Every figure a report should show for a period, summed here from the rows the setup created. */
    async function expected(p: Period) {
      const inP = (t: Date | null) => !!t && t.getTime() >= p.start && t.getTime() < p.end
      const commissions = (await rows<CommissionRow>(
        "select order_id, distributor_id, product_id, depth, quantity, status, base_amount::text, amount::text, reversed_amount::text, created_at from distribution_commission"
      )).filter((c) => inP(c.created_at))
      const distributors = await rows<DistributorRow>(
        "select id, parent_id, activated_at, display_name, email, referral_code from distribution_distributor"
      )
      const visits = (await rows<VisitRow>("select distributor_id, created_at from distribution_visit")).filter((v) => inP(v.created_at))
      const withdrawals = await rows<WithdrawalRow>("select amount::text, status, created_at, paid_at from distribution_withdrawal")
      const requested = withdrawals.filter((w) => inP(w.created_at))
      const paid = withdrawals.filter((w) => w.status === "paid" && inP(w.paid_at))
      const unpaid = withdrawals.filter((w) => w.status === "requested" || w.status === "approved")
      const on = (t: Date | null, interval: Interval, bucket: string) => !!t && bucketOf(shanghaiDay(t.getTime()), interval) === bucket
      const depth1 = commissions.filter((c) => c.depth === 1)
      const orderCount = (cs: CommissionRow[]) => new Set(cs.filter((c) => c.depth === 1 && c.status !== "reversed").map((c) => c.order_id)).size
      const byId = new Map(distributors.map((d) => [d.id, d]))

      const board = (values: Map<string, BigNumberInput>, present: (v: BigNumberInput) => string | number) => {
        const listed = [...values.entries()]
          .map(([id, v]) => ({ d: byId.get(id)!, value: present(v) }))
          .filter((r) => MathBN.gt(r.value, 0))
          .sort((x, y) => (MathBN.eq(x.value, y.value) ? (x.d.referral_code! < y.d.referral_code! ? -1 : 1) : MathBN.gt(y.value, x.value) ? 1 : -1))
        return listed.map((r, i) => ({
          rank: listed.findIndex((o) => MathBN.eq(o.value, r.value)) + 1,
          distributor_id: r.d.id,
          display_name: r.d.display_name,
          email: r.d.email,
          referral_code: r.d.referral_code,
          value: r.value,
        }))
      }
      const grouped = <T>(items: T[], key: (t: T) => string | null, value: (t: T) => BigNumberInput) => {
        const m = new Map<string, BigNumberInput>()
        items.forEach((t) => {
          const k = key(t)
          if (k) m.set(k, MathBN.add(m.get(k) ?? 0, value(t)))
        })
        return m
      }

      const salesOf = (cs: CommissionRow[]) => cny(sum(cs.filter((c) => c.depth === 1).map(kept)))
      const productIds = [...new Set(commissions.map((c) => c.product_id))]
      const perDistributor = new Set([...visits.map((v) => v.distributor_id), ...depth1.filter((c) => c.status !== "reversed").map((c) => c.distributor_id)])
      return {
        sales: salesOf(commissions),
        orders: orderCount(commissions),
        commissions: {
          credited: cny(sum(commissions.map((c) => c.amount))),
          pending: cny(sum(commissions.filter((c) => c.status === "pending").map((c) => MathBN.sub(c.amount, c.reversed_amount)))),
          settled: cny(sum(commissions.filter((c) => c.status === "settled").map((c) => MathBN.sub(c.amount, c.reversed_amount)))),
          reversed: cny(sum(commissions.map((c) => c.reversed_amount))),
        },
        new_distributors: distributors.filter((d) => inP(d.activated_at)).length,
        visits: visits.length,
        conversion_rate: rate(orderCount(commissions), visits.length),
        pending_withdrawals: { count: unpaid.length, amount: cny(sum(unpaid.map((w) => w.amount))) },
        withdrawals_requested: cny(sum(requested.map((w) => w.amount))),
        withdrawn: cny(sum(paid.map((w) => w.amount))),
        series: (interval: Interval) =>
          [...new Set(p.days.map((day) => bucketOf(day, interval)))].map((bucket) => {
            const cs = commissions.filter((c) => on(c.created_at, interval, bucket))
            return {
              period: bucket,
              sales: salesOf(cs),
              orders: orderCount(cs),
              commissions: cny(sum(cs.map((c) => c.amount))),
              new_distributors: distributors.filter((d) => inP(d.activated_at) && on(d.activated_at, interval, bucket)).length,
              withdrawals_requested: cny(sum(requested.filter((w) => on(w.created_at, interval, bucket)).map((w) => w.amount))),
              withdrawals_paid: cny(sum(paid.filter((w) => on(w.paid_at, interval, bucket)).map((w) => w.amount))),
              visits: visits.filter((v) => on(v.created_at, interval, bucket)).length,
            }
          }),
        leaderboard: {
          sales: board(grouped(depth1, (c) => c.distributor_id, kept), cny),
          commissions: board(grouped(commissions, (c) => c.distributor_id, (c) => MathBN.sub(c.amount, c.reversed_amount)), cny),
          recruits: board(grouped(distributors.filter((d) => inP(d.activated_at)), (d) => d.parent_id, () => 1), (v) => Number(v)),
        },
        products: productIds
          .map((id) => {
            const cs = commissions.filter((c) => c.product_id === id)
            const live = cs.filter((c) => c.depth === 1 && c.status !== "reversed")
            return {
              product_id: id,
              quantity: live.reduce((n, c) => n + c.quantity, 0),
              orders: new Set(live.map((c) => c.order_id)).size,
              sales: salesOf(cs),
              commissions: cny(sum(cs.map((c) => MathBN.sub(c.amount, c.reversed_amount)))),
            }
          })
          .sort((x, y) => (MathBN.eq(x.sales, y.sales) ? (x.product_id < y.product_id ? -1 : 1) : MathBN.gt(y.sales, x.sales) ? 1 : -1)),
        conversion: [...perDistributor].map((id) => {
          const d = byId.get(id)!
          const n = visits.filter((v) => v.distributor_id === id).length
          const o = new Set(depth1.filter((c) => c.distributor_id === id && c.status !== "reversed").map((c) => c.order_id)).size
          return { distributor_id: id, display_name: d.display_name, referral_code: d.referral_code, visits: n, orders: o, conversion_rate: rate(o, n) }
        }),
      }
    }

    const get = async (path: string, p: Period, extra = "") =>
      (await api.get(`${R}/${path}?from=${p.from}&to=${p.to}&tz=${TZ}${extra}`, admin)).data

    it("sums the summary's figures from the period's rows", async () => {
      for (const p of [p1, p2]) {
        const want = await expected(p)
        expect(await get("summary", p)).toEqual({
          from: p.from,
          to: p.to,
          tz: TZ,
          currency_code: "cny",
          currencies: ["cny"],
          distributors: { active: 5, pending: 1, suspended: 1, rejected: 1, new: want.new_distributors },
          pending_applications: 1,
          pending_withdrawals: want.pending_withdrawals,
          sales: want.sales,
          orders: want.orders,
          commissions: want.commissions,
          withdrawals_requested: want.withdrawals_requested,
          withdrawn: want.withdrawn,
          visits: want.visits,
          conversion_rate: want.conversion_rate,
        })
      }
      // Ten days ago: one order of 586.70 of goods, 150.00 of commissions since settled, 50 asked for, 1 order from 2 visits.
      expect(await get("summary", p1)).toMatchObject({
        distributors: { new: 3 },
        sales: "586.70",
        orders: 1,
        commissions: { credited: "150.00", pending: "0.00", settled: "150.00", reversed: "0.00" },
        withdrawals_requested: "50.00",
        withdrawn: "0.00",
        visits: 2,
        conversion_rate: "0.5000",
      })
      // Today: the canceled order counts for nothing but its reversed commissions; 50 paid, 20 waiting.
      const today = await get("summary", p2)
      expect(today).toMatchObject({
        distributors: { new: 3 },
        orders: 1,
        pending_withdrawals: { count: 1, amount: "20.00" },
        withdrawals_requested: "30.00",
        withdrawn: "50.00",
        visits: 4,
        conversion_rate: "0.2500",
      })
      expect(today.commissions.reversed).toBe(cny(sum([today.commissions.credited, `-${today.commissions.pending}`, `-${today.commissions.settled}`])))
      const hkd = await get("summary", p2, "&currency_code=HKD")
      expect(hkd).toMatchObject({ currency_code: "hkd", sales: "0.00", orders: 0, withdrawn: "0.00", visits: 4, conversion_rate: "0.0000" })
      const byDefault = (await api.get(`${R}/summary`, admin)).data
      expect(byDefault).toMatchObject({ to: new Date().toISOString().slice(0, 10), tz: "UTC", currency_code: "cny" })
      expect(byDefault.from).toBe(shift(byDefault.to, -29))
    })

    it("cuts the time series by day, week and month in the admin's zone, empty periods included", async () => {
      for (const p of [p1, p2, period(p1.from, p2.to)]) {
        const want = await expected(p)
        for (const interval of ["day", "week", "month"] as const) {
          const report = await get("timeseries", p, `&interval=${interval}`)
          expect(report).toMatchObject({ interval, from: p.from, to: p.to, tz: TZ, currency_code: "cny" })
          expect(report.series).toEqual(want.series(interval))
        }
      }
      const nineDaysAgo = shift(p1.to, -2)
      const daily = await get("timeseries", p1)
      expect(daily.series).toHaveLength(8)
      expect(daily.series.find((r: { period: string }) => r.period === shift(nineDaysAgo, -1))).toMatchObject({ sales: "586.70", orders: 1, commissions: "150.00", new_distributors: 3, withdrawals_requested: "50.00", visits: 0 })
      // The two visits at 07:00 in Shanghai belong to the day before in UTC.
      expect(daily.series.find((r: { period: string }) => r.period === nineDaysAgo).visits).toBe(2)
      const utc = (await api.get(`${R}/timeseries?from=${p1.from}&to=${p1.to}`, admin)).data
      expect(utc.series.find((r: { period: string }) => r.period === nineDaysAgo).visits).toBe(0)
      expect(utc.series.find((r: { period: string }) => r.period === shift(nineDaysAgo, -1)).visits).toBe(2)
    })

    it("sums the leaderboards from the period's rows: ties share a rank and are listed by referral code", async () => {
      for (const p of [p1, p2]) {
        const want = await expected(p)
        for (const by of ["sales", "commissions", "recruits"] as const) {
          const board = await get("leaderboard", p, `&by=${by}`)
          expect(board).toMatchObject({ by, from: p.from, to: p.to, tz: TZ, currency_code: "cny" })
          expect(board.rows).toEqual(want.leaderboard[by])
        }
      }
      const { a, b, c } = people
      // Ten days ago: C's buyer paid 586.70 for goods; C, B and A earned 82.85, 43.79 and 23.36.
      const sales1 = await get("leaderboard", p1, "&by=sales")
      expect(sales1.rows.map((r: { distributor_id: string; value: string }) => [r.distributor_id, r.value])).toEqual([[c.distributor_id, "586.70"]])
      const commissions1 = await get("leaderboard", p1, "&by=commissions")
      expect(commissions1.rows.map((r: { rank: number; value: string }) => [r.rank, r.value])).toEqual([[1, "82.85"], [2, "43.79"], [3, "23.36"]])
      expect((await get("leaderboard", p1, "&by=recruits")).rows.map((r: { distributor_id: string; rank: number; value: number }) => [r.distributor_id, r.rank, r.value])).toEqual([
        [b.distributor_id, 1, 2], // E and F
        [a.distributor_id, 2, 1], // D
      ])
      // Today A recruited B and B recruited C: a tie, listed by referral code.
      const tie = (await get("leaderboard", p2, "&by=recruits")).rows
      expect(tie.map((r: { rank: number; value: number }) => [r.rank, r.value])).toEqual([[1, 1], [1, 1]])
      expect(tie.map((r: { referral_code: string }) => r.referral_code)).toEqual([a.code, b.code].sort())
      expect((await get("leaderboard", p2, "&by=commissions&limit=1")).rows).toHaveLength(1)
    })

    it("sums distribution sales per product, pages them, and orders them as asked", async () => {
      for (const p of [p1, p2]) {
        const want = await expected(p)
        const report = await get("products", p, "&limit=500")
        expect(report.count).toBe(want.products.length)
        expect(report.products.map(({ title: _title, ...r }: { title: string }) => r)).toEqual(want.products)
        expect(report.products.every((r: { title: string }) => typeof r.title === "string" && r.title.length > 0)).toBe(true)
      }
      const first = await get("products", p1)
      // The whole basket, ten days ago: serum 2 × 129.90, rice 89.90, tote 3 × 79.
      expect(first.products.map((r: { quantity: number; sales: string; orders: number }) => [r.quantity, r.sales, r.orders])).toEqual([
        [2, "259.80", 1],
        [3, "237.00", 1],
        [1, "89.90", 1],
      ])
      const page = await get("products", p2, "&limit=1&offset=1&order=quantity")
      const all = await get("products", p2, "&order=quantity&limit=500")
      expect(page).toMatchObject({ count: all.count, limit: 1, offset: 1 })
      expect(page.products).toEqual([all.products[1]])
    })

    it("gives visits, orders and their ratio per distributor, in the admin's time zone", async () => {
      for (const p of [p1, p2]) {
        const want = await expected(p)
        const report = await get("conversion", p, "&limit=500&order=-visits")
        expect(report.count).toBe(want.conversion.length)
        expect([...report.rows].sort((x, y) => (x.distributor_id < y.distributor_id ? -1 : 1))).toEqual(
          want.conversion.sort((x, y) => (x.distributor_id < y.distributor_id ? -1 : 1))
        )
        const visits = report.rows.map((r: { visits: number }) => r.visits)
        expect(visits).toEqual([...visits].sort((x: number, y: number) => y - x))
      }
      const { b, c } = people
      // Today B converted its one remaining visitor (the refund keeps the order); C's only order was canceled.
      const today = await get("conversion", p2, "&order=-conversion_rate")
      expect(today.rows[0]).toMatchObject({ distributor_id: b.distributor_id, visits: 1, orders: 1, conversion_rate: "1.0000" })
      expect(today.rows.find((r: { distributor_id: string }) => r.distributor_id === c.distributor_id)).toMatchObject({ visits: 2, orders: 0, conversion_rate: "0.0000" })
      // Ten days ago C had one visit (07:00 in Shanghai, the evening before in UTC) and one order.
      const before = await get("conversion", p1)
      expect(before.rows.find((r: { distributor_id: string }) => r.distributor_id === c.distributor_id)).toMatchObject({ visits: 1, orders: 1, conversion_rate: "1.0000" })
    })

    it("answers a CSV of the same rows as the JSON, with a byte-order mark for spreadsheets", async () => {
      const csv = async (path: string, p: Period, extra = "") => {
        const response = await api.get(`${R}/${path}?from=${p.from}&to=${p.to}&tz=${TZ}&format=csv${extra}`, {
          ...admin,
          responseType: "arraybuffer",
        })
        expect(response.headers["content-type"]).toContain("text/csv")
        expect(response.headers["content-disposition"]).toContain(`filename="distribution-`)
        const bytes = Buffer.from(response.data)
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // the UTF-8 byte-order mark
        return bytes.subarray(3).toString("utf8").trimEnd().split("\r\n").map((line) => line.split(","))
      }
      const asText = (v: unknown) => (v === null || v === undefined ? "" : String(v))
      for (const p of [p1, p2]) {
        const board = await get("leaderboard", p, "&by=commissions")
        expect(await csv("leaderboard", p, "&by=commissions")).toEqual([
          ["rank", "distributor_id", "display_name", "email", "referral_code", "value"],
          ...board.rows.map((r: Record<string, unknown>) => ["rank", "distributor_id", "display_name", "email", "referral_code", "value"].map((k) => asText(r[k]))),
        ])
        const summary = await get("summary", p)
        const summaryCsv = await csv("summary", p)
        expect(summaryCsv[0]).toEqual([
          "from", "to", "tz", "currency_code", "distributors_pending", "distributors_active", "distributors_rejected",
          "distributors_suspended", "distributors_new", "pending_applications", "pending_withdrawals_count",
          "pending_withdrawals_amount", "sales", "orders", "commissions_credited", "commissions_pending",
          "commissions_settled", "commissions_reversed", "withdrawals_requested", "withdrawn", "visits", "conversion_rate",
        ])
        expect(summaryCsv[1]).toEqual([
          p.from, p.to, TZ, "cny",
          ...["pending", "active", "rejected", "suspended", "new"].map((k) => String(summary.distributors[k])),
          String(summary.pending_applications), String(summary.pending_withdrawals.count), summary.pending_withdrawals.amount,
          summary.sales, String(summary.orders),
          ...["credited", "pending", "settled", "reversed"].map((k) => summary.commissions[k]),
          summary.withdrawals_requested, summary.withdrawn, String(summary.visits), summary.conversion_rate,
        ])
        const series = await get("timeseries", p, "&interval=week")
        const seriesColumns = ["period", "sales", "orders", "commissions", "new_distributors", "withdrawals_requested", "withdrawals_paid", "visits"]
        expect(await csv("timeseries", p, "&interval=week")).toEqual([
          seriesColumns,
          ...series.series.map((r: Record<string, unknown>) => seriesColumns.map((k) => asText(r[k]))),
        ])
        const products = await get("products", p)
        const productColumns = ["product_id", "title", "quantity", "orders", "sales", "commissions"]
        expect(await csv("products", p)).toEqual([
          productColumns,
          ...products.products.map((r: Record<string, unknown>) => productColumns.map((k) => asText(r[k]))),
        ])
        const conversion = await get("conversion", p)
        const conversionColumns = ["distributor_id", "display_name", "referral_code", "visits", "orders", "conversion_rate"]
        expect(await csv("conversion", p)).toEqual([
          conversionColumns,
          ...conversion.rows.map((r: Record<string, unknown>) => conversionColumns.map((k) => asText(r[k]))),
        ])
      }
    })

    it("refuses bad parameters with a 400 that says what is wrong", async () => {
      const bad = async (query: string, message: string) => {
        const response = await failure(api.get(`${R}/${query}`, admin))
        expect(response.status).toBe(400)
        expect(response.data.message).toContain(message)
      }
      await bad("leaderboard?from=2026-13-01", "from must be a date (2026-11-01) or an ISO 8601 date-time")
      await bad("leaderboard?to=2026-02-30", "to must be a date")
      await bad("leaderboard?from=2026-11-01T08:00:00", "from must be a date")
      await bad("leaderboard?from=2026-11-10&to=2026-11-01", "from (2026-11-10) must be before to (2026-11-01)")
      await bad("leaderboard?from=2000-01-01&to=2026-11-01", "A report covers at most 3660 days")
      await bad("timeseries?from=2025-01-01&to=2026-11-01&interval=day", "use interval=week or interval=month")
      await bad("timeseries?interval=hour", "interval")
      await bad("leaderboard?tz=Mars/Olympus_Mons", "tz must be an IANA time zone")
      await bad("leaderboard?by=likes", "by")
      await bad("leaderboard?limit=0", "limit")
      await bad("leaderboard?limit=101", "limit")
      await bad("products?order=-title", "order must be one of sales, quantity, orders, commissions")
      await bad("conversion?offset=-1", "offset")
      await bad("summary?currency_code=yuan", "currency_code must be a three-letter ISO 4217 code")
      await bad("summary?format=xml", "format")
      await bad("summary?colour=red", "colour")
    })

    it("is for admins only", async () => {
      for (const path of ["summary", "timeseries", "leaderboard", "products", "conversion"]) {
        expect((await failure(api.get(`${R}/${path}`))).status).toBe(401)
        expect((await failure(api.get(`${R}/${path}`, people.c))).status).toBe(401)
      }
    })
  },
})
