import axios, { AxiosInstance } from "axios"
import { ChildProcess, execFile, spawn } from "child_process"
import crypto from "crypto"
import fs from "fs"
import net from "net"
import path from "path"
import { promisify } from "util"
import { Client } from "pg"
import { Browser, BrowserContextOptions, chromium, Page } from "playwright-core"
import { formatMoney } from "../../src/admin/lib/format"

/**
 * A real Medusa server with the built admin, on a fresh database with the demo
 * seed, for the browser suite: the same commands a merchant runs
 * (`medusa build`, `db:migrate`, `exec` the seed, `user`, `start`).
 */
const run = promisify(execFile)
export const ROOT = path.resolve(__dirname, "..", "..")
const ADMIN_OUT = path.join(ROOT, "public", "admin")
const HASH_FILE = path.join(ADMIN_OUT, ".source-hash")
export const SCREENSHOTS = path.join(ROOT, ".screenshots")
export const ADMIN = { email: "admin@example.com", password: "supersecret" }

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

function sourceHash() {
  const hash = crypto.createHash("sha256")
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else hash.update(full).update(fs.readFileSync(full))
    }
  }
  walk(path.join(ROOT, "src", "admin"))
  hash.update(fs.readFileSync(path.join(ROOT, "package-lock.json")))
  return hash.digest("hex")
}

/**
 * `medusa start` serves the admin from <root>/public/admin, where `medusa build`
 * puts it in .medusa/server; the admin-only build goes to .medusa/admin and is
 * copied there. Skipped when the admin sources have not changed since the last
 * build (about 40 s on two cores).
 */
async function buildAdmin(env: NodeJS.ProcessEnv) {
  const hash = sourceHash()
  if (fs.existsSync(HASH_FILE) && fs.readFileSync(HASH_FILE, "utf8") === hash) {
    return
  }
  await run("npx", ["medusa", "build", "--admin-only"], { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 })
  fs.rmSync(ADMIN_OUT, { recursive: true, force: true })
  fs.cpSync(path.join(ROOT, ".medusa", "admin"), ADMIN_OUT, { recursive: true })
  fs.writeFileSync(HASH_FILE, hash)
}

type Connection = { host: string; port: number; user: string; password: string }

/**
 * What the seeded shop depends on: the server code, its config and packages,
 * and the day (the demo's activities are placed around "now").
 */
function seedHash() {
  const hash = crypto.createHash("sha256")
  const skip = new Set([path.join(ROOT, "src", "admin"), path.join(ROOT, "src", "portal")])
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name)
      if (skip.has(full)) continue
      if (entry.isDirectory()) walk(full)
      else hash.update(full).update(fs.readFileSync(full))
    }
  }
  walk(path.join(ROOT, "src"))
  for (const file of ["package-lock.json", "medusa-config.ts"]) hash.update(fs.readFileSync(path.join(ROOT, file)))
  hash.update(new Date().toISOString().slice(0, 10))
  return hash.digest("hex").slice(0, 16)
}

/**
 * `database`, created as a copy of the migrated and seeded demo shop with its
 * admin user. The shop is made once per source version and day — `db:migrate`,
 * the demo seed and `medusa user`, as a merchant runs them — and kept as a
 * template database, so every browser spec after the first starts from a copy
 * made in a second rather than a minute of seeding. An advisory lock keeps two
 * suites from making it at once; an older version's template is dropped.
 */
