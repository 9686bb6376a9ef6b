import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { IEventBusModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createAdmin, createPublishableKey, Headers, registerCustomer } from "../helpers/auth"
import { failure, makeDistributor, service, uniqueEmail, updateSettings } from "../helpers/distribution"
import { addStoreCurrency } from "../helpers/orders"

jest.setTimeout(180_000)

const bronze = { name: "铜牌分销商", rank: 1, rate_bps_1: 1000, rate_bps_2: 500, rate_bps_3: 200 }
const silver = {
  name: "银牌分销商",
  rank: 2,
  rate_bps_1: 1200,
  rate_bps_2: 600,
  rate_bps_3: 300,
  upgrade_personal_sales: 5000,
  upgrade_direct_recruits: 5,
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let pk: string
    let admin: Headers

    beforeAll(async () => {
      const container = getContainer()
      pk = (await createPublishableKey(container)).token
      admin = await createAdmin(container)
    })

    describe("levels", () => {
      it("creates, lists, updates and deletes levels with one default at all times", async () => {
        const first = await api.post("/admin/distribution/levels", bronze, admin)
        expect(first.status).toBe(201)
        expect(first.data.level).toMatchObject({ ...bronze, is_default: true })

        const second = await api.post("/admin/distribution/levels", silver, admin)
        expect(second.data.level).toMatchObject({ name: "银牌分销商", is_default: false, upgrade_personal_sales: "5000.00" })

        const list = await api.get("/admin/distribution/levels", admin)
        expect(list.data.count).toBe(2)
        expect(list.data.levels.map((l: { rank: number }) => l.rank)).toEqual([1, 2])

        const updated = await api.post(
          `/admin/distribution/levels/${second.data.level.id}`,
          { rate_bps_1: 1300, is_default: true },
          admin
        )
        expect(updated.data.level).toMatchObject({ rate_bps_1: 1300, is_default: true })
        const levels = await service(getContainer()).listDistributionLevels({})
        expect(levels.filter((l) => l.is_default).map((l) => l.id)).toEqual([second.data.level.id])

        const refused = await failure(api.delete(`/admin/distribution/levels/${second.data.level.id}`, admin))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toBe("The default level cannot be deleted: make another level the default first")

        await updateSettings(api, admin, { application_mode: "auto" })
        const member = await makeDistributor(api, { pk, admin }, { name: "Member" })
        await service(getContainer()).updateDistributors({ id: member.distributor_id, level_id: first.data.level.id })
        const deleted = await api.delete(`/admin/distribution/levels/${first.data.level.id}`, admin)
        expect(deleted.data).toMatchObject({ deleted: true, reassigned: 1, default_level_id: second.data.level.id })
        const moved = await service(getContainer()).retrieveDistributor(member.distributor_id)
        expect(moved.level_id).toBe(second.data.level.id)

        const audit = await service(getContainer()).listDistributionAuditLogs({ entity_type: "distribution_level" })
        expect(audit.map((a) => a.action).sort()).toEqual(["level.create", "level.create", "level.delete", "level.update"])
      })

      it("new distributors start on the default level", async () => {
        const level = (await api.post("/admin/distribution/levels", bronze, admin)).data.level
        await updateSettings(api, admin, { application_mode: "auto" })
        const d = await makeDistributor(api, { pk, admin }, { name: "Newbie" })
        const me = await api.get("/store/distribution/me", d)
        expect(me.data.distributor.level).toEqual({
          id: level.id,
          name: "铜牌分销商",
          rank: 1,
          rate_bps_1: 1000,
          rate_bps_2: 500,
          rate_bps_3: 200,
        })
      })

      it("refuses invalid levels with 400 and creates nothing", async () => {
        await api.post("/admin/distribution/levels", bronze, admin)
        const duplicateRank = await failure(api.post("/admin/distribution/levels", { ...silver, rank: 1 }, admin))
        expect(duplicateRank.status).toBe(400)
        expect(duplicateRank.data.message).toContain("rank")
        const overRate = await failure(api.post("/admin/distribution/levels", { ...silver, rate_bps_1: 10001 }, admin))
        expect(overRate.status).toBe(400)
        const fractional = await failure(api.post("/admin/distribution/levels", { ...silver, rate_bps_2: 12.5 }, admin))
        expect(fractional.status).toBe(400)
        const missing = await failure(api.post("/admin/distribution/levels", { name: "x" }, admin))
        expect(missing.status).toBe(400)
        const unset = await failure(api.post(`/admin/distribution/levels/dlvl_x`, { is_default: false }, admin))
        expect(unset.status).toBe(400)
        expect((await failure(api.post(`/admin/distribution/levels/dlvl_missing`, { name: "y" }, admin))).status).toBe(404)
        expect(await service(getContainer()).listDistributionLevels({})).toHaveLength(1)
      })

      it("takes rates as whole basis points and thresholds to the programme currency's cent, refusing the rest with the reason", async () => {
        const level = (await api.post("/admin/distribution/levels", { ...silver, upgrade_team_sales: 20000.5 }, admin)).data.level
        expect(level).toMatchObject({ upgrade_personal_sales: "5000.00", upgrade_team_sales: "20000.50" })
        const rows = () => service(getContainer()).listDistributionLevels({}, { select: ["id", "rank", "rate_bps_1", "rate_bps_2", "upgrade_personal_sales", "upgrade_team_sales"] })
        const before = await rows()
        for (const [body, message] of [
          [{ upgrade_personal_sales: 5000.001 }, "upgrade_personal_sales 5000.001 has more decimals than EUR allows (2)"],
          [{ upgrade_team_sales: 0.1 + 0.2 }, "Invalid request: upgrade_team_sales 0.30000000000000004 has more decimals than any currency allows (3)"],
          [{ upgrade_team_sales: -1 }, "Invalid request: Value for field 'upgrade_team_sales' too small, expected at least: '0'"],
          [{ rate_bps_1: 12.5 }, "Invalid request: Expected type: 'int' for field 'rate_bps_1', got: '12.5'"],
          [{ rate_bps_2: 10001 }, "Invalid request: Value for field 'rate_bps_2' too big, expected at most: '10000'"],
          [{ rate_bps_3: -1 }, "Invalid request: Value for field 'rate_bps_3' too small, expected at least: '0'"],
          [{ rate_bps_1: "1200" }, "Invalid request: Expected type: 'number' for field 'rate_bps_1', got: '1200'"],
        ] as const) {
          const created = await failure(api.post("/admin/distribution/levels", { ...silver, rank: 3, ...body }, admin))
          const updated = await failure(api.post(`/admin/distribution/levels/${level.id}`, body, admin))
          expect([created.status, created.data.message, updated.status, updated.data.message]).toEqual([400, message, 400, message])
        }
        expect(await rows()).toEqual(before)
      })
    })

    describe("a distributor's level", () => {
      const gold = { name: "金牌分销商", rank: 3, rate_bps_1: 1500, rate_bps_2: 800, rate_bps_3: 400 }
      // Every distributor meets "at least 0 direct recruits": the upgrade would put anyone below on silver.
      const easySilver = { ...silver, upgrade_personal_sales: null, upgrade_direct_recruits: 0 }
      const levelsEmitted = () => {
        const eventBus = getContainer().resolve<IEventBusModuleService>(Modules.EVENT_BUS)
        const emit = jest.spyOn(eventBus, "emit")
        return () =>
          emit.mock.calls
            .flatMap(([messages]) => (Array.isArray(messages) ? messages : [messages]))
            .filter((m) => m.name === "distribution.distributor.level_changed")
            .map((m) => m.data)
      }
      afterEach(() => jest.restoreAllMocks())

      it("an admin sets it up or down with a reason, audited and announced; the automatic upgrade never moves it down", async () => {
        const create = async (body: Record<string, unknown>) => (await api.post("/admin/distribution/levels", body, admin)).data.level
        const [b, s, g] = [await create(bronze), await create(easySilver), await create(gold)]
        await updateSettings(api, admin, { application_mode: "auto" })
        const member = await makeDistributor(api, { pk, admin }, { name: "Quinn" })
        const other = await makeDistributor(api, { pk, admin }, { name: "Rosa" })
        const events = levelsEmitted()

        const raised = await api.post(
          `/admin/distribution/distributors/${member.distributor_id}/level`,
          { level_id: g.id, reason: "Top seller of the spring campaign" },
          admin
        )
        expect(raised.status).toBe(200)
        expect(raised.data.distributor).toMatchObject({ id: member.distributor_id, level_id: g.id, level: { name: "金牌分销商" } })
        const svc = service(getContainer())
        expect((await svc.retrieveDistributor(member.distributor_id)).level_id).toBe(g.id)
        const [audit] = await svc.listDistributionAuditLogs({ entity_id: member.distributor_id, action: "distributor.set_level" })
        expect(audit).toMatchObject({
          actor_type: "admin",
          actor_id: admin.user_id,
          entity_type: "distributor",
          data: { from_level_id: b.id, to_level_id: g.id, to_level_name: "金牌分销商", reason: "Top seller of the spring campaign" },
        })
        expect(events()).toEqual([
          {
            id: member.distributor_id,
            from_level_id: b.id,
            to_level_id: g.id,
            automatic: false,
            actor_id: admin.user_id,
            reason: "Top seller of the spring campaign",
          },
        ])

        // The settlement's upgrade raises the other one to silver, and leaves the gold one on gold.
        const upgraded = await svc.upgradeLevels([member.distributor_id, other.distributor_id], "eur")
        expect(upgraded).toEqual([{ id: other.distributor_id, from_level_id: b.id, to_level_id: s.id }])
        expect((await svc.retrieveDistributor(member.distributor_id)).level_id).toBe(g.id)

        const lowered = await api.post(
          `/admin/distribution/distributors/${member.distributor_id}/level`,
          { level_id: b.id, reason: "Campaign over" },
          admin
        )
        expect(lowered.data.distributor.level_id).toBe(b.id)
        const trail = await svc.listDistributionAuditLogs(
          { entity_id: member.distributor_id, action: "distributor.set_level" },
          { order: { created_at: "ASC" } }
        )
        expect(trail.map((a) => [a.data?.from_level_id, a.data?.to_level_id, a.data?.reason])).toEqual([
          [b.id, g.id, "Top seller of the spring campaign"],
          [g.id, b.id, "Campaign over"],
        ])
      })

      it("refuses a missing reason, an unknown level or the level it already has with 400, and changes nothing", async () => {
        const b = (await api.post("/admin/distribution/levels", bronze, admin)).data.level
        const g = (await api.post("/admin/distribution/levels", gold, admin)).data.level
        await updateSettings(api, admin, { application_mode: "auto" })
        const member = await makeDistributor(api, { pk, admin }, { name: "Sven" })
        const url = `/admin/distribution/distributors/${member.distributor_id}/level`

        const noReason = await failure(api.post(url, { level_id: g.id }, admin))
        expect(noReason.status).toBe(400)
        expect(noReason.data.message).toBe("Invalid request: Field 'reason' is required")
        const blank = await failure(api.post(url, { level_id: g.id, reason: "   " }, admin))
        expect(blank.status).toBe(400)
        expect(blank.data.message).toBe("Invalid request: Value for field 'reason' too small, expected at least: '1'")
        expect((await failure(api.post(url, { reason: "no level" }, admin))).status).toBe(400)
        const unknown = await failure(api.post(url, { level_id: "dlvl_missing", reason: "typo" }, admin))
        expect(unknown.status).toBe(400)
        expect(unknown.data.message).toBe("Level dlvl_missing was not found")
        const same = await failure(api.post(url, { level_id: b.id, reason: "again" }, admin))
        expect(same.status).toBe(400)
        expect(same.data.message).toBe("The distributor is already on level 铜牌分销商")
        const nobody = await failure(
          api.post("/admin/distribution/distributors/dist_missing/level", { level_id: g.id, reason: "who" }, admin)
        )
        expect(nobody.status).toBe(404)

        expect((await service(getContainer()).retrieveDistributor(member.distributor_id)).level_id).toBe(b.id)
        expect(await service(getContainer()).listDistributionAuditLogs({ action: "distributor.set_level" })).toHaveLength(0)
      })

      it("approving can put the applicant on a level; an unknown level approves nothing", async () => {
        const b = (await api.post("/admin/distribution/levels", bronze, admin)).data.level
        const g = (await api.post("/admin/distribution/levels", gold, admin)).data.level
        const apply = async (name: string) => {
          const customer = await registerCustomer(api, pk, { email: uniqueEmail(name), first_name: name, last_name: "Test" })
          return (await api.post("/store/distribution/apply", { phone: "13900001111" }, customer)).data.distributor.id as string
        }
        const [first, second] = [await apply("Tomas"), await apply("Uma")]
        const events = levelsEmitted()

        const wrong = await failure(
          api.post(`/admin/distribution/distributors/${first}/approve`, { level_id: "dlvl_missing" }, admin)
        )
        expect(wrong.status).toBe(400)
        expect(wrong.data.message).toBe("Level dlvl_missing was not found")
        const svc = service(getContainer())
        expect(await svc.retrieveDistributor(first)).toMatchObject({ status: "pending", level_id: b.id, referral_code: null })

        const approved = await api.post(`/admin/distribution/distributors/${first}/approve`, { level_id: g.id }, admin)
        expect(approved.data.distributor).toMatchObject({ status: "active", level_id: g.id, level: { name: "金牌分销商" } })
        const [audit] = await svc.listDistributionAuditLogs({ entity_id: first, action: "distributor.approve" })
        expect(audit.data).toEqual({ from: "pending", to: "active", reason: null, level_id: g.id })
        expect(events()).toEqual([
          { id: first, from_level_id: b.id, to_level_id: g.id, automatic: false, actor_id: admin.user_id, reason: null },
        ])

        // Without a level, or on the one it has: the default, and no level change to announce.
        const plain = await api.post(`/admin/distribution/distributors/${second}/approve`, { level_id: b.id }, admin)
        expect(plain.data.distributor).toMatchObject({ status: "active", level_id: b.id })
        expect(events()).toHaveLength(1)
        const onSuspend = await failure(api.post(`/admin/distribution/distributors/${second}/suspend`, { level_id: g.id }, admin))
        expect(onSuspend.status).toBe(400)
      })
    })

    describe("settings", () => {
      it("reads the defaults and updates what is given, audited with before and after", async () => {
        const read = await api.get("/admin/distribution/settings", admin)
        expect(read.data.settings).toMatchObject({
          enabled: true,
          max_depth: 2,
          application_mode: "review",
          self_purchase: false,
          binding_mode: "first_touch",
          binding_days: 0,
          bind_new_customers_only: false,
          commission_base: "subtotal_after_discounts",
          settle_on: "delivered",
          freeze_days: 7,
          order_cap_bps: 3000,
          min_withdrawal: "100.00",
          withdrawal_fee_bps: 0,
          withdrawal_methods: ["bank", "alipay", "wechat"],
          default_rate_bps_1: 1000,
          default_rate_bps_2: 500,
          default_rate_bps_3: 0,
          // A new programme counts in the store's default currency (Medusa's default store: EUR).
          currency_code: "eur",
          currency_follows_store: true,
          distributor_group_mode: "off",
        })
        const updated = await updateSettings(api, admin, { max_depth: 3, freeze_days: 14, withdrawal_methods: ["alipay"] })
        expect(updated).toMatchObject({ max_depth: 3, freeze_days: 14, withdrawal_methods: ["alipay"], binding_mode: "first_touch" })
        const [audit] = await service(getContainer()).listDistributionAuditLogs({ action: "settings.update" })
        expect(audit.actor_id).toBe(admin.user_id)
        expect(audit.data).toEqual({
          changes: {
            max_depth: { from: 2, to: 3 },
            freeze_days: { from: 7, to: 14 },
            withdrawal_methods: { from: ["bank", "alipay", "wechat"], to: ["alipay"] },
          },
        })
      })

      it("never allows more than three levels, and refuses every bad value without changing anything", async () => {
        const deep = await failure(api.post("/admin/distribution/settings", { max_depth: 4 }, admin))
        expect(deep.status).toBe(400)
        expect(deep.data.message).toBe("Invalid request: Value for field 'max_depth' too big, expected at most: '3'")
        for (const bad of [
          { max_depth: 0 },
          { order_cap_bps: 10001 },
          { default_rate_bps_1: -1 },
          { freeze_days: 1.5 },
          { withdrawal_methods: [] },
          { withdrawal_methods: ["bitcoin"] },
          { application_mode: "lottery" },
          { distributor_group_mode: "everyone" },
          { currency_code: "yuan" },
          { min_withdrawal: -5 },
          { unknown_setting: true },
          {},
        ]) {
          const res = await failure(api.post("/admin/distribution/settings", bad, admin))
          expect(res.status).toBe(400)
        }
        const after = await api.get("/admin/distribution/settings", admin)
        expect(after.data.settings).toMatchObject({ max_depth: 2, order_cap_bps: 3000, default_rate_bps_1: 1000, withdrawal_methods: ["bank", "alipay", "wechat"] })
        expect(await service(getContainer()).listDistributionAuditLogs({ action: "settings.update" })).toHaveLength(0)
      })

      it("takes amounts to the currency's minor unit and rates as whole basis points, saying why it refuses", async () => {
        const updated = await updateSettings(api, admin, { min_withdrawal: 50.5, application_min_spend: 199.99 })
        expect(updated).toMatchObject({ min_withdrawal: "50.50", application_min_spend: "199.99", currency_code: "eur" })
        for (const [bad, message] of [
          [{ min_withdrawal: 100.005 }, "min_withdrawal 100.005 has more decimals than EUR allows (2)"],
          [{ application_min_spend: 0.001 }, "application_min_spend 0.001 has more decimals than EUR allows (2)"],
          [{ min_withdrawal: 1e-7 }, "Invalid request: min_withdrawal 1e-7 has more decimals than any currency allows (3)"],
          [{ currency_code: "jpy" }, "currency_code jpy is not a currency of the store; use one of: eur"],
          [{ withdrawal_fee_bps: 60.5 }, "Invalid request: Expected type: 'int' for field 'withdrawal_fee_bps', got: '60.5'"],
          [{ order_cap_bps: 10001 }, "Invalid request: Value for field 'order_cap_bps' too big, expected at most: '10000'"],
          [{ default_rate_bps_2: -5 }, "Invalid request: Value for field 'default_rate_bps_2' too small, expected at least: '0'"],
        ] as const) {
          const res = await failure(api.post("/admin/distribution/settings", bad, admin))
          expect([res.status, res.data.message]).toEqual([400, message])
        }
        // A new currency must fit the amounts the settings keep: 199.99 is no amount of yen.
        await addStoreCurrency(getContainer(), "jpy")
        const yen = await failure(api.post("/admin/distribution/settings", { currency_code: "JPY" }, admin))
        expect([yen.status, yen.data.message]).toEqual([400, "application_min_spend 199.99 has more decimals than JPY allows (0)"])
        // EUR chosen (it was the store's default until now): the amounts kept fit it.
        expect(await updateSettings(api, admin, { currency_code: "EUR" })).toMatchObject({
          currency_code: "eur",
          currency_follows_store: false,
          min_withdrawal: "50.50",
        })
        const settings = await service(getContainer()).getSettings()
        expect([settings.currency_code, String(settings.min_withdrawal), String(settings.application_min_spend)]).toEqual(["eur", "50.5", "199.99"])
        expect(await service(getContainer()).listDistributionAuditLogs({ action: "settings.update" })).toHaveLength(2)
      })
      it("counts in the store's default currency until one is chosen: settings, minimum withdrawal, centre and reports", async () => {
        await updateSettings(api, admin, { application_mode: "auto" })
        const ada = await makeDistributor(api, { pk, admin }, { name: "Ada" })
        const adjust = (amount: number, currency_code: string) =>
          api.post(`/admin/distribution/distributors/${ada.distributor_id}/adjustments`, { amount, currency_code, reason: "welcome bonus" }, admin)
        await adjust(60, "eur")

        // No currency given: the programme's, the store's EUR, in the refusal's words too.
        const small = await failure(api.post("/store/distribution/withdrawals", { amount: 20, method: "alipay", account: { account: "ada@example.com", real_name: "Ada" } }, ada))
        expect([small.status, small.data.message]).toEqual([400, "The minimum withdrawal is €100.00."])
        expect((await api.get("/store/distribution/me", ada)).data.programme).toMatchObject({ currency_code: "eur", application_min_spend: "0.00" })

        const summary = (query = "") => api.get(`/admin/distribution/reports/summary${query}`, admin).then((r) => r.data)
        expect(await summary()).toMatchObject({ currency_code: "eur", currencies: ["eur"] })
        // Money in a second currency: the overview offers both, the programme's first.
        await addStoreCurrency(getContainer(), "cny")
        await adjust(8.8, "cny")
        expect(await summary()).toMatchObject({ currency_code: "eur", currencies: ["eur", "cny"] })
        expect(await summary("?currency_code=cny")).toMatchObject({ currency_code: "cny", currencies: ["eur", "cny"] })

        // The store's default moves to CNY: an unchosen programme currency follows it…
        const storeModule = getContainer().resolve(Modules.STORE)
        const [store] = await storeModule.listStores({}, { relations: ["supported_currencies"] })
        await storeModule.updateStores(store.id, {
          supported_currencies: [
            { currency_code: "eur", is_default: false },
            { currency_code: "cny", is_default: true },
          ],
        })
        expect((await api.get("/admin/distribution/settings", admin)).data.settings).toMatchObject({ currency_code: "cny", currency_follows_store: true })
        expect(await summary()).toMatchObject({ currency_code: "cny", currencies: ["cny", "eur"] })
        // …a chosen one stays, and null returns the programme to the store's.
        expect(await updateSettings(api, admin, { currency_code: "eur" })).toMatchObject({ currency_code: "eur", currency_follows_store: false })
        expect((await api.get("/admin/distribution/settings", admin)).data.settings.currency_code).toBe("eur")
        expect(await updateSettings(api, admin, { currency_code: null })).toMatchObject({ currency_code: "cny", currency_follows_store: true })
        expect((await service(getContainer()).getSettings()).currency_code).toBeNull()
      })
    })

    describe("distributors list and detail", () => {
      it("filters, searches, sorts and paginates; the detail shows upline, children and customer", async () => {
        await updateSettings(api, admin, { application_mode: "auto" })
        const ctx = { pk, admin }
        const root = await makeDistributor(api, ctx, { name: "Lina" })
        const mid = await makeDistributor(api, ctx, { name: "Mateo", parent: root })
        const leaf = await makeDistributor(api, ctx, { name: "Nora", parent: mid })
        await updateSettings(api, admin, { application_mode: "review" })
        const applicant = await registerCustomer(api, pk, { email: uniqueEmail("olga"), first_name: "Olga", last_name: "Test" })
        await api.post("/store/distribution/apply", { phone: "13900001111" }, applicant)

        const all = await api.get("/admin/distribution/distributors", admin)
        expect(all.data.count).toBe(4)
        expect(all.data.distributors[0].display_name).toBe("Olga Test")
        for (const d of all.data.distributors) {
          expect(d).not.toHaveProperty("application")
        }

        const pending = await api.get("/admin/distribution/distributors?status=pending", admin)
        expect(pending.data.distributors.map((d: { email: string }) => d.email)).toEqual([applicant.email])

        const byCode = await api.get(`/admin/distribution/distributors?q=${mid.code!.slice(0, 5).toLowerCase()}`, admin)
        expect(byCode.data.distributors.map((d: { id: string }) => d.id)).toContain(mid.distributor_id)
        const byName = await api.get("/admin/distribution/distributors?q=nora", admin)
        expect(byName.data.distributors.map((d: { id: string }) => d.id)).toEqual([leaf.distributor_id])
        const byEmail = await api.get(`/admin/distribution/distributors?q=${encodeURIComponent(root.email)}`, admin)
        expect(byEmail.data.distributors.map((d: { id: string }) => d.id)).toEqual([root.distributor_id])
        const wildcard = await api.get("/admin/distribution/distributors?q=%25", admin)
        expect(wildcard.data.count).toBe(0)
        // Below the search's count cap (1,000) the count is exact; a search sorts, pages and takes fields as the list does.
        expect(all.data.count_capped).toBe(false)
        expect(byName.data).toMatchObject({ count: 1, count_capped: false })
        const searched = await api.get("/admin/distribution/distributors?q=TEST&order=-team_size&limit=2&fields=id,display_name,team_size", admin)
        expect(searched.data).toMatchObject({ count: 4, count_capped: false, limit: 2, offset: 0 })
        expect(searched.data.distributors).toEqual([
          { id: root.distributor_id, display_name: "Lina Test", team_size: 2 },
          { id: mid.distributor_id, display_name: "Mateo Test", team_size: 1 },
        ])
        const searchedPage = await api.get("/admin/distribution/distributors?q=test&order=-team_size&limit=2&offset=3", admin)
        expect(searchedPage.data).toMatchObject({ count: 4, count_capped: false, limit: 2, offset: 3 })
        expect(searchedPage.data.distributors).toHaveLength(1)
        expect(searchedPage.data.distributors[0].team_size).toBe(0)

        const children = await api.get(`/admin/distribution/distributors?parent_id=${root.distributor_id}`, admin)
        expect(children.data.distributors.map((d: { id: string }) => d.id)).toEqual([mid.distributor_id])
        const tops = await api.get("/admin/distribution/distributors?parent_id=null&order=-team_size", admin)
        expect(tops.data.distributors[0]).toMatchObject({ id: root.distributor_id, team_size: 2 })

        // The place in the tree (its own table): listed, filtered and sorted by, with a term or without.
        expect(all.data.distributors.find((d: { id: string }) => d.id === leaf.distributor_id)).toMatchObject({ depth: 2 })
        expect(all.data.distributors[0]).not.toHaveProperty("path")
        const deepest = await api.get("/admin/distribution/distributors?status=active&order=-depth&limit=2&fields=id,path,depth", admin)
        expect(deepest.data).toMatchObject({ count: 3, count_capped: false, limit: 2, offset: 0 })
        expect(deepest.data.distributors).toEqual([
          { id: leaf.distributor_id, depth: 2, path: `/${root.distributor_id}/${mid.distributor_id}/${leaf.distributor_id}/` },
          { id: mid.distributor_id, depth: 1, path: `/${root.distributor_id}/${mid.distributor_id}/` },
        ])
        const atOne = await api.get("/admin/distribution/distributors?depth=1&fields=id,display_name", admin)
        expect(atOne.data).toMatchObject({ count: 1, distributors: [{ id: mid.distributor_id, display_name: "Mateo Test" }] })
        const searchedAtTwo = await api.get("/admin/distribution/distributors?q=test&depth=2&order=depth", admin)
        expect(searchedAtTwo.data.distributors.map((d: { id: string; depth: number }) => [d.id, d.depth])).toEqual([[leaf.distributor_id, 2]])
        const searchedByDepth = await api.get("/admin/distribution/distributors?q=test&status=active&order=depth&fields=id", admin)
        expect(searchedByDepth.data.distributors).toEqual([root, mid, leaf].map((d) => ({ id: d.distributor_id })))

        const page = await api.get("/admin/distribution/distributors?limit=2&offset=2&order=created_at", admin)
        expect(page.data).toMatchObject({ count: 4, limit: 2, offset: 2 })
        expect(page.data.distributors.map((d: { id: string }) => d.id)).toEqual([
          leaf.distributor_id,
          expect.stringMatching(/^dist_/),
        ])

        const encrypted = await failure(api.get("/admin/distribution/distributors?fields=id,application", admin))
        expect(encrypted.status).toBe(400)
        expect(encrypted.data.message).toMatch(/^fields: application cannot be selected on this route; choose among id, customer_id, /)
        expect((await failure(api.get("/admin/distribution/distributors?status=gone", admin))).status).toBe(400)
        expect((await failure(api.get("/admin/distribution/distributors?limit=-1", admin))).status).toBe(400)
        expect((await failure(api.get("/admin/distribution/distributors?offset=-3", admin))).status).toBe(400)
        expect((await failure(api.get("/admin/distribution/distributors?order=-application", admin))).status).toBe(400)

        const detail = await api.get(`/admin/distribution/distributors/${leaf.distributor_id}`, admin)
        expect(detail.data.distributor).toMatchObject({
          id: leaf.distributor_id,
          depth: 2,
          status: "active",
          application: { name: "N**a", phone: "138****8000" },
        })
        expect(detail.data.upline.map((u: { id: string }) => u.id)).toEqual([mid.distributor_id, root.distributor_id])
        expect(detail.data.customer).toMatchObject({ id: leaf.id, email: leaf.email, first_name: "Nora" })
        expect(detail.data.binding).toMatchObject({ distributor_id: mid.distributor_id, source: "code" })

        const rootDetail = await api.get(`/admin/distribution/distributors/${root.distributor_id}`, admin)
        expect(rootDetail.data.distributor).toMatchObject({ team_size: 2, direct_count: 1 })
        expect(rootDetail.data.children).toMatchObject({ count: 1, members: [{ id: mid.distributor_id, team_size: 1 }] })

        const team = await api.get(`/admin/distribution/distributors/${root.distributor_id}/team?depth=2`, admin)
        expect(team.data).toMatchObject({ count: 1, members: [{ id: leaf.distributor_id, email: leaf.email }] })
        expect(team.data.members[0]).not.toHaveProperty("application")

        const logs = await api.get(`/admin/distribution/audit-logs?entity_id=${root.distributor_id}`, admin)
        expect(logs.data.audit_logs.map((l: { action: string }) => l.action)).toEqual(["distributor.apply"])
      })
    })

    describe("encrypted personal data", () => {
      const PHONE = "13800138000"
      const ACCOUNT_NUMBER = "6225880123456789"
      const EXPANSIONS = [
        "application",
        "+application",
        "*",
        "*distributors",
        "distributors.*",
        "distributors.application",
        "+distributors.application",
        "*distributor",
        "distributor.*",
        "distributor.application",
        "*level.distributors",
        "level.distributors.application",
        "*withdrawals",
        "withdrawals.payout_account",
        "payout_account",
        "+payout_account",
        "id,application",
      ]

      it("leaves the server through no `fields` selection on any route, ciphertext or plain", async () => {
        await updateSettings(api, admin, { application_mode: "auto", min_withdrawal: 100 })
        const level = (await api.post("/admin/distribution/levels", bronze, admin)).data.level
        const parent = await makeDistributor(api, { pk, admin }, { name: "Pia" })
        const child = await makeDistributor(api, { pk, admin }, { name: "Quinn", parent })
        await api.post(
          `/admin/distribution/distributors/${child.distributor_id}/adjustments`,
          { amount: 500, currency_code: "eur", reason: "活动奖励" },
          admin
        )
        const { withdrawal } = (
          await api.post(
            "/store/distribution/withdrawals",
            { amount: 120, method: "bank", account: { holder_name: "Quinn", bank_name: "招商银行", account_number: ACCOUNT_NUMBER, branch: "杭州分行" } },
            child
          )
        ).data
        const rule = (
          await service(getContainer()).createCommissionRules({ target_type: "product", target_id: "prod_any", mode: "excluded" })
        ).id
        const stored = await service(getContainer()).retrieveDistributor(child.distributor_id)
        expect(stored.application).toMatch(/^v1:/)

        const admins = [
          "/admin/distribution/distributors",
          `/admin/distribution/distributors/${child.distributor_id}`,
          `/admin/distribution/distributors/${parent.distributor_id}/team`,
          `/admin/distribution/distributors/${child.distributor_id}/ledger`,
          "/admin/distribution/levels",
          `/admin/distribution/levels/${level.id}`,
          "/admin/distribution/bindings",
          "/admin/distribution/audit-logs",
          "/admin/distribution/commission-rules",
          `/admin/distribution/commission-rules/${rule}`,
          "/admin/distribution/commissions",
          "/admin/distribution/commissions/export",
          "/admin/distribution/withdrawals",
          "/admin/distribution/withdrawals/export?status=requested",
          `/admin/distribution/withdrawals/${withdrawal.id}`,
          "/admin/distribution/settings",
          "/admin/distribution/reports/summary",
          "/admin/distribution/reports/timeseries",
          "/admin/distribution/reports/leaderboard",
          "/admin/distribution/reports/products",
          "/admin/distribution/reports/conversion",
        ]
        const stores = [
          "/store/distribution/me",
          "/store/distribution/me/summary?tz=Asia/Shanghai",
          "/store/distribution/team",
          "/store/distribution/commissions",
          "/store/distribution/orders",
          "/store/distribution/withdrawals",
          `/store/distribution/withdrawals/${withdrawal.id}`,
          "/store/distribution/products",
          "/store/distribution/link",
          "/store/distribution/stats?tz=Asia/Shanghai",
        ]
        const calls = [
          ...admins.map((route) => ({ route, headers: admin })),
          ...stores.map((route) => ({ route, headers: child })),
        ]
        const answers: { url: string; status: number; body: string }[] = []
        for (const { route, headers } of calls) {
          for (const fields of EXPANSIONS) {
            const url = `${route}${route.includes("?") ? "&" : "?"}fields=${encodeURIComponent(fields)}`
            const res = await api.get(url, { ...headers, validateStatus: () => true })
            answers.push({ url, status: res.status, body: typeof res.data === "string" ? res.data : JSON.stringify(res.data) })
          }
        }
        const leaks = answers.filter((a) => a.body.includes("v1:") || a.body.includes(PHONE) || a.body.includes(ACCOUNT_NUMBER))
        expect(leaks.map((a) => a.url)).toEqual([])
        const unexpected = answers.filter((a) => !(a.status >= 200 && a.status < 300) && a.status !== 400)
        expect(unexpected.map((a) => `${a.status} ${a.url}`)).toEqual([])
        const refused = answers.find((a) => a.url === "/admin/distribution/levels?fields=distributors.application")!
        expect(refused.status).toBe(400)
        expect(JSON.parse(refused.body).message).toMatch(/^fields: distributors\.application cannot be selected on this route; choose among id, name, /)
        const expanded = answers.find((a) => a.url === `/admin/distribution/levels?fields=${encodeURIComponent("*distributors")}`)!
        expect(JSON.parse(expanded.body).message).toMatch(/^fields: \*distributors cannot be selected/)

        // What the lists offer still works.
        const narrow = await api.get("/admin/distribution/distributors?fields=id,referral_code,level.id,level.name", admin)
        expect(narrow.data.distributors).toContainEqual({ id: child.distributor_id, referral_code: child.code, level: expect.objectContaining({ id: level.id }) })
        const added = await api.get("/admin/distribution/levels?fields=+updated_at", admin)
        expect(added.data.levels[0]).toMatchObject({ id: level.id, name: bronze.name, updated_at: expect.any(String) })
      })
    })
  },
})
