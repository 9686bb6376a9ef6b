import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { TestEventUtils } from "@medusajs/test-utils"
import { anonymous, createAdmin, Headers, registerCustomer } from "../helpers/auth"
import { Distributor, failure, makeDistributor, service, uniqueEmail, updateSettings } from "../helpers/distribution"
import { failAuditWrites } from "../helpers/faults"
import { deliverOrder, returnItems } from "../helpers/fulfilment"
import { seedShop, Shop } from "../helpers/orders"
import { orderAndCredit, threeLevelProgramme } from "../helpers/programme"
import { reviewWithdrawalWorkflow, settleDueCommissionsWorkflow } from "../../src/workflows"

jest.setTimeout(300_000)

const DAY = 24 * 60 * 60 * 1000
const BANK = { holder_name: "张小明", bank_name: "招商银行", account_number: "6225 8801 2345 6789", branch: "杭州分行" }
const ACCOUNT_DIGITS = "6225880123456789"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Shop
    let admin: Headers

    beforeAll(async () => {
      shop = await seedShop(getContainer())
      admin = await createAdmin(getContainer())
    })

    beforeEach(async () => {
      await updateSettings(api, admin, {
        application_mode: "auto",
        min_withdrawal: 100,
        withdrawal_fee_bps: 0,
        withdrawal_methods: ["bank", "alipay", "wechat"],
      })
    })

    const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const ctx = () => ({ pk: shop.pk, admin })

    /** A distributor whose available balance an admin has credited (an audited manual adjustment). */
    async function fundedDistributor(name: string, amount: number): Promise<Distributor> {
      const d = await makeDistributor(api, ctx(), { name })
      await api.post(
        `/admin/distribution/distributors/${d.distributor_id}/adjustments`,
        { amount, currency_code: "cny", reason: "活动奖励入账" },
        admin
      )
      return d
    }

    const balances = async (d: Distributor) => {
      const { data } = await api.get("/store/distribution/me", d)
      const b = data.balances.find((x: { currency_code: string }) => x.currency_code === "cny")
      return { available: b.available, held: b.held, withdrawn: b.withdrawn, debt: b.debt }
    }

    const request = (d: Distributor, body: Record<string, unknown>) =>
      api.post("/store/distribution/withdrawals", { method: "bank", account: BANK, ...body }, d)

    const ledgerOf = async (distributorId: string) =>
      (
        await pg().raw(
          `select kind, amount::text as amount, reference_id from distribution_ledger_entry
            where distributor_id = ? order by created_at, id`,
          [distributorId]
        )
      ).rows as { kind: string; amount: string; reference_id: string }[]

    it("calls a withdrawalPaid hook handler once, after the payment is recorded, and not on approval", async () => {
      const calls: Record<string, unknown>[] = []
      reviewWithdrawalWorkflow.hooks.withdrawalPaid(async (input) => {
        calls.push(input)
      })
      const d = await fundedDistributor("Qian", 500)
      const { withdrawal } = (await request(d, { amount: 150.5 })).data
      await api.post(`/admin/distribution/withdrawals/${withdrawal.id}/approve`, {}, admin)
      expect(calls).toEqual([])
      await api.post(`/admin/distribution/withdrawals/${withdrawal.id}/pay`, { transaction_reference: "CMB-HOOK-1" }, admin)
      expect(calls).toEqual([
        { id: withdrawal.id, distributor_id: d.distributor_id, amount: "150.5", currency_code: "cny", transaction_reference: "CMB-HOOK-1" },
      ])
    })

    it("takes at most 60 withdrawal requests a minute from one customer: the next gets 429 and holds nothing; others are not held up", async () => {
      const d = await fundedDistributor("Sun", 300)
      const other = await fundedDistributor("Lin", 300)
      // Below the minimum: refused by the rules, each still a request that counts.
      const first = await failure(request(d, { amount: 1 }))
      expect([first.status, first.headers["ratelimit-limit"], first.headers["ratelimit-remaining"]]).toEqual([400, "60", "59"])
      for (let n = 0; n < 59; n++) {
        expect((await failure(request(d, { amount: 1 }))).status).toBe(400)
      }
      const limited = await failure(request(d, { amount: 100 }))
      expect(limited.status).toBe(429)
      expect(Number(limited.headers["retry-after"])).toBeGreaterThanOrEqual(1)
      expect(limited.data.message).toMatch(/^Too many withdrawal requests: at most 60 in 60 seconds\. Try again in \d+ seconds?\.$/)
      expect(await balances(d)).toEqual({ available: "300.00", held: "0.00", withdrawn: "0.00", debt: "0.00" })
      expect((await request(other, { amount: 100 })).status).toBe(201)
    })

    it("says so when a search names more distributors than it can take, instead of leaving some out", async () => {
      const d = await fundedDistributor("Weinarrow", 300)
      await request(d, { amount: 120 })
      // 501 distributors named "Crowd …" (rows as the tree writes them; no withdrawals of their own).
      await pg().raw(
        `with d as (
           insert into distribution_distributor (id, customer_id, email, display_name, referral_code, status)
           select 'dist_crowd_' || n, 'cus_crowd_' || n, 'crowd' || n || '@example.com', 'Crowd ' || n, 'CRW' || n, 'active'
             from generate_series(1, 501) n
           returning id, created_at)
         insert into distribution_distributor_tree (id, path, depth, created_at)
         select id, '/' || id || '/', 0, created_at from d`
      )
      const broad = await failure(api.get("/admin/distribution/withdrawals?q=Crowd", admin))
      expect([broad.status, broad.data.message]).toEqual([
        400,
        'q "Crowd" matches more than 500 distributors: search by a referral code, an e-mail or more of a name, or filter by distributor_id',
      ])
      const narrow = await api.get("/admin/distribution/withdrawals?q=Weinarrow", admin)
      expect(narrow.data.withdrawals.map((w: { distributor_id: string }) => w.distributor_id)).toEqual([d.distributor_id])
    })

    it("a bank account without its branch is masked with the branch null", async () => {
      const d = await fundedDistributor("Zhou", 300)
      const { branch: _branch, ...noBranch } = BANK
      const res = await request(d, { amount: 100, account: noBranch })
      expect([res.status, res.data.withdrawal.account]).toEqual([
        201,
        { holder_name: "张*明", bank_name: "招商银行", branch: null, account_number: "****6789" },
      ])
      expect(await balances(d)).toEqual({ available: "200.00", held: "100.00", withdrawn: "0.00", debt: "0.00" })
    })

    it("holds, pays and releases with exact balances at every step, audited and announced", async () => {
      await updateSettings(api, admin, { withdrawal_fee_bps: 60 }) // 0.6 %
      const d = await fundedDistributor("Wang", 1000)
      expect(await balances(d)).toEqual({ available: "1000.00", held: "0.00", withdrawn: "0.00", debt: "0.00" })

      const events = TestEventUtils.waitSubscribersExecution(
        "distribution.withdrawal.requested",
        getContainer().resolve(Modules.EVENT_BUS)
      )
      const first = await request(d, { amount: "333.33", note: "十一月佣金" })
      expect(first.status).toBe(201)
      // net = 333.33 × 0.994 = 331.33002 → 331.33 (rounded down); fee = the rest.
      expect(first.data.withdrawal).toMatchObject({
        status: "requested",
        amount: "333.33",
        fee_bps: 60,
        fee: "2.00",
        net_amount: "331.33",
        currency_code: "cny",
        method: "bank",
        note: "十一月佣金",
        account: { holder_name: "张*明", bank_name: "招商银行", branch: "杭州分行", account_number: "****6789" },
      })
      expect(first.data.withdrawal.payout_account).toBeUndefined()
      await events

      expect(await balances(d)).toEqual({ available: "666.67", held: "333.33", withdrawn: "0.00", debt: "0.00" })

      const id = first.data.withdrawal.id
      const approved = await api.post(`/admin/distribution/withdrawals/${id}/approve`, {}, admin)
      expect(approved.data.withdrawal).toMatchObject({ status: "approved", approved_by: admin.user_id })
      expect(await balances(d)).toEqual({ available: "666.67", held: "333.33", withdrawn: "0.00", debt: "0.00" })

      const noReference = await failure(api.post(`/admin/distribution/withdrawals/${id}/pay`, {}, admin))
      expect(noReference.status).toBe(400)
      expect(noReference.data.message).toContain("Field 'transaction_reference' is required")

      const paid = await api.post(`/admin/distribution/withdrawals/${id}/pay`, { transaction_reference: "CMB20261126-0001" }, admin)
      expect(paid.data.withdrawal).toMatchObject({ status: "paid", transaction_reference: "CMB20261126-0001", paid_by: admin.user_id })
      expect(await balances(d)).toEqual({ available: "666.67", held: "0.00", withdrawn: "333.33", debt: "0.00" })

      // 100.01 × 0.994 = 99.40994 → net 99.40, fee 0.61.
      const second = await request(d, { amount: 100.01, method: "alipay", account: { account: "13912345678", real_name: "王芳" } })
      expect(second.data.withdrawal).toMatchObject({ fee: "0.61", net_amount: "99.40", account: { account: "139****5678", real_name: "王*" } })
      expect(await balances(d)).toEqual({ available: "566.66", held: "100.01", withdrawn: "333.33", debt: "0.00" })
      const rejected = await api.post(
        `/admin/distribution/withdrawals/${second.data.withdrawal.id}/reject`,
        { reason: "支付宝实名与申请人不一致" },
        admin
      )
      expect(rejected.data.withdrawal).toMatchObject({ status: "rejected", reject_reason: "支付宝实名与申请人不一致" })
      expect(await balances(d)).toEqual({ available: "666.67", held: "0.00", withdrawn: "333.33", debt: "0.00" })

      // An approved request can still be rejected: its hold comes back too.
      const third = await request(d, { amount: 200 })
      await api.post(`/admin/distribution/withdrawals/${third.data.withdrawal.id}/approve`, {}, admin)
      await api.post(`/admin/distribution/withdrawals/${third.data.withdrawal.id}/reject`, { reason: "账户已冻结" }, admin)
      expect(await balances(d)).toEqual({ available: "666.67", held: "0.00", withdrawn: "333.33", debt: "0.00" })

      expect(await ledgerOf(d.distributor_id)).toEqual([
        expect.objectContaining({ kind: "manual_adjustment", amount: "1000" }),
        { kind: "withdrawal_held", amount: "-333.33", reference_id: id },
        { kind: "withdrawal_paid", amount: "333.33", reference_id: id },
        { kind: "withdrawal_held", amount: "-100.01", reference_id: second.data.withdrawal.id },
        { kind: "withdrawal_released", amount: "100.01", reference_id: second.data.withdrawal.id },
        { kind: "withdrawal_held", amount: "-200", reference_id: third.data.withdrawal.id },
        { kind: "withdrawal_released", amount: "200", reference_id: third.data.withdrawal.id },
      ])
      const audit = await service(getContainer()).listDistributionAuditLogs(
        { entity_type: "withdrawal" },
        { order: { created_at: "ASC" } }
      )
      expect(audit.map((a) => `${a.action}:${a.actor_type}`)).toEqual([
        "withdrawal.request:customer",
        "withdrawal.approve:admin",
        "withdrawal.pay:admin",
        "withdrawal.request:customer",
        "withdrawal.reject:admin",
        "withdrawal.request:customer",
        "withdrawal.approve:admin",
        "withdrawal.reject:admin",
      ])
      const reconcile = await api.post("/admin/distribution/reconcile", {}, admin)
      expect(reconcile.data.wallet_mismatches).toEqual([])

      const detail = await api.get(`/admin/distribution/withdrawals/${id}`, admin)
      expect(detail.data.withdrawal.distributor).toMatchObject({ id: d.distributor_id, referral_code: d.code })
      expect(detail.data.ledger.map((e: { kind: string }) => e.kind)).toEqual(["withdrawal_held", "withdrawal_paid"])
      expect(detail.data.audit.map((a: { action: string }) => a.action)).toEqual(["withdrawal.request", "withdrawal.approve", "withdrawal.pay"])

      const mine = await api.get("/store/distribution/withdrawals?status=rejected", d)
      expect(mine.data.count).toBe(2)
      const one = await api.get(`/store/distribution/withdrawals/${id}`, d)
      expect(one.data.withdrawal).toMatchObject({ id, status: "paid", amount: "333.33", net_amount: "331.33" })
    })

    it("refuses what the programme's rules do not allow, with a clear 4xx, and changes nothing", async () => {
      const d = await fundedDistributor("Zhao", 500)
      const expectRefusal = async (body: Record<string, unknown>, status: number, message: string) => {
        const response = await failure(request(d, body))
        expect(response.status).toBe(status)
        expect(response.data.message).toContain(message)
      }
      await expectRefusal({ amount: 99.99 }, 400, "The minimum withdrawal is ¥100.00")
      await expectRefusal({ amount: 500.01 }, 400, "¥500.01 is more than your available balance of ¥500.00")
      await expectRefusal({ amount: "100.005" }, 400, "100.005 has more decimals than CNY allows (2)")
      await expectRefusal({ amount: -5 }, 400, "amount must be a positive number")
      await expectRefusal({ amount: "abc" }, 400, "amount must be a positive number")
      await expectRefusal({ amount: 200, method: "paypal", account: { email: "zhao@example.com" } }, 400, "Withdrawals by paypal are not offered; choose one of: bank, alipay, wechat")
      await expectRefusal({ amount: 200, method: "cash" }, 400, "method must be one of")
      await expectRefusal({ amount: 200, account: { ...BANK, account_number: "6225-88XX" } }, 400, "account.account_number must be 8 to 30 digits")
      await expectRefusal({ amount: 200, account: { bank_name: "招商银行", account_number: ACCOUNT_DIGITS } }, 400, "Field 'account, holder_name' is required")
      await expectRefusal({ amount: 200, method: "alipay", account: { account: "not-a-phone", real_name: "赵" } }, 400, "Alipay phone number (11 digits) or e-mail")
      await expectRefusal({ amount: 200, currency_code: "usd" }, 400, "more than your available balance of US$0.00")

      await updateSettings(api, admin, { min_withdrawal: 50, withdrawal_methods: ["bank", "paypal"] })
      const paypal = await request(d, { amount: 50, method: "paypal", account: { email: "zhao.li@example.com" } })
      expect(paypal.status).toBe(201)
      expect(paypal.data.withdrawal.account).toEqual({ email: "z***@example.com" })

      await api.post(`/admin/distribution/distributors/${d.distributor_id}/suspend`, { reason: "刷单调查" }, admin)
      await expectRefusal({ amount: 100 }, 400, "Only an active distributor can withdraw; this one is suspended")
      expect(await balances(d)).toEqual({ available: "450.00", held: "50.00", withdrawn: "0.00", debt: "0.00" })
      const { rows } = await pg().raw("select count(*)::int as n from distribution_withdrawal where distributor_id = ?", [d.distributor_id])
      expect(rows[0].n).toBe(1)

      const customer = await registerCustomer(api, shop.pk, { email: uniqueEmail("shopper") })
      const notADistributor = await failure(request(customer as unknown as Distributor, { amount: 100 }))
      expect(notADistributor.status).toBe(404)
      expect(notADistributor.data.message).toBe("You are not a distributor")
    })

    it("takes a manual adjustment only to its currency's minor unit and in a currency the store sells in; a refusal writes nothing", async () => {
      const d = await fundedDistributor("Qian", 5.22)
      const written = async () => ({
        ledger: (await pg().raw("select id, kind, currency_code, amount::text as amount from distribution_ledger_entry where distributor_id = ? order by id", [d.distributor_id])).rows,
        wallets: (await pg().raw("select currency_code, available::text as available from distribution_wallet where distributor_id = ? order by currency_code", [d.distributor_id])).rows,
        audit: (await service(getContainer()).listDistributionAuditLogs({ action: "ledger.adjust" })).length,
      })
      const before = await written()
      expect(before.ledger).toEqual([expect.objectContaining({ kind: "manual_adjustment", currency_code: "cny", amount: "5.22" })])
      for (const [body, message] of [
        [{ amount: 0.1 + 0.2, currency_code: "cny" }, "Invalid request: amount 0.30000000000000004 has more decimals than any currency allows (3)"],
        [{ amount: 0.001, currency_code: "cny" }, "amount 0.001 has more decimals than CNY allows (2)"],
        [{ amount: -0.005, currency_code: "hkd" }, "amount -0.005 has more decimals than HKD allows (2)"],
        [{ amount: 1, currency_code: "zzz" }, "currency_code zzz is not a currency of the store; use one of: cny, hkd"],
        [{ amount: 1500, currency_code: "JPY" }, "currency_code jpy is not a currency of the store; use one of: cny, hkd"],
      ] as const) {
        const refused = await failure(
          api.post(`/admin/distribution/distributors/${d.distributor_id}/adjustments`, { ...body, reason: "补差" }, admin)
        )
        expect([refused.status, refused.data.message]).toEqual([400, message])
      }
      expect(await written()).toEqual(before)
      expect(await balances(d)).toEqual({ available: "5.22", held: "0.00", withdrawn: "0.00", debt: "0.00" })
    })

    it("blocks withdrawals while a clawback after a return leaves the balance in debt", async () => {
      const container = getContainer()
      await updateSettings(api, admin, { min_withdrawal: 10 })
      const { c } = await threeLevelProgramme(api, container, shop, admin)
      await updateSettings(api, admin, { min_withdrawal: 10 })
      const buyer = await registerCustomer(api, shop.pk, { email: uniqueEmail("buyer") })
      await api.post("/store/distribution/bind", { referral_code: c.code }, buyer)
      const placed = await orderAndCredit(api, container, shop, buyer)
      await deliverOrder(api, container, admin, placed.id)
      await settleDueCommissionsWorkflow(container).run({ input: { now: new Date(Date.now() + 8 * DAY) } })
      // C earned 51.96 (serum) + 7.19 (rice) + 23.70 (totes) = 82.85.
      const dist = c as Distributor
      expect(await balances(dist)).toEqual({ available: "82.85", held: "0.00", withdrawn: "0.00", debt: "0.00" })

      const w = await request(dist, { amount: 80 })
      await api.post(`/admin/distribution/withdrawals/${w.data.withdrawal.id}/approve`, {}, admin)
      await api.post(`/admin/distribution/withdrawals/${w.data.withdrawal.id}/pay`, { transaction_reference: "CMB-80" }, admin)
      expect(await balances(dist)).toEqual({ available: "2.85", held: "0.00", withdrawn: "80.00", debt: "0.00" })

      // Both serums come back: C's 51.96 on them is clawed back from a balance of 2.85.
      const serum = placed.items.find((i) => i.variant_sku === "SERUM-30")!
      await returnItems(api, container, admin, placed.id, [{ id: serum.id, quantity: 2 }])
      expect(await balances(dist)).toEqual({ available: "-49.11", held: "0.00", withdrawn: "80.00", debt: "49.11" })

      const blocked = await failure(request(dist, { amount: 10 }))
      expect(blocked.status).toBe(400)
      expect(blocked.data.message).toContain("Your balance is in debt (-¥49.11)")

      await api.post(
        `/admin/distribution/distributors/${c.distributor_id}/adjustments`,
        { amount: 60, currency_code: "cny", reason: "线下补缴欠款" },
        admin
      )
      expect(await balances(dist)).toEqual({ available: "10.89", held: "0.00", withdrawn: "80.00", debt: "0.00" })
      const again = await request(dist, { amount: 10 })
      expect(again.status).toBe(201)

      // The admin's ledger says what each entry is about: the order by its number, the withdrawal by its id.
      const { data: order } = await api.get(`/admin/orders/${placed.id}?fields=display_id`, admin)
      const { data: ledger } = await api.get(`/admin/distribution/distributors/${c.distributor_id}/ledger`, admin)
      expect(
        ledger.entries.map((e: { kind: string; order: { display_id: number } | null; withdrawal: { id: string; status: string } | null; reason: string | null }) => [
          e.kind,
          e.order?.display_id ?? null,
          e.withdrawal ? [e.withdrawal.id, e.withdrawal.status] : null,
          e.kind === "manual_adjustment" ? e.reason : null,
        ])
      ).toEqual([
        ["withdrawal_held", null, [again.data.withdrawal.id, "requested"], null],
        ["manual_adjustment", null, null, "线下补缴欠款"],
        ["commission_clawed_back", order.order.display_id, null, null],
        ["withdrawal_paid", null, [w.data.withdrawal.id, "paid"], null],
        ["withdrawal_held", null, [w.data.withdrawal.id, "paid"], null],
        ...Array(3).fill(["commission_settled", order.order.display_id, null, null]),
      ])
    })

    it("lets exactly 10 of 50 concurrent requests through a balance that covers 10, never overdrawn", async () => {
      const d = await fundedDistributor("Chen", 1000)
      const responses = await Promise.all(
        Array.from({ length: 50 }, () => request(d, { amount: 100 }).catch((e) => e.response))
      )
      const ok = responses.filter((r) => r.status === 201)
      const refused = responses.filter((r) => r.status !== 201)
      expect(ok).toHaveLength(10)
      expect(refused).toHaveLength(40)
      expect(refused.every((r) => r.status === 400 && r.data.message === "¥100.00 is more than your available balance of ¥0.00.")).toBe(true)
      expect(await balances(d)).toEqual({ available: "0.00", held: "1000.00", withdrawn: "0.00", debt: "0.00" })

      const ledger = await ledgerOf(d.distributor_id)
      expect(ledger.filter((e) => e.kind === "withdrawal_held").map((e) => e.amount)).toEqual(Array(10).fill("-100"))
      // Replaying the ledger in commit order, the balance never dips below zero.
      const { rows } = await pg().raw(
        `select min(running)::text as lowest, sum(amount)::text as total from (
           select amount, sum(amount) over (order by xmin::text::bigint, id) as running
             from distribution_ledger_entry where distributor_id = ?) l`,
        [d.distributor_id]
      )
      expect(Number(rows[0].lowest)).toBeGreaterThanOrEqual(0)
      expect(rows[0].total).toBe("0")
      const { rows: withdrawals } = await pg().raw(
        "select count(*)::int as n, sum(amount)::text as total from distribution_withdrawal where distributor_id = ?",
        [d.distributor_id]
      )
      expect(withdrawals[0]).toEqual({ n: 10, total: "1000" })
    })

    it("answers a retried request with the first one, however often and concurrently it is sent", async () => {
      const d = await fundedDistributor("Liu", 300)
      const key = "retry-2026-11-26-liu"
      const responses = await Promise.all(Array.from({ length: 5 }, () => request(d, { amount: 120, idempotency_key: key })))
      expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201])
      expect(new Set(responses.map((r) => r.data.withdrawal.id)).size).toBe(1)
      expect(await balances(d)).toEqual({ available: "180.00", held: "120.00", withdrawn: "0.00", debt: "0.00" })
      const again = await request(d, { amount: 120, idempotency_key: key })
      expect(again.status).toBe(200)
      expect(await balances(d)).toEqual({ available: "180.00", held: "120.00", withdrawn: "0.00", debt: "0.00" })
    })

    describe("manual adjustments", () => {
      const adjust = (d: Distributor, body: Record<string, unknown>) =>
        api.post(`/admin/distribution/distributors/${d.distributor_id}/adjustments`, { currency_code: "cny", ...body }, admin)
      const adjustments = async (d: Distributor) =>
        (await ledgerOf(d.distributor_id)).filter((e) => e.kind === "manual_adjustment")
      const auditsOf = async (d: Distributor) =>
        (await pg().raw("select count(*)::int as n from distribution_audit_log where action = 'ledger.adjust' and entity_id = ?", [d.distributor_id]))
          .rows[0].n

      it("scopes a key to its distributor, answers concurrent retries with one entry, and refuses the key for another adjustment with 409", async () => {
        const [d, other] = [await makeDistributor(api, ctx(), { name: "Tang" }), await makeDistributor(api, ctx(), { name: "Song" })]
        const body = { amount: 88.88, reason: "双十一活动奖励", idempotency_key: "bonus-2026-11-11" }
        const retries = await Promise.all(Array.from({ length: 6 }, () => adjust(d, body)))
        expect(retries.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201])
        expect(new Set(retries.map((r) => r.data.entry_id)).size).toBe(1)
        expect(await adjustments(d)).toEqual([
          { kind: "manual_adjustment", amount: "88.88", reference_id: `${d.distributor_id}:bonus-2026-11-11` },
        ])
        expect(await auditsOf(d)).toBe(1)

        const theirs = await adjust(other, body)
        expect(theirs.status).toBe(201)
        expect(theirs.data.entry_id).not.toBe(retries[0].data.entry_id)
        expect(await balances(other)).toMatchObject({ available: "88.88" })

        const reused = await failure(adjust(d, { ...body, amount: 99 }))
        expect(reused.status).toBe(409)
        expect(reused.data.message).toBe(
          "The idempotency key bonus-2026-11-11 was already used for another adjustment (its amount differs): send the same request to get its result, or use a new key for a new adjustment."
        )
        expect(await adjustments(d)).toHaveLength(1)
        expect(await balances(d)).toMatchObject({ available: "88.88" })
      })

      it("moves no money when its audit row cannot be written, so a retry pays once", async () => {
        const d = await fundedDistributor("Xu", 100)
        const before = { balances: await balances(d), ledger: await ledgerOf(d.distributor_id), audits: await auditsOf(d) }
        const restore = await failAuditWrites(getContainer())
        // A server error, which the OpenAPI document rightly does not describe.
        const fault = adjust(d, { amount: 50, reason: "补发", idempotency_key: "refill-0001" })
        await expect(fault).rejects.toThrow(/ → 500: status 500 is not documented/)
        await restore()
        expect(await balances(d)).toEqual(before.balances)
        expect(await ledgerOf(d.distributor_id)).toEqual(before.ledger)
        expect(await auditsOf(d)).toBe(before.audits)

        const retry = await adjust(d, { amount: 50, reason: "补发", idempotency_key: "refill-0001" })
        expect(retry.status).toBe(201)
        expect(await balances(d)).toMatchObject({ available: "150.00" })
        expect(await auditsOf(d)).toBe(before.audits + 1)
      })
    })

    it("scopes a key to its distributor, and refuses it with 409 when it comes back with another request", async () => {
      const [d, other] = [await fundedDistributor("Hu", 500), await fundedDistributor("Ma", 500)]
      const key = "payout-2026-11-27-0001"
      const first = await request(d, { amount: 120, idempotency_key: key })
      const theirs = await request(other, { amount: 150, idempotency_key: key })
      expect([first.status, theirs.status]).toEqual([201, 201])
      expect(theirs.data.withdrawal).toMatchObject({ amount: "150.00", status: "requested" })
      expect(await balances(other)).toEqual({ available: "350.00", held: "150.00", withdrawn: "0.00", debt: "0.00" })

      const reused = await failure(request(d, { amount: 130, idempotency_key: key }))
      expect(reused.status).toBe(409)
      expect(reused.data.message).toBe(
        `The idempotency key ${key} was already used for another withdrawal request (its amount differs): send the same request to get its result, or use a new key for a new withdrawal request.`
      )
      const elsewhere = await failure(request(d, { amount: 120, method: "alipay", account: { account: "13800138000", real_name: "胡" }, idempotency_key: key }))
      expect(elsewhere.status).toBe(409)
      expect(elsewhere.data.message).toContain("(its method, account differ)")
      const same = await request(d, { amount: 120, idempotency_key: key })
      expect(same.status).toBe(200)
      expect(same.data.withdrawal.id).toBe(first.data.withdrawal.id)
      expect(await balances(d)).toEqual({ available: "380.00", held: "120.00", withdrawn: "0.00", debt: "0.00" })
      expect(await ledgerOf(d.distributor_id)).toHaveLength(2)
    })

    it("holds nothing and writes no request when its audit row cannot be written", async () => {
      const d = await fundedDistributor("Lu", 500)
      const before = { balances: await balances(d), ledger: await ledgerOf(d.distributor_id) }
      const audits = async () => (await pg().raw("select count(*)::int as n from distribution_audit_log")).rows[0].n
      const auditsBefore = await audits()
      const restore = await failAuditWrites(getContainer())
      const fault = request(d, { amount: 200, idempotency_key: "audit-fault-0001" })
      await expect(fault).rejects.toThrow(/ → 500: status 500 is not documented/)
      await restore()
      expect(await balances(d)).toEqual(before.balances)
      expect(await ledgerOf(d.distributor_id)).toEqual(before.ledger)
      expect(await audits()).toBe(auditsBefore)
      const { rows } = await pg().raw("select count(*)::int as n from distribution_withdrawal where distributor_id = ?", [d.distributor_id])
      expect(rows[0].n).toBe(0)
      // The retry, once the audit works again, is the first real request.
      expect((await request(d, { amount: 200, idempotency_key: "audit-fault-0001" })).status).toBe(201)
    })

    it("lets exactly one of concurrent decisions win, and refuses illegal transitions with 409", async () => {
      const d = await fundedDistributor("Sun", 2000)
      const decide = (id: string, action: string, body: Record<string, unknown> = {}) =>
        api.post(`/admin/distribution/withdrawals/${id}/${action}`, body, admin).catch((e) => e.response)
      // An approved request is either paid or rejected, never both.
      for (let round = 0; round < 3; round++) {
        const id = (await request(d, { amount: 100 })).data.withdrawal.id
        await decide(id, "approve")
        const [pay, reject] = await Promise.all([
          decide(id, "pay", { transaction_reference: `TX-${round}` }),
          decide(id, "reject", { reason: "银行退票" }),
        ])
        expect([pay.status, reject.status].sort()).toEqual([200, 409])
        const final = (await api.get(`/admin/distribution/withdrawals/${id}`, admin)).data
        expect(final.withdrawal.status).toBe(pay.status === 200 ? "paid" : "rejected")
        expect((pay.status === 409 ? pay : reject).data.message).toMatch(/^This withdrawal is already (paid|rejected)/)
        expect(final.ledger.map((e: { kind: string }) => e.kind)).toEqual([
          "withdrawal_held",
          pay.status === 200 ? "withdrawal_paid" : "withdrawal_released",
        ])
      }
      // Five admins approving at once: one approval, four conflicts.
      const id5 = (await request(d, { amount: 100 })).data.withdrawal.id
      const approvals = await Promise.all(Array.from({ length: 5 }, () => decide(id5, "approve")))
      expect(approvals.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409])
      // Approve racing reject on a new request: whichever commits first decides. If the approval
      // came first the rejection still applies (an approved request may be rejected), so the
      // hold is released exactly once either way.
      const idr = (await request(d, { amount: 100 })).data.withdrawal.id
      const [approve, reject] = await Promise.all([decide(idr, "approve"), decide(idr, "reject", { reason: "重复申请" })])
      expect(reject.status).toBe(200)
      expect([200, 409]).toContain(approve.status)
      const raced = (await api.get(`/admin/distribution/withdrawals/${idr}`, admin)).data
      expect(raced.withdrawal.status).toBe("rejected")
      expect(raced.ledger.map((e: { kind: string }) => e.kind)).toEqual(["withdrawal_held", "withdrawal_released"])
      expect(raced.audit.map((a: { action: string }) => a.action)).toEqual(
        approve.status === 200 ? ["withdrawal.request", "withdrawal.approve", "withdrawal.reject"] : ["withdrawal.request", "withdrawal.reject"]
      )

      const { data } = await request(d, { amount: 100 })
      const id = data.withdrawal.id
      const payRequested = await failure(api.post(`/admin/distribution/withdrawals/${id}/pay`, { transaction_reference: "X-1" }, admin))
      expect(payRequested.status).toBe(409)
      expect(payRequested.data.message).toBe("This withdrawal is already requested: only a approved withdrawal can be marked paid.")
      await api.post(`/admin/distribution/withdrawals/${id}/approve`, {}, admin)
      await api.post(`/admin/distribution/withdrawals/${id}/pay`, { transaction_reference: "X-2" }, admin)
      const before = await balances(d)
      for (const [action, body] of [["approve", {}], ["reject", { reason: "晚了" }], ["pay", { transaction_reference: "X-3" }]] as const) {
        const r = await failure(api.post(`/admin/distribution/withdrawals/${id}/${action}`, body, admin))
        expect(r.status).toBe(409)
        expect(r.data.message).toContain("This withdrawal is already paid")
      }
      expect(await balances(d)).toEqual(before)
      const unknown = await failure(api.post(`/admin/distribution/withdrawals/dwdr_missing/approve`, {}, admin))
      expect(unknown.status).toBe(404)
    })

    it("approves and pays in bulk, reporting the ones that cannot move, and filters the queue", async () => {
      const d1 = await fundedDistributor("Zhou", 1000)
      const d2 = await fundedDistributor("Wu", 1000)
      const a = (await request(d1, { amount: 100 })).data.withdrawal.id
      const b = (await request(d1, { amount: 250, method: "wechat", account: { account: "wxid_zhou88", real_name: "周杰" } })).data.withdrawal.id
      const c = (await request(d2, { amount: 400 })).data.withdrawal.id
      await api.post(`/admin/distribution/withdrawals/${c}/reject`, { reason: "资料不全" }, admin)

      const bulk = await api.post("/admin/distribution/withdrawals/bulk-approve", { ids: [a, b, c, "dwdr_nope"] }, admin)
      expect(bulk.data).toMatchObject({ succeeded: 2, failed: 2 })
      expect(bulk.data.results).toEqual([
        { id: a, ok: true, status: "approved" },
        { id: b, ok: true, status: "approved" },
        { id: c, ok: false, message: "This withdrawal is already rejected: only a requested withdrawal can be approved." },
        { id: "dwdr_nope", ok: false, message: "Withdrawal dwdr_nope was not found" },
      ])
      const paid = await api.post("/admin/distribution/withdrawals/bulk-pay", { ids: [a, b], transaction_reference: "BATCH-20261126" }, admin)
      expect(paid.data).toMatchObject({ succeeded: 2, failed: 0 })
      expect(await balances(d1)).toEqual({ available: "650.00", held: "0.00", withdrawn: "350.00", debt: "0.00" })

      const list = async (q: string) => (await api.get(`/admin/distribution/withdrawals?${q}`, admin)).data
      expect((await list(`distributor_id=${d1.distributor_id}`)).count).toBe(2)
      expect((await list(`distributor_id=${d1.distributor_id}&method=wechat`)).withdrawals.map((w: { id: string }) => w.id)).toEqual([b])
      expect((await list(`status=rejected&distributor_id=${d2.distributor_id}`)).withdrawals[0]).toMatchObject({
        id: c,
        amount: "400.00",
        distributor: { id: d2.distributor_id, referral_code: d2.code },
      })
      expect((await list(`q=${d2.code}`)).withdrawals.map((w: { id: string }) => w.id)).toEqual([c])
      // A code's beginning, typed in lower case, finds it too.
      expect((await list(`q=${d2.code.slice(0, 5).toLowerCase()}`)).withdrawals.map((w: { id: string }) => w.id)).toEqual([c])
      expect((await list("q=BATCH-20261126")).withdrawals.map((w: { id: string }) => w.id).sort()).toEqual([a, b].sort())
      const ranged = await list(`distributor_id=${d1.distributor_id}&amount_min=200&amount_max=300&order=amount`)
      expect(ranged.withdrawals.map((w: { id: string }) => w.id)).toEqual([b])
      for (const bad of ["status=gone", "amount_min=5&amount_max=1", "order=payout_account", "limit=0", "from=yesterday"]) {
        expect((await failure(api.get(`/admin/distribution/withdrawals?${bad}`, admin))).status).toBe(400)
      }
      expect((await failure(api.post("/admin/distribution/withdrawals/bulk-approve", { ids: [] }, admin))).status).toBe(400)
    })

    it("keeps the account number out of the database row, every response and the logs; only the audited export has it", async () => {
      // Everything the server logs goes through its logger; record every call made during the flow.
      const logger = getContainer().resolve(ContainerRegistrationKeys.LOGGER)
      const spies = (["info", "warn", "error", "debug", "log", "http", "verbose"] as const)
        .filter((level) => typeof (logger as unknown as Record<string, unknown>)[level] === "function")
        .map((level) => jest.spyOn(logger as unknown as Record<string, (...a: unknown[]) => unknown>, level))
      const printed: string[] = []
      let created: { data: { withdrawal: { id: string } } }
      let d: Distributor
      try {
        d = await fundedDistributor("Huang", 800)
        created = await request(d, { amount: 300 })
        await failure(request(d, { amount: 30 })) // below the minimum: an error path logs too
        await api.get("/store/distribution/withdrawals", d)
        await api.get(`/admin/distribution/withdrawals`, admin)
        await api.post(`/admin/distribution/withdrawals/${created.data.withdrawal.id}/approve`, {}, admin)
      } finally {
        for (const spy of spies) {
          const text = (a: unknown) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === "string" ? a : JSON.stringify(a))
          printed.push(...spy.mock.calls.map((args) => args.map(text).join(" ")))
          spy.mockRestore()
        }
      }
      const id = created!.data.withdrawal.id
      const responses = [
        JSON.stringify(created!.data),
        JSON.stringify((await api.get("/store/distribution/withdrawals", d!)).data),
        JSON.stringify((await api.get(`/store/distribution/withdrawals/${id}`, d!)).data),
        JSON.stringify((await api.get("/admin/distribution/withdrawals", admin)).data),
        JSON.stringify((await api.get(`/admin/distribution/withdrawals/${id}`, admin)).data),
      ]
      for (const text of [...responses, printed.join("\n")]) {
        expect(text).not.toContain(ACCOUNT_DIGITS)
        expect(text).not.toContain("2345 6789")
        expect(text).not.toContain("张小明")
      }
      expect(printed.length).toBeGreaterThan(0)
      const { rows } = await pg().raw("select row_to_json(w)::text as row, payout_account from distribution_withdrawal w where id = ?", [id])
      expect(rows[0].row).not.toContain(ACCOUNT_DIGITS)
      expect(rows[0].payout_account).toMatch(/^v1:/)
      for (const table of ["distribution_audit_log", "distribution_ledger_entry", "workflow_execution"]) {
        const { rows: leaked } = await pg().raw(`select count(*)::int as n from ${table} t where t::text like ?`, [`%${ACCOUNT_DIGITS}%`])
        expect(leaked[0].n).toBe(0)
      }

      const csv = await api.get("/admin/distribution/withdrawals/export", admin)
      expect(csv.headers["content-type"]).toContain("text/csv")
      const lines = csv.data.replace(/^\uFEFF/, "").trim().split("\r\n")
      expect(lines[0]).toBe(
        "withdrawal_id,requested_at,status,distributor_code,distributor_name,distributor_email,method,payee,bank_name,branch,account,currency_code,amount,fee,net_amount,approved_at"
      )
      const line = lines.find((l: string) => l.startsWith(id))!.split(",")
      expect(line.slice(2, 4)).toEqual(["approved", d!.code])
      expect(line.slice(6, 15)).toEqual(["bank", "张小明", "招商银行", "杭州分行", ACCOUNT_DIGITS, "cny", "300.00", "0.00", "300.00"])
      expect(lines.every((l: string, i: number) => i === 0 || l.split(",")[2] === "approved")).toBe(true)
      const exports = await service(getContainer()).listDistributionAuditLogs({ action: "withdrawal.export" })
      expect(exports).toHaveLength(1)
      expect(exports[0]).toMatchObject({ actor_id: admin.user_id, actor_type: "admin" })
      expect((exports[0].data as { withdrawal_ids: string[] }).withdrawal_ids).toContain(id)
    })

    it("exports every matching request, past 10,000 and across batches, as one CSV with one header", async () => {
      const d = await fundedDistributor("Zhou", 500)
      const first = await request(d, { amount: 120 })
      await api.post(`/admin/distribution/withdrawals/${first.data.withdrawal.id}/approve`, {}, admin)
      // 10,050 more approved requests like it, whose ids sort after it as later requests' would.
      await pg().raw(
        `insert into distribution_withdrawal
         select (jsonb_populate_record(w, jsonb_build_object('id', w.id || '_' || lpad(n::text, 5, '0'), 'idempotency_key', null))).*
           from distribution_withdrawal w, generate_series(1, 10050) n where w.id = ?`,
        [first.data.withdrawal.id]
      )

      // As bytes: axios would drop the byte-order mark that a second header would repeat.
      const csv = await api.get(`/admin/distribution/withdrawals/export?distributor_id=${d.distributor_id}`, {
        ...admin,
        responseType: "arraybuffer",
      })
      expect(csv.status).toBe(200)
      expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8")
      expect(csv.headers["content-disposition"]).toMatch(/^attachment; filename="withdrawals-\d{4}-\d{2}-\d{2}\.csv"$/)
      const text = Buffer.from(csv.data).toString("utf8")
      expect(text.startsWith("\uFEFFwithdrawal_id,")).toBe(true)
      expect(text.match(/\uFEFF/g)).toHaveLength(1)
      expect(text.match(/withdrawal_id,requested_at/g)).toHaveLength(1)
      const rows = text.slice(1).split("\r\n").slice(1, -1)
      expect(rows).toHaveLength(10_051)
      const ids = rows.map((r) => r.split(",")[0])
      expect(new Set(ids).size).toBe(10_051)
      expect(ids[0]).toBe(first.data.withdrawal.id)
      expect(ids[10_050]).toBe(`${first.data.withdrawal.id}_10050`)
      expect(rows.every((r) => r.split(",").slice(10, 15).join() === `${ACCOUNT_DIGITS},cny,120.00,0.00,120.00`)).toBe(true)
      const [audit] = await service(getContainer()).listDistributionAuditLogs({ action: "withdrawal.export" })
      expect((audit.data as { count: number }).count).toBe(10_051)
    })

    it("writes the export in batches without repeating or losing a row at their edges", async () => {
      process.env.DISTRIBUTION_EXPORT_BATCH_SIZE = "2"
      try {
        const d = await fundedDistributor("Qian", 1000)
        const requested: string[] = []
        for (let i = 0; i < 5; i++) {
          requested.push((await request(d, { amount: 100 + i })).data.withdrawal.id)
        }
        const csv = await api.get(`/admin/distribution/withdrawals/export?status=requested&distributor_id=${d.distributor_id}`, admin)
        const lines: string[] = csv.data.trim().split("\r\n")
        expect(lines[0].startsWith("withdrawal_id,")).toBe(true)
        expect(lines.slice(1).map((l) => [l.split(",")[0], l.split(",")[12]])).toEqual(
          requested.map((id, i) => [id, `${100 + i}.00`])
        )
      } finally {
        delete process.env.DISTRIBUTION_EXPORT_BATCH_SIZE
      }
    })

    it("shows a distributor only its own withdrawals: another's is a 404, no login a 401", async () => {
      const owner = await fundedDistributor("Xu", 500)
      const other = await fundedDistributor("He", 500)
      const { data } = await request(owner, { amount: 150 })
      const id = data.withdrawal.id
      expect((await failure(api.get(`/store/distribution/withdrawals/${id}`, other))).status).toBe(404)
      expect((await api.get("/store/distribution/withdrawals", other)).data.count).toBe(0)
      const anon = anonymous(shop.pk)
      expect((await failure(api.get("/store/distribution/withdrawals", anon))).status).toBe(401)
      expect((await failure(api.get(`/store/distribution/withdrawals/${id}`, anon))).status).toBe(401)
      expect((await failure(api.post("/store/distribution/withdrawals", { amount: 100, method: "bank", account: BANK }, anon))).status).toBe(401)
      expect((await failure(api.get("/admin/distribution/withdrawals"))).status).toBe(401)
      expect((await failure(api.post(`/admin/distribution/withdrawals/${id}/approve`, {}))).status).toBe(401)
    })
  },
})
