import { medusaIntegrationTestRunner, TestEventUtils } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { anonymous, createAdmin, createPublishableKey, Headers, registerCustomer } from "../helpers/auth"
import { Distributor, failure, makeDistributor, service, uniqueEmail, updateSettings } from "../helpers/distribution"

jest.setTimeout(180_000)

const DAY = 24 * 60 * 60 * 1000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let pk: string
    let admin: Headers

    beforeAll(async () => {
      const container = getContainer()
      pk = (await createPublishableKey(container)).token
      admin = await createAdmin(container)
    })

    /** A → (B1 → C1, B2): an auto-approved programme three generations deep. */
    async function buildTree() {
      await updateSettings(api, admin, { application_mode: "auto" })
      const ctx = { pk, admin }
      const a = await makeDistributor(api, ctx, { name: "Anna" })
      const b1 = await makeDistributor(api, ctx, { name: "Bob", parent: a })
      const b2 = await makeDistributor(api, ctx, { name: "Bea", parent: a })
      const c1 = await makeDistributor(api, ctx, { name: "Carl", parent: b1 })
      return { a, b1, b2, c1 }
    }

    const bind = (who: Headers, code: string, source = "link") =>
      api.post("/store/distribution/bind", { referral_code: code, source }, who)

    describe("binding a buyer", () => {
      it("first touch keeps the first distributor; last touch moves to the latest", async () => {
        const { a, b2 } = await buildTree()
        const buyer = await registerCustomer(api, pk, { email: uniqueEmail("buyer") })
        const first = await bind(buyer, a.code!.toLowerCase())
        expect(first.data).toMatchObject({ changed: true, reason: null })
        expect(first.data.binding).toMatchObject({ source: "link", expires_at: null, distributor: { id: a.distributor_id } })

        const kept = await bind(buyer, b2.code!, "qr")
        expect(kept.data).toMatchObject({ changed: false, reason: "first_touch" })
        expect(kept.data.binding.distributor.id).toBe(a.distributor_id)

        await updateSettings(api, admin, { binding_mode: "last_touch", binding_days: 30 })
        const before = Date.now()
        const moved = await bind(buyer, b2.code!, "qr")
        expect(moved.data).toMatchObject({ changed: true })
        expect(moved.data.binding).toMatchObject({ source: "qr", distributor: { id: b2.distributor_id } })
        const expires = new Date(moved.data.binding.expires_at).getTime()
        expect(expires).toBeGreaterThanOrEqual(before + 30 * DAY - 1000)
        expect(expires).toBeLessThanOrEqual(Date.now() + 30 * DAY + 1000)

        const rows = await service(getContainer()).listReferralBindings({ customer_id: buyer.id })
        expect(rows).toHaveLength(1)
        expect(rows[0].distributor_id).toBe(b2.distributor_id)
      })

      it("an expired binding is replaced, even under first touch", async () => {
        const { a, b1 } = await buildTree()
        await updateSettings(api, admin, { binding_days: 7 })
        const buyer = await registerCustomer(api, pk, { email: uniqueEmail("lapsed") })
        const first = await bind(buyer, a.code!)
        const svc = service(getContainer())
        await svc.updateReferralBindings({ id: first.data.binding.id, expires_at: new Date(Date.now() - 1000) })
        const me = await api.get("/store/distribution/me", buyer)
        expect(me.data.binding).toBeNull()
        const again = await bind(buyer, b1.code!)
        expect(again.data).toMatchObject({ changed: true, binding: { distributor: { id: b1.distributor_id } } })
      })

      it("never binds a distributor to itself or to its own team", async () => {
        const { a, c1 } = await buildTree()
        const self = await failure(bind(a, a.code!))
        expect(self.status).toBe(400)
        expect(self.data.message).toBe("A distributor cannot be bound to itself")
        const downline = await failure(bind(a, c1.code!))
        expect(downline.status).toBe(400)
        expect(downline.data.message).toBe("A distributor cannot be bound to a member of its own team")
        expect(await service(getContainer()).listReferralBindings({ customer_id: a.id })).toHaveLength(0)
      })

      it("answers 404 for an unknown or inactive code, 400 for a malformed one", async () => {
        const { b2 } = await buildTree()
        await api.post(`/admin/distribution/distributors/${b2.distributor_id}/suspend`, {}, admin)
        const buyer = await registerCustomer(api, pk, { email: uniqueEmail("lost") })
        const suspended = await failure(bind(buyer, b2.code!))
        expect(suspended.status).toBe(404)
        expect(suspended.data.message).toBe(`No active distributor has the referral code ${b2.code}`)
        expect((await failure(bind(buyer, "ZZZZZZZ"))).status).toBe(404)
        const malformed = await failure(bind(buyer, "0O1I"))
        expect(malformed.status).toBe(400)
        const badSource = await failure(bind(buyer, "ZZZZZZZ", "admin"))
        expect(badSource.status).toBe(400)
        expect(await service(getContainer()).listReferralBindings({ customer_id: buyer.id })).toHaveLength(0)
      })

      it("only binds new customers when the programme says so", async () => {
        const { a } = await buildTree()
        await updateSettings(api, admin, { bind_new_customers_only: true })
        const regular = await registerCustomer(api, pk, { email: uniqueEmail("regular") })
        await getContainer().resolve(Modules.ORDER).createOrders({
          customer_id: regular.id,
          email: regular.email,
          currency_code: "cny",
          items: [{ title: "茶叶", quantity: 1, unit_price: 88 }],
        })
        const res = await bind(regular, a.code!)
        expect(res.data).toEqual({ binding: null, changed: false, reason: "not_a_new_customer" })
        const newcomer = await registerCustomer(api, pk, { email: uniqueEmail("newcomer") })
        expect((await bind(newcomer, a.code!)).data.changed).toBe(true)
      })

      it("binds at registration when the storefront passes the code in the customer's metadata", async () => {
        const { a } = await buildTree()
        const eventBus = getContainer().resolve(Modules.EVENT_BUS)
        const done = TestEventUtils.waitSubscribersExecution("customer.created", eventBus)
        const buyer = await registerCustomer(api, pk, {
          email: uniqueEmail("registered"),
          metadata: { referral_code: a.code!.toLowerCase(), referral_source: "qr" },
        })
        await done
        const [binding] = await service(getContainer()).listReferralBindings({ customer_id: buyer.id })
        expect(binding).toMatchObject({ distributor_id: a.distributor_id, source: "qr" })
      })

      it("20 concurrent touches under first touch leave exactly one binding", async () => {
        const ctx = { pk, admin }
        await updateSettings(api, admin, { application_mode: "auto" })
        const distributors: Distributor[] = []
        for (let i = 0; i < 4; i++) {
          distributors.push(await makeDistributor(api, ctx, { name: `D${i}` }))
        }
        const buyer = await registerCustomer(api, pk, { email: uniqueEmail("contested") })
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => bind(buyer, distributors[i % 4].code!))
        )
        expect(results.filter((r) => r.data.changed)).toHaveLength(1)
        const winner = results.find((r) => r.data.changed)!.data.binding.distributor.id
        expect(results.every((r) => r.data.binding.distributor.id === winner)).toBe(true)
        const rows = await service(getContainer()).listReferralBindings({ customer_id: buyer.id })
        expect(rows).toHaveLength(1)
        expect(rows[0].distributor_id).toBe(winner)
      })
    })

    describe("visits", () => {
      it("counts a visitor once per day, stores only a hash, and refuses unknown codes", async () => {
        const { a } = await buildTree()
        const visit = (body: Record<string, unknown>) => api.post("/store/distribution/visits", body, anonymous(pk))
        const first = await visit({ referral_code: a.code, source: "qr", landing_path: "/products/face-cream", visitor_id: "device-0001" })
        expect(first.status).toBe(201)
        expect(first.data).toEqual({ recorded: true, referral_code: a.code, binding_days: 0, coupon_code: null })
        const repeat = await visit({ referral_code: a.code!.toLowerCase(), source: "link", visitor_id: "device-0001" })
        expect(repeat.status).toBe(200)
        expect(repeat.data.recorded).toBe(false)
        expect((await visit({ referral_code: a.code, visitor_id: "device-0002" })).status).toBe(201)
        expect((await visit({ referral_code: a.code })).status).toBe(201)

        const rows = await service(getContainer()).listDistributionVisits({ distributor_id: a.distributor_id })
        expect(rows).toHaveLength(3)
        for (const row of rows) {
          expect(row.visitor_key).toMatch(/^[0-9a-f]{64}$/)
          expect(row.visitor_key).not.toContain("device")
        }
        expect(rows.find((r) => r.source === "qr")?.landing_path).toBe("/products/face-cream")

        expect((await failure(visit({ referral_code: "ZZZZZZZ" }))).status).toBe(404)
        expect((await failure(visit({ referral_code: a.code, source: "email" }))).status).toBe(400)
        expect((await failure(visit({}))).status).toBe(400)
        expect(await service(getContainer()).listDistributionVisits({ distributor_id: a.distributor_id })).toHaveLength(3)
      })

      it("takes at most 60 visits a minute from one address: the next gets 429 with Retry-After and records nothing", async () => {
        const { a } = await buildTree()
        const visit = (n: number) => api.post("/store/distribution/visits", { referral_code: a.code, visitor_id: `flood-visitor-${n}` }, anonymous(pk))
        const first = await visit(0)
        expect([first.status, first.headers["ratelimit-limit"]]).toEqual([201, "60"])
        const left = Number(first.headers["ratelimit-remaining"])
        expect(left).toBeLessThan(60)
        for (let n = 1; n <= left; n++) {
          expect((await visit(n)).status).toBe(201)
        }
        const recorded = (await service(getContainer()).listDistributionVisits({ distributor_id: a.distributor_id })).length
        expect(recorded).toBe(left + 1)
        const refused = await failure(visit(left + 1))
        expect(refused.status).toBe(429)
        expect(Number(refused.headers["retry-after"])).toBeGreaterThanOrEqual(1)
        expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(60)
        expect(refused.data.message).toMatch(/^Too many visits recorded from this address: at most 60 in 60 seconds\. Try again in \d+ seconds?\.$/)
        expect(await service(getContainer()).listDistributionVisits({ distributor_id: a.distributor_id })).toHaveLength(recorded)
      })
    })

    describe("team", () => {
      it("lists the caller's own team by depth, paginated and masked", async () => {
        const { a, b1, b2, c1 } = await buildTree()
        const depth1 = await api.get("/store/distribution/team?depth=1&limit=1&offset=0", a)
        expect(depth1.data).toMatchObject({ count: 2, depth: 1, limit: 1, offset: 0 })
        expect(depth1.data.members).toHaveLength(1)
        const page2 = await api.get("/store/distribution/team?depth=1&limit=1&offset=1", a)
        const firstTwo = [depth1.data.members[0], page2.data.members[0]]
        expect(firstTwo.map((m) => m.id).sort()).toEqual([b1.distributor_id, b2.distributor_id].sort())
        expect(firstTwo.map((m) => m.display_name)).toEqual(["B******t", "B******t"])
        expect(page2.data.members[0].email).toMatch(/^b\*\*\*@example\.com$/)

        const depth2 = await api.get("/store/distribution/team?depth=2", a)
        expect(depth2.data.count).toBe(1)
        expect(depth2.data.members[0]).toMatchObject({ id: c1.distributor_id, depth: 2, display_name: "C*******t", team_size: 0 })

        const theirs = await api.get("/store/distribution/team", b1)
        expect(theirs.data.members.map((m: { id: string }) => m.id)).toEqual([c1.distributor_id])

        const outsider = await registerCustomer(api, pk, { email: uniqueEmail("outsider") })
        const res = await failure(api.get("/store/distribution/team", outsider))
        expect(res.status).toBe(404)
        expect(res.data.message).toBe("You are not a distributor")
        expect((await failure(api.get("/store/distribution/team?depth=4", a))).status).toBe(400)
        expect((await failure(api.get("/store/distribution/team?limit=1000", a))).status).toBe(400)
      })

      it("opens the team member by member: a member's direct recruits, only inside the caller's team and depths", async () => {
        const { a, b1, b2, c1 } = await buildTree()
        const ctx = { pk, admin }
        const d1 = await makeDistributor(api, ctx, { name: "Dora", parent: c1 })
        const e1 = await makeDistributor(api, ctx, { name: "Emil", parent: d1 })
        const children = (who: Headers, id: string, query = "") =>
          api.get(`/store/distribution/team/${encodeURIComponent(id)}/children${query}`, who)

        // B1's recruits, seen by A: C1 at depth 2, masked as the team route masks it, with its own recruit counted.
        const ofB1 = await children(a, b1.distributor_id)
        expect(ofB1.data).toMatchObject({ parent_id: b1.distributor_id, count: 1, depth: 2, limit: 20, offset: 0 })
        expect(ofB1.data.members).toEqual([
          (await api.get("/store/distribution/team?depth=2", a)).data.members[0],
        ])
        expect(ofB1.data.members[0]).toMatchObject({ id: c1.distributor_id, display_name: "C*******t", direct_count: 1, team_size: 2 })
        expect(ofB1.data.members[0].email).toMatch(/^c\*\*\*@example\.com$/)
        // The counts are the database's: C1 has exactly one row whose parent it is.
        const rows = await service(getContainer()).listDistributors({ parent_id: c1.distributor_id })
        expect(rows.map((r) => r.id)).toEqual([d1.distributor_id])

        // The caller's own id opens its direct recruits, paginated as the team is.
        const own = await children(a, a.distributor_id, "?limit=1&offset=1")
        expect(own.data).toMatchObject({ count: 2, depth: 1, limit: 1, offset: 1 })
        expect(own.data.members).toHaveLength(1)
        expect([b1.distributor_id, b2.distributor_id]).toContain(own.data.members[0].id)

        // C1's recruit is at A's third depth; D1's would be at a fourth, which no team shows.
        expect((await children(a, c1.distributor_id)).data.members.map((m: { id: string }) => m.id)).toEqual([d1.distributor_id])
        const tooDeep = await failure(children(a, d1.distributor_id))
        expect(tooDeep.status).toBe(404)
        // ... but D1 is at B1's second depth: B1 opens it.
        expect((await children(b1, d1.distributor_id)).data).toMatchObject({ count: 1, depth: 3, members: [{ id: e1.distributor_id }] })

        // Outside the caller's subtree: a sibling's team, an ancestor, an unknown or malformed id are all 404 (or 400), never a 500.
        for (const [who, id] of [
          [b2, b1.distributor_id],
          [b1, a.distributor_id],
          [b1, b2.distributor_id],
          [a, "dist_UNKNOWN"],
          [a, "x".repeat(300)],
          [a, "' OR 1=1 --"],
        ] as const) {
          const res = await failure(children(who, id))
          expect(res.status).toBe(404)
          expect(res.data.message).toBe(`No member of your team has the id ${id}`)
        }
        expect((await failure(api.get("/store/distribution/team/%E0%A4%A/children", a))).status).toBe(400)
        expect((await failure(children(a, b1.distributor_id, "?limit=0"))).status).toBe(400)
        expect((await failure(children(a, b1.distributor_id, "?depth=2"))).status).toBe(400)
        const outsider = await registerCustomer(api, pk, { email: uniqueEmail("outsider") })
        expect((await failure(children(outsider, b1.distributor_id))).status).toBe(404)
        expect((await failure(children(anonymous(pk), b1.distributor_id))).status).toBe(401)
      })
    })

    describe("moving a distributor", () => {
      it("moves a whole subtree, keeps every path equal to the real upline, and refuses cycles", async () => {
        const { a, b1, b2, c1 } = await buildTree()
        const ctx = { pk, admin }
        const d1 = await makeDistributor(api, ctx, { name: "Dora", parent: c1 })
        const move = (id: string, parent_id: string | null) =>
          api.post(`/admin/distribution/distributors/${id}/move`, { parent_id }, admin)

        const moved = await move(b1.distributor_id, b2.distributor_id)
        expect(moved.data.distributor).toMatchObject({ parent_id: b2.distributor_id, depth: 2 })

        const cycle = await failure(move(a.distributor_id, d1.distributor_id))
        expect(cycle.status).toBe(400)
        expect(cycle.data.message).toBe(
          "A distributor cannot be moved under itself or under one of its own team: that would make a cycle"
        )
        const self = await failure(move(c1.distributor_id, c1.distributor_id))
        expect(self.status).toBe(400)
        const same = await failure(move(c1.distributor_id, b1.distributor_id))
        expect(same.status).toBe(409)
        expect(same.data.message).toBe("The distributor is already under that parent")
        expect((await failure(move("dist_missing", null))).status).toBe(404)
        expect((await failure(api.post(`/admin/distribution/distributors/${a.distributor_id}/move`, {}, admin))).status).toBe(400)

        await move(c1.distributor_id, null)

        const rows = await service(getContainer()).withTreePositions(await service(getContainer()).listDistributors({}))
        const byId = new Map(rows.map((r) => [r.id, r]))
        for (const row of rows) {
          const chain: string[] = []
          for (let p = row.parent_id; p; p = byId.get(p)!.parent_id) chain.unshift(p)
          expect(row.path).toBe(`/${[...chain, row.id].join("/")}/`)
          expect(row.depth).toBe(chain.length)
          const descendants = rows.filter((r) => r.id !== row.id && r.path.startsWith(row.path))
          expect(row.team_size).toBe(descendants.length)
          expect(row.direct_count).toBe(rows.filter((r) => r.parent_id === row.id).length)
        }
        expect(byId.get(a.distributor_id)).toMatchObject({ team_size: 2, direct_count: 1 })
        expect(byId.get(c1.distributor_id)).toMatchObject({ depth: 0, team_size: 1, path: `/${c1.distributor_id}/` })
        expect(byId.get(d1.distributor_id)).toMatchObject({ depth: 1, path: `/${c1.distributor_id}/${d1.distributor_id}/` })

        const audit = await service(getContainer()).listDistributionAuditLogs({ action: "distributor.move" })
        expect(audit).toHaveLength(2)
        expect(audit.find((x) => x.entity_id === b1.distributor_id)?.data).toEqual({
          from_parent_id: a.distributor_id,
          to_parent_id: b2.distributor_id,
          subtree_size: 3,
        })
      })
    })

    describe("admin bindings", () => {
      it("lists bindings and lets an admin bind a customer whatever the mode, audited", async () => {
        const { a, b2 } = await buildTree()
        const buyer = await registerCustomer(api, pk, { email: uniqueEmail("managed") })
        await bind(buyer, a.code!)
        const forced = await api.post(
          "/admin/distribution/bindings",
          { customer_id: buyer.id, distributor_id: b2.distributor_id },
          admin
        )
        expect(forced.status).toBe(201)
        expect(forced.data.binding).toMatchObject({ distributor_id: b2.distributor_id, source: "admin", bound_by: admin.user_id })

        const list = await api.get(`/admin/distribution/bindings?distributor_id=${b2.distributor_id}`, admin)
        expect(list.data.count).toBe(1)
        expect(list.data.bindings[0]).toMatchObject({ customer_id: buyer.id, source: "admin" })

        const audit = await service(getContainer()).listDistributionAuditLogs({ action: "binding.set" })
        expect(audit).toHaveLength(1)
        expect(audit[0]).toMatchObject({ actor_type: "admin", actor_id: admin.user_id })

        const bad = await failure(api.post("/admin/distribution/bindings", { customer_id: buyer.id }, admin))
        expect(bad.status).toBe(400)
      })
    })
  },
})
