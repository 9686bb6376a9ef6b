/**
 * The cluster tests' machinery: this repository built as a Medusa app
 * (`medusa build`, admin disabled) and started as several `medusa start`
 * instances on one PostgreSQL database and one Redis, with Medusa's Redis
 * modules (medusa-config.ts, DISTRIBUTION_REDIS_MODULES).
 *
 * - The build is made once per state of the sources and checkout, in the
 *   system's temporary directory (medusa-cluster-build-<hash>-<checkout>), and
 *   reused while they are unchanged and the checkout's node_modules it links
 *   is there.
 * - A template database is migrated and seeded (a shop and an admin:
 *   fixtures/seed-cluster.ts) once per state of the sources, while the build
 *   runs; each test gets a fresh copy of it (CREATE DATABASE … TEMPLATE) and
 *   drops it at the end.
 * - Each test's instances share a Redis prefix of their own: queues, cache and
 *   locks of another run (or of another app on the same Redis) are not theirs.
 *   Their keys are deleted at the end.
 */
import crypto from "crypto"
import fs from "fs"
import os from "os"
import path from "path"
import axios, { AxiosInstance } from "axios"
import { Queue } from "bullmq"
import IORedis from "ioredis"
import { deleteRedisKeys } from "../helpers/redis"
import { Headers, registerCustomer, StoreCustomer } from "../helpers/auth"
import { Distributor, makeDistributor, uniqueEmail, updateSettings } from "../helpers/distribution"
import { Shop } from "../helpers/orders"
import {
  childEnv,
  databaseUrl,
  DbConfig,
  dropStaleDatabases,
  MedusaServer,
  quoteIdent,
  run,
  stampedName,
  testDatabaseServer,
  withDatabase,
} from "../helpers/processes"

export const ROOT = path.resolve(__dirname, "..", "..")
const MEDUSA = path.join(ROOT, "node_modules", ".bin", "medusa")
const BUILD_PREFIX = "medusa-cluster-build-"
/** Test databases: cluster_<test>_<stamp>; templates: cluster_template_<hash>. */
const DATABASE_PREFIX = "cluster_"
const TEMPLATE_PREFIX = "cluster_template_"

/** Keep every cluster test's logs (and print where), even when it passes. */
export const KEEP = !!process.env.DISTRIBUTION_CLUSTER_KEEP && process.env.DISTRIBUTION_CLUSTER_KEEP !== "0"

export const log = (message: string) => process.stdout.write(`[cluster ${new Date().toISOString().slice(11, 19)}] ${message}\n`)

// ---------------------------------------------------------------- the build

export type Build = { hash: string; dir: string; serverDir: string; reused: boolean }

