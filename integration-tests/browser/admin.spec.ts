import { AxiosInstance } from "axios"
import { Page } from "playwright-core"
import { adminBrowser, formats, screenshot } from "../helpers/browser"
import { placeOrder, Shop } from "../helpers/orders"

jest.setTimeout(120_000)

/**
 * A merchant's afternoon in Medusa Admin's Distribution workspace, in a real
 * Chromium against a real server on the demo shop: every page and widget is
 * read and checked against the database, decisions are taken through the UI and
 * found in the database, and the whole thing is read again in 简体中文.
 */
describe("Distribution admin in the browser", () => {
  const dashboard = adminBrowser({ acceptDownloads: true })
  const { one, all, open, toast } = dashboard
  let page: Page
  let api: AxiosInstance
  let orderId: string
  let withdrawalIds: string[]
  const f = formats()
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  const eventually = async (check: () => Promise<boolean>, ms = 15_000) => {
    for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
      if (await check()) return
    }
  }

  beforeAll(async () => {
    ;({ page, api } = dashboard)

    // What the merchant will look at: an order placed by a bound buyer, and two withdrawal requests.
    const pk = await one<{ token: string }>(
      "select token from api_key where title = 'Distribution Demo Storefront' and type = 'publishable' and deleted_at is null"
    )
    const region = await one<{ id: string }>("select id from region where currency_code = 'cny' and deleted_at is null")
    const variants = await all<{ sku: string; id: string }>("select sku, id from product_variant where deleted_at is null")
    const shop: Shop = { pk: pk.token, region_id: region.id, variants: new Map(variants.map((v) => [v.sku, v.id])) }
    const customerLogin = async (email: string) => {
      const { data } = await api.post("/auth/customer/emailpass", { email, password: "supersecret" })
      return { email, headers: { "x-publishable-api-key": pk.token, authorization: `Bearer ${data.token}` } }
    }
    const order = await placeOrder(api, shop, await customerLogin("demo@example.com"), [
      { sku: "SERUM-30", quantity: 2 },
      { sku: "MASK-10", quantity: 1 },
    ])
    orderId = order.id
    for (let i = 0; i < 60; i++) {
      const { n } = await one<{ n: string }>("select count(*) n from distribution_commission where order_id = $1", [orderId])
      if (Number(n) > 0) break
      await new Promise((r) => setTimeout(r, 500))
    }

    const founder = await one<{ id: string }>("select id from distribution_distributor where email = 'zhang.wei@example.com'")
    await api.post(
      `/admin/distribution/distributors/${founder.id}/adjustments`,
      { amount: 1000, currency_code: "cny", reason: "活动奖励" },
      { headers: dashboard.adminHeaders }
    )
    const distributor = await customerLogin("zhang.wei@example.com")
    withdrawalIds = []
    // Amounts no seeded withdrawal has, so that each row can be found by its amount.
    for (const amount of [333.33, 222.22, 121.21, 131.31]) {
      const { data } = await api.post(
        "/store/distribution/withdrawals",
        { amount, method: "alipay", account: { account: "zhang.wei@alipay.example", real_name: "张伟" } },
        { headers: distributor.headers }
      )
      withdrawalIds.push(data.withdrawal.id)
    }
  }, 600_000)

  it("logs in and finds Distribution in the sidebar, with its pages under it", async () => {
    await dashboard.logIn()
    await page.getByRole("link", { name: "Distribution", exact: true }).click()
    await page.getByTestId("distribution-overview").waitFor()
    for (const label of ["Distributors", "Applications", "Withdrawals", "Coupons", "Sales", "Levels", "Commission rules", "Programme settings"]) {
      await page.getByRole("link", { name: label, exact: true }).waitFor()
    }
  })

  it("Overview: sales, commissions, what waits, the charts and the leaders, as the database counts them", async () => {
    await open("/distribution")
    const pending = await one<{ n: string }>("select count(*) n from distribution_distributor where status = 'pending' and deleted_at is null")
    const requested = await one<{ n: string }>(
      "select count(*) n from distribution_withdrawal where status in ('requested', 'approved') and deleted_at is null"
    )
    // The last 30 days in the browser's zone (UTC), as the report counts them: kept depth-1
    // bases, orders not wholly reversed, what is still pending; amounts rounded down.
    const day = 24 * 60 * 60 * 1000
    const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate())
    const window = [new Date(today - 29 * day), new Date(today + day)]
    const sales = await one<{ sales: string; orders: string; pending: string }>(
      `select trunc(coalesce(sum(base_amount * (amount - reversed_amount) / amount) filter (where depth = 1), 0), 2)::text sales,
              count(distinct order_id) filter (where depth = 1 and status <> 'reversed') orders,
              trunc(coalesce(sum(amount - reversed_amount) filter (where status = 'pending'), 0), 2)::text pending
         from distribution_commission
        where currency_code = 'cny' and created_at >= $1 and created_at < $2 and deleted_at is null`,
      window
    )
    const leader = await one<{ display_name: string }>(
      `select d.display_name from distribution_commission c join distribution_distributor d on d.id = c.distributor_id
        where c.depth = 1 and c.currency_code = 'cny' and c.created_at >= $1 and c.created_at < $2 and c.deleted_at is null
        group by d.id, d.display_name order by sum(c.base_amount * (c.amount - c.reversed_amount) / c.amount) desc limit 1`,
      window
    )
    await page.getByTestId("kpi-sales-value").waitFor()
    expect(await page.getByTestId("kpi-sales-value").innerText()).toBe(f.money(sales.sales))
    expect(await page.getByTestId("kpi-sales").innerText()).toContain(`${Number(sales.orders).toLocaleString("en-US")} order`)
    expect(await page.getByTestId("kpi-commissions").innerText()).toContain(`${f.money(sales.pending)} pending`)
    expect(await page.getByTestId("kpi-applications-value").innerText()).toBe(pending.n)
    expect(await page.getByTestId("kpi-withdrawals-value").innerText()).toBe(requested.n)
    expect(await page.getByTestId("chart-sales").locator("svg polyline").count()).toBe(2)
    expect(await page.getByTestId("leaderboard").getByRole("row").nth(1).innerText()).toContain(leader.display_name)
    // A programme with levels shows no first steps.
    expect(await page.getByTestId("first-run").count()).toBe(0)
    // The hourly reconcile says when it last ran (the demo server may not have reached its first tick).
    expect(await page.getByTestId("reconcile-status").innerText()).toMatch(
      /^Reconcile \(hourly\)(: not run yet\.|, last run .+: [\d,]+ orders checked, \d+ repaired\.)$/
    )
    await screenshot(page, "01-overview")

    // Hong Kong orders earned HKD: the switch reports the period in it.
    const hkd = await one<{ sales: string }>(
      `select trunc(coalesce(sum(base_amount * (amount - reversed_amount) / amount) filter (where depth = 1), 0), 2)::text sales
         from distribution_commission
        where currency_code = 'hkd' and created_at >= $1 and created_at < $2 and deleted_at is null`,
      window
    )
    await page.getByTestId("currency-select").click()
    await page.getByRole("option", { name: "HKD" }).click()
    await eventually(async () => (await page.getByTestId("kpi-sales-value").innerText()) === f.money(hkd.sales, "hkd"))
    expect(await page.getByTestId("kpi-sales-value").innerText()).toBe(f.money(hkd.sales, "hkd"))
  })

  it("Distributors: the list, search, and a distributor's page with its lazily opened team", async () => {
    await open("/distribution/distributors")
    const { n } = await one<{ n: string }>("select count(*) n from distribution_distributor where deleted_at is null")
    await page.getByText(new RegExp(`of\\s+${n}\\s+results`)).waitFor()
    await screenshot(page, "02-distributors")

    const founder = await one<{ id: string; referral_code: string; team_size: number; display_name: string }>(
      "select id, referral_code, team_size, display_name from distribution_distributor where email = 'zhang.wei@example.com'"
    )
    await page.getByPlaceholder("Search code, email or name").fill(founder.referral_code)
    await page.getByText(/of\s+1\s+results/).waitFor()
    await page.getByRole("cell", { name: founder.referral_code }).click()
    await page.waitForURL(new RegExp(`/distribution/distributors/${founder.id}$`))
    expect(await page.getByTestId("field-code").innerText()).toBe(founder.referral_code)
    expect(await page.getByTestId("field-team-size").innerText()).toBe(String(founder.team_size))

    const children = await all<{ id: string; display_name: string; referral_code: string | null; direct_count: number }>(
      "select id, display_name, referral_code, direct_count from distribution_distributor where parent_id = $1 and deleted_at is null",
      [founder.id]
    )
    const tree = page.getByTestId("team-tree")
    for (const c of children) {
      await tree.getByRole("link", { name: c.display_name, exact: true }).waitFor()
    }
    const parent = children.find((c) => c.direct_count > 0)!
    const grandchildren = await all<{ display_name: string }>(
      "select display_name from distribution_distributor where parent_id = $1 and deleted_at is null",
      [parent.id]
    )
    await tree.getByTestId(`team-node-${parent.referral_code ?? parent.id}`).getByTestId("team-toggle").first().click()
    for (const g of grandchildren) {
      await tree.getByRole("link", { name: g.display_name, exact: true }).waitFor()
    }

    // Its wallet: the adjustment, less the two withdrawals held; its share of the order still pending.
    const wallet = await one<{ available: string; held: string; pending: string; entries: string; commissions: string }>(
      `select w.available::text, w.held::text,
              (select sum(amount - reversed_amount)::text from distribution_commission
                where distributor_id = w.distributor_id and currency_code = w.currency_code and status = 'pending') pending,
              (select count(*) from distribution_ledger_entry where distributor_id = w.distributor_id) entries,
              (select count(*) from distribution_commission where distributor_id = w.distributor_id) commissions
         from distribution_wallet w where w.distributor_id = $1 and w.currency_code = 'cny'`,
      [founder.id]
    )
    await page.getByTestId("balance-cny-available").waitFor()
    expect(await page.getByTestId("balance-cny-available").innerText()).toContain(f.money(wallet.available))
    expect(await page.getByTestId("balance-cny-held").innerText()).toContain(f.money(wallet.held))
    expect(await page.getByTestId("balance-cny-pending").innerText()).toContain(f.money(wallet.pending))
    // One page of ten, newest first.
    expect(await page.getByTestId("ledger-section").getByRole("row").count()).toBe(Math.min(Number(wallet.entries), 10) + 1)
    expect(await page.getByTestId("commissions-section").getByRole("row").count()).toBe(Math.min(Number(wallet.commissions), 10) + 1)
    const { n: withdrawals } = await one<{ n: string }>("select count(*) n from distribution_withdrawal where distributor_id = $1", [founder.id])
    expect(await page.getByTestId("withdrawals-section").getByRole("row").count()).toBe(Math.min(Number(withdrawals), 10) + 1)
    await screenshot(page, "03-distributor-detail")

    // The ledger in words, each entry linked to what it is about.
    const ledger = page.getByTestId("ledger-section")
    const requested = ledger.getByRole("link", { name: `Withdrawal of ${f.money("131.31")} requested on ${f.date(new Date())}`, exact: true })
    expect(await requested.getAttribute("href")).toBe(`/app/distribution/withdrawals?id=${withdrawalIds[3]}`)
    await ledger.getByText("Manual adjustment: 活动奖励", { exact: true }).waitFor()
    await requested.click()
    await page.getByTestId("withdrawal-drawer").getByText(f.money("131.31")).first().waitFor()
  })

  it("The ledger names the order of each commission entry, linked to it", async () => {
    // An entry on the first page (ten newest) of its distributor's ledger.
    const onFirstPage = (kind: string) =>
      one<{ distributor_id: string; order_id: string; display_id: number }>(
        `select l.distributor_id, o.id order_id, o.display_id from distribution_ledger_entry l
           join distribution_commission c on c.id = split_part(l.reference_id, ':', 1)
           join "order" o on o.id = c.order_id
          where l.kind = $1 and (select count(*) from distribution_ledger_entry n
                 where n.distributor_id = l.distributor_id and (n.created_at, n.id) > (l.created_at, l.id)) < 10
          order by l.created_at desc limit 1`,
        [kind]
      )
    for (const [kind, words] of [
      ["commission_settled", (n: number) => `Commission of order #${n} settled`],
      ["commission_clawed_back", (n: number) => `Clawback of order #${n}`],
    ] as const) {
      const entry = await onFirstPage(kind)
      await open(`/distribution/distributors/${entry.distributor_id}`)
      const link = page.getByTestId("ledger-section").getByRole("link", { name: words(entry.display_id), exact: true }).first()
      expect(await link.getAttribute("href")).toBe(`/app/orders/${entry.order_id}`)
    }
  })

  it("A distributor's actions: adjust its balance, move it, suspend it with a reason, reinstate it", async () => {
    const leaf = await one<{ id: string; parent_id: string }>(
      `select d.id, d.parent_id from distribution_distributor d join distribution_distributor_tree t on t.id = d.id
        where d.status = 'active' and t.depth > 0 and d.team_size = 0 and d.deleted_at is null order by d.created_at, d.id limit 1`
    )
    const target = await one<{ id: string; display_name: string; referral_code: string }>(
      "select d.id, d.display_name, d.referral_code from distribution_distributor d join distribution_distributor_tree t on t.id = d.id where d.status = 'active' and t.depth = 0 and d.id <> $1 order by d.created_at desc limit 1",
      [leaf.parent_id]
    )
    await open(`/distribution/distributors/${leaf.id}`)
    const menu = async (item: string) => {
      await page.getByTestId("action-menu").click()
      await page.getByRole("menuitem", { name: item }).click()
    }

    await menu("Adjust balance")
    const adjust = page.getByTestId("adjust-drawer")
    await adjust.locator('input[name="amount"]').fill("12.34")
    await adjust.locator('input[name="reason"]').fill("补发活动奖励")
    await adjust.getByTestId("drawer-submit").click()
    await toast("Balance adjusted")
    expect(
      await all("select amount::text, reason from distribution_ledger_entry where distributor_id = $1 and kind = 'manual_adjustment'", [
        leaf.id,
      ])
    ).toEqual([{ amount: "12.34", reason: "补发活动奖励" }])
    const { available } = await one<{ available: string }>(
      "select available::text from distribution_wallet where distributor_id = $1 and currency_code = 'cny'",
      [leaf.id]
    )
    await page.getByTestId("balance-cny-available").getByText(f.money(available)).waitFor()

    await menu("Move")
    const move = page.getByRole("dialog")
    await move.getByRole("searchbox").fill(target.referral_code)
    await move.getByRole("combobox").click()
    await page.getByRole("option", { name: `${target.display_name} · ${target.referral_code}` }).click()
    await move.getByTestId("drawer-submit").click()
    await toast("Distributor moved with its team")
    expect((await one<{ parent_id: string }>("select parent_id from distribution_distributor where id = $1", [leaf.id])).parent_id).toBe(
      target.id
    )
    await page.getByTestId("upline-section").getByText(target.display_name).waitFor()

    await menu("Suspend")
    await page.getByRole("dialog").locator('textarea[name="reason"]').fill("违规刷单")
    await page.getByRole("dialog").getByTestId("drawer-submit").click()
    await toast("Distributor suspended")
    expect(await one("select status, suspend_reason from distribution_distributor where id = $1", [leaf.id])).toEqual({
      status: "suspended",
      suspend_reason: "违规刷单",
    })

    await page.getByTestId("action-reinstate").click()
    await page.getByRole("alertdialog").getByRole("button", { name: "Reinstate" }).click()
    await toast("Distributor reinstated")
    expect((await one<{ status: string }>("select status from distribution_distributor where id = $1", [leaf.id])).status).toBe("active")
  })

  it("A distributor's level: set with a reason, in the database and the audit log", async () => {
    const member = await one<{ id: string; level_id: string }>(
      `select d.id, d.level_id from distribution_distributor d join distribution_level l on l.id = d.level_id
        where d.status = 'active' and d.deleted_at is null order by l.rank, d.created_at limit 1`
    )
    const top = await one<{ id: string; name: string; rate_bps_1: number; rate_bps_2: number; rate_bps_3: number }>(
      "select id, name, rate_bps_1, rate_bps_2, rate_bps_3 from distribution_level where deleted_at is null order by rank desc limit 1"
    )
    await open(`/distribution/distributors/${member.id}`)
    await page.getByTestId("action-menu").click()
    await page.getByRole("menuitem", { name: "Set level" }).click()
    const drawer = page.getByTestId("level-drawer")
    await drawer.getByTestId("level-select").click()
    await page.getByRole("option", { name: `${top.name} (${[top.rate_bps_1, top.rate_bps_2, top.rate_bps_3].map(f.bps).join(" / ")})` }).click()
    await drawer.locator('input[name="reason"]').fill("年度最佳推广")
    await drawer.getByTestId("drawer-submit").click()
    await toast("Level changed")
    expect((await one<{ level_id: string }>("select level_id from distribution_distributor where id = $1", [member.id])).level_id).toBe(top.id)
    expect(
      await one("select actor_type, data from distribution_audit_log where entity_id = $1 and action = 'distributor.set_level'", [member.id])
    ).toEqual({
      actor_type: "admin",
      data: { from_level_id: member.level_id, to_level_id: top.id, to_level_name: top.name, reason: "年度最佳推广" },
    })
    await page.getByText(new RegExp(`^${escape(top.name)} \\(`)).first().waitFor()
  })

  it("Applications: approve one, reject one with a reason, approve two at once", async () => {
    const pending = await all<{ id: string; display_name: string }>(
      "select id, display_name from distribution_distributor where status = 'pending' and deleted_at is null order by created_at, id"
    )
    expect(pending.length).toBeGreaterThanOrEqual(4)
    await open("/distribution/applications")
    const row = (name: string) => page.getByRole("row").filter({ hasText: name })
    await row(pending[0].display_name).waitFor()
    expect(await page.getByRole("row").count()).toBe(pending.length + 1)
    await screenshot(page, "04-applications")

    // Approved on a level of the admin's choosing rather than the default.
    const second = await one<{ id: string; name: string; rate_bps_1: number; rate_bps_2: number; rate_bps_3: number }>(
      "select id, name, rate_bps_1, rate_bps_2, rate_bps_3 from distribution_level where deleted_at is null and not is_default order by rank limit 1"
    )
    await row(pending[0].display_name).getByRole("button").last().click()
    await page.getByRole("menuitem", { name: "Approve" }).click()
    const approve = page.getByTestId("approve-drawer")
    await approve.getByTestId("approve-level").click()
    await page.getByRole("option", { name: `${second.name} (${[second.rate_bps_1, second.rate_bps_2, second.rate_bps_3].map(f.bps).join(" / ")})` }).click()
    await approve.getByTestId("drawer-submit").click()
    await toast("Application approved")
    const approved = await one<{ status: string; referral_code: string | null; level_id: string }>(
      "select status, referral_code, level_id from distribution_distributor where id = $1",
      [pending[0].id]
    )
    expect(approved.status).toBe("active")
    expect(approved.referral_code).toMatch(/^[2-9A-HJKMNP-Z]{7}$/)
    expect(approved.level_id).toBe(second.id)

    await row(pending[1].display_name).getByRole("button").last().click()
    await page.getByRole("menuitem", { name: "Reject" }).click()
    await page.getByTestId("reject-drawer").locator('textarea[name="reason"]').fill("资料不完整，请补充后再申请")
    await page.getByTestId("reject-drawer").getByTestId("drawer-submit").click()
    await toast("Application rejected")
    expect(
      await one("select status, reject_reason from distribution_distributor where id = $1", [pending[1].id])
    ).toEqual({ status: "rejected", reject_reason: "资料不完整，请补充后再申请" })

    for (const p of pending.slice(2, 4)) {
      await row(p.display_name).getByRole("checkbox").check()
    }
    await page.getByText("2 selected").waitFor()
    await page.keyboard.press("a")
    await toast("2 applications approved")
    const statuses = await all<{ status: string }>("select status from distribution_distributor where id = any($1)", [
      pending.slice(2, 4).map((p) => p.id),
    ])
    expect(statuses).toEqual([{ status: "active" }, { status: "active" }])
    expect(await page.getByRole("row").count()).toBe(pending.length - 4 + 1)
  })

  it("Withdrawals: approve and pay one with its transfer reference, reject one, approve and pay two at once, export the payout file", async () => {
    await open("/distribution/withdrawals")
    const [payId, rejectId, ...bulkIds] = withdrawalIds
    const amounts = await all<{ id: string; amount: string; net_amount: string }>(
      "select id, amount::text, net_amount::text from distribution_withdrawal where id = any($1) order by created_at",
      [withdrawalIds]
    )
    const row = (amount: string) => page.getByRole("row").filter({ hasText: f.money(amount) })
    await row(amounts[0].amount).waitFor()
    const { n: queued } = await one<{ n: string }>("select count(*) n from distribution_withdrawal where status in ('requested', 'approved')")
    expect(await page.getByRole("row").count()).toBe(Math.min(Number(queued), 20) + 1)
    await screenshot(page, "05-withdrawals")

    // A row opens the withdrawal: the account masked, the hold in the ledger.
    await row(amounts[0].amount).getByRole("cell").nth(1).click()
    const detail = page.getByTestId("withdrawal-drawer")
    await detail.getByTestId("withdrawal-account").getByText("z***@alipay.example").waitFor()
    await detail.getByText("Withdrawal held").waitFor()
    await detail.getByTestId("withdrawal-audit").getByText("Requested by the distributor").waitFor()
    expect(await detail.innerText()).not.toContain("zhang.wei@alipay.example")
    await screenshot(page, "05b-withdrawal-detail")
    await page.keyboard.press("Escape")
    await detail.waitFor({ state: "hidden" })

    await row(amounts[0].amount).getByRole("button").last().click()
    await page.getByRole("menuitem", { name: "Approve" }).click()
    await page.getByRole("alertdialog").getByRole("button", { name: "Approve" }).click()
    await toast("Withdrawal approved")
    expect((await one<{ status: string }>("select status from distribution_withdrawal where id = $1", [payId])).status).toBe("approved")

    await row(amounts[0].amount).getByText("Approved").waitFor()
    await row(amounts[0].amount).getByRole("button").last().click()
    await page.getByRole("menuitem", { name: "Mark as paid" }).click()
    await page.getByTestId("withdrawal-pay-drawer").locator('input[name="reason"]').fill("ALIPAY-20261126-0001")
    await page.getByTestId("withdrawal-pay-drawer").getByTestId("drawer-submit").click()
    await toast("Withdrawal marked as paid")
    expect(await one("select status, transaction_reference from distribution_withdrawal where id = $1", [payId])).toEqual({
      status: "paid",
      transaction_reference: "ALIPAY-20261126-0001",
    })

    await row(amounts[1].amount).getByRole("button").last().click()
    await page.getByRole("menuitem", { name: "Reject" }).click()
    await page.getByTestId("withdrawal-reject-drawer").locator('textarea[name="reason"]').fill("支付宝账户实名不符")
    await page.getByTestId("withdrawal-reject-drawer").getByTestId("drawer-submit").click()
    await toast("Withdrawal rejected")
    expect(await one("select status, reject_reason from distribution_withdrawal where id = $1", [rejectId])).toEqual({
      status: "rejected",
      reject_reason: "支付宝账户实名不符",
    })

    const bulk = page.getByRole("row").filter({ hasText: new RegExp(`${escape(f.money(amounts[2].amount))}|${escape(f.money(amounts[3].amount))}`) })
    await bulk.nth(1).waitFor()
    const selectBoth = async () => {
      for (const i of [0, 1]) await bulk.nth(i).getByRole("checkbox").check()
      await page.getByText("2 selected").waitFor()
    }
    await selectBoth()
    await page.keyboard.press("a")
    await toast("2 withdrawals updated")
    const statusesOf = async () =>
      all<{ status: string; transaction_reference: string | null }>("select status, transaction_reference from distribution_withdrawal where id = any($1) order by id", [bulkIds])
    expect(await statusesOf()).toEqual([
      { status: "approved", transaction_reference: null },
      { status: "approved", transaction_reference: null },
    ])
    await bulk.nth(1).getByText("Approved").waitFor()
    await selectBoth()
    await page.keyboard.press("p")
    await page.getByTestId("withdrawal-pay-drawer").locator('input[name="reason"]').fill("BANK-BATCH-0002")
    await page.getByTestId("withdrawal-pay-drawer").getByTestId("drawer-submit").click()
    // The first bulk's toast may still be showing: wait for the rows instead.
    await eventually(async () => (await statusesOf()).every((w) => w.status === "paid"))
    expect(await statusesOf()).toEqual([
      { status: "paid", transaction_reference: "BANK-BATCH-0002" },
      { status: "paid", transaction_reference: "BANK-BATCH-0002" },
    ])

    const href = await page.getByTestId("withdrawals-export").getAttribute("href")
    expect(href).toContain("/admin/distribution/withdrawals/export")
    const csv = await page.request.get(`${dashboard.app.url}/admin/distribution/withdrawals/export?status=paid`)
    expect(csv.status()).toBe(200)
    const body = await csv.text()
    expect(body).toContain(payId)
    expect(body).toContain("zhang.wei@alipay.example")
    expect(body).not.toContain(rejectId)
  })

  it("Levels: every level with its rates; a rate typed as a percentage is saved in basis points", async () => {
    await open("/distribution/levels")
    const levels = await all<{ rank: number; name: string; rate_bps_1: number; rate_bps_2: number; rate_bps_3: number }>(
      "select rank, name, rate_bps_1, rate_bps_2, rate_bps_3 from distribution_level where deleted_at is null order by rank"
    )
    for (const l of levels) {
      const text = await page.getByTestId(`level-row-${l.rank}`).innerText()
      expect(text).toContain(l.name)
      expect(text).toContain([l.rate_bps_1, l.rate_bps_2, l.rate_bps_3].map(f.bps).join(" / "))
    }
    await screenshot(page, "06-levels")

    const first = levels[0]
    await page.getByTestId(`level-row-${first.rank}`).getByRole("button", { name: "Edit" }).click()
    const dialog = page.getByRole("dialog")
    expect(await dialog.locator('input[name="rate_bps_1"]').inputValue()).toBe(String(first.rate_bps_1 / 100))
    // Three decimals are refused in the form: nothing is sent.
    await dialog.locator('input[name="rate_bps_3"]').fill("12.345")
    await dialog.getByTestId("rate_bps_3-problem").getByText("At most two decimals, such as 12.55").waitFor()
    await dialog.getByTestId("drawer-submit").click()
    expect((await one<{ rate_bps_3: number }>("select rate_bps_3 from distribution_level where rank = $1", [first.rank])).rate_bps_3).toBe(first.rate_bps_3)
    await dialog.locator('input[name="rate_bps_3"]').fill("12.5")
    await dialog.getByTestId("drawer-submit").click()
    await toast("Level saved")
    expect((await one<{ rate_bps_3: number }>("select rate_bps_3 from distribution_level where rank = $1", [first.rank])).rate_bps_3).toBe(1250)
    await page.getByTestId(`level-row-${first.rank}`).getByText(`${f.bps(first.rate_bps_1)} / ${f.bps(first.rate_bps_2)} / 12.5%`).waitFor()
  })

  it("Commission rules: the seeded ones listed; a product found by search gets a rule, its rates typed in percent", async () => {
    await open("/distribution/rules")
    const { n } = await one<{ n: string }>("select count(*) n from distribution_commission_rule where deleted_at is null")
    await page.getByText(new RegExp(`of\\s+${n}\\s+results`)).waitFor()
    await screenshot(page, "07-rules")

    const tote = await one<{ id: string; title: string }>("select id, title from product where handle = 'canvas-tote'")
    await page.getByRole("button", { name: "Create" }).click()
    const drawer = page.getByRole("dialog")
    await drawer.locator('input[name="target_search"]').fill(tote.title.split(" ")[0])
    await drawer.getByTestId("target-option").filter({ hasText: tote.title }).click()
    await drawer.getByTestId("target-chosen").getByText(`Applies to: ${tote.title}`).waitFor()
    await drawer.locator('input[name="value_0"]').fill("15")
    await drawer.locator('input[name="value_1"]').fill("6")
    await drawer.getByTestId("drawer-submit").click()
    await toast("Commission rule saved")
    expect(
      await one("select mode, rate_bps_1, rate_bps_2, rate_bps_3 from distribution_commission_rule where target_id = $1 and deleted_at is null", [
        tote.id,
      ])
    ).toEqual({ mode: "rate", rate_bps_1: 1500, rate_bps_2: 600, rate_bps_3: null })
    await page.getByText(new RegExp(`of\\s+${Number(n) + 1}\\s+results`)).waitFor()
    await page.getByRole("row").filter({ hasText: tote.title }).getByText("15% / 6% / inherited").waitFor()
  })

  it("Settings: every setting explained; a change is saved", async () => {
    await open("/distribution/settings")
    await page.getByText("Freeze period (days)").waitFor()
    const settings = await one<{ freeze_days: number }>("select freeze_days from distribution_settings where deleted_at is null")
    const freeze = page.locator('input[name="freeze_days"]')
    expect(await freeze.inputValue()).toBe(String(settings.freeze_days))
    await screenshot(page, "08-settings")
    // The demo chose CNY; the store's default is CNY too, so following the store keeps the numbers.
    const currency = page.getByTestId("select-currency_code")
    expect((await currency.innerText()).trim()).toBe("CNY")
    await freeze.fill("10")
    await currency.click()
    await page.getByRole("option", { name: "Store default (CNY)" }).click()
    await page.getByTestId("settings-save").click()
    await toast("Settings saved")
    expect(await one("select freeze_days, currency_code from distribution_settings where deleted_at is null")).toEqual({ freeze_days: 10, currency_code: null })
  })

  it("Order widget: who earns what from the order", async () => {
    const commissions = await all<{ amount: string; status: string; earner: string }>(
      `select c.amount::text, c.status, d.display_name || ' · ' || d.referral_code earner
         from distribution_commission c join distribution_distributor d on d.id = c.distributor_id
        where c.order_id = $1 order by c.depth, c.id`,
      [orderId]
    )
    expect(commissions.length).toBeGreaterThan(0)
    await open(`/orders/${orderId}`)
    const widget = page.getByTestId("order-distribution-widget")
    await widget.getByTestId("order-commission-row").first().waitFor()
    expect(await widget.getByTestId("order-commission-row").count()).toBe(commissions.length)
    const shown = (await widget.getByTestId("order-commission-amount").allInnerTexts()).sort()
    expect(shown).toEqual(commissions.map((c) => f.money(c.amount)).sort())
    for (const c of commissions) {
      await widget.getByRole("link", { name: c.earner, exact: true }).first().waitFor()
    }
    await screenshot(page, "09-order-widget")
  })

  it("Customer widget: a buyer's referrer, and a distributor's standing", async () => {
    const buyer = await one<{ id: string; referrer: string }>(
      `select c.id, d.display_name referrer from customer c
         join distribution_referral_binding b on b.customer_id = c.id and b.deleted_at is null
         join distribution_distributor d on d.id = b.distributor_id
        where c.email = 'demo@example.com'`
    )
    await open(`/customers/${buyer.id}`)
    const widget = page.getByTestId("customer-distribution-widget")
    await widget.getByTestId("customer-referrer").getByText(buyer.referrer, { exact: false }).waitFor()
    expect(await widget.getByTestId("customer-distributor-status").innerText()).toBe("Not a distributor")
    await screenshot(page, "10-customer-widget")

    const founder = await one<{ customer_id: string; id: string; referral_code: string }>(
      "select customer_id, id, referral_code from distribution_distributor where email = 'zhang.wei@example.com'"
    )
    await open(`/customers/${founder.customer_id}`)
    const link = page.getByTestId("customer-distributor-link")
    await link.waitFor()
    expect(await link.innerText()).toBe(founder.referral_code)
    expect(await link.getAttribute("href")).toBe(`/app/distribution/distributors/${founder.id}`)
    expect(await page.getByTestId("customer-distributor-status").innerText()).toContain("Active")
  })

  it("Product widget: the rules that apply and what each level earns per unit", async () => {
    // The serum sits in the 双十一 collection, whose rule beats the levels' rates.
    const product = await one<{ id: string; price: string; rate: number }>(
      `select p.id, pr.amount::text price, r.rate_bps_1 rate from product p
         join product_variant v on v.product_id = p.id and v.sku = 'SERUM-30'
         join product_variant_price_set vps on vps.variant_id = v.id
         join price pr on pr.price_set_id = vps.price_set_id and pr.currency_code = 'cny' and pr.deleted_at is null
                       and pr.price_list_id is null
         join distribution_commission_rule r on r.target_type = 'collection' and r.target_id = p.collection_id and r.deleted_at is null`
    )
    const level = await one<{ name: string }>("select name from distribution_level where deleted_at is null order by rank limit 1")
    // base × rate, rounded down to the fen, in integers.
    const [yuan, decimals = ""] = product.price.split(".")
    const fen = BigInt(yuan) * 100n + BigInt(decimals.padEnd(2, "0").slice(0, 2))
    const earned = (fen * BigInt(product.rate)) / 10000n
    const expected = f.money(`${earned / 100n}.${String(earned % 100n).padStart(2, "0")}`)
    await open(`/products/${product.id}`)
    const widget = page.getByTestId("product-distribution-widget")
    await widget.getByTestId("product-rule").waitFor()
    expect(await widget.getByTestId("product-rule").innerText()).toContain(`Collection: ${f.bps(product.rate)}`)
    const row = widget
      .getByTestId("product-preview")
      .filter({ hasText: f.money(product.price) })
      .first()
      .getByTestId("product-preview-row")
      .first()
    expect(await row.innerText()).toContain(level.name)
    expect(await row.locator("td").nth(1).innerText()).toBe(expected)
    await screenshot(page, "11-product-widget")
  })

  it("简体中文: the language switched in the profile; the workspace and its numbers follow", async () => {
    await dashboard.switchToChinese()

    const zh = formats("zh-CN")
    await open("/distribution")
    await page.getByRole("heading", { name: "分销概览" }).waitFor()
    await page.getByTestId("kpi-applications-value").waitFor()
    for (const label of ["分销商", "申请审核", "提现", "分销商优惠券", "限时折扣", "分销等级", "佣金规则", "分销设置"]) {
      await page.getByRole("link", { name: label, exact: true }).waitFor()
    }
    await screenshot(page, "12-overview-zh")

    await open("/distribution/distributors")
    const newest = await one<{ created_at: Date }>(
      "select created_at from distribution_distributor where deleted_at is null order by created_at desc limit 1"
    )
    await page.getByRole("cell", { name: zh.date(newest.created_at), exact: true }).first().waitFor()
    await screenshot(page, "13-distributors-zh")

    await open("/distribution/levels")
    const levels = await all<{ rank: number; rate_bps_1: number; rate_bps_2: number; rate_bps_3: number }>(
      "select rank, rate_bps_1, rate_bps_2, rate_bps_3 from distribution_level where deleted_at is null order by rank"
    )
    expect(await page.getByTestId(`level-row-${levels[0].rank}`).innerText()).toContain(
      [levels[0].rate_bps_1, levels[0].rate_bps_2, levels[0].rate_bps_3].map(zh.bps).join(" / ")
    )

    await open("/distribution/settings")
    await page.getByRole("heading", { name: "分销设置" }).waitFor()
    await page.getByText("冻结期（天）").waitFor()
    await page.getByText(zh.money("100")).first().waitFor()
    await screenshot(page, "14-settings-zh")

    // Distributor prices: the mode, and the plugin's customer groups with their members, as the database holds them.
    await page.getByRole("heading", { name: "分销价" }).waitFor()
    expect((await page.getByTestId("select-distributor_group_mode").innerText()).trim()).toBe("一个总分组，另每个等级一个")
    const readGroups = () =>
      all<{ id: string; name: string; n: number }>(
        `select g.id, g.name, count(c.id)::int as n from customer_group g
           left join customer_group_customer c on c.customer_group_id = g.id and c.deleted_at is null
          where g.metadata->>'distribution_group' is not null and g.deleted_at is null group by g.id, g.name order by g.name`
      )
    const rows = page.getByTestId("distributor-group")
    // An approval made by an earlier test joins its group in a subscriber, after its answer:
    // the page is read again until it shows what the database holds once that has run.
    let groups = await readGroups()
    let shown: string[] = []
    for (let attempt = 0; attempt < 10; attempt++) {
      await rows.first().waitFor()
      shown = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim()).sort()
      groups = await readGroups()
      if (JSON.stringify(shown) === JSON.stringify(groups.map((g) => `${g.name} ${g.n} 位成员`).sort())) break
      await new Promise((r) => setTimeout(r, 1000))
      await page.reload()
    }
    expect(groups.length).toBe(4)
    expect(shown).toEqual(groups.map((g) => `${g.name} ${g.n} 位成员`).sort())
    await page.getByTestId("distributor-groups").getByRole("button", { name: "立即同步" }).click()
    await toast("分销商分组已同步")
    await screenshot(page, "14b-distributor-groups-zh")
    const programme = groups.find((g) => g.name === "Distributors")!
    await page.getByRole("link", { name: "Distributors", exact: true }).click()
    await page.waitForURL(`**/app/customer-groups/${programme.id}`)
    await page.getByRole("heading", { name: "Distributors" }).first().waitFor()

    const founder = await one<{ id: string }>("select id from distribution_distributor where email = 'zhang.wei@example.com'")
    await open(`/distribution/distributors/${founder.id}`)
    await page.getByTestId("ledger-section").getByText("人工调整：活动奖励", { exact: true }).waitFor()
    await page
      .getByTestId("ledger-section")
      .getByRole("link", { name: `${zh.date(new Date())} 申请提现 ${zh.money("131.31")}`, exact: true })
      .waitFor()

    await open(`/orders/${orderId}`)
    await page.getByTestId("order-distribution-widget").getByText("分销佣金").waitFor()
    await page.getByTestId("order-distribution-widget").getByText("待结算").first().waitFor()
    await screenshot(page, "15-order-widget-zh")
  })
})
