import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { anonymous, createAdmin, createPublishableKey, Headers, registerCustomer } from "../helpers/auth"
import { failure, makeDistributor, service, uniqueEmail, updateSettings } from "../helpers/distribution"
import { recordEvents } from "../helpers/events"
import { DistributionEvents } from "../../src/modules/distribution/constants"
import { REFERRAL_CODE_ALPHABET } from "../../src/modules/distribution/utils/referral-code"

jest.setTimeout(180_000)

const CODE = new RegExp(`^[${REFERRAL_CODE_ALPHABET}]{7}$`)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let pk: string
    let admin: Headers
    let events: ReturnType<typeof recordEvents>
    const { DISTRIBUTOR_APPLIED, DISTRIBUTOR_APPROVED, DISTRIBUTOR_REJECTED, DISTRIBUTOR_SUSPENDED, DISTRIBUTOR_REINSTATED } =
      DistributionEvents

    beforeAll(async () => {
      const container = getContainer()
      pk = (await createPublishableKey(container)).token
      admin = await createAdmin(container)
    })

    // The real event bus delivers them; the plugin's own subscribers still run.
    beforeEach(() => {
      events = recordEvents(getContainer(), [
        DISTRIBUTOR_APPLIED,
        DISTRIBUTOR_APPROVED,
        DISTRIBUTOR_REJECTED,
        DISTRIBUTOR_SUSPENDED,
        DISTRIBUTOR_REINSTATED,
      ])
    })

    afterEach(() => events.stop())

    const apply = (headers: Headers, body: Record<string, unknown> = {}) =>
      api.post("/store/distribution/apply", { name: "王小明", phone: "13812345678", reason: "朋友圈分享", ...body }, headers)

    describe("applying under review (the default mode)", () => {
      it("creates a pending application without a code, audited and announced", async () => {
        const customer = await registerCustomer(api, pk, { email: uniqueEmail("applicant"), first_name: "小明", last_name: "王" })
        const res = await apply(customer)
        expect(res.status).toBe(201)
        expect(res.data.distributor).toMatchObject({
          status: "pending",
          referral_code: null,
          depth: 0,
          parent_id: null,
          display_name: "小明 王",
          application: { name: "王*明", phone: "138****5678", reason: "朋友圈分享" },
        })
        const svc = service(getContainer())
        const [row] = await svc.listDistributors({ customer_id: customer.id })
        expect(await events.payloads(DISTRIBUTOR_APPLIED)).toEqual([{ id: row.id, customer_id: customer.id, status: "pending" }])
        expect(events.delivered.map((e) => e.name)).toEqual([DISTRIBUTOR_APPLIED])
        expect(row.status).toBe("pending")
        expect(row.application).not.toContain("13812345678")
        const audit = await svc.listDistributionAuditLogs({ entity_id: row.id })
        expect(audit.map((a) => [a.action, a.actor_type, a.actor_id])).toEqual([
          ["distributor.apply", "customer", customer.id],
        ])
      })

      it("refuses a second application with 409 and a clear message, changing nothing", async () => {
        const customer = await registerCustomer(api, pk, { email: uniqueEmail("twice") })
        await apply(customer)
        const res = await failure(apply(customer, { reason: "again" }))
        expect(res.status).toBe(409)
        expect(res.data.message).toBe("You have already applied to the distribution programme (status: pending)")
        const rows = await service(getContainer()).listDistributors({ customer_id: customer.id })
        expect(rows).toHaveLength(1)
        expect(service(getContainer()).readApplication(rows[0])?.reason).toBe("朋友圈分享")
      })

      it("rejects bad input with 400 and creates nothing", async () => {
        const customer = await registerCustomer(api, pk, { email: uniqueEmail("bad") })
        const badPhone = await failure(apply(customer, { phone: "call me maybe" }))
        expect(badPhone.status).toBe(400)
        expect(badPhone.data.message).toContain("phone must be a phone number")
        const unknownField = await failure(apply(customer, { status: "active" }))
        expect(unknownField.status).toBe(400)
        const badCode = await failure(apply(customer, { referral_code: "!!" }))
        expect(badCode.status).toBe(400)
        expect(badCode.data.message).toContain("referral_code is not a valid referral code")
        expect(await service(getContainer()).listDistributors({ customer_id: customer.id })).toHaveLength(0)
      })
    })

    describe("the admin's decisions", () => {
      it("walks every legal transition and refuses every illegal one with 409", async () => {
        const customer = await registerCustomer(api, pk, { email: uniqueEmail("walker") })
        const id = (await apply(customer)).data.distributor.id
        const act = (action: string, body: Record<string, unknown> = {}) =>
          api.post(`/admin/distribution/distributors/${id}/${action}`, body, admin)

        for (const illegal of ["suspend", "reinstate"]) {
          const res = await failure(act(illegal))
          expect(res.status).toBe(409)
          expect(res.data.message).toBe(`Cannot ${illegal} a distributor whose status is pending`)
        }

        const approved = await act("approve")
        expect(approved.data.distributor.status).toBe("active")
        expect(approved.data.distributor.referral_code).toMatch(CODE)
        expect(approved.data.distributor.reviewed_by).toBe(admin.user_id)
        expect(approved.data.distributor.application.phone).toBe("138****5678")
        const code = approved.data.distributor.referral_code

        for (const illegal of ["approve", "reinstate"]) {
          const res = await failure(act(illegal))
          expect(res.status).toBe(409)
          expect(res.data.message).toBe(`Cannot ${illegal} a distributor whose status is active`)
        }
        const rejectActive = await failure(act("reject", { reason: "late" }))
        expect(rejectActive.status).toBe(409)

        const suspended = await act("suspend", { reason: "Spam in group chats" })
        expect(suspended.data.distributor).toMatchObject({ status: "suspended", suspend_reason: "Spam in group chats" })
        expect((await failure(act("suspend"))).status).toBe(409)
        expect((await failure(act("approve"))).status).toBe(409)

        const reinstated = await act("reinstate")
        expect(reinstated.data.distributor).toMatchObject({ status: "active", suspend_reason: null, referral_code: code })

        const audit = await service(getContainer()).listDistributionAuditLogs(
          { entity_id: id },
          { order: { created_at: "ASC" } }
        )
        expect(audit.map((a) => a.action)).toEqual([
          "distributor.apply",
          "distributor.approve",
          "distributor.suspend",
          "distributor.reinstate",
        ])
        expect(audit[2].data).toEqual({ from: "active", to: "suspended", reason: "Spam in group chats" })
        // The programme has no level here, so each decision announces level_id null.
        const decision = { id, customer_id: customer.id, referral_code: code, level_id: null }
        expect(await events.payloads(DISTRIBUTOR_REINSTATED)).toEqual([{ ...decision, status: "active", reason: null }])
        // Each legal decision announced once, in order; the refused ones announced nothing.
        expect(events.delivered).toEqual([
          { name: DISTRIBUTOR_APPLIED, data: { id, customer_id: customer.id, status: "pending" } },
          { name: DISTRIBUTOR_APPROVED, data: { ...decision, status: "active", reason: null } },
          { name: DISTRIBUTOR_SUSPENDED, data: { ...decision, status: "suspended", reason: "Spam in group chats" } },
          { name: DISTRIBUTOR_REINSTATED, data: { ...decision, status: "active", reason: null } },
        ])
      })

      it("rejects with a mandatory reason, then lets the applicant apply again", async () => {
        const customer = await registerCustomer(api, pk, { email: uniqueEmail("rejected") })
        const id = (await apply(customer)).data.distributor.id
        const noReason = await failure(api.post(`/admin/distribution/distributors/${id}/reject`, {}, admin))
        expect(noReason.status).toBe(400)
        expect(noReason.data.message).toBe("Invalid request: Field 'reason' is required")

        const rejected = await api.post(`/admin/distribution/distributors/${id}/reject`, { reason: "资料不完整" }, admin)
        expect(rejected.data.distributor).toMatchObject({ status: "rejected", reject_reason: "资料不完整", referral_code: null })
        expect(await events.payloads(DISTRIBUTOR_REJECTED)).toEqual([
          { id, customer_id: customer.id, status: "rejected", reason: "资料不完整", referral_code: null, level_id: null },
        ])

        const me = await api.get("/store/distribution/me", customer)
        expect(me.data.distributor).toMatchObject({ status: "rejected", reject_reason: "资料不完整" })

        const again = await apply(customer, { reason: "补充了资料" })
        expect(again.status).toBe(201)
        expect(again.data.distributor).toMatchObject({ id, status: "pending", reject_reason: null })
        expect(again.data.distributor.application.reason).toBe("补充了资料")
        expect(await events.payloads(DISTRIBUTOR_APPLIED, 2)).toEqual([
          { id, customer_id: customer.id, status: "pending" },
          { id, customer_id: customer.id, status: "pending" },
        ])
      })

      it("gives exactly one winner when approve and reject race", async () => {
        const customer = await registerCustomer(api, pk, { email: uniqueEmail("race") })
        const id = (await apply(customer)).data.distributor.id
        const results = await Promise.allSettled([
          api.post(`/admin/distribution/distributors/${id}/approve`, {}, admin),
          api.post(`/admin/distribution/distributors/${id}/reject`, { reason: "race" }, admin),
        ])
        const ok = results.filter((r) => r.status === "fulfilled")
        const conflicts = results.filter(
          (r) => r.status === "rejected" && (r.reason as { response?: { status: number } }).response?.status === 409
        )
        expect(ok).toHaveLength(1)
        expect(conflicts).toHaveLength(1)
        const row = await service(getContainer()).retrieveDistributor(id)
        const winner = (ok[0] as PromiseFulfilledResult<{ data: { distributor: { status: string } } }>).value
        expect(row.status).toBe(winner.data.distributor.status)
        const audit = await service(getContainer()).listDistributionAuditLogs({ entity_id: id })
        expect(audit.filter((a) => a.action !== "distributor.apply")).toHaveLength(1)
      })

      it("issues 200 distinct codes to 200 concurrent activations", async () => {
        const svc = service(getContainer())
        const pending = await Promise.all(
          Array.from({ length: 200 }, (_, i) =>
            svc.createDistributor({
              customer_id: `cus_concurrent_${i}`,
              email: `c${i}@example.com`,
              display_name: `C ${i}`,
              parent_id: null,
              status: "pending",
              application: null,
            })
          )
        )
        const responses = await Promise.all(
          pending.map((d) => api.post(`/admin/distribution/distributors/${d.id}/approve`, {}, admin))
        )
        expect(responses.every((r) => r.status === 200)).toBe(true)
        const rows = await svc.listDistributors({ id: pending.map((d) => d.id) })
        const codes = rows.map((r) => r.referral_code)
        expect(rows.every((r) => r.status === "active")).toBe(true)
        expect(codes.every((c) => CODE.test(c ?? ""))).toBe(true)
        expect(new Set(codes.map((c) => c!.toUpperCase())).size).toBe(200)
      })

      it("answers 404 for a distributor that does not exist", async () => {
        const res = await failure(api.post("/admin/distribution/distributors/dist_nope/approve", {}, admin))
        expect(res.status).toBe(404)
        expect(res.data.message).toBe("Distributor dist_nope was not found")
        expect((await failure(api.get("/admin/distribution/distributors/dist_nope", admin))).status).toBe(404)
      })
    })

    describe("application modes", () => {
      it("auto: active at once with a code, announced as applied and approved", async () => {
        await updateSettings(api, admin, { application_mode: "auto" })
        const customer = await registerCustomer(api, pk, { email: uniqueEmail("auto") })
        const res = await apply(customer)
        expect(res.data.distributor.status).toBe("active")
        expect(res.data.distributor.referral_code).toMatch(CODE)
        const { id, referral_code } = res.data.distributor
        expect(await events.payloads(DISTRIBUTOR_APPROVED)).toEqual([
          { id, customer_id: customer.id, referral_code, automatic: true },
        ])
        expect(await events.payloads(DISTRIBUTOR_APPLIED)).toEqual([{ id, customer_id: customer.id, status: "active" }])
      })

      it("after_first_order: refused with a clear message until the customer has ordered", async () => {
        await updateSettings(api, admin, { application_mode: "after_first_order" })
        const customer = await registerCustomer(api, pk, { email: uniqueEmail("noorder") })
        const res = await failure(apply(customer))
        expect(res.status).toBe(400)
        expect(res.data.message).toBe(
          "The programme is open to customers who have placed an order. Place your first order, then apply again."
        )
        expect(await service(getContainer()).listDistributors({ customer_id: customer.id })).toHaveLength(0)

        await getContainer().resolve(Modules.ORDER).createOrders({
          customer_id: customer.id,
          email: customer.email,
          currency_code: "eur",
          items: [{ title: "面霜", quantity: 1, unit_price: 120 }],
        })
        const ok = await apply(customer)
        expect(ok.data.distributor.status).toBe("active")
      })

      it("min_spend: refused with the amount still to spend", async () => {
        await updateSettings(api, admin, { application_mode: "min_spend", application_min_spend: 200 })
        const customer = await registerCustomer(api, pk, { email: uniqueEmail("spender") })
        await getContainer().resolve(Modules.ORDER).createOrders({
          customer_id: customer.id,
          email: customer.email,
          currency_code: "eur",
          items: [{ title: "奶粉", quantity: 1, unit_price: 149.9 }],
        })
        const res = await failure(apply(customer))
        expect(res.status).toBe(400)
        expect(res.data.message).toBe(
          "The programme is open to customers who have spent at least 200; 50.1 to go."
        )
      })

      it("invite_only: needs an inviter, then places the applicant under it", async () => {
        await updateSettings(api, admin, { application_mode: "auto" })
        const inviter = await makeDistributor(api, { pk, admin }, { name: "Inviter" })
        await updateSettings(api, admin, { application_mode: "invite_only" })
        const uninvited = await registerCustomer(api, pk, { email: uniqueEmail("uninvited") })
        const refused = await failure(apply(uninvited))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toContain("by invitation")

        const invited = await registerCustomer(api, pk, { email: uniqueEmail("invited") })
        const res = await apply(invited, { referral_code: inviter.code!.toLowerCase() })
        expect(res.data.distributor).toMatchObject({ status: "active", parent_id: inviter.distributor_id, depth: 1 })
        const parent = await service(getContainer()).retrieveDistributor(inviter.distributor_id)
        expect(parent).toMatchObject({ team_size: 1, direct_count: 1 })
      })

      it("a closed programme takes no applications", async () => {
        await updateSettings(api, admin, { enabled: false })
        const customer = await registerCustomer(api, pk, { email: uniqueEmail("closed") })
        const res = await failure(apply(customer))
        expect(res.status).toBe(400)
        expect(res.data.message).toBe("The distribution programme is closed to new applications")
      })
    })

    describe("the distributor centre and access", () => {
      it("shows the caller its own status, code, level, binding and the programme", async () => {
        await updateSettings(api, admin, { application_mode: "auto" })
        const parent = await makeDistributor(api, { pk, admin }, { name: "Parent" })
        const child = await makeDistributor(api, { pk, admin }, { name: "Child", parent })
        const me = await api.get("/store/distribution/me", child)
        expect(me.data.distributor).toMatchObject({
          id: child.distributor_id,
          status: "active",
          referral_code: child.code,
          parent_id: parent.distributor_id,
          depth: 1,
        })
        expect(me.data.binding).toMatchObject({
          source: "code",
          expires_at: null,
          distributor: { id: parent.distributor_id, referral_code: parent.code, display_name: "P*********t" },
        })
        expect(me.data.programme).toEqual({
          enabled: true,
          application_mode: "auto",
          application_min_spend: "0.00",
          max_depth: 2,
          currency_code: "eur",
          min_withdrawal: "100.00",
          withdrawal_fee_bps: 0,
          withdrawal_methods: ["bank", "alipay", "wechat"],
        })
        const stranger = await registerCustomer(api, pk, { email: uniqueEmail("stranger") })
        const theirs = await api.get("/store/distribution/me", stranger)
        expect(theirs.data).toMatchObject({ distributor: null, binding: null })
      })

      it("answers 401 to anonymous callers and to customers on admin routes", async () => {
        const anon = anonymous(pk)
        for (const call of [
          () => api.post("/store/distribution/apply", {}, anon),
          () => api.get("/store/distribution/me", anon),
          () => api.post("/store/distribution/bind", { referral_code: "ABCDEFG" }, anon),
          () => api.get("/store/distribution/team", anon),
        ]) {
          expect((await failure(call())).status).toBe(401)
        }
        const customer = await registerCustomer(api, pk, { email: uniqueEmail("sneaky") })
        for (const call of [
          () => api.get("/admin/distribution/distributors", customer),
          () => api.get("/admin/distribution/settings", customer),
          () => api.post("/admin/distribution/settings", { max_depth: 1 }, customer),
        ]) {
          expect((await failure(call())).status).toBe(401)
        }
        const noKey = await failure(api.get("/store/distribution/me", { headers: { authorization: customer.headers.authorization } }))
        expect(noKey.status).toBe(400)
      })
    })
  },
})