function filesUnder(dir: string): string[] {
  return (fs.readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
    .map((f) => path.join(dir, f))
    .filter((f) => fs.statSync(path.join(ROOT, f)).isFile())
}

/** What the build and the template are made of: src/, the config, the seed. */
export function sourceHash(): string {
  const hash = crypto.createHash("sha256")
  const files = ["medusa-config.ts", "tsconfig.json", "package.json", "integration-tests/helpers/orders.ts", ...filesUnder("src"), ...filesUnder("integration-tests/cluster/fixtures")]
  for (const file of files.sort()) {
    hash.update(`${file}\0`).update(fs.readFileSync(path.join(ROOT, file))).update("\0")
  }
  return hash.digest("hex").slice(0, 16)
}

/**
 * This repository as a Medusa app, built: a copy of src/ and medusa-config.ts
 * (with a tsconfig that compiles the config, which the plugin's own leaves
 * out), `medusa build` with the admin disabled, and this repository's
 * node_modules linked into the output in place of `npm install` (its
 * package.json is this one's). Reused while the sources are unchanged.
 */
export async function buildApp(hash: string, logFile: string): Promise<Build> {
  // The build links this checkout's node_modules: another checkout of the same
  // sources (a CI clone since removed, say) has a build of its own.
  const checkout = crypto.createHash("sha256").update(ROOT).digest("hex").slice(0, 8)
  const dir = path.join(os.tmpdir(), `${BUILD_PREFIX}${hash}-${checkout}`)
  // Medusa 2.21 finds each core module's models by splitting a path at its first "dist".
  if (/dist/.test(dir)) {
    throw new Error(`the build directory ${dir} contains "dist", where a Medusa app cannot live: set TMPDIR elsewhere`)
  }
  const serverDir = path.join(dir, ".medusa", "server")
  if (fs.existsSync(path.join(dir, "built"))) {
    // Reused only while the packages it links are still there.
    if (fs.existsSync(path.join(serverDir, "node_modules", "@medusajs", "medusa", "package.json"))) {
      return { hash, dir, serverDir, reused: true }
    }
    fs.rmSync(dir, { recursive: true, force: true })
  }
  // Builds of sources that changed since, a day old or more.
  for (const name of fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(BUILD_PREFIX))) {
    const old = path.join(os.tmpdir(), name)
    if (Date.now() - fs.statSync(old).mtimeMs > 24 * 3600_000) fs.rmSync(old, { recursive: true, force: true })
  }
  const work = `${dir}-${process.pid}`
  fs.rmSync(work, { recursive: true, force: true })
  fs.mkdirSync(work, { recursive: true })
  fs.cpSync(path.join(ROOT, "src"), path.join(work, "src"), { recursive: true })
  for (const file of ["medusa-config.ts", "package.json"]) fs.copyFileSync(path.join(ROOT, file), path.join(work, file))
  const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8"))
  tsconfig.compilerOptions.declaration = false
  tsconfig.exclude = tsconfig.exclude.filter((e: string) => e !== "medusa-config.ts")
  fs.writeFileSync(path.join(work, "tsconfig.json"), JSON.stringify(tsconfig, null, 2))
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(work, "node_modules"), "dir")
  const started = Date.now()
  await run(MEDUSA, ["build"], { cwd: work, env: childEnv({ NODE_ENV: "production", DISABLE_MEDUSA_ADMIN: "true" }), log: logFile })
  fs.symlinkSync(path.join("..", "..", "node_modules"), path.join(work, ".medusa", "server", "node_modules"), "dir")
  fs.writeFileSync(path.join(work, "built"), new Date().toISOString())
  try {
    fs.renameSync(work, dir)
  } catch {
    // Another run built the same sources meanwhile: use theirs.
    fs.rmSync(work, { recursive: true, force: true })
  }
  log(`built the app in ${((Date.now() - started) / 1000).toFixed(0)} s (${dir})`)
  return { hash, dir, serverDir, reused: false }
}

// ---------------------------------------------------------------- databases

export type Seeded = { pk: string; region_id: string; variants: Record<string, string>; admin: { email: string; password: string } }

/** The environment every command and instance of a cluster runs with. */
function appEnv(database: string, redis: { url: string; prefix: string }, secrets: Record<string, string>, extra: Record<string, string> = {}) {
  return childEnv({
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl(testDatabaseServer(), database),
    REDIS_URL: redis.url,
    DISTRIBUTION_REDIS_MODULES: "true",
    DISTRIBUTION_REDIS_PREFIX: redis.prefix,
    DISABLE_MEDUSA_ADMIN: "true",
    STORE_CORS: "http://localhost:8000",
    ADMIN_CORS: "http://localhost:9000",
    AUTH_CORS: "http://localhost:8000,http://localhost:9000",
    ...secrets,
    ...extra,
  })
}

function newSecrets() {
  return {
    DISTRIBUTION_ENCRYPTION_KEY: crypto.randomBytes(32).toString("hex"),
    JWT_SECRET: crypto.randomBytes(24).toString("hex"),
    COOKIE_SECRET: crypto.randomBytes(24).toString("hex"),
  }
}

async function templateComment(db: DbConfig, name: string): Promise<Seeded | null> {
  const { rows } = await withDatabase(db, (c) =>
    c.query("select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1", [name])
  )
  try {
    return rows.length ? (JSON.parse(rows[0].comment) as Seeded) : null
  } catch {
    return null
  }
}

/**
 * The template the tests' databases are copied from: migrated (`medusa
 * db:migrate` in this repository, while the build runs) and seeded, what the
 * seed wrote kept as the database's comment. Made once per state of the
 * sources; the templates of other states are dropped when nobody uses them.
 */
