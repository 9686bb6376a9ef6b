/**
 * `npm test -- install`: the packed plugin installed into new Medusa apps at
 * both ends of its peer range (the lowest release of `~X.Y.Z` and the newest
 * the registry has), each taken as a merchant would: npm install, db:migrate,
 * an admin user, `medusa build`, the built server started, the admin and one
 * referred order checked over HTTP against it.
 *
 * Each step is a test of its own; a step after a failed one fails too, naming
 * it (nothing is skipped). The work directory is removed when everything
 * passed, and kept, its path printed, when anything failed.
 */
import fs from "fs"
import os from "os"
import path from "path"
import { dropStaleDatabases, InstallApp, packPlugin, PLUGIN_NAME, Reply, request, supportedVersions, testDatabaseServer } from "./app"

const { range, lowest, highest } = supportedVersions()
const VERSIONS: [string, string][] = lowest === highest ? [["the only", lowest]] : [["lowest", lowest], ["highest", highest]]

/** The plugin's tables (src/modules/distribution/models), as its migrations create them. */
const PLUGIN_TABLES = [
  "distribution_audit_log",
  "distribution_commission",
  "distribution_commission_rule",
  "distribution_distributor",
  "distribution_ledger_entry",
  "distribution_level",
  "distribution_referral_binding",
  "distribution_settings",
  "distribution_visit",
  "distribution_wallet",
  "distribution_withdrawal",
]

/**
 * The order: 2 × 123.45 EUR (the seed's price), shipping 5, no tax. The base is
 * the line subtotal after discounts, without tax and shipping: 246.90. At the
 * programme's default rates, level 1 (B) earns 10 % = 24.69 and level 2 (A) 5 %
 * = 12.345, rounded down to the cent: 12.34. Together 37.03, under the 30 % cap.
 */
const QUANTITY = 2
const EXPECTED = { base: "246.90", level1: "24.69", level2: "12.34", total: "37.03" }

const ADMIN = { email: "admin@example.com", password: `install-${process.pid}-password` }

/** Keep the apps and their logs even when everything passed (their databases are dropped all the same). */
const KEEP = !!process.env.DISTRIBUTION_INSTALL_KEEP && process.env.DISTRIBUTION_INSTALL_KEEP !== "0"

let work = ""
let tarball = ""
let anyFailed = false

beforeAll(async () => {
  // Not "distribution-…": Medusa 2.21 finds each core module's models by splitting its file's
  // path at the first "dist" (defineJoinerConfig), so an app under any directory whose path
  // contains "dist" loses every module's linkable keys ("Service with alias … was not found").
  work = fs.mkdtempSync(path.join(os.tmpdir(), "medusa-plugin-install-"))
  if (/dist/.test(work)) {
    throw new Error(`the work directory ${work} contains "dist", where a Medusa app cannot live: set TMPDIR elsewhere`)
  }
  process.stdout.write(`[install] work directory ${work}; Medusa ${range}: ${VERSIONS.map(([, v]) => v).join(" and ")}\n`)
  try {
    const stale = await dropStaleDatabases(testDatabaseServer())
    if (stale.length) {
      process.stdout.write(`[install] dropped ${stale.length} database(s) left by install runs that died: ${stale.join(", ")}\n`)
    }
    tarball = await packPlugin(work)
  } catch (e) {
    anyFailed = true
    throw e
  }
})

afterAll(() => {
  if (!work) return
  if (anyFailed) {
    process.stdout.write(`[install] something failed: kept ${work} (apps, their logs, the tarball) for diagnosis\n`)
  } else if (KEEP) {
    process.stdout.write(`[install] DISTRIBUTION_INSTALL_KEEP is set: kept ${work}\n`)
  } else {
    fs.rmSync(work, { recursive: true, force: true })
  }
})

