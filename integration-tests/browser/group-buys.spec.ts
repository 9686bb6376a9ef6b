import { Page } from "playwright-core"
import { adminBrowser, formats, screenshot } from "../helpers/browser"

jest.setTimeout(180_000)

/**
 * 拼团 (group buys) in Medusa Admin, in 简体中文, in a real Chromium against a
 * real server on the demo shop: found in the Distribution workspace; an
 * activity created through the drawer (window in Asia/Shanghai, a variant's
 * CNY group price, size, time limit, limits, virtual completion, overflow,
 * own rates, leader bonus) and found in the database as typed, then edited;
 * the demo's 三人团 with its report equal to the database's figures; its
 * failed group's members with their refund states; its open group failed by
 * hand, the group and its members' refunds changed in the database; and the
 * pages' English labels.
 */
describe("Group buys in the browser", () => {
  const dashboard = adminBrowser()
  const { one, all, open, toast } = dashboard
  let page: Page
  const NAME = "拼团 · 浏览器 两人团"
  const DEMO = "拼团 · 帆布托特包 三人团"
  const ZONE = "Asia/Shanghai"
  const zh = formats("zh-CN")
  const REFUND_ZH: Record<string, string> = { pending: "待退款", refunding: "退款中", refunded: "已退款", failed: "退款失败" }
  let variant: { id: string; sku: string }
  let demoId: string
  /** A minute as the wall-clock time of ZONE, as a datetime-local input takes it, and the instant it stands for. */
  const wall = (offsetMinutes: number) => {
    const at = new Date(Math.floor(Date.now() / 60_000) * 60_000 + offsetMinutes * 60_000)
    const text = new Intl.DateTimeFormat("sv-SE", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .format(at)
      .replace(" ", "T")
    return { text, at }
  }
  const starts = wall(-60)
  const ends = wall(7 * 24 * 60)
  const activityRow = (name: string) => page.getByRole("row").filter({ has: page.getByTestId("group-buy-row-name").getByText(name, { exact: true }) })
  const pick = async (trigger: string, option: string) => {
    await page.getByTestId(trigger).click()
    await page.getByRole("option", { name: option, exact: true }).click()
  }
  /** The demo activity's group of a status, opened from the activity's page through the status filter. */
  const openDemoGroup = async (status: string, label: string) => {
    const group = await one<{ id: string }>("select id from distribution_group where group_buy_id = $1 and status = $2 and deleted_at is null", [demoId, status])
    await open(`/distribution/group-buys/${demoId}`)
    await pick("groups-status-filter", label)
    const row = page.getByTestId("group-buy-groups").getByRole("row").filter({ has: page.getByText(group.id, { exact: true }) })
    await row.click()
    await page.waitForURL(new RegExp(`/distribution/group-buys/${demoId}/groups/${group.id}$`))
    await page.getByTestId("group-id").getByText(group.id, { exact: true }).waitFor()
    return group.id
  }

  beforeAll(async () => {
    page = dashboard.page
    variant = await one(
      `select v.id, v.sku from product_variant v join product p on p.id = v.product_id
        where p.status = 'published' and p.deleted_at is null and v.deleted_at is null and v.sku is not null and v.sku <> 'TOTE-IVORY'
        order by v.sku limit 1`
    )
    demoId = (await one<{ id: string }>("select id from distribution_group_buy where name = $1 and deleted_at is null", [DEMO])).id
  })

  it("logs in, switches to 简体中文 and finds 拼团 in the Distribution workspace, the demo activity listed", async () => {
    await dashboard.logIn()
    await dashboard.switchToChinese()
    await open("/distribution")
    await page.getByRole("link", { name: "拼团", exact: true }).click()
    await page.waitForURL(/\/app\/distribution\/group-buys$/)
    await page.getByTestId("group-buys-page").getByRole("heading", { name: "拼团" }).waitFor()
    const demo = activityRow(DEMO)
    await demo.getByText("进行中", { exact: true }).waitFor()
    const counts = await one<{ opened: string; succeeded: string }>(
      `select count(*) filter (where status in ('open', 'succeeded', 'failed')) opened, count(*) filter (where status = 'succeeded') succeeded
         from distribution_group where group_buy_id = $1 and deleted_at is null`,
      [demoId]
    )
    expect(await demo.getByTestId("group-buy-row-groups").innerText()).toBe(`${counts.opened} / ${counts.succeeded}`)
    expect(await demo.getByTestId("group-buy-row-size").innerText()).toBe("3 人团")
    expect(await demo.getByTestId("group-buy-row-time-limit").innerText()).toBe("1 天")
    await screenshot(page, "g01-group-buys")
  })

  it("creates an activity through the drawer; its row holds every rule as typed and it is listed live", async () => {
    await open("/distribution/group-buys")
    await page.getByTestId("group-buys-create").click()
    const drawer = page.getByTestId("group-buy-drawer")
    await drawer.locator('input[name="gb_name"]').fill(NAME)
    await drawer.locator('input[name="gb_starts_at"]').fill(starts.text)
    await drawer.locator('input[name="gb_ends_at"]').fill(ends.text)
    await drawer.locator('input[name="gb_time_zone"]').fill(ZONE)
    await drawer.locator('input[name="gb_size"]').fill("2")
    await drawer.locator('input[name="gb_time_limit"]').fill("90")
    await drawer.locator('input[name="gb_reservation"]').fill("10")
    await drawer.locator('input[name="gb_per_order"]').fill("2")
    await drawer.locator('input[name="gb_per_customer"]').fill("4")
    await drawer.locator('input[name="gb_virtual_threshold"]').fill("1")
    await pick("group-buy-overflow-select", "拒绝下单")
    await drawer.locator('input[name="target_search"]').fill(variant.sku)
    await drawer.getByTestId("target-option").filter({ hasText: variant.sku }).first().click()
    await drawer.locator('input[name="gb_price_0_cny"]').fill("39.90")
    await pick("group-buy-policy-select", "专属佣金比例")
    await drawer.locator('input[name="gb_rate_1"]').fill("12.5")
    await drawer.locator('input[name="gb_rate_2"]').fill("5")
    await drawer.locator('input[name="gb_leader_bonus"]').fill("3")
    await screenshot(page, "g02-group-buy-create")
    await drawer.getByTestId("drawer-submit").click()
    await toast("拼团活动已创建")
    await drawer.waitFor({ state: "hidden" })

    const row = await one<Record<string, unknown>>("select * from distribution_group_buy where name = $1 and deleted_at is null", [NAME])
    expect(row).toMatchObject({
      status: "active",
      group_size: 2,
      time_limit_minutes: 90,
      reservation_minutes: 10,
      per_order_limit: 2,
      per_customer_limit: 4,
      virtual_threshold: 1,
      overflow: "refuse",
      commission_policy: "rates",
      rate_bps_1: 1250,
      rate_bps_2: 500,
      rate_bps_3: 0,
      leader_bonus_bps: 300,
      prices: [{ variant_id: variant.id, currency_code: "cny", amount: "39.90" }],
    })
    expect(new Date(row.starts_at as string).toISOString()).toBe(starts.at.toISOString())
    expect(new Date(row.ends_at as string).toISOString()).toBe(ends.at.toISOString())

    const listed = activityRow(NAME)
    await listed.getByText("进行中", { exact: true }).waitFor()
    expect(await listed.getByTestId("group-buy-row-size").innerText()).toBe("2 人团")
    expect(await listed.getByTestId("group-buy-row-time-limit").innerText()).toBe("90 分钟")
    expect(await listed.getByTestId("group-buy-row-groups").innerText()).toBe("0 / 0")
  })

  it("edits the activity from its page: the changed size and price are saved, the rest kept", async () => {
    await open("/distribution/group-buys")
    await activityRow(NAME).click()
    await page.getByTestId("group-buy-name").getByText(NAME, { exact: true }).waitFor()
    expect(await page.getByTestId("group-buy-policy").innerText()).toBe("专属佣金比例: 12.5% / 5% / 0%")
    expect(await page.getByTestId("group-buy-leader-bonus").innerText()).toBe("3%")
    await page.getByTestId("group-buy-edit").click()
    const drawer = page.getByTestId("group-buy-drawer")
    expect(await drawer.locator('input[name="gb_price_0_cny"]').inputValue()).toBe("39.90")
    await drawer.locator('input[name="gb_size"]').fill("4")
    await drawer.locator('input[name="gb_price_0_cny"]').fill("35.50")
    await drawer.getByTestId("drawer-submit").click()
    await toast("拼团活动已保存")
    await drawer.waitFor({ state: "hidden" })

    const row = await one<Record<string, unknown>>("select * from distribution_group_buy where name = $1 and deleted_at is null", [NAME])
    expect(row).toMatchObject({
      group_size: 4,
      time_limit_minutes: 90,
      virtual_threshold: 1,
      overflow: "refuse",
      leader_bonus_bps: 300,
      prices: [{ variant_id: variant.id, currency_code: "cny", amount: "35.50" }],
    })
    expect(new Date(row.starts_at as string).toISOString()).toBe(starts.at.toISOString())
    expect(await page.getByTestId("group-buy-size").innerText()).toBe("4 人团")
    expect(await page.getByTestId("group-buy-price-amount").innerText()).toBe(zh.money("35.50", "cny"))
  })

  it("opens the demo 三人团: its report equals the database's figures; its failed group shows each member's refund", async () => {
    await open("/distribution/group-buys")
    await activityRow(DEMO).click()
    await page.getByTestId("group-buy-name").getByText(DEMO, { exact: true }).waitFor()
    const counts = await one<Record<string, string>>(
      `select count(*) filter (where status in ('open', 'succeeded', 'failed')) opened, count(*) filter (where status = 'succeeded') succeeded,
              count(*) filter (where status = 'failed') failed, count(*) filter (where status = 'succeeded' and virtual_count > 0) virtual,
              count(*) filter (where status = 'open') open
         from distribution_group where group_buy_id = $1 and deleted_at is null`,
      [demoId]
    )
    expect(counts).toMatchObject({ opened: "3", succeeded: "1", failed: "1", open: "1" })
    for (const k of ["opened", "succeeded", "failed", "virtual", "open"]) {
      await page.getByTestId(`gb-${k}-value`).getByText(zh.number(counts[k]), { exact: true }).waitFor()
    }
    const money = await one<{ gmv: string; refunded: string }>(
      `select coalesce(sum(unit_price::numeric * quantity) filter (where status = 'paid' and refund_status is null), 0)::text gmv,
              coalesce(sum(unit_price::numeric * quantity) filter (where refund_status = 'refunded'), 0)::text refunded
         from distribution_group_member where group_buy_id = $1 and currency_code = 'cny' and deleted_at is null`,
      [demoId]
    )
    // Four paid members not refunded (three succeeded, one open) and the failed group's two refunded, at ¥59.90.
    expect(money.gmv).toMatch(/^239\.60*$/)
    expect(money.refunded).toMatch(/^119\.80*$/)
    const cny = page.locator('[data-testid="gb-money-row"][data-currency="cny"]')
    expect(await cny.getByTestId("gb-gmv").innerText()).toBe(zh.money(money.gmv, "cny"))
    expect(await cny.getByTestId("gb-refunded").innerText()).toBe(zh.money(money.refunded, "cny"))
    await screenshot(page, "g03-group-buy-detail")

    const groupId = await openDemoGroup("failed", "拼团失败")
    const members = await all<{ id: string; refund_status: string }>(
      "select id, refund_status from distribution_group_member where group_id = $1 and status = 'paid' and deleted_at is null",
      [groupId]
    )
    expect(members.length).toBe(2)
    for (const m of members) {
      expect(m.refund_status).toBe("refunded")
      expect(await page.locator(`[data-testid="group-member-row"][data-member="${m.id}"]`).getByTestId("group-member-refund").innerText()).toBe(REFUND_ZH.refunded)
    }
    expect(await page.getByTestId("group-seats").innerText()).toBe("已付款 2 / 3（模拟 0）")
    expect(await page.getByTestId("group-fail").count()).toBe(0)
    await screenshot(page, "g04-failed-group")
  })

  it("fails the open group after a confirmation: the group is failed and its paid member refunded, in the database and on the page", async () => {
    const groupId = await openDemoGroup("open", "拼团中")
    const leader = await one<{ email: string }>(
      "select c.email from distribution_group_member m join customer c on c.id = m.customer_id where m.group_id = $1 and m.is_leader",
      [groupId]
    )
    expect(await page.getByTestId("group-leader").innerText()).toBe(leader.email)
    expect(await page.getByTestId("group-seats").innerText()).toBe("已付款 1 / 3（模拟 0）")
    await page.getByTestId("group-fail").click()
    await page.getByRole("alertdialog").getByRole("button", { name: "立即失败" }).click()
    await toast("拼团已失败，成员订单正在退款")
    await page.getByTestId("group-detail").getByText("拼团失败", { exact: true }).first().waitFor()

    expect(await one("select status, failed_at is not null failed from distribution_group where id = $1", [groupId])).toEqual({ status: "failed", failed: true })
    const members = await all<{ id: string; refund_status: string; order_status: string }>(
      `select m.id, m.refund_status, o.status order_status from distribution_group_member m join "order" o on o.id = m.order_id
        where m.group_id = $1 and m.status = 'paid' and m.deleted_at is null`,
      [groupId]
    )
    expect(members.map((m) => [m.refund_status, m.order_status])).toEqual([["refunded", "canceled"]])
    for (const m of members) {
      await page.locator(`[data-testid="group-member-row"][data-member="${m.id}"]`).getByTestId("group-member-refund").getByText(REFUND_ZH[m.refund_status], { exact: true }).waitFor()
    }
    expect(await page.getByTestId("group-fail").count()).toBe(0)
    await screenshot(page, "g05-group-failed-by-hand")
  })

  it("in English, the list, the activity and the group pages say Group buys, Report, Members and Refunded", async () => {
    await open("/settings/profile/edit")
    await page.getByRole("combobox").click()
    await page.getByRole("option", { name: "English", exact: true }).click()
    await page.getByRole("button", { name: "保存" }).click()
    await page.waitForFunction(() => localStorage.getItem("lng") === "en")
    await open("/distribution/group-buys")
    await page.getByTestId("group-buys-page").getByRole("heading", { name: "Group buys" }).waitFor()
    await page.getByRole("columnheader", { name: "Groups opened / succeeded" }).waitFor()
    expect(await activityRow(DEMO).getByTestId("group-buy-row-size").innerText()).toBe("3 people")
    await activityRow(DEMO).click()
    await page.getByTestId("group-buy-report").getByRole("heading", { name: "Report" }).waitFor()
    await page.getByTestId("gb-opened").getByText("Groups opened", { exact: true }).waitFor()
    expect(await page.getByTestId("group-buy-overflow").innerText()).toBe("Lead a new group")
    await openDemoGroup("failed", "Failed")
    await page.getByTestId("group-members-section").getByRole("heading", { name: "Members" }).waitFor()
    expect(await page.getByTestId("group-member-refund").first().innerText()).toBe("Refunded")
    await screenshot(page, "g06-group-english")
  })
})