export async function templateDatabase(hash: string, redisUrl: string, logFile: string): Promise<{ name: string; seeded: Seeded }> {
  const db = testDatabaseServer()
  const name = `${TEMPLATE_PREFIX}${hash}`
  const existing = await templateComment(db, name)
  if (existing) {
    return { name, seeded: existing }
  }
  await withDatabase(db, async (c) => {
    const { rows } = await c.query(
      "select datname from pg_database d where datname like $1 and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)",
      [`${TEMPLATE_PREFIX.replace(/_/g, "\\_")}%`]
    )
    for (const { datname } of rows) await c.query(`drop database if exists ${quoteIdent(datname)}`).catch(() => {})
  })
  const started = Date.now()
  const wip = stampedName(DATABASE_PREFIX, `wip_${hash}`)
  const redis = { url: redisUrl, prefix: `${wip}:` }
  const env = appEnv(wip, redis, newSecrets())
  await withDatabase(db, (c) => c.query(`create database ${quoteIdent(wip)}`))
  try {
    await run(MEDUSA, ["db:migrate"], { cwd: ROOT, env, log: logFile })
    const out = path.join(os.tmpdir(), `${wip}.json`)
    await run(MEDUSA, ["exec", "./integration-tests/cluster/fixtures/seed-cluster.ts", out], { cwd: ROOT, env, log: logFile })
    const seeded = fs.readFileSync(out, "utf8")
    fs.rmSync(out, { force: true })
    await withDatabase(db, async (c) => {
      await c.query(`comment on database ${quoteIdent(wip)} is ${quoteLiteral(seeded)}`)
      await c.query(`alter database ${quoteIdent(wip)} rename to ${quoteIdent(name)}`)
    })
    log(`migrated and seeded the template database ${name} in ${((Date.now() - started) / 1000).toFixed(0)} s`)
    return { name, seeded: JSON.parse(seeded) }
  } catch (e) {
    await withDatabase(db, (c) => c.query(`drop database if exists ${quoteIdent(wip)} with (force)`)).catch(() => {})
    // Another run made the same template meanwhile.
    const theirs = await templateComment(db, name)
    if (theirs) return { name, seeded: theirs }
    throw e
  } finally {
    await deleteRedisKeys(redisUrl, redis.prefix).catch(() => {})
  }
}