async function createSeededDatabase(connection: Connection, database: string, env: NodeJS.ProcessEnv) {
  const template = `medusa-browser-seed-${seedHash()}`
  const admin = new Client({ ...connection, database: "postgres" })
  await admin.connect()
  try {
    await admin.query("select pg_advisory_lock(hashtext('medusa-browser-seed'))")
    const { rows } = await admin.query("select datname from pg_database where datname like 'medusa-browser-seed-%'")
    if (!rows.some((r) => r.datname === template)) {
      for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`)
      const building = `${template}-building`
      await admin.query(`drop database if exists "${building}" with (force)`)
      await admin.query(`create database "${building}"`)
      const buildEnv = { ...env, DATABASE_URL: databaseUrl(connection, building) }
      const opts = { cwd: ROOT, env: buildEnv, maxBuffer: 64 * 1024 * 1024 }
      await run("npx", ["medusa", "db:migrate"], opts)
      await run("npx", ["medusa", "exec", "./src/scripts/seed-demo.ts"], opts)
      await run("npx", ["medusa", "user", "-e", ADMIN.email, "-p", ADMIN.password], opts)
      await admin.query(`alter database "${building}" rename to "${template}"`)
    }
    await admin.query(`create database "${database}" template "${template}"`)
  } finally {
    await admin.query("select pg_advisory_unlock(hashtext('medusa-browser-seed'))").catch(() => undefined)
    await admin.end()
  }
}

function databaseUrl({ host, port, user, password }: Connection, database: string) {
  const auth = password ? `${encodeURIComponent(user)}:${encodeURIComponent(password)}` : encodeURIComponent(user)
  return `postgres://${auth}@${host}:${port}/${database}`
}

async function waitForHealth(url: string, child: ChildProcess, seconds: number) {
  const deadline = Date.now() + seconds * 1000
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before it answered`)
    }
    try {
      if ((await fetch(`${url}/health`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${url} did not answer within ${seconds} s`)
}

export type AdminApp = { url: string; db: Client; stop: () => Promise<void> }

/**
 * `admin: false` starts the server without Medusa Admin (no admin build): for suites that drive
 * the portal only. `serverEnv` adds variables for the server, read from the seeded database.
 */
export async function startAdminApp(
  options: { admin?: boolean; serverEnv?: (db: Client) => Promise<Record<string, string>> } = {}
): Promise<AdminApp> {
  const withAdmin = options.admin !== false
  const host = process.env.DB_HOST || "localhost"
  const port = Number(process.env.DB_PORT || 5432)
  const user = process.env.DB_USERNAME || "postgres"
  const password = process.env.DB_PASSWORD || ""
  const database = `medusa-browser-${Date.now()}`
  const serverPort = await freePort()
  // NODE_ENV=test: the built admin is served (only "development" runs Vite), and
  // the session cookie is not Secure, which a plain-http test server needs.
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl({ host, port, user, password }, database),
    NODE_ENV: "test",
    PORT: String(serverPort),
    MEDUSA_DISABLE_TELEMETRY: "true",
    ...(withAdmin ? {} : { DISABLE_MEDUSA_ADMIN: "true" }),
  }

  const connection = { host, port, user, password }
  await Promise.all([withAdmin ? buildAdmin(env) : undefined, createSeededDatabase(connection, database, env)])

  const db = new Client({ host, port, user, password, database })
  await db.connect()
  const serverEnv = options.serverEnv ? await options.serverEnv(db) : {}
  const server = spawn("npx", ["medusa", "start"], { cwd: ROOT, env: { ...env, ...serverEnv }, detached: true, stdio: ["ignore", "ignore", "inherit"] })
  const url = `http://localhost:${serverPort}`
  await waitForHealth(url, server, 120)

  const stop = async () => {
    await db.end().catch(() => undefined)
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server.once("exit", r))
      try {
        process.kill(-server.pid!, "SIGTERM")
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
      try {
        process.kill(-server.pid!, "SIGKILL")
      } catch {
        // already gone
      }
    }
    const dropper = new Client({ host, port, user, password, database: "postgres" })
    await dropper.connect()
    await dropper.query(`drop database if exists "${database}" with (force)`).catch(() => undefined)
    await dropper.end()
  }
  return { url, db, stop }
}