describe.each(VERSIONS)("the packed plugin in a new Medusa app, %s supported release (%s)", (_end, version) => {
  let app: InstallApp
  let failedStep: string | null = null
  let seeded: {
    publishable_key: string
    region_id: string
    country_code: string
    currency_code: string
    shipping_option_id: string
    variant_id: string
    unit_price: number
    a: { id: string; status: string; parent_id: string | null; referral_code: string }
    b: { id: string; status: string; parent_id: string | null; referral_code: string }
  }
  let adminHeaders: Record<string, string>

  /** A test that fails, naming the step, when an earlier step of this app failed. */
  const step = (name: string, fn: () => Promise<void>) =>
    test(name, async () => {
      if (!tarball) {
        throw new Error("not run: building or packing the plugin failed (see beforeAll)")
      }
      if (failedStep) {
        throw new Error(`not run: the step "${failedStep}" failed`)
      }
      try {
        await fn()
      } catch (e) {
        failedStep = name
        anyFailed = true
        throw e
      }
    })

  const api = (method: string, url: string, opts: { body?: unknown; headers?: Record<string, string> } = {}) =>
    request(app.baseUrl, method, url, opts)

  /** Asserts the status, showing the request and body when it differs. */
  const expectStatus = (reply: Reply, status: number, what: string) =>
    expect({ what, status: reply.status, body: reply.status === status ? "…" : reply.body }).toEqual({
      what,
      status,
      body: "…",
    })

  beforeAll(() => {
    app = new InstallApp(version, work, testDatabaseServer())
  })

  afterAll(async () => {
    if (!app) return
    await app.stop()
    await app.dropDatabase()
    if (!failedStep && !KEEP) {
      fs.rmSync(app.dir, { recursive: true, force: true })
    }
  })

  step(`npm installs ${version} with the tarball`, async () => {
    const pkg = app.generate(tarball)
    await app.npmInstall()
    expect({
      medusa: app.installedVersion("@medusajs/medusa"),
      framework: app.installedVersion("@medusajs/framework"),
      dashboard: app.installedVersion("@medusajs/dashboard"),
      ui: app.installedVersion("@medusajs/ui"),
      plugin: app.installedVersion(PLUGIN_NAME),
    }).toEqual({
      medusa: version,
      framework: version,
      dashboard: version,
      ui: pkg.dependencies["@medusajs/ui"],
      plugin: JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")).version,
    })
    // Nothing of another Medusa release came in through a range (a peer of the plugin, a
    // dependency of a dependency): every @medusajs package is this release, @medusajs/ui the one it pins.
    const medusa = app.installedScope("@medusajs")
    expect(medusa.filter((p) => !p.endsWith(`@${version}`) && p !== `@medusajs/ui@${pkg.dependencies["@medusajs/ui"]}`)).toEqual([])
    expect(medusa.length).toBeGreaterThan(50)
    // The tarball, not this repository: the installed package is a copy with its built server.
    const installed = path.join(app.dir, "node_modules", PLUGIN_NAME)
    expect(fs.lstatSync(installed).isSymbolicLink()).toBe(false)
    expect(fs.existsSync(path.join(installed, ".medusa", "server", "src", "workflows", "index.js"))).toBe(true)
    expect(fs.existsSync(path.join(installed, "src"))).toBe(false)
  })

  step("npx medusa db:migrate creates the plugin's tables", async () => {
    await app.createDatabase()
    await app.medusa(["db:migrate"])
    expect(await app.tables("distribution_")).toEqual(expect.arrayContaining(PLUGIN_TABLES))
  })

  step("npx medusa user creates the admin", async () => {
    await app.medusa(["user", "-e", ADMIN.email, "-p", ADMIN.password])
  })

  step("a medusa exec script seeds a shop and distributors A ← B with the plugin's exported workflows", async () => {
    const out = path.join(app.dir, "seeded.json")
    await app.medusa(["exec", "./src/scripts/seed-install.ts", out])
    seeded = JSON.parse(fs.readFileSync(out, "utf8"))
    expect(seeded.unit_price).toBe(123.45)
    expect(seeded.a).toMatchObject({ status: "active", parent_id: null })
    expect(seeded.b).toMatchObject({ status: "active", parent_id: seeded.a.id })
    expect(seeded.b.referral_code).toMatch(/^[23456789A-HJKMNP-Z]{7}$/)
  })

  step("the seed script type-checks against the packed plugin's types (tsc --noEmit)", async () => {
    await app.typecheck()
  })

  step("npx medusa build builds the server and the admin", async () => {
    await app.medusa(["build"])
    expect(fs.existsSync(path.join(app.serverDir, "medusa-config.js"))).toBe(true)
    expect(fs.existsSync(path.join(app.serverDir, "public", "admin", "index.html"))).toBe(true)
  })

  step("the built server starts (.medusa/server, NODE_ENV=production) and answers /health", async () => {
    await app.start()
    const health = await api("GET", "/health")
    expectStatus(health, 200, "GET /health")
  })

  step("the Distribution admin answers: login, GET and POST /admin/distribution/settings", async () => {
    const login = await api("POST", "/auth/user/emailpass", { body: ADMIN })
    expectStatus(login, 200, "POST /auth/user/emailpass")
    adminHeaders = { authorization: `Bearer ${login.body.token}` }

    const settings = await api("GET", "/admin/distribution/settings", { headers: adminHeaders })
    expectStatus(settings, 200, "GET /admin/distribution/settings")
    expect(settings.body.settings).toMatchObject({
      enabled: true,
      max_depth: 2,
      default_rate_bps_1: 1000,
      default_rate_bps_2: 500,
      // Install step 5 of the README: with nothing chosen, the programme counts in the store's currency.
      currency_code: seeded.currency_code,
      currency_follows_store: true,
      min_withdrawal: "100.00",
    })

    // The merchant chooses it: it stays when the store's default changes.
    const updated = await api("POST", "/admin/distribution/settings", {
      headers: adminHeaders,
      body: { currency_code: seeded.currency_code.toUpperCase() },
    })
    expectStatus(updated, 200, "POST /admin/distribution/settings")
    expect(updated.body.settings).toMatchObject({ currency_code: seeded.currency_code, currency_follows_store: false })
  })

  step("the built admin serves the plugin's Distribution pages", async () => {
    const page = await api("GET", "/app")
    expectStatus(page, 200, "GET /app")
    const entry = /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(page.body)?.[1]
    expect(entry).toMatch(/^\/app\/assets\/.+\.js$/)
    const script = await api("GET", entry!)
    expectStatus(script, 200, `GET ${entry}`)
    // The routes and menu item the plugin's admin extensions register (src/admin/routes/distribution).
    for (const route of ["/distribution", "/distribution/settings", "/distribution/distributors", "/distribution/withdrawals"]) {
      expect({ route, registered: script.body.includes(`"${route}"`) }).toEqual({ route, registered: true })
    }
    expect(script.body).toContain('"nav.distribution"')
  })

  step("the packed plugin serves the distributor portal at /distribution/, with a config.js naming a publishable key", async () => {
    const page = await api("GET", "/distribution/")
    expectStatus(page, 200, "GET /distribution/")
    const entry = /<script[^>]+type="module"[^>]+src="\.\/(assets\/[^"]+\.js)"/.exec(page.body)?.[1]
    expect(entry).toBeDefined()
    const script = await api("GET", `/distribution/${entry}`)
    expectStatus(script, 200, `GET /distribution/${entry}`)
    expect(script.body).toContain("DISTRIBUTION_PORTAL_CONFIG")
    const config = await api("GET", "/distribution/config.js")
    expectStatus(config, 200, "GET /distribution/config.js")
    expect(config.body).toMatch(/^window\.DISTRIBUTION_PORTAL_CONFIG = \{"storeUrl":"","publishableKey":"pk_[0-9a-f]+","lang":null\};\n$/)
  })

  step("an order of a buyer referred by B is credited to the cent: B 10 %, A 5 %", async () => {
    const pk = { "x-publishable-api-key": seeded.publishable_key }
    const email = `buyer.${Date.now()}@example.com`
    const password = "correct-horse-battery"

    const registered = await api("POST", "/auth/customer/emailpass/register", { body: { email, password } })
    expectStatus(registered, 200, "POST /auth/customer/emailpass/register")
    const customer = await api("POST", "/store/customers", {
      headers: { ...pk, authorization: `Bearer ${registered.body.token}` },
      body: { email, first_name: "Bea", last_name: "Buyer" },
    })
    expectStatus(customer, 200, "POST /store/customers")
    const login = await api("POST", "/auth/customer/emailpass", { body: { email, password } })
    expectStatus(login, 200, "POST /auth/customer/emailpass")
    const buyer = { ...pk, authorization: `Bearer ${login.body.token}` }

    // The storefront binds the buyer to the code it arrived through.
    const bound = await api("POST", "/store/distribution/bind", { headers: buyer, body: { referral_code: seeded.b.referral_code } })
    expectStatus(bound, 200, "POST /store/distribution/bind")
    expect(bound.body).toMatchObject({ changed: true, binding: { distributor: { id: seeded.b.id } } })

    const cart = await api("POST", "/store/carts", {
      headers: buyer,
      body: {
        region_id: seeded.region_id,
        email,
        items: [{ variant_id: seeded.variant_id, quantity: QUANTITY }],
        shipping_address: {
          first_name: "Bea",
          last_name: "Buyer",
          address_1: "Hauptstraße 5",
          city: "Berlin",
          country_code: seeded.country_code,
          postal_code: "10115",
        },
      },
    })
    expectStatus(cart, 200, "POST /store/carts")
    const cartId = cart.body.cart.id
    const shipping = await api("POST", `/store/carts/${cartId}/shipping-methods`, {
      headers: buyer,
      body: { option_id: seeded.shipping_option_id },
    })
    expectStatus(shipping, 200, "POST /store/carts/:id/shipping-methods")
    const collection = await api("POST", "/store/payment-collections", { headers: buyer, body: { cart_id: cartId } })
    expectStatus(collection, 200, "POST /store/payment-collections")
    const session = await api("POST", `/store/payment-collections/${collection.body.payment_collection.id}/payment-sessions`, {
      headers: buyer,
      body: { provider_id: "pp_system_default" },
    })
    expectStatus(session, 200, "POST /store/payment-collections/:id/payment-sessions")
    const completed = await api("POST", `/store/carts/${cartId}/complete`, { headers: buyer })
    expectStatus(completed, 200, "POST /store/carts/:id/complete")
    expect(completed.body.type).toBe("order")
    const order = completed.body.order
    expect({ currency_code: order.currency_code, item_subtotal: order.item_subtotal, shipping_total: order.shipping_total, tax_total: order.tax_total, total: order.total }).toEqual({
      currency_code: "eur",
      item_subtotal: 246.9,
      shipping_total: 5,
      tax_total: 0,
      total: 251.9,
    })

    // The running server's order.placed subscriber credits it: poll the admin API.
    let commissions: Reply = { status: 0, body: null }
    const deadline = Date.now() + 120_000
    while (Date.now() < deadline) {
      commissions = await api("GET", `/admin/distribution/commissions?order_id=${order.id}&order=depth`, { headers: adminHeaders })
      expectStatus(commissions, 200, "GET /admin/distribution/commissions")
      if (commissions.body.commissions.length >= 2) break
      await new Promise((r) => setTimeout(r, 1000))
    }
    const rows = commissions.body.commissions
      .map((c: Record<string, unknown>) => ({
        depth: c.depth,
        distributor_id: c.distributor_id,
        buyer_customer_id: c.buyer_customer_id,
        attribution: c.attribution,
        quantity: c.quantity,
        base_amount: c.base_amount,
        rate_bps: c.rate_bps,
        amount: c.amount,
        currency_code: c.currency_code,
        status: c.status,
      }))
      .sort((x: { depth: number }, y: { depth: number }) => x.depth - y.depth)
    const row = { buyer_customer_id: customer.body.customer.id, quantity: QUANTITY, base_amount: EXPECTED.base, currency_code: "eur", status: "pending" }
    expect(rows).toEqual([
      { ...row, depth: 1, distributor_id: seeded.b.id, attribution: "binding", rate_bps: 1000, amount: EXPECTED.level1 },
      { ...row, depth: 2, distributor_id: seeded.a.id, attribution: "binding", rate_bps: 500, amount: EXPECTED.level2 },
    ])
    // What the README says the server logs when it credits an order.
    expect(app.serverOutput()).toContain(`distribution: credited order ${order.id} with 2 commission(s), EUR ${EXPECTED.total} in total`)
  })
})
