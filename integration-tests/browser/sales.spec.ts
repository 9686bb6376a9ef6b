import { Page } from "playwright-core"
import { adminBrowser, formats, screenshot } from "../helpers/browser"

jest.setTimeout(120_000)

/**
 * Limited-time sales (限时折扣) in Medusa Admin, in 简体中文, in a real Chromium
 * against a real server on the demo shop: a sale created through the page
 * (20 % off a product, a window in Asia/Shanghai, its own rates) and found in
 * the database and on its Medusa price list; a second sale over the same
 * product refused with the server's reason in the form; the sale changed to
 * 25 % off and ended early; the widget on Medusa's price list page.
 */
describe("Limited-time sales in the browser", () => {
  const dashboard = adminBrowser()
  const { one, all, open, toast } = dashboard
  let page: Page
  const zh = formats("zh-CN")
  const ZONE = "Asia/Shanghai"
  const NAME = "双十二 · 限时八折"
  let product: { id: string; title: string }
  let sale: { id: string; price_list_id: string }

  /** A wall-clock time in Asia/Shanghai, as a datetime-local input takes it ("2026-12-12T10:30"), `days` from now. */
  const shanghaiWallClock = (days: number) => {
    const at = new Date(Date.now() + days * 24 * 60 * 60 * 1000)
    const p = Object.fromEntries(
      new Intl.DateTimeFormat("en-US", { timeZone: ZONE, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
        .formatToParts(at)
        .map((x) => [x.type, x.value])
    )
    return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`
  }
  /** The product's regular prices (each currency, no tier, no rule) and what `bps` off makes of them, rounded down to the cent. */
  const pricesOff = (bps: number) =>
    all<{ variant_id: string; currency_code: string; regular: string; sale: string }>(
      `select v.id variant_id, pr.currency_code, pr.amount::text regular, trunc(pr.amount * (10000 - $2) / 10000, 2)::text sale
         from product_variant v
         join product_variant_price_set vps on vps.variant_id = v.id and vps.deleted_at is null
         join price pr on pr.price_set_id = vps.price_set_id
        where v.product_id = $1 and v.deleted_at is null and pr.deleted_at is null
          and pr.price_list_id is null and pr.rules_count = 0 and pr.min_quantity is null
        order by v.id, pr.currency_code`,
      [product.id, bps]
    )
  /** The sale's prices as its Medusa price list holds them, by variant and currency. */
  const listPrices = () =>
    all<{ variant_id: string; currency_code: string; amount: string }>(
      `select vps.variant_id, pr.currency_code, trunc(pr.amount, 2)::text amount from price pr
         join product_variant_price_set vps on vps.price_set_id = pr.price_set_id and vps.deleted_at is null
        where pr.price_list_id = $1 and pr.deleted_at is null order by vps.variant_id, pr.currency_code`,
      [sale.price_list_id]
    )
  const asListed = (prices: { variant_id: string; currency_code: string; sale: string }[]) =>
    prices.map((p) => ({ variant_id: p.variant_id, currency_code: p.currency_code, amount: p.sale }))
  const saleRow = (name: string) => page.getByRole("row").filter({ has: page.getByTestId("sale-row-name").getByText(name, { exact: true }) })

  beforeAll(async () => {
    page = dashboard.page
    // A published product none of whose variants is in a sale that has not ended: the one put on sale.
    product = await one(
      `select p.id, p.title from product p
        where p.status = 'published' and p.deleted_at is null
          and exists (select 1 from product_variant v where v.product_id = p.id and v.deleted_at is null)
          and not exists (select 1 from distribution_sale_variant sv join distribution_sale s on s.id = sv.sale_id
                           where sv.product_id = p.id and s.ends_at > now() and sv.deleted_at is null and s.deleted_at is null)
        order by p.title limit 1`
    )
    expect((await pricesOff(2000)).filter((p) => p.currency_code === "cny").length).toBeGreaterThan(0)
  })

  it("logs in, switches to 简体中文 and finds 限时折扣 in the Distribution workspace", async () => {
    await dashboard.logIn()
    await dashboard.switchToChinese()
    await open("/distribution")
    await page.getByRole("link", { name: "限时折扣", exact: true }).click()
    await page.waitForURL(/\/app\/distribution\/sales$/)
    await page.getByTestId("sales-page").getByRole("heading", { name: "限时折扣" }).waitFor()
  })

  it("creates a sale: 20 % off a product until a time in Asia/Shanghai, with its own rates; listed as live", async () => {
    const ends = shanghaiWallClock(3)
    await open("/distribution/sales")
    await page.getByTestId("sales-create").click()
    const drawer = page.getByTestId("sale-drawer")
    await drawer.locator('input[name="sale_name"]').fill(NAME)
    await drawer.locator('input[name="target_search"]').fill(product.title)
    await drawer.getByTestId("target-option").filter({ hasText: product.title }).first().click()
    await drawer.getByTestId("sale-targets").getByText(product.title, { exact: true }).waitFor()
    await drawer.locator('input[name="sale_ends_at"]').fill(ends)
    await drawer.locator('input[name="sale_time_zone"]').fill(ZONE)
    await drawer.locator('input[name="sale_percent_off"]').fill("20")
    await drawer.getByTestId("sale-policy").click()
    await page.getByRole("option", { name: "专属佣金比例" }).click()
    await drawer.locator('input[name="sale_rate_1"]').fill("15")
    await drawer.locator('input[name="sale_rate_2"]').fill("5")
    await screenshot(page, "s01-sale-create")
    await drawer.getByTestId("drawer-submit").click()
    await toast("限时折扣已创建")
    await drawer.waitFor({ state: "hidden" })

    // The sale row and its Medusa price list: the window ends at that wall-clock time in Shanghai (UTC+8).
    const row = await one<{ id: string; price_list_id: string; ends_at: Date; time_zone: string; percent_off_bps: number; policy: string; rates: number[] }>(
      `select id, price_list_id, ends_at, time_zone, percent_off_bps, commission_policy policy, array[rate_bps_1, rate_bps_2, rate_bps_3] rates
         from distribution_sale where name = $1 and deleted_at is null`,
      [NAME]
    )
    sale = row
    expect(row).toMatchObject({ time_zone: ZONE, percent_off_bps: 2000, policy: "rates", rates: [1500, 500, 0] })
    expect(row.ends_at.toISOString()).toBe(new Date(`${ends}:00+08:00`).toISOString())
    const list = await one<{ type: string; status: string; ends_at: Date }>("select type, status, ends_at from price_list where id = $1", [row.price_list_id])
    expect(list).toEqual({ type: "sale", status: "active", ends_at: row.ends_at })
    const expected = await pricesOff(2000)
    expect(await listPrices()).toEqual(asListed(expected))
    const { data } = await dashboard.api.get(`/admin/distribution/sales/${row.id}`, { headers: dashboard.adminHeaders })
    expect(data.sale.status).toBe("live")
    expect([...data.sale.variant_ids].sort()).toEqual([...new Set(expected.map((p) => p.variant_id))].sort())

    const listed = saleRow(NAME)
    await listed.getByText("进行中", { exact: true }).waitFor()
    expect(await listed.getByTestId("sale-row-window").innerText()).toContain(`（${ZONE}）`)
    expect(await listed.getByTestId("sale-row-variants").innerText()).toBe(`${new Set(expected.map((p) => p.variant_id)).size} 个规格`)
    expect(await listed.getByTestId("sale-row-pricing").innerText()).toBe(`减 ${zh.bps(2000)}`)
    expect(await listed.getByTestId("sale-row-policy").innerText()).toBe(`专属佣金比例: ${["15%", "5%", "0%"].join(" / ")}`)
    await screenshot(page, "s02-sales")
  })

  it("refuses a second sale over the same product in the form, with the sale it overlaps named; nothing is written", async () => {
    const before = await one<{ sales: string; lists: string }>(
      "select (select count(*) from distribution_sale) sales, (select count(*) from price_list) lists"
    )
    await open("/distribution/sales")
    await page.getByTestId("sales-create").click()
    const drawer = page.getByTestId("sale-drawer")
    await drawer.locator('input[name="sale_name"]').fill("年终大促")
    await drawer.locator('input[name="target_search"]').fill(product.title)
    await drawer.getByTestId("target-option").filter({ hasText: product.title }).first().click()
    await drawer.locator('input[name="sale_ends_at"]').fill(shanghaiWallClock(5))
    await drawer.locator('input[name="sale_time_zone"]').fill(ZONE)
    await drawer.locator('input[name="sale_percent_off"]').fill("10")
    await drawer.getByTestId("drawer-submit").click()
    const error = drawer.getByTestId("sale-form-error")
    await error.waitFor()
    await screenshot(page, "s03-sale-overlap")
    // The server's reason as it wrote it: each of the product's variants, and the sale they are in.
    const refusal = await error.innerText()
    expect(refusal).toContain(`already in the sale "${NAME}" (${sale.id}`)
    for (const variantId of new Set((await pricesOff(1000)).map((p) => p.variant_id))) expect(refusal).toContain(variantId)
    expect(
      await one("select (select count(*) from distribution_sale) sales, (select count(*) from price_list) lists")
    ).toEqual(before)
    await page.keyboard.press("Escape")
    await drawer.waitFor({ state: "hidden" })
    expect(await page.getByTestId("sale-row-name").getByText("年终大促", { exact: true }).count()).toBe(0)
  })

  it("the sale's page: its prices beside the regular ones, its price list; changed to 25 % off, then ended early", async () => {
    await open("/distribution/sales")
    await saleRow(NAME).getByTestId("sale-row-name").click()
    await page.waitForURL(new RegExp(`/app/distribution/sales/${sale.id}$`))
    const detail = page.getByTestId("sale-detail")
    await detail.getByTestId("sale-name").getByText(NAME, { exact: true }).waitFor()
    expect(await detail.getByTestId("sale-price-list").getAttribute("href")).toBe(`/app/price-lists/${sale.price_list_id}`)
    expect(await detail.getByTestId("sale-window").innerText()).toContain(`（${ZONE}）`)
    const shown = async (testId: string, n: number) => {
      await detail.getByTestId(testId).nth(n - 1).waitFor()
      return (await detail.getByTestId(testId).allInnerTexts()).sort()
    }
    const twenty = await pricesOff(2000)
    await detail.getByTestId("sale-price-amount").getByText(zh.money(twenty[0].sale, twenty[0].currency_code), { exact: true }).first().waitFor()
    expect(await shown("sale-price-amount", twenty.length)).toEqual(twenty.map((p) => zh.money(p.sale, p.currency_code)).sort())
    expect(await shown("sale-price-regular", twenty.length)).toEqual(twenty.map((p) => zh.money(p.regular, p.currency_code)).sort())

    // 25 % off instead: the price list's prices are recomputed from the regular ones.
    await detail.getByTestId("sale-edit").click()
    const drawer = page.getByTestId("sale-drawer")
    await drawer.locator('input[name="sale_percent_off"]').fill("25")
    await drawer.getByTestId("drawer-submit").click()
    await toast("限时折扣已保存")
    const quarter = await pricesOff(2500)
    await detail.getByTestId("sale-price-amount").getByText(zh.money(quarter[0].sale, quarter[0].currency_code), { exact: true }).first().waitFor()
    expect(await one("select percent_off_bps, commission_policy from distribution_sale where id = $1", [sale.id])).toEqual({
      percent_off_bps: 2500,
      commission_policy: "rates",
    })
    expect(await listPrices()).toEqual(asListed(quarter))
    await detail.getByTestId("sale-pricing").getByText(`减 ${zh.bps(2500)}`, { exact: true }).waitFor()

    // Ended early, after a confirmation: the sale and its price list end now.
    await detail.getByTestId("sale-end").click()
    await page.getByRole("alertdialog").getByRole("button", { name: "提前结束" }).click()
    await toast("限时折扣已结束")
    await detail.getByText("已结束", { exact: true }).waitFor()
    expect(await detail.getByTestId("sale-end").count()).toBe(0)
    const ended = await one<{ sale_ends: Date; list_ends: Date; past: boolean }>(
      `select s.ends_at sale_ends, l.ends_at list_ends, s.ends_at <= now() past
         from distribution_sale s join price_list l on l.id = s.price_list_id where s.id = $1`,
      [sale.id]
    )
    expect(ended.past).toBe(true)
    expect(ended.list_ends.getTime()).toBe(ended.sale_ends.getTime())
    await screenshot(page, "s04-sale-ended")

    await open("/distribution/sales")
    await saleRow(NAME).getByText("已结束", { exact: true }).waitFor()
  })

  it("the widget on Medusa's price list page: the sale, its status, window and policy; nothing on another price list", async () => {
    await open(`/price-lists/${sale.price_list_id}`)
    const widget = page.getByTestId("price-list-distribution-widget")
    await widget.getByTestId("price-list-sale-link").getByText(NAME, { exact: true }).waitFor()
    expect(await widget.getByTestId("price-list-sale-link").getAttribute("href")).toBe(`/app/distribution/sales/${sale.id}`)
    await widget.getByText("已结束", { exact: true }).waitFor()
    expect(await widget.getByTestId("price-list-sale-window").innerText()).toContain(`（${ZONE}）`)
    expect(await widget.getByTestId("price-list-sale-policy").innerText()).toBe(`专属佣金比例: ${["15%", "5%", "0%"].join(" / ")}`)
    await screenshot(page, "s05-price-list-widget")

    // A price list of no sale (the demo's distributor price): the widget asks, and shows nothing.
    const other = await one<{ id: string; title: string }>(
      "select id, title from price_list where deleted_at is null and id not in (select price_list_id from distribution_sale where price_list_id is not null) order by created_at limit 1"
    )
    const asked = page.waitForResponse((r) => r.url().includes(`price_list_id=${other.id}`) && r.ok())
    await open(`/price-lists/${other.id}`)
    await asked
    await page.getByRole("heading", { name: other.title }).first().waitFor()
    expect(await page.getByTestId("price-list-distribution-widget").count()).toBe(0)
  })
})
