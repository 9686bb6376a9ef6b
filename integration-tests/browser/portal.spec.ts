import axios, { AxiosInstance } from "axios"
import fs from "fs"
import path from "path"
import type { Client } from "pg"
import { Browser, BrowserContext, Page } from "playwright-core"
import { AdminApp, ADMIN, launchBrowser, ROOT, startAdminApp } from "../helpers/browser"
import { maskEmail, maskName } from "../../src/modules/distribution/utils/mask"

jest.setTimeout(180_000)

/**
 * The distributor portal as a distributor uses it, in a real Chromium against a
 * real server on the demo shop (Medusa Admin off: the portal needs none): at
 * 375 × 812 and 1440 × 900, in English and 简体中文. Sign in, balances equal to
 * the database's to the cent, copy the link, download a poster (a real PNG),
 * request a withdrawal and see it held, see the orders with their buyers masked.
 * Screenshots are kept in .cache/artifacts/portal/. (How the server serves the
 * files and config.js: integration-tests/http/portal-serving.spec.ts.)
 */
const DEMO_KEY_TITLE = "Distribution Demo Storefront"
const ARTIFACTS = path.join(ROOT, ".cache", "artifacts", "portal")
const DISTRIBUTOR = { email: "zhang.wei@example.com", password: "supersecret" }
const VIEWPORTS = [
  { name: "mobile", viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true },
  { name: "desktop", viewport: { width: 1440, height: 900 }, isMobile: false, hasTouch: false },
] as const
const LANGS = [
  { lang: "en", locale: "en-US" },
  { lang: "zh-CN", locale: "zh-CN" },
] as const
const TEXT = {
  en: {
    held: "Held, waiting for review",
    members: (n: number) => `${n} ${n === 1 ? "member" : "members"}`,
    reversed: "Reversed",
    why: "Taken back: the order was canceled, returned or refunded",
    endsIn: /^Ends in (\d+d )?\d\d:\d\d:\d\d/,
  },
  "zh-CN": {
    held: "冻结中，待审核",
    members: (n: number) => `${n} 人`,
    reversed: "已撤销",
    why: "已扣回：订单已取消、退货或退款",
    endsIn: /^距结束 (\d+天 )?\d\d:\d\d:\d\d/,
  },
} as const

/** An amount as the portal shows it: Intl's own rendering of the decimal string, with the locale's symbol (as the admin's). */
const money = (locale: string) => ({
  money: (amount: string, currency: string) =>
    new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase(), currencyDisplay: "symbol" }).format(amount as unknown as number),
})