/** The Chromium npm test found (or installed) before it ran anything: scripts/lib/prerequisites.js. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH
  if (!executablePath) {
    throw new Error("CHROMIUM_PATH is not set: run the browser tests with `npm test -- browser`, which finds Chromium first")
  }
  return chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-quic",
      "--no-first-run",
      "--disable-component-update",
      "--disable-sync",
    ],
  })
}

/**
 * A picture of the whole page for people to look at, kept in .screenshots/. The
 * dashboard scrolls inside its own panel, not the window, so the window is made
 * as tall as that panel's content for the shot.
 */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  const viewport = page.viewportSize()!
  const height = await page.evaluate(() =>
    Math.max(
      window.innerHeight,
      ...Array.from(document.querySelectorAll<HTMLElement>("body *"))
        .filter((e) => /(auto|scroll)/.test(getComputedStyle(e).overflowY) && e.scrollHeight > e.clientHeight)
        .map((e) => e.getBoundingClientRect().top + e.scrollHeight)
    )
  )
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.ceil(height), 5000) })
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) })
  await page.setViewportSize(viewport)
}

/** Money, numbers, rates and dates as the admin shows them in a locale (Intl, as its useFormat does). */
export const formats = (locale = "en-US") => ({
  money: (amount: string | number, currency = "cny") => formatMoney(locale, amount, currency),
  number: (n: string | number) => new Intl.NumberFormat(locale).format(Number(n)),
  bps: (bps: number) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(bps / 10000),
  date: (d: Date) => new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(d),
})

/**
 * What every browser spec starts from: the server on the demo shop, the API
 * with an admin's token, and one Chromium page (1440 × 1200, en-US, UTC). Its
 * fields are set once the suite's beforeAll has run.
 */
export class AdminBrowser {
  app!: AdminApp
  api!: AxiosInstance
  adminHeaders!: { authorization: string }
  browser!: Browser
  page!: Page

  async start(context: BrowserContextOptions) {
    this.app = await startAdminApp()
    this.api = axios.create({ baseURL: this.app.url })
    const { data } = await this.api.post("/auth/user/emailpass", ADMIN)
    this.adminHeaders = { authorization: `Bearer ${data.token}` }
    this.browser = await launchBrowser()
    const browserContext = await this.browser.newContext({ viewport: { width: 1440, height: 1200 }, locale: "en-US", timezoneId: "UTC", ...context })
    this.page = await browserContext.newPage()
  }

  async stop() {
    await this.browser?.close()
    await this.app?.stop()
  }

  /** The first row of a query on the server's database. */
  one = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await this.app.db.query(sql, params)).rows[0] as T
  all = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await this.app.db.query(sql, params)).rows as T[]

  /** A dashboard page: "/distribution/sales" is /app/distribution/sales. */
  open = async (path: string) => {
    await this.page.goto(`${this.app.url}/app${path}`)
  }

  /** Waits for a toast (or any text) that reads exactly `text`. */
  toast = (text: string) => this.page.getByText(text, { exact: true }).first().waitFor()

  /** Signs in through the dashboard's login form; the dashboard opens on Orders. */
  logIn = async () => {
    await this.open("/login")
    await this.page.fill('input[name="email"]', ADMIN.email)
    await this.page.fill('input[name="password"]', ADMIN.password)
    await this.page.click('button[type="submit"]')
    await this.page.waitForURL(/\/app\/orders/)
  }

  /** Switches the dashboard to 简体中文 in the admin's profile (kept in the browser: cookie and localStorage "lng"). */
  switchToChinese = async () => {
    await this.open("/settings/profile/edit")
    await this.page.getByRole("combobox").click()
    await this.page.getByRole("option", { name: "简体中文" }).click()
    await this.page.getByRole("button", { name: "Save" }).click()
    await this.page.waitForFunction(() => localStorage.getItem("lng") === "zhCN")
  }
}

/** An AdminBrowser started before the calling suite's tests (a server start takes minutes) and stopped after them. */
export function adminBrowser(context: BrowserContextOptions = {}) {
  const dashboard = new AdminBrowser()
  beforeAll(() => dashboard.start(context), 1_500_000)
  afterAll(() => dashboard.stop())
  return dashboard
}
