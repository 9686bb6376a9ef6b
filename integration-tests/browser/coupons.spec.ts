import { AxiosInstance } from "axios"
import { Page } from "playwright-core"
import { adminBrowser, formats, screenshot } from "../helpers/browser"

jest.setTimeout(120_000)

/**
 * Distributor coupons (分销商优惠券) in Medusa Admin, in a real Chromium against
 * a real server on the demo shop (its template, a coupon per active distributor,
 * orders placed with some): the Coupons page's totals and rows against the
 * database, a coupon issued, disabled and enabled again, a coupon's own rates
 * typed in percent, the widget on Medusa's promotion page, and the page in
 * 简体中文.
 */
describe("Distributor coupons in the browser", () => {
  const dashboard = adminBrowser()
  const { one, all, open, toast } = dashboard
  let page: Page
  let api: AxiosInstance
  let adminHeaders: { authorization: string }
  let newcomer: { id: string; referral_code: string; display_name: string | null; email: string }
  const f = formats()
  /**
   * The row as the query reads it once it equals `expected`, or as it last was
   * after 10 s: a toast of the same text may still be showing from the step
   * before, so seeing it does not mean this save has landed.
   */
  const eventually = async (sql: string, params: unknown[], expected: Record<string, unknown>) => {
    let last: unknown
    for (let i = 0; i < 50; i++) {
      last = await one(sql, params)
      if (JSON.stringify(last) === JSON.stringify(expected)) break
      await new Promise((r) => setTimeout(r, 200))
    }
    return last
  }
  /** The coupons report's totals for the last 30 days in UTC (the browser's zone), in CNY, as the database has them. */
  const totals = () => {
    const day = 24 * 60 * 60 * 1000
    const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate())
    return one<{ coupons: string; uses: string; sales: string; commission: string }>(
      `select count(distinct u.coupon_id) coupons, count(*) uses, trunc(coalesce(sum(u.sales_amount), 0), 2)::text sales,
              trunc(coalesce(sum((select coalesce(sum(c.amount - c.reversed_amount), 0) from distribution_commission c
                 where c.order_id = u.order_id and c.distributor_id = u.distributor_id and c.deleted_at is null)), 0), 2)::text commission
         from distribution_coupon_use u
        where u.currency_code = 'cny' and u.created_at >= $1 and u.created_at < $2 and u.deleted_at is null`,
      [new Date(today - 29 * day), new Date(today + day)]
    )
  }

  beforeAll(async () => {
    ;({ page, api, adminHeaders } = dashboard)
    // A distributor approved after the coupons went out: the one the merchant issues a coupon to.
    const applicant = await one<{ id: string }>(
      "select id from distribution_distributor where status = 'pending' and deleted_at is null order by created_at, id limit 1"
    )
    await api.post(`/admin/distribution/distributors/${applicant.id}/approve`, {}, { headers: adminHeaders })
    newcomer = await one("select id, referral_code, display_name, email from distribution_distributor where id = $1", [applicant.id])
  })

  it("logs in and finds Coupons in the Distribution workspace", async () => {
    await dashboard.logIn()
    await page.getByRole("link", { name: "Distribution", exact: true }).click()
    await page.getByRole("link", { name: "Coupons", exact: true }).click()
    await page.waitForURL(/\/app\/distribution\/coupons$/)
    await page.getByTestId("coupons-page").waitFor()
  })

  it("Coupons: the report's totals, and each coupon's owner, status, uses, sales, commission and policy as the database has them", async () => {
    await open("/distribution/coupons")
    const t = await totals()
    expect(Number(t.uses)).toBeGreaterThan(0)
    await page.getByTestId("coupon-kpi-uses-value").getByText(f.number(t.uses), { exact: true }).waitFor()
    expect(await page.getByTestId("coupon-kpi-coupons-value").innerText()).toBe(f.number(t.coupons))
    expect(await page.getByTestId("coupon-kpi-sales-value").innerText()).toBe(f.money(t.sales))
    expect(await page.getByTestId("coupon-kpi-commission-value").innerText()).toBe(f.money(t.commission))
    // The template is chosen: no notice.
    expect(await page.getByTestId("coupons-no-template").count()).toBe(0)

    const { n } = await one<{ n: string }>("select count(*) n from distribution_coupon where deleted_at is null")
    await page.getByText(new RegExp(`of\\s+${n}\\s+results`)).waitFor()
    await screenshot(page, "c01-coupons")

    // The most used coupon: found by part of its code, its figures to the cent.
    const top = await one<{ code: string; email: string; uses: string; sales: string; commission: string }>(
      `select c.code, d.email, count(*) uses, trunc(sum(u.sales_amount), 2)::text sales,
              trunc(coalesce(sum((select sum(k.amount - k.reversed_amount) from distribution_commission k
                 where k.order_id = u.order_id and k.distributor_id = u.distributor_id and k.deleted_at is null)), 0), 2)::text commission
         from distribution_coupon c join distribution_distributor d on d.id = c.distributor_id
         join distribution_coupon_use u on u.coupon_id = c.id and u.currency_code = 'cny'
        group by c.code, d.email order by count(*) desc, c.code limit 1`
    )
    await page.getByPlaceholder("Search by code").fill(top.code.slice(0, 5).toLowerCase())
    const row = page.getByRole("row").filter({ has: page.getByTestId("coupon-row-code").getByText(top.code, { exact: true }) })
    await row.waitFor()
    expect(await row.getByTestId("coupon-row-owner").innerText()).toBe(top.email)
    expect(await row.getByTestId("coupon-row-uses").innerText()).toBe(top.uses)
    expect(await row.getByTestId("coupon-sales").innerText()).toBe(f.money(top.sales))
    expect(await row.getByTestId("coupon-commission").innerText()).toBe(f.money(top.commission))
    expect(await row.getByTestId("coupon-row-policy").innerText()).toBe("Programme's policy")
    await row.getByText("Active", { exact: true }).waitFor()

    await page.getByPlaceholder("Search by code").fill("")
    await page.getByText(new RegExp(`of\\s+${n}\\s+results`)).waitFor()
  })

  it("Issue a coupon to a distributor approved later; disable it and enable it again", async () => {
    await open("/distribution/coupons")
    await page.getByTestId("coupons-issue").click()
    const drawer = page.getByTestId("coupon-issue-drawer")
    await drawer.getByRole("searchbox").fill(newcomer.referral_code)
    await drawer.getByTestId("coupon-issue-distributor").click()
    await page.getByRole("option", { name: `${newcomer.display_name || newcomer.email} · ${newcomer.referral_code}` }).click()
    await drawer.getByTestId("drawer-submit").click()
    await toast("Coupon issued")
    const coupon = await one<{ id: string; code: string; status: string; source: string; promotion_status: string; value: string }>(
      `select c.id, c.code, c.status, c.source, p.status promotion_status, am.value::text value from distribution_coupon c
         join promotion p on p.id = c.promotion_id join promotion_application_method am on am.promotion_id = p.id
        where c.distributor_id = $1`,
      [newcomer.id]
    )
    expect(coupon).toMatchObject({ code: newcomer.referral_code, status: "active", source: "admin", promotion_status: "active" })
    expect(Number(coupon.value)).toBe(10)

    await page.getByPlaceholder("Search by code").fill(coupon.code)
    const row = page.getByRole("row").filter({ has: page.getByTestId("coupon-row-code").getByText(coupon.code, { exact: true }) })
    await row.waitFor()
    expect(await row.getByTestId("coupon-row-uses").innerText()).toBe("0")

    await row.getByRole("button").last().click()
    await page.getByRole("menuitem", { name: "Disable" }).click()
    await page.getByRole("alertdialog").getByRole("button", { name: "Disable" }).click()
    await toast("Coupon disabled")
    expect(
      await one("select c.status, p.status promotion_status from distribution_coupon c join promotion p on p.id = c.promotion_id where c.id = $1", [
        coupon.id,
      ])
    ).toEqual({ status: "disabled", promotion_status: "inactive" })
    await row.getByText("Disabled", { exact: true }).waitFor()

    await row.getByRole("button").last().click()
    await page.getByRole("menuitem", { name: "Enable" }).click()
    await toast("Coupon enabled")
    expect(
      await one("select c.status, p.status promotion_status from distribution_coupon c join promotion p on p.id = c.promotion_id where c.id = $1", [
        coupon.id,
      ])
    ).toEqual({ status: "active", promotion_status: "active" })
    await row.getByText("Active", { exact: true }).waitFor()
    const audit = await all<{ action: string }>("select action from distribution_audit_log where entity_id = $1 order by created_at", [coupon.id])
    expect(audit.map((a) => a.action)).toEqual(["coupon.issue", "coupon.disable", "coupon.enable"])
  })

  it("A coupon's detail: its promotion and orders; its own rates typed in percent are saved in basis points", async () => {
    const c = await one<{ id: string; code: string; promotion_id: string; orders: string }>(
      `select c.id, c.code, c.promotion_id, count(u.id) orders from distribution_coupon c
         join distribution_coupon_use u on u.coupon_id = c.id group by c.id order by count(u.id) desc, c.code limit 1`
    )
    await open("/distribution/coupons")
    await page.getByPlaceholder("Search by code").fill(c.code)
    const row = page.getByRole("row").filter({ has: page.getByTestId("coupon-row-code").getByText(c.code, { exact: true }) })
    await row.getByTestId("coupon-row-code").click()
    const drawer = page.getByTestId("coupon-drawer")
    await drawer.getByTestId("coupon-code").getByText(c.code, { exact: true }).waitFor()
    expect(await drawer.getByTestId("coupon-promotion").getAttribute("href")).toBe(`/app/promotions/${c.promotion_id}`)
    expect(await drawer.getByTestId("coupon-offer").innerText()).toBe("10%")
    expect(await drawer.getByTestId("coupon-order-row").count()).toBe(Number(c.orders))
    const orders = await all<{ sales: string; currency_code: string }>(
      "select trunc(sales_amount, 2)::text sales, currency_code from distribution_coupon_use where coupon_id = $1 order by created_at desc, id",
      [c.id]
    )
    expect(await drawer.getByTestId("coupon-order-sales").allInnerTexts()).toEqual(orders.map((o) => f.money(o.sales, o.currency_code)))
    await screenshot(page, "c02-coupon-detail")

    // Three decimals are refused in the form: nothing is sent.
    await drawer.getByTestId("coupon-policy-select").click()
    await page.getByRole("option", { name: "Own rates" }).click()
    await drawer.locator('input[name="coupon_rate_1"]').fill("12.345")
    await drawer.getByTestId("coupon_rate_1-problem").getByText("At most two decimals, such as 12.55").waitFor()
    expect(await drawer.getByTestId("coupon-policy-save").isDisabled()).toBe(true)
    await drawer.locator('input[name="coupon_rate_1"]').fill("12.5")
    await drawer.locator('input[name="coupon_rate_2"]').fill("5")
    await drawer.locator('input[name="coupon_rate_3"]').fill("0")
    await drawer.getByTestId("coupon-policy-save").click()
    await toast("Commission policy saved")
    expect(await one("select commission_policy, rate_bps_1, rate_bps_2, rate_bps_3 from distribution_coupon where id = $1", [c.id])).toEqual({
      commission_policy: "rates",
      rate_bps_1: 1250,
      rate_bps_2: 500,
      rate_bps_3: 0,
    })
    await page.keyboard.press("Escape")
    await drawer.waitFor({ state: "hidden" })
    await row.getByTestId("coupon-row-policy").getByText(`Own rates: ${f.bps(1250)} / ${f.bps(500)} / ${f.bps(0)}`, { exact: true }).waitFor()

    // Back to the programme's policy: the rates are cleared.
    await row.getByTestId("coupon-row-code").click()
    await drawer.getByTestId("coupon-policy-select").click()
    await page.getByRole("option", { name: "Programme's policy" }).click()
    await drawer.getByTestId("coupon-policy-save").click()
    await toast("Commission policy saved")
    expect(await eventually("select commission_policy, rate_bps_1 from distribution_coupon where id = $1", [c.id], {
      commission_policy: null,
      rate_bps_1: null,
    })).toEqual({
      commission_policy: null,
      rate_bps_1: null,
    })
  })

  it("Promotion widget: a coupon's owner, status, policy and orders with their commission; the template named as such", async () => {
    const c = await one<{ id: string; promotion_id: string; distributor_id: string; email: string; referral_code: string }>(
      `select c.id, c.promotion_id, c.distributor_id, d.email, d.referral_code from distribution_coupon c
         join distribution_distributor d on d.id = c.distributor_id
         join distribution_coupon_use u on u.coupon_id = c.id group by c.id, d.id order by count(u.id) desc, c.code limit 1`
    )
    const orders = await all<{ commission: string; currency_code: string }>(
      `select trunc(coalesce((select sum(k.amount - k.reversed_amount) from distribution_commission k
                 where k.order_id = u.order_id and k.distributor_id = u.distributor_id and k.deleted_at is null), 0), 2)::text commission, u.currency_code
         from distribution_coupon_use u where u.coupon_id = $1 order by u.created_at desc, u.id`,
      [c.id]
    )
    await open(`/promotions/${c.promotion_id}`)
    const widget = page.getByTestId("promotion-distribution-widget")
    await widget.getByTestId("promotion-coupon-owner").waitFor()
    expect(await widget.getByTestId("promotion-coupon-owner").innerText()).toBe(`${c.email} · ${c.referral_code}`)
    expect(await widget.getByTestId("promotion-coupon-owner").getAttribute("href")).toBe(`/app/distribution/distributors/${c.distributor_id}`)
    await widget.getByText("Active", { exact: true }).waitFor()
    expect(await widget.getByTestId("promotion-coupon-policy").innerText()).toBe("Programme's policy")
    await widget.getByTestId("coupon-order-row").first().waitFor()
    expect(await widget.getByTestId("coupon-order-commission").allInnerTexts()).toEqual(
      orders.map((o) => f.money(o.commission, o.currency_code))
    )
    await screenshot(page, "c03-promotion-widget")

    const template = await one<{ coupon_template_promotion_id: string }>("select coupon_template_promotion_id from distribution_settings")
    await open(`/promotions/${template.coupon_template_promotion_id}`)
    await page.getByTestId("promotion-template").getByText("This promotion is the programme's coupon template", { exact: false }).waitFor()
  })

  it("简体中文: the Coupons page and its numbers in Chinese; without a template it says where to choose one", async () => {
    await dashboard.switchToChinese()

    const zh = formats("zh-CN")
    await open("/distribution/coupons")
    await page.getByRole("heading", { name: "分销商优惠券" }).first().waitFor()
    const t = await totals()
    await page.getByTestId("coupon-kpi-sales-value").getByText(zh.money(t.sales), { exact: true }).waitFor()
    expect(await page.getByTestId("coupon-kpi-commission-value").innerText()).toBe(zh.money(t.commission))
    await page.getByText("用券订单", { exact: true }).waitFor()
    await page.getByText("生效中", { exact: true }).first().waitFor()
    await page.getByRole("link", { name: "分销商优惠券", exact: true }).waitFor()
    await screenshot(page, "c04-coupons-zh")

    // No template: the page says so and links to the settings; nothing can be issued.
    await api.post("/admin/distribution/settings", { coupon_template_promotion_id: null }, { headers: adminHeaders })
    await open("/distribution/coupons")
    await page.getByTestId("coupons-no-template").getByText("尚未选择优惠券模板", { exact: true }).waitFor()
    expect(await page.getByTestId("coupons-settings-link").getAttribute("href")).toBe("/app/distribution/settings")
    expect(await page.getByTestId("coupons-issue").isDisabled()).toBe(true)
    await page.getByTestId("coupons-settings-link").click()
    await page.waitForURL(/\/app\/distribution\/settings$/)
  })
})