describe("The distributor portal", () => {
  let app: AdminApp
  let browser: Browser
  let api: AxiosInstance
  let pk: string
  let distributorId: string
  /** What the spec sets up through the admin API: a flash sale and a group buy (with a group the distributor opened). */
  let flash: { id: string; name: string }
  let groupBuy: { id: string; name: string }

  const one = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await app.db.query(sql, params)).rows[0] as T
  const all = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await app.db.query(sql, params)).rows as T[]
  const portal = (hash = "/") => `${app.url}/distribution/#${hash}`

  const shot = async (page: Page, name: string) => {
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    // From the top: the sticky header would otherwise be drawn where the window had scrolled to.
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true })
  }

  /** The balances as the database holds them: the wallet's cached sums and the pending commissions, at two decimals. */
  const dbBalances = () =>
    all<{ currency_code: string; pending: string; available: string; held: string; withdrawn: string }>(
      `select currency_code, trunc(sum(pending), 2)::text pending, trunc(sum(available), 2)::text available,
              trunc(sum(held), 2)::text held, trunc(sum(withdrawn), 2)::text withdrawn
         from (select currency_code, amount - reversed_amount pending, 0 available, 0 held, 0 withdrawn
                 from distribution_commission where distributor_id = $1 and status = 'pending' and deleted_at is null
               union all
               select currency_code, 0, available, held, withdrawn from distribution_wallet where distributor_id = $1 and deleted_at is null) b
        group by currency_code order by currency_code`,
      [distributorId]
    )

  const newContext = async (v: (typeof VIEWPORTS)[number], locale: string): Promise<BrowserContext> => {
    const context = await browser.newContext({
      viewport: v.viewport,
      isMobile: v.isMobile,
      hasTouch: v.hasTouch,
      locale,
      timezoneId: "Asia/Shanghai",
      acceptDownloads: true,
    })
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url })
    return context
  }

  /** Buttons, links and fields on screen less than 44 px tall or wide (the hidden radio inside a chip is the chip). */
  const smallTargets = (page: Page) =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>("button, a[href], input:not([type=radio]), textarea"))
        .filter((e) => e.offsetParent !== null)
        .map((e) => ({ e, r: e.getBoundingClientRect() }))
        .filter(({ r }) => r.height < 44 || r.width < 44)
        .map(({ e, r }) => `${e.tagName.toLowerCase()} "${e.innerText || e.getAttribute("name")}" ${Math.round(r.width)}×${Math.round(r.height)}`)
    )

  const signIn = async (page: Page, who = DISTRIBUTOR) => {
    await page.goto(portal("/sign-in"))
    await page.getByTestId("sign-in-page").waitFor()
    await page.fill('input[name="email"]', who.email)
    await page.fill('input[name="password"]', who.password)
    await page.getByTestId("sign-in-submit").click()
  }

  beforeAll(async () => {
    // The portal sends the demo storefront's key (its channel sells the demo's products), as `npm run demo` sets it.
    const demoKey = async (db: Client) =>
      (await db.query<{ token: string }>("select token from api_key where title = $1 and type = 'publishable' and revoked_at is null", [DEMO_KEY_TITLE])).rows[0].token
    app = await startAdminApp({ admin: false, serverEnv: async (db) => ({ DISTRIBUTION_PORTAL_PUBLISHABLE_KEY: await demoKey(db) }) })
    api = axios.create({ baseURL: app.url, validateStatus: () => true })
    browser = await launchBrowser()
    pk = await demoKey(app.db)
    distributorId = (
      await one<{ id: string }>(
        `select d.id from distribution_distributor d join customer c on c.id = d.customer_id where c.email = $1 and c.deleted_at is null`,
        [DISTRIBUTOR.email]
      )
    ).id
    // Enough available for one withdrawal of the minimum per run below: a manual credit by the admin, through the ledger.
    const admin = (await api.post("/auth/user/emailpass", ADMIN)).data.token
    const settings = await one<{ min_withdrawal: string; currency_code: string }>(
      "select min_withdrawal::text, currency_code from distribution_settings where deleted_at is null limit 1"
    )
    const credit = await api.post(
      `/admin/distribution/distributors/${distributorId}/adjustments`,
      { amount: Number(settings.min_withdrawal) * VIEWPORTS.length * LANGS.length, currency_code: settings.currency_code, reason: "Portal test: withdrawals" },
      { headers: { authorization: `Bearer ${admin}` } }
    )
    expect(credit.status).toBe(201)

    // A flash sale selling all day and a group buy, on products no limited-time sale discounts (their regular prices stay 259 and 79).
    const asAdmin = { headers: { authorization: `Bearer ${admin}` } }
    const variantOf = async (sku: string) => (await one<{ id: string }>("select id from product_variant where sku = $1 and deleted_at is null", [sku])).id
    const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10)
    const createdFlash = await api.post(
      "/admin/distribution/flash-sales",
      {
        name: `秒杀 · 修护晚霜 ${Date.now()}`,
        starts_on: day(-1),
        ends_on: day(1),
        time_zone: "UTC",
        slots: [{ start: "00:00", end: "24:00" }],
        variants: [{ variant_id: await variantOf("CREAM-50"), quota: 7, prices: [{ currency_code: "cny", amount: "199.90" }] }],
      },
      asAdmin
    )
    expect(createdFlash.status).toBe(201)
    flash = createdFlash.data.flash_sale
    // The black tote: the demo's own group buy holds the ivory one, and a variant is in one activity at a time.
    const tote = await variantOf("TOTE-BLACK")
    const createdGroupBuy = await api.post(
      "/admin/distribution/group-buys",
      {
        name: `三人团 · 托特包 ${Date.now()}`,
        starts_at: new Date(Date.now() - 3_600_000).toISOString(),
        ends_at: new Date(Date.now() + 48 * 3_600_000).toISOString(),
        group_size: 3,
        time_limit_minutes: 60,
        prices: [{ variant_id: tote, currency_code: "cny", amount: "59.90" }],
      },
      asAdmin
    )
    expect(createdGroupBuy.status).toBe(201)
    groupBuy = createdGroupBuy.data.group_buy
    // The distributor opens a group (a seat held by its checkout): it is among "my groups".
    const opened = await api.post(`/store/distribution/group-buys/${groupBuy.id}/checkout`, { variant_id: tote, quantity: 1 }, { headers: await headers() })
    expect(opened.status).toBe(201)
  }, 1_500_000)

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  for (const v of VIEWPORTS) {
    for (const { lang, locale } of LANGS) {
      it(`${v.name} ${v.viewport.width}×${v.viewport.height}, ${lang}: sign in, balances as in the database, copy the link, a poster, a withdrawal held, masked buyers`, async () => {
        const fmt = money(locale)
        const context = await newContext(v, locale)
        const page = await context.newPage()
        await page.addInitScript(() => {
          const w = window as unknown as { __shift: number }
          w.__shift = 0
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.__shift += e.value
          }).observe({ type: "layout-shift", buffered: true })
        })
        try {
          // Sign in: the home page greets the distributor with its balances.
          await signIn(page)
          // The first screen painted within 1.5 s of the navigation (loopback).
          expect(await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime)).toBeLessThan(1500)
          const home = page.getByTestId("home-page")
          await home.waitFor()
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang)
          const expected = await dbBalances()
          expect(expected.length).toBeGreaterThan(0)
          for (const b of expected) {
            const card = page.getByTestId(`balance-${b.currency_code}`)
            for (const key of ["available", "pending", "held", "withdrawn"] as const) {
              expect([b.currency_code, key, await card.getByTestId(`balance-${key}`).innerText()]).toEqual([
                b.currency_code,
                key,
                fmt.money(b[key], b.currency_code),
              ])
            }
          }
          await page.getByTestId("this-month").waitFor()
          await page.getByTestId("level-name").waitFor()
          // Opened afresh, the home page fills in without moving what is on it (cumulative layout shift under 0.1).
          await page.reload()
          await page.getByTestId("this-month").waitFor()
          await page.getByTestId("level-name").waitFor()
          await page.waitForTimeout(300)
          expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBeLessThan(0.1)
          await shot(page, `${v.name}-${lang}-home`)
          expect(await smallTargets(page)).toEqual([])
          // Nothing on the page is wider than the screen (readable at 375 px).
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(v.viewport.width)

          // Share: the link as the API gives it, copied; the QR shown.
          await page.goto(portal("/share"))
          const link = (await api.get("/store/distribution/link", { params: { path: "/" }, headers: await headers() })).data
          await page.getByTestId("share-url").getByText(link.url, { exact: true }).waitFor()
          await page.getByTestId("copy-link").click()
          await page.getByTestId("copy-link-status").getByText(link.url).waitFor()
          expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link.url)
          expect(await page.getByTestId("qr").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
          // The mini-program's page and scene for the same share.
          expect(await page.getByTestId("mini-path").innerText()).toBe(link.share.mini_program.path)
          expect(await page.getByTestId("mini-scene").innerText()).toBe(link.share.mini_program.scene)

          // A poster of the first product: a real PNG arrives as a download.
          const firstProduct = page.getByTestId("product-row").first()
          await firstProduct.waitFor()
          const [download] = await Promise.all([page.waitForEvent("download"), firstProduct.getByTestId("poster-download").click()])
          const file = await download.path()
          const png = fs.readFileSync(file!)
          expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a")
          expect(png.length).toBeGreaterThan(5_000)
          expect(download.suggestedFilename()).toMatch(/^poster-.+\.png$/)
          await firstProduct.getByTestId("poster-image").waitFor()
          await shot(page, `${v.name}-${lang}-share`)

          // A withdrawal of the minimum: the fee shown before confirming, then held at once.
          const settings = await one<{ min_withdrawal: string; withdrawal_fee_bps: number; currency_code: string }>(
            "select trunc(min_withdrawal, 2)::text min_withdrawal, withdrawal_fee_bps, currency_code from distribution_settings where deleted_at is null limit 1"
          )
          const currency = settings.currency_code
          const before = (await dbBalances()).find((b) => b.currency_code === currency)!
          expect(Number(before.available)).toBeGreaterThanOrEqual(Number(settings.min_withdrawal))
          await page.goto(portal("/withdrawals"))
          await page.getByTestId("withdrawals-page").waitFor()
          expect(await page.getByTestId("withdraw-available").innerText()).toBe(fmt.money(before.available, currency))
          await page.fill('input[name="amount"]', settings.min_withdrawal)
          await page.getByTestId("withdraw-form").locator("label.chip").first().click()
          await page.fill('input[name="holder_name"]', "张伟")
          await page.fill('input[name="bank_name"]', "招商银行")
          await page.fill('input[name="account_number"]', "6225 8812 3456 7890")
          await page.getByTestId("withdraw-review").click()
          const confirm = page.getByTestId("withdraw-confirm")
          await confirm.waitFor()
          const fee = await one<{ fee: string; net: string }>(
            "select ($1::numeric - trunc($1::numeric * (10000 - $2) / 10000, 2))::text fee, trunc($1::numeric * (10000 - $2) / 10000, 2)::text net",
            [settings.min_withdrawal, settings.withdrawal_fee_bps]
          )
          expect(await confirm.getByTestId("confirm-fee").innerText()).toBe(fmt.money(fee.fee, currency))
          expect(await confirm.getByTestId("confirm-net").innerText()).toBe(fmt.money(fee.net, currency))
          expect(await smallTargets(page)).toEqual([])
          await shot(page, `${v.name}-${lang}-withdraw-confirm`)
          await confirm.getByTestId("withdraw-confirm-submit").click()
          await page.getByTestId("withdraw-done").waitFor()
          const row = page.getByTestId("withdrawal-row").first()
          await row.getByTestId("withdrawal-status").getByText(TEXT[lang].held, { exact: true }).waitFor()
          const stored = await one<{ status: string; amount: string; method: string }>(
            `select status, trunc(amount, 2)::text amount, method from distribution_withdrawal
              where distributor_id = $1 and deleted_at is null order by created_at desc limit 1`,
            [distributorId]
          )
          expect(stored).toEqual({ status: "requested", amount: settings.min_withdrawal, method: "bank" })
          const after = (await dbBalances()).find((b) => b.currency_code === currency)!
          expect(await one("select $1::numeric - $2::numeric = $3::numeric ok", [after.held, before.held, settings.min_withdrawal])).toEqual({ ok: true })
          await page.getByTestId("withdraw-available").getByText(fmt.money(after.available, currency), { exact: true }).waitFor()
          await shot(page, `${v.name}-${lang}-withdrawals`)

          // Orders: each attributed order with its buyer masked, never the buyer's own address.
          await page.goto(portal("/orders"))
          const orderRow = page.getByTestId("order-row").first()
          await orderRow.waitFor()
          const orderId = await orderRow.getAttribute("data-order-id")
          const buyer = await one<{ email: string; first_name: string | null }>(
            `select coalesce(c.email, o.email) email, c.first_name from "order" o left join customer c on c.id = o.customer_id where o.id = $1`,
            [orderId]
          )
          const shown = await orderRow.getByTestId("order-buyer").innerText()
          expect(shown).toContain("*")
          expect(shown).not.toContain(buyer.email)
          await shot(page, `${v.name}-${lang}-orders`)

          // Team: counts by depth as the API gives them; a depth's members are loaded only when it is opened.
          const summary = (await api.get("/store/distribution/me/summary", { headers: await headers() })).data.summary
          await page.goto(portal("/team"))
          const depth1 = page.getByTestId("team-depth-1")
          await depth1.waitFor()
          const direct = summary.team.by_depth.find((d: { depth: number }) => d.depth === 1).count
          expect(await depth1.getByTestId("team-depth-count").innerText()).toBe(TEXT[lang].members(direct))
          expect(await page.getByTestId("team-member").count()).toBe(0)
          const teamRequest = page.waitForRequest((r) => r.url().includes("/store/distribution/team") && r.url().includes("depth=1"))
          await depth1.getByTestId("team-depth-toggle").click()
          await teamRequest
          await depth1.getByTestId("team-member").first().waitFor()
          expect(await depth1.getByTestId("team-member").count()).toBe(Math.min(direct, 20))
          await shot(page, `${v.name}-${lang}-team`)

          // Commissions: the reversed ones, each with why.
          await page.goto(portal("/commissions"))
          await page.getByTestId("commission-row").first().waitFor()
          const reversedResponse = page.waitForResponse((r) => r.url().includes("/store/distribution/commissions") && r.url().includes("status=reversed"))
          await page.getByTestId("filter-reversed").click()
          await reversedResponse
          const reversed = await one<{ n: string }>("select count(*) n from distribution_commission where distributor_id = $1 and status = 'reversed' and deleted_at is null", [distributorId])
          if (Number(reversed.n) > 0) {
            await page.getByTestId("commission-status").first().waitFor()
            expect(new Set(await page.getByTestId("commission-status").allInnerTexts())).toEqual(new Set([TEXT[lang].reversed]))
            expect(await page.getByTestId("commission-why").first().innerText()).toBe(TEXT[lang].why)
          }
          await shot(page, `${v.name}-${lang}-commissions`)

          // Sales: the demo's running sale with its countdown.
          await page.goto(portal("/sales"))
          const sale = page.getByTestId("sale").filter({ hasText: "冬装限时折扣" })
          await sale.waitFor()
          expect(await sale.getByTestId("sale-countdown").innerText()).toMatch(TEXT[lang].endsIn)
          await shot(page, `${v.name}-${lang}-sales`)
        } finally {
          await context.close()
        }
      })
    }
  }

  const GROUP_TEXT = {
    en: { seats: (n: number) => `${n} ${n === 1 ? "seat" : "seats"} left`, remaining: (left: number, quota: number) => `${left} of ${quota} left`, size: "3-person group" },
    "zh-CN": { seats: (n: number) => `还差 ${n} 人`, remaining: (left: number, quota: number) => `剩余 ${left} / ${quota}`, size: "3 人团" },
  } as const

  for (const [v, { lang, locale }] of [
    [VIEWPORTS[0], LANGS[1]],
    [VIEWPORTS[1], LANGS[0]],
  ] as const) {
    it(`${v.name} ${v.viewport.width}×${v.viewport.height}, ${lang}: the group buys (prices, seats left, my group's link copied) and the flash sales (prices, remaining quota)`, async () => {
      const fmt = money(locale)
      const context = await newContext(v, locale)
      const page = await context.newPage()
      try {
        await signIn(page)
        await page.getByTestId("home-page").waitFor()

        // Group buys: the group price to the cent against the regular 79.00, the group size, the open group's seats as the API counts them.
        await page.getByRole("link", { name: lang === "en" ? "Group buys" : "拼团", exact: true }).click()
        await page.getByTestId("group-buys-page").waitFor()
        const card = page.getByTestId("group-buy").filter({ hasText: groupBuy.name })
        await card.waitFor()
        await card.getByTestId("regular-price").waitFor()
        expect(await card.getByTestId("group-price").innerText()).toBe(fmt.money("59.90", "cny"))
        expect(await card.getByTestId("regular-price").innerText()).toBe(fmt.money("79.00", "cny"))
        expect(await card.innerText()).toContain(GROUP_TEXT[lang].size)
        const detail = (await api.get(`/store/distribution/group-buys/${groupBuy.id}`, { headers: await headers() })).data.group_buy
        for (const g of detail.open_groups as { seats_left: number }[]) {
          await card.getByTestId("group-seats").getByText(GROUP_TEXT[lang].seats(g.seats_left), { exact: true }).first().waitFor()
        }
        // My groups: the group the distributor opened, its link as the API gives it, copied.
        const mine = (await api.get("/store/distribution/group-buys/me", { headers: await headers() })).data.groups as { group: { id: string; group_buy_id: string } }[]
        const myGroup = mine.find((m) => m.group.group_buy_id === groupBuy.id)!
        expect(myGroup).toBeDefined()
        const groupPage = (await api.get(`/store/distribution/groups/${myGroup.group.id}`, { headers: await headers() })).data.group
        const link = groupPage.url ?? groupPage.path
        const row = page.getByTestId("my-group").filter({ hasText: link })
        await row.waitFor()
        // The group's share is the leader's (this distributor's) Share: the referral URL and a mini-program scene kept in the database for the group.
        const scene = await one<{ scene: string; path: string }>(
          "select scene, path from distribution_share_scene where distributor_id = $1 and target_type = 'group' and target_id = $2 and deleted_at is null",
          [distributorId, myGroup.group.id]
        )
        const code = (await one<{ referral_code: string }>("select referral_code from distribution_distributor where id = $1", [distributorId])).referral_code
        const miniPage = (await one<{ mini_program_page: string }>("select mini_program_page from distribution_settings where deleted_at is null limit 1")).mini_program_page
        expect(scene.path).toBe(`/group-buys/${groupBuy.id}/groups/${myGroup.group.id}`)
        expect(groupPage.share).toEqual({ url: link, mini_program: { path: miniPage, scene: scene.scene } })
        expect(new URL(link).pathname).toBe(scene.path)
        expect(new URL(link).searchParams.get("ref")).toBe(code)
        expect(await row.getByTestId("mini-path").innerText()).toBe(miniPage)
        expect(await row.getByTestId("mini-scene").innerText()).toBe(scene.scene)
        // The scene resolves, without a login, to this group with the distributor's code.
        const resolved = (await api.get(`/store/distribution/share/${scene.scene}`, { headers: { "x-publishable-api-key": pk } })).data
        expect(resolved).toMatchObject({ referral_code: code, target: { type: "group", id: myGroup.group.id }, url: link })
        await row.getByTestId("copy-group-link").click()
        await row.getByTestId("copy-group-link").getByText(lang === "en" ? "Copied" : "已复制").waitFor()
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link)
        await shot(page, `${v.name}-${lang}-group-buys`)
        expect(await smallTargets(page)).toEqual([])
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(v.viewport.width)

        // Flash sales: the flash price to the cent against the regular 259.00, the quota left as the API counts it.
        await page.getByRole("link", { name: lang === "en" ? "Flash sales" : "秒杀", exact: true }).click()
        await page.getByTestId("flash-sales-page").waitFor()
        const sale = page.getByTestId("flash-sale").filter({ hasText: flash.name })
        await sale.waitFor()
        await sale.getByTestId("regular-price").waitFor()
        expect(await sale.getByTestId("flash-price").innerText()).toBe(fmt.money("199.90", "cny"))
        expect(await sale.getByTestId("regular-price").innerText()).toBe(fmt.money("259.00", "cny"))
        const stored = (await api.get(`/store/distribution/flash-sales/${flash.id}`, { headers: { "x-publishable-api-key": pk } })).data.flash_sale
        expect(stored.variants[0].remaining).toBe(7)
        expect(await sale.getByTestId("flash-remaining").innerText()).toBe(GROUP_TEXT[lang].remaining(7, 7))
        await sale.getByTestId("flash-current").waitFor()
        await shot(page, `${v.name}-${lang}-flash-sales`)
        expect(await smallTargets(page)).toEqual([])
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(v.viewport.width)
      } finally {
        await context.close()
      }
    })
  }

  it("the team opens member by member, two levels deep: names (masked), team sizes and recruit counts as in the database (375 × 812, English)", async () => {
    const context = await newContext(VIEWPORTS[0], "en-US")
    const page = await context.newPage()
    type Row = { id: string; display_name: string | null; email: string | null; referral_code: string | null; team_size: number; direct_count: number }
    /** A member's direct recruits as the database holds them, in the team's order. */
    const recruits = (parentId: string) =>
      all<Row>(
        `select id, display_name, email, referral_code, team_size, direct_count from distribution_distributor
          where parent_id = $1 and deleted_at is null order by created_at desc, id desc`,
        [parentId]
      )
    const shownName = (r: Row) => maskName(r.display_name) ?? maskEmail(r.email) ?? r.referral_code ?? "—"
    /** The rows shown in a list of members, each as the database's row would show it. */
    const expectShown = async (list: ReturnType<Page["getByTestId"]>, rows: Row[]) => {
      await list.locator(":scope > ul > li[data-testid=team-member]").first().waitFor()
      const items = list.locator(":scope > ul > li[data-testid=team-member]")
      expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute("data-member-id")))).toEqual(rows.map((r) => r.id))
      for (const [i, r] of rows.entries()) {
        const item = items.nth(i)
        expect(await item.getByTestId("team-member-name").first().innerText()).toBe(shownName(r))
        expect(await item.getByTestId("team-member-size").first().innerText()).toBe(`Team ${r.team_size}`)
      }
    }
    try {
      await signIn(page)
      await page.getByTestId("home-page").waitFor()
      await page.goto(portal("/team"))
      // The counts per depth stay: each as the database counts the team at that depth.
      for (const depth of [1, 2, 3]) {
        const { n } = await one<{ n: number }>(
          `select count(*)::int n from distribution_distributor_tree t, distribution_distributor_tree me
            where me.id = $1 and starts_with(t.path, me.path) and t.depth = me.depth + $2 and t.deleted_at is null`,
          [distributorId, depth]
        )
        expect(await page.getByTestId(`team-depth-${depth}`).getByTestId("team-depth-count").innerText()).toBe(`${n} members`)
      }
      const depth1 = page.getByTestId("team-depth-1")
      await depth1.getByTestId("team-depth-toggle").click()
      const direct = await recruits(distributorId)
      await expectShown(depth1.locator(".depth-body").first(), direct)

      // A direct recruit with a team of its own opens in place: its recruits, loaded on the tap.
      const first = direct.find((r) => r.direct_count > 0 && r.team_size > r.direct_count)!
      expect(first).toBeDefined()
      const firstItem = depth1.locator(`li[data-member-id="${first.id}"]`)
      expect(await firstItem.getByTestId("team-member-direct").first().innerText()).toBe(`${first.direct_count} direct ${first.direct_count === 1 ? "recruit" : "recruits"}`)
      const childrenRequest = page.waitForRequest((r) => r.url().includes(`/store/distribution/team/${first.id}/children`))
      await firstItem.getByTestId("team-member-toggle").first().click()
      await childrenRequest
      const second = await recruits(first.id)
      expect(second).toHaveLength(first.direct_count)
      const firstChildren = firstItem.getByTestId("team-children").first()
      await expectShown(firstChildren, second)

      // And one of those, two levels down: its recruits are the team's third depth, which open no further.
      const next = second.find((r) => r.direct_count > 0)!
      expect(next).toBeDefined()
      const nextItem = firstChildren.locator(`li[data-member-id="${next.id}"]`)
      await nextItem.getByTestId("team-member-toggle").first().click()
      const third = await recruits(next.id)
      expect(third).toHaveLength(next.direct_count)
      const nextChildren = nextItem.getByTestId("team-children").first()
      await expectShown(nextChildren, third)
      expect(await nextChildren.getByTestId("team-member-toggle").count()).toBe(0)
      await shot(page, "mobile-en-team-tree")
      expect(await smallTargets(page)).toEqual([])
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORTS[0].viewport.width)
    } finally {
      await context.close()
    }
  })

  it("a new customer registers in the portal, reads the programme's rules and applies: pending (375 × 812, 简体中文)", async () => {
    const context = await newContext(VIEWPORTS[0], "zh-CN")
    const page = await context.newPage()
    const email = `portal-applicant-${Date.now()}@example.com`
    try {
      await page.goto(portal("/register"))
      await page.getByTestId("register-page").waitFor()
      await page.fill('input[name="first_name"]', "王芳")
      await page.fill('input[name="email"]', email)
      await page.fill('input[name="password"]', "supersecret")
      await page.getByTestId("register-submit").click()
      const apply = page.getByTestId("apply-page")
      await apply.waitFor()
      expect(await apply.getByTestId("apply-mode").innerText()).toBe("商家会审核每一份申请。")
      await page.fill('input[name="name"]', "王芳")
      await page.fill('input[name="phone"]', "13800138000")
      await page.fill('textarea[name="reason"]', "想把好物分享给朋友")
      await shot(page, "apply-form-zh")
      await page.getByTestId("apply-submit").click()
      await page.getByTestId("apply-pending").getByText("您的申请正在审核中，请耐心等待。").waitFor()
      const row = await one<{ status: string }>(
        "select d.status from distribution_distributor d join customer c on c.id = d.customer_id where c.email = $1",
        [email]
      )
      expect(row).toEqual({ status: "pending" })
      await shot(page, "apply-pending-zh")
    } finally {
      await context.close()
    }
  })

  it("a rejected applicant sees the reason (1440 × 900, English)", async () => {
    const email = `portal-rejected-${Date.now()}@example.com`
    const password = "supersecret"
    const registration = (await api.post("/auth/customer/emailpass/register", { email, password })).data.token
    const created = await api.post("/store/customers", { email, first_name: "Rex" }, { headers: { authorization: `Bearer ${registration}`, "x-publishable-api-key": pk } })
    expect(created.status).toBe(200)
    const token = (await api.post("/auth/customer/emailpass", { email, password })).data.token
    const applied = await api.post("/store/distribution/apply", { reason: "please" }, { headers: { authorization: `Bearer ${token}`, "x-publishable-api-key": pk } })
    expect(applied.status).toBe(201)
    const admin = (await api.post("/auth/user/emailpass", ADMIN)).data.token
    const reason = "We only admit customers with a delivered order."
    const rejected = await api.post(`/admin/distribution/distributors/${applied.data.distributor.id}/reject`, { reason }, { headers: { authorization: `Bearer ${admin}` } })
    expect(rejected.status).toBe(200)

    const context = await newContext(VIEWPORTS[1], "en-US")
    const page = await context.newPage()
    try {
      await signIn(page, { email, password })
      const card = page.getByTestId("apply-rejected")
      await card.waitFor()
      expect(await card.getByTestId("reject-reason").innerText()).toBe(reason)
      await shot(page, "apply-rejected-en")
      // Switched to 简体中文 in the header: the same page in Chinese, the reason as the shop wrote it.
      await page.getByTestId("lang-switch").click()
      await card.getByText("您的申请未通过。", { exact: true }).waitFor()
      expect(await card.getByTestId("reject-reason").innerText()).toBe(reason)
      expect(await page.evaluate(() => localStorage.getItem("distribution_portal_lang"))).toBe("zh-CN")
    } finally {
      await context.close()
    }
  })

  it("errors are shown in the page: a wrong password, a 401 back to sign-in, the API's 4xx message, a network failure", async () => {
    const context = await newContext(VIEWPORTS[0], "en-US")
    const page = await context.newPage()
    try {
      // A wrong password: the auth API's message, on the sign-in page.
      await signIn(page, { email: DISTRIBUTOR.email, password: "not-the-password" })
      await page.getByTestId("sign-in-page").getByTestId("error").getByText("Invalid email or password").waitFor()

      // A token the server no longer accepts: back to sign-in, not a blank page.
      await signIn(page)
      await page.getByTestId("home-page").waitFor()
      await page.evaluate(() => localStorage.setItem("distribution_portal_token", "not-a-token"))
      await page.goto(portal("/orders"))
      await page.waitForURL(/#\/sign-in$/)
      await page.getByTestId("sign-in-page").waitFor()

      // The API's own 4xx message: a bank account number the server refuses.
      await signIn(page)
      await page.getByTestId("home-page").waitFor()
      await page.goto(portal("/withdrawals"))
      await page.fill('input[name="amount"]', "100")
      await page.fill('input[name="holder_name"]', "Zhang Wei")
      await page.fill('input[name="bank_name"]', "CMB")
      await page.fill('input[name="account_number"]', "1234")
      await page.getByTestId("withdraw-review").click()
      await page.getByTestId("withdraw-confirm-submit").click()
      await page.getByTestId("withdraw-confirm").getByTestId("error").getByText("account.account_number must be 8 to 30 digits", { exact: false }).waitFor()
      await shot(page, "error-4xx-en")

      // The network fails: a sentence saying so, with a retry that works once it is back.
      await page.route("**/store/distribution/orders*", (route) => route.abort("internetdisconnected"))
      await page.goto(portal("/orders"))
      const error = page.getByTestId("orders-page").getByTestId("error")
      await error.getByText("The server cannot be reached. Check your connection and try again.").waitFor()
      await shot(page, "error-network-en")
      await page.unroute("**/store/distribution/orders*")
      await error.getByRole("button", { name: "Try again" }).click()
      await page.getByTestId("order-row").first().waitFor()
    } finally {
      await context.close()
    }
  })

  /** The distributor's own token for the store API (what the page sends). */
  async function headers() {
    const { data } = await api.post("/auth/customer/emailpass", DISTRIBUTOR)
    return { authorization: `Bearer ${data.token}`, "x-publishable-api-key": pk }
  }
})
