import { Page } from "playwright-core"
import { adminBrowser, screenshot } from "../helpers/browser"

jest.setTimeout(120_000)

/**
 * Flash sales (秒杀) in Medusa Admin, in 简体中文, in a real Chromium against a
 * real server on the demo shop: a flash sale created through the page (a
 * variant with its quota and CNY price, an all-day slot in Asia/Shanghai)
 * and found in the database and live in the list; then closed after a
 * confirmation.
 */
describe("Flash sales in the browser", () => {
  const dashboard = adminBrowser()
  const { one, open, toast } = dashboard
  let page: Page
  const NAME = "秒杀 · 浏览器"
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

  it("closes the flash sale after a confirmation", async () => {
    await open("/distribution/flash-sales")
    await saleRow().getByTestId("flash-sale-close").click()
    await page.getByRole("alertdialog").getByRole("button", { name: "关闭" }).click()
    await toast("秒杀活动已关闭")
    await saleRow().getByText("已关闭", { exact: true }).waitFor()
    expect(await saleRow().getByTestId("flash-sale-close").count()).toBe(0)
    expect(await one("select status from distribution_flash_sale where name = $1", [NAME])).toEqual({ status: "closed" })
  })
})