const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`

// ---------------------------------------------------------------- a cluster

export type Mode = "shared" | "server" | "worker"

/**
 * One test's instances: a fresh copy of the template database, a Redis prefix,
 * secrets of their own, and a work directory for the logs (removed when the
 * test passed, kept and printed when it failed).
 */
export class Cluster {
  readonly db = testDatabaseServer()
  readonly database: string
  readonly redis: { url: string; prefix: string }
  readonly secrets = newSecrets()
  readonly work: string
  readonly instances: MedusaServer[] = []
  private created = false

  constructor(
    readonly build: Build,
    readonly template: { name: string; seeded: Seeded },
    redisUrl: string,
    readonly slug: string,
    work: string
  ) {
    this.database = stampedName(DATABASE_PREFIX, slug)
    this.redis = { url: redisUrl, prefix: `${this.database}:` }
    this.work = work
  }

  get shop(): Shop {
    const { pk, region_id, variants } = this.template.seeded
    return { pk, region_id, variants: new Map(Object.entries(variants)) }
  }

  async createDatabase() {
    const stale = await dropStaleDatabases(this.db, DATABASE_PREFIX)
    if (stale.length) log(`dropped ${stale.length} database(s) left by cluster runs that died: ${stale.join(", ")}`)
    await withDatabase(this.db, (c) => c.query(`create database ${quoteIdent(this.database)} template ${quoteIdent(this.template.name)}`))
    this.created = true
  }

  env(extra: Record<string, string> = {}) {
    return appEnv(this.database, this.redis, this.secrets, extra)
  }

  /** An instance of the built app (not started): `mode` is its MEDUSA_WORKER_MODE. */
  instance(name: string, mode: Mode, extra: Record<string, string> = {}) {
    const server = new MedusaServer({
      bin: MEDUSA,
      cwd: this.build.serverDir,
      env: this.env({ MEDUSA_WORKER_MODE: mode, ...extra }),
      log: path.join(this.work, `${name}.log`),
      name: `instance ${name} (${mode})`,
    })
    this.instances.push(server)
    return server
  }

  /** `medusa exec <script> <args>` in this repository, against the cluster's database and Redis. */
  exec(script: string, args: string[], extra: Record<string, string> = {}) {
    return run(MEDUSA, ["exec", script, ...args], { cwd: ROOT, env: this.env(extra), log: path.join(this.work, "exec.log") })
  }

  /** Emits `name` with `{ id }` for each id, `times` times, through the event bus of a process of its own. */
  async emit(name: string, ids: string[], times: number) {
    const file = path.join(this.work, `emit-${Date.now()}.json`)
    fs.writeFileSync(file, JSON.stringify({ name, ids, times }))
    await this.exec("./integration-tests/cluster/fixtures/emit-events.ts", [file])
  }

  async query<T = Record<string, any>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return await withDatabase(this.db, async (c) => (await c.query(sql, params)).rows as T[], this.database)
  }

  /** Jobs of the Redis event bus not yet handled (waiting, prioritized, delayed or running). */
  async pendingEvents(): Promise<number> {
    const connection = new IORedis(this.redis.url, { maxRetriesPerRequest: null })
    // The queue of @medusajs/event-bus-redis, under the prefix medusa-config.ts gives it.
    const queue = new Queue("events-queue", { connection, prefix: this.redis.prefix })
    try {
      const counts = await queue.getJobCounts("wait", "active", "delayed", "prioritized", "waiting-children", "paused")
      return Object.values(counts).reduce((a, b) => a + b, 0)
    } finally {
      await queue.close()
      connection.disconnect()
    }
  }

  /**
   * Stops every instance and deletes the Redis keys; drops the database and
   * removes the logs unless `keep` (a kept database is dropped by a later run
   * once it is six hours old).
   */
  async teardown({ keep }: { keep: boolean }) {
    for (const server of this.instances) await server.stop().catch(() => {})
    await deleteRedisKeys(this.redis.url, this.redis.prefix).catch(() => {})
    if (keep) {
      log(`kept the logs in ${this.work}${this.created ? ` and the database ${this.database}` : ""}`)
      return
    }
    if (this.created) {
      await withDatabase(this.db, (c) => c.query(`drop database if exists ${quoteIdent(this.database)} with (force)`))
    }
    fs.rmSync(this.work, { recursive: true, force: true })
  }
}

/**
 * Everything a cluster test starts from: a work directory for the logs, the
 * build and the template (made when missing), and a fresh database copied from
 * the template. When this fails, the work directory is kept and named.
 */
export async function prepareCluster(slug: string): Promise<Cluster> {
  const url = redisUrl()
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `medusa-cluster-${slug.replace(/_/g, "-")}-`))
  try {
    const hash = sourceHash()
    const [build, template] = await Promise.all([
      buildApp(hash, path.join(work, "build.log")),
      templateDatabase(hash, url, path.join(work, "template.log")),
    ])
    const cluster = new Cluster(build, template, url, slug, work)
    await cluster.createDatabase()
    return cluster
  } catch (e) {
    log(`preparing failed: kept the logs in ${work}`)
    throw e
  }
}

/** The Redis the kind was given (npm test finds or starts one); never a silent skip. */
export function redisUrl(): string {
  const url = process.env.REDIS_URL
  if (!url) {
    throw new Error("REDIS_URL is not set: run the cluster tests with `npm test -- cluster`, which finds or starts a Redis")
  }
  return url
}

// ---------------------------------------------------------------- the programme

export const api = (server: MedusaServer, timeout = 60_000): AxiosInstance => axios.create({ baseURL: server.baseUrl, timeout })

/** The seeded admin, logged in through the real auth route. */
export async function loginAdmin(client: AxiosInstance, seeded: Seeded): Promise<Headers> {
  const { data } = await client.post("/auth/user/emailpass", seeded.admin)
  return { headers: { authorization: `Bearer ${data.token}` } }
}

/**
 * Level rates in basis points for depths 1–3 (no levels, no rules: the
 * programme's defaults), and the basket every order of the cluster tests buys.
 */
export const RATES_BPS = [1000, 500, 200]
export const BASKET = [
  { sku: "TOTE-IVORY", quantity: 2 }, // 158.00: 15.80, 7.90, 3.16
  { sku: "RICE-5", quantity: 1 }, // 89.90: 8.99, 4.495 → 4.49, 1.798 → 1.79
]
/** What each line of the basket pays at each depth, to the cent, rounded down: "<sku> <depth>" → amount. */
export const EXPECTED_LINE_AMOUNTS: Record<string, string> = {
  "TOTE-IVORY 1": "15.80",
  "TOTE-IVORY 2": "7.90",
  "TOTE-IVORY 3": "3.16",
  "RICE-5 1": "8.99",
  "RICE-5 2": "4.49",
  "RICE-5 3": "1.79",
}
/** One order's commissions per depth: C (1) 24.79, B (2) 12.39, A (3) 4.95. */
export const PER_ORDER_BY_DEPTH = ["24.79", "12.39", "4.95"]

/**
 * A → B → C, each made the way a real distributor is (registered, bound to
 * its inviter, applied; the programme approves at once), three levels paid at
 * RATES_BPS, and `buyers` customers bound to C.
 */
export async function setUpProgramme(
  client: AxiosInstance,
  shop: Shop,
  admin: Headers,
  settings: Record<string, unknown>,
  buyers: number
): Promise<{ a: Distributor; b: Distributor; c: Distributor; buyers: StoreCustomer[] }> {
  await updateSettings(client, admin, {
    application_mode: "auto",
    max_depth: 3,
    default_rate_bps_1: RATES_BPS[0],
    default_rate_bps_2: RATES_BPS[1],
    default_rate_bps_3: RATES_BPS[2],
    ...settings,
  })
  const ctx = { pk: shop.pk, admin }
  const a = await makeDistributor(client, ctx, { name: "Anna" })
  const b = await makeDistributor(client, ctx, { name: "Bob", parent: a })
  const c = await makeDistributor(client, ctx, { name: "Cui", parent: b })
  const bound: StoreCustomer[] = []
  for (let i = 0; i < buyers; i++) {
    const buyer = await registerCustomer(client, shop.pk, { email: uniqueEmail(`buyer${i}`) })
    await client.post("/store/distribution/bind", { referral_code: c.code }, buyer)
    bound.push(buyer)
  }
  return { a, b, c, buyers: bound }
}

/** The stock location the demo shop ships from (for fulfilments). */
export async function stockLocationId(client: AxiosInstance, admin: Headers): Promise<string> {
  const { data } = await client.get("/admin/stock-locations", admin)
  return data.stock_locations[0].id
}

// ---------------------------------------------------------------- what the database says

export type CommissionRow = {
  id: string
  order_id: string
  line_item_id: string
  sku: string
  distributor_id: string
  depth: number
  amount: string
  reversed_amount: string
  status: string
  eligible_at: Date | null
}

/** Every commission, with its line's SKU; amounts as PostgreSQL prints them (numeric, to the cent). */
export function commissions(cluster: Cluster) {
  return cluster.query<CommissionRow>(
    `select c.id, c.order_id, c.line_item_id, li.variant_sku as sku, c.distributor_id, c.depth,
            round(c.amount, 2)::text as amount, round(c.reversed_amount, 2)::text as reversed_amount, c.status, c.eligible_at
       from distribution_commission c left join order_line_item li on li.id = c.line_item_id
      where c.deleted_at is null order by c.order_id, li.variant_sku, c.depth`
  )
}

/** Per wallet: its cached available balance, the sum of its ledger, and of its distributor's settled commissions. */
export function wallets(cluster: Cluster) {
  return cluster.query<{ distributor_id: string; available: string; ledger: string; settled: string; entries: number }>(
    `select w.distributor_id, round(w.available, 2)::text as available,
            (select round(coalesce(sum(l.amount), 0), 2)::text from distribution_ledger_entry l
              where l.distributor_id = w.distributor_id and l.currency_code = w.currency_code and l.deleted_at is null) as ledger,
            (select round(coalesce(sum(c.amount - c.reversed_amount), 0), 2)::text from distribution_commission c
              where c.distributor_id = w.distributor_id and c.currency_code = w.currency_code and c.status = 'settled' and c.deleted_at is null) as settled,
            (select count(*)::int from distribution_ledger_entry l
              where l.distributor_id = w.distributor_id and l.currency_code = w.currency_code and l.deleted_at is null) as entries
       from distribution_wallet w where w.deleted_at is null order by w.distributor_id`
  )
}

/** Sums amounts given as "12.34" to the cent, without floats. */
export function sumCents(amounts: string[]): string {
  const cents = amounts.reduce((total, a) => {
    const [whole, frac = ""] = a.replace("-", "").split(".")
    const value = BigInt(whole) * 100n + BigInt((frac + "00").slice(0, 2))
    return total + (a.startsWith("-") ? -value : value)
  }, 0n)
  const sign = cents < 0n ? "-" : ""
  const abs = cents < 0n ? -cents : cents
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`
}

/** Polls `check` until it returns null (done) or `timeoutMs` passes; then fails with what it last returned. */
export async function until(what: string, timeoutMs: number, check: () => Promise<string | null>, everyMs = 1000) {
  const deadline = Date.now() + timeoutMs
  let last: string | null = "not checked yet"
  for (;;) {
    last = await check()
    if (last === null) return
    if (Date.now() > deadline) {
      throw new Error(`${what}: not reached within ${Math.round(timeoutMs / 1000)} s; last seen: ${last}`)
    }
    await new Promise((r) => setTimeout(r, everyMs))
  }
}

/** How many of the instance's log lines contain `text`. */
export function countInLog(server: MedusaServer, text: string) {
  return server.output().split("\n").filter((line) => line.includes(text)).length
}
