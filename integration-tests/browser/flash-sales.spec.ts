import { Page } from "playwright-core"
import { adminBrowser, screenshot } from "../helpers/browser"

jest.setTimeout(120_000)

/**
 * Flash sales (秒杀) in Medusa Admin, in 简体中文, in a real Chromium against a
 * real server on the demo shop: a flash sale created through the page (a
 * variant with its quota and CNY price, an all-day slot in Asia/Shanghai)
 * and found in the database and live in the list; its quota and price
 * changed through the list's edit action; then closed after a confirmation.
 * The demo's 秒杀 on its own page: its rules, each variant's sold, reserved
 * and remaining as the database has them, its orders; an edit below what it
 * sold refused with the server's message.
 */
describe("Flash sales in the browser", () => {
  const dashboard = adminBrowser()
  const { one, all, open, toast } = dashboard
  let page: Page
  const NAME = "秒杀 · 浏览器"
  const DEMO = "秒杀 · 五常稻花香大米 5kg"
  const ZONE = "Asia/Shanghai"
  let variant: { id: string; title: string; product_title: string }
  const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(new Date())
  const inDays = (n: number) => new Date(Date.parse(`${today()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
  const saleRow = () => page.getByRole("row").filter({ has: page.getByTestId("flash-sale-row-name").getByText(NAME, { exact: true }) })

  beforeAll(async () => {
    page = dashboard.page
    variant = await one(
      `select v.id, v.title, p.title product_title from product_variant v join product p on p.id = v.product_id
        where p.status = 'published' and p.deleted_at is null and v.deleted_at is null order by p.title, v.title limit 1`
    )
  })

  it("logs in, switches to 简体中文 and finds 秒杀 in the Distribution workspace", async () => {
    await dashboard.logIn()
    await dashboard.switchToChinese()
    await open("/distribution")
    await page.getByRole("link", { name: "秒杀", exact: true }).click()
    await page.waitForURL(/\/app\/distribution\/flash-sales$/)
    await page.getByTestId("flash-sales-page").getByRole("heading", { name: "秒杀" }).waitFor()
  })

  it("creates a flash sale with a quota and a CNY price; listed as live with its slot and sold / quota", async () => {
    await open("/distribution/flash-sales")
    await page.getByTestId("flash-sales-create").click()
    const drawer = page.getByTestId("flash-sale-drawer")
    await drawer.locator('input[name="flash_name"]').fill(NAME)
    await drawer.locator('input[name="flash_starts_on"]').fill(inDays(-1))
    await drawer.locator('input[name="flash_ends_on"]').fill(inDays(2))
    await drawer.locator('input[name="flash_time_zone"]').fill(ZONE)
    await drawer.locator('input[name="flash_slots"]').fill("00:00-24:00")
    await drawer.locator('input[name="target_search"]').fill(variant.product_title)
    await drawer.getByTestId("target-option").first().click()
    await drawer.locator('input[name="flash_quota_0"]').fill("20")
    await drawer.locator('input[name="flash_price_0_cny"]').fill("9.90")
    await screenshot(page, "f01-flash-sale-create")
    await drawer.getByTestId("drawer-submit").click()
    await toast("秒杀活动已创建")
    await drawer.waitFor({ state: "hidden" })

    const row = await one<{ id: string; time_zone: string; slots: unknown; status: string }>(
      "select id, time_zone, slots, status from distribution_flash_sale where name = $1 and deleted_at is null",
      [NAME]
    )
    expect(row).toMatchObject({ time_zone: ZONE, slots: [{ start: "00:00", end: "24:00" }], status: "active" })
    const variants = await one<{ count: string; quota: number; prices: Record<string, string> }>(
      "select count(*) over () count, quota, prices from distribution_flash_sale_variant where flash_sale_id = $1 limit 1",
      [row.id]
    )
    expect(variants).toMatchObject({ count: "1", quota: 20, prices: { cny: "9.9" } })

    const listed = saleRow()
    await listed.getByText("进行中", { exact: true }).waitFor()
    expect(await listed.getByTestId("flash-sale-row-slots").innerText()).toBe("00:00–24:00")
    expect(await listed.getByTestId("flash-sale-row-sold").innerText()).toBe("0 / 20")
    expect(await listed.getByTestId("flash-sale-row-dates").innerText()).toContain(`（${ZONE}）`)
    await screenshot(page, "f02-flash-sales")
  })

  it("edits the sale's quota and price from the list's edit action; the change is in the database and the list", async () => {
    await open("/distribution/flash-sales")
    await saleRow().getByTestId("flash-sale-edit").click()
    const drawer = page.getByTestId("flash-sale-drawer")
    await drawer.getByText("编辑秒杀活动", { exact: true }).waitFor()
    const quota = drawer.locator('input[name="flash_quota_0"]')
    await quota.waitFor()
    expect(await drawer.locator('input[name="flash_name"]').inputValue()).toBe(NAME)
    expect(await quota.inputValue()).toBe("20")
    expect(await drawer.locator('input[name="flash_price_0_cny"]').inputValue()).toBe("9.90")
    expect(await drawer.locator('input[name="flash_slots"]').inputValue()).toBe("00:00–24:00")
    await quota.fill("30")
    await drawer.locator('input[name="flash_price_0_cny"]').fill("8.80")
    await drawer.getByTestId("drawer-submit").click()
    await toast("秒杀活动已保存")
    await drawer.waitFor({ state: "hidden" })

    const stored = await one<{ quota: number; prices: Record<string, string>; name: string; slots: unknown }>(
      `select v.quota, v.prices, s.name, s.slots from distribution_flash_sale s
        join distribution_flash_sale_variant v on v.flash_sale_id = s.id and v.deleted_at is null
        where s.name = $1 and s.deleted_at is null`,
      [NAME]
    )
    expect(stored).toEqual({ quota: 30, prices: { cny: "8.8" }, name: NAME, slots: [{ start: "00:00", end: "24:00" }] })
    await saleRow().getByTestId("flash-sale-row-sold").getByText("0 / 30", { exact: true }).waitFor()
  })

  it("closes the flash sale after a confirmation", async () => {
    await open("/distribution/flash-sales")
    await saleRow().getByTestId("flash-sale-close").click()
    await page.getByRole("alertdialog").getByRole("button", { name: "关闭" }).click()
    await toast("秒杀活动已关闭")
    await saleRow().getByText("已关闭", { exact: true }).waitFor()
    expect(await saleRow().getByTestId("flash-sale-close").count()).toBe(0)
    expect(await one("select status from distribution_flash_sale where name = $1", [NAME])).toEqual({ status: "closed" })
  })

  it("opens the demo's 秒杀 from its row: its rules, and per variant the price, quota, sold, reserved and remaining as the database has them, with its orders", async () => {
    const demo = await one<{ id: string; quota: number; sold: number; reserved: number }>(
      `select s.id, v.quota, v.sold, v.reserved from distribution_flash_sale s
        join distribution_flash_sale_variant v on v.flash_sale_id = s.id and v.deleted_at is null
        where s.name = $1 and s.deleted_at is null`,
      [DEMO]
    )
    expect(demo).toMatchObject({ quota: 50, sold: 3, reserved: 0 })
    await open("/distribution/flash-sales")
    await page.getByTestId("flash-sale-row-name").getByText(DEMO, { exact: true }).click()
    await page.waitForURL(new RegExp(`/app/distribution/flash-sales/${demo.id}$`))
    const detail = page.getByTestId("flash-sale-detail")
    await detail.getByTestId("flash-sale-name").getByText(DEMO, { exact: true }).waitFor()
    expect(await detail.getByTestId("flash-sale-slots").innerText()).toBe("00:00–24:00")
    expect(await detail.getByTestId("flash-sale-dates").innerText()).toContain(`（${ZONE}）`)
    expect(await detail.getByTestId("flash-sale-current-slot").innerText()).not.toBe("—")

    const variantRow = detail.getByTestId("flash-variant-row")
    expect(await variantRow.count()).toBe(1)
    const cell = async (id: string) => (await variantRow.getByTestId(id).innerText()).trim()
    expect(await cell("flash-variant-quota")).toBe(String(demo.quota))
    expect(await cell("flash-variant-sold")).toBe(String(demo.sold))
    expect(await cell("flash-variant-reserved")).toBe(String(demo.reserved))
    expect(await cell("flash-variant-remaining")).toBe(String(demo.quota - demo.sold - demo.reserved))
    expect(await cell("flash-variant-remaining")).toBe("47")
    expect(await cell("flash-variant-prices")).toContain("49.90")

    // Its orders: one row per reservation, each paid one linking its order by number.
    const orders = await all<{ display_id: number }>(
      `select o.display_id from distribution_activity_reservation r join "order" o on o.id = r.order_id
        where r.activity_id = $1 and r.status = 'consumed' and r.deleted_at is null order by o.display_id`,
      [demo.id]
    )
    expect(orders).toHaveLength(3)
    const rows = detail.getByTestId("flash-reservation-row")
    await rows.first().waitFor()
    expect(await rows.count()).toBe(3)
    const shown = (await detail.getByTestId("flash-reservation-order").allInnerTexts()).map((x) => x.trim()).sort()
    expect(shown).toEqual(orders.map((o) => `#${o.display_id}`).sort())
    await screenshot(page, "f03-flash-sale-detail")
  })

  it("refuses, in the detail page's drawer, a quota below what the demo's 秒杀 sold, with the server's message; nothing changes", async () => {
    const detail = page.getByTestId("flash-sale-detail")
    await detail.getByTestId("flash-sale-detail-edit").click()
    const drawer = page.getByTestId("flash-sale-drawer")
    const quota = drawer.locator('input[name="flash_quota_0"]')
    await quota.waitFor()
    expect(await quota.inputValue()).toBe("50")
    await quota.fill("2")
    await drawer.getByTestId("drawer-submit").click()
    const error = drawer.getByTestId("flash-sale-form-error")
    await error.waitFor()
    expect(await error.innerText()).toMatch(/cannot go below its 0 reserved and 3 sold/)
    expect(await one("select v.quota from distribution_flash_sale s join distribution_flash_sale_variant v on v.flash_sale_id = s.id where s.name = $1", [DEMO])).toEqual({ quota: 50 })
    await drawer.getByRole("button", { name: "取消" }).click()
    await drawer.waitFor({ state: "hidden" })
    expect(await detail.getByTestId("flash-variant-quota").innerText()).toBe("50")
  })

  it("in English, the list and the demo's page say Flash sales, Sold / quota, Remaining and Reservations and orders", async () => {
    await open("/settings/profile/edit")
    await page.getByRole("combobox").click()
    await page.getByRole("option", { name: "English", exact: true }).click()
    await page.getByRole("button", { name: "保存" }).click()
    await page.waitForFunction(() => localStorage.getItem("lng") === "en")
    await open("/distribution/flash-sales")
    await page.getByTestId("flash-sales-page").getByRole("heading", { name: "Flash sales" }).waitFor()
    await page.getByRole("columnheader", { name: "Sold / quota" }).waitFor()
    await page.getByTestId("flash-sale-row-name").getByText(DEMO, { exact: true }).click()
    const detail = page.getByTestId("flash-sale-detail")
    await detail.getByRole("columnheader", { name: "Remaining" }).waitFor()
    await detail.getByRole("heading", { name: "Reservations and orders" }).waitFor()
    expect(await detail.getByTestId("flash-variant-remaining").innerText()).toBe("47")
    await screenshot(page, "f04-flash-sale-english")
  })
})
