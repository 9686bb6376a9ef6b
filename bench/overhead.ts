/**
 * `npm run bench -- overhead`: what the plugin adds to placing an order.
 *
 * Two Medusa apps on the same seeded store, each built with `medusa build` and
 * run with `medusa start` on its own port and database: "vanilla" (a generated
 * app with no src/ and no module) and "plugin" (this repository, with an active
 * three-generation line of distributors, max_depth 3, a rule, and every buyer
 * bound to the deepest one). The same orders go through the store API (cart →
 * shipping → payment session → complete) on both, alternating, at concurrency 1
 * and 8, to and from 127.0.0.1 only. Then: p50/p95 of the complete call and of
 * the whole flow, the plugin/vanilla ratios, when the plugin's commissions were
 * written (its order.placed subscriber runs after the response), and each
 * server's resident memory afterwards.
 *
 * BENCH_ORDERS (200): orders per app and concurrency.
 */
import fs from "fs"
import path from "path"
import axios, { AxiosInstance, InternalAxiosRequestConfig } from "axios"
import ts from "typescript"
import { Client } from "pg"
import { placeOrder, Shop } from "../integration-tests/helpers/orders"
import { registerCustomer, StoreCustomer } from "../integration-tests/helpers/auth"

// The benchmarks' shared plumbing is CommonJS (bench/lib/common.js).
const bench = require("./lib/common")
const { CACHE, ROOT, log, summarize, now, medusa, treeRssMb } = bench

type App = {
  name: "vanilla" | "plugin"
  dir: string
  db: { name: string; url: string; drop: () => Promise<void> }
  port: number
  server?: { child: { pid: number }; stop: () => Promise<void>; url: string }
  shop?: Shop & { referral_code?: string }
  api?: AxiosInstance
  buyers: StoreCustomer[]
}
type Sample = { complete_ms: number; flow_ms: number; order_id: string; completed_at: number }

const CONCURRENCIES = [1, 8]
const WARMUP_ORDERS = 10
const LINES = [
  { sku: "SERUM-30", quantity: 1 },
  { sku: "DIAPER-L", quantity: 2 },
  { sku: "LONGJING-1", quantity: 1 },
]

/** The @medusajs packages this repository runs with: the CLI recognises a Medusa project by them. */
function medusaDependencies() {
  const { devDependencies } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"))
  return Object.fromEntries(Object.entries(devDependencies).filter(([name]) => name.startsWith("@medusajs/")))
}

/** A Medusa app with no code of its own: same config as this repository's, minus the module. */
function writeVanillaApp(dir: string) {
  fs.mkdirSync(dir, { recursive: true })
  const config = fs
    .readFileSync(path.join(ROOT, "medusa-config.ts"), "utf8")
    .replace(/\n  modules: \[[\s\S]*?\n  \],\n/, "\n")
  if (config.includes("distribution")) {
    throw new Error("could not take the module out of medusa-config.ts for the vanilla app")
  }
  fs.writeFileSync(path.join(dir, "medusa-config.ts"), config)
  fs.writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ name: "bench-vanilla-medusa", version: "0.0.0", private: true, dependencies: medusaDependencies() }, null, 2)
  )
  fs.copyFileSync(path.join(ROOT, "tsconfig.json"), path.join(dir, "tsconfig.json"))
  const modules = path.join(dir, "node_modules")
  if (!fs.existsSync(modules)) fs.symlinkSync(path.join(ROOT, "node_modules"), modules)
}

/**
 * `medusa build`, then what the build output needs to start: its config (this
 * repository's tsconfig leaves medusa-config.ts out, so that the plugin build
 * does not ship it, and the app build follows the tsconfig) and dependencies.
 */
function build(app: App, env: NodeJS.ProcessEnv) {
  medusa(["build"], { cwd: app.dir, env, logName: `overhead-${app.name}-build` })
  const output = path.join(app.dir, ".medusa", "server")
  const config = ts.transpileModule(fs.readFileSync(path.join(app.dir, "medusa-config.ts"), "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2021, esModuleInterop: true },
  })
  fs.writeFileSync(path.join(output, "medusa-config.js"), config.outputText)
  const modules = path.join(output, "node_modules")
  if (!fs.existsSync(modules)) fs.symlinkSync(path.join(ROOT, "node_modules"), modules)
}

/** Times the complete call of every flow: the interceptors stamp each request. */
function instrumentedApi(baseURL: string, completeTimes: Map<string, number>): AxiosInstance {
  const api = axios.create({ baseURL, timeout: 120_000 })
  api.interceptors.request.use((config: InternalAxiosRequestConfig & { startedAt?: number }) => {
    config.startedAt = now()
    return config
  })
  api.interceptors.response.use((response) => {
    const config = response.config as InternalAxiosRequestConfig & { startedAt?: number }
    if (config.url?.endsWith("/complete") && response.data?.order?.id) {
      completeTimes.set(response.data.order.id, now() - config.startedAt!)
    }
    return response
  })
  return api
}

async function setUpBuyers(app: App, count: number) {
  for (let i = 0; i < count; i++) {
    const buyer = await registerCustomer(app.api!, app.shop!.pk, {
      email: `bench.buyer${i}@example.com`,
      first_name: "买家",
      last_name: String(i),
    })
    if (app.shop!.referral_code) {
      await app.api!.post(
        "/store/distribution/bind",
        { referral_code: app.shop!.referral_code, source: "link" },
        { headers: buyer.headers }
      )
    }
    app.buyers.push(buyer)
  }
}

async function placeBatch(app: App, concurrency: number, completeTimes: Map<string, number>): Promise<Sample[]> {
  return await Promise.all(
    Array.from({ length: concurrency }, async (_, i) => {
      const buyer = app.buyers[i]
      const started = now()
      const order = await placeOrder(app.api!, app.shop!, buyer, LINES)
      const flow = now() - started
      return { complete_ms: completeTimes.get(order.id)!, flow_ms: flow, order_id: order.id, completed_at: Date.now() }
    })
  )
}

/** Alternates batches between the apps (the first of each round alternating too) until each has `orders`. */
async function measure(apps: App[], concurrency: number, orders: number, completeTimes: Map<string, number>) {
  const samples: Record<string, Sample[]> = Object.fromEntries(apps.map((a) => [a.name, []]))
  const rounds = Math.ceil(orders / concurrency)
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? apps : [...apps].reverse()
    for (const app of order) {
      samples[app.name].push(...(await placeBatch(app, concurrency, completeTimes)))
    }
  }
  return samples
}

/** How long after the complete response each order's first commission row was written. */
async function commissionLag(app: App, samples: Sample[]) {
  const { rows }: { rows: { order_id: string; rows: number; written_at: string }[] } = await bench.withClient(app.db.url, (c: Client) =>
    c.query(
      `SELECT order_id, count(*)::int AS rows, extract(epoch FROM min(created_at)) * 1000 AS written_at
         FROM distribution_commission WHERE order_id = ANY($1) GROUP BY order_id`,
      [samples.map((s) => s.order_id)]
    )
  )
  const byOrder = new Map<string, { rows: number; written_at: number }>(
    rows.map((r) => [r.order_id, { rows: r.rows, written_at: Number(r.written_at) }])
  )
  const lags = samples.filter((s) => byOrder.has(s.order_id)).map((s) => byOrder.get(s.order_id)!.written_at - s.completed_at)
  return {
    orders_credited: byOrder.size,
    orders: samples.length,
    commission_rows: [...byOrder.values()].reduce((a, r) => a + r.rows, 0),
    written_after_response_ms: summarize(lags),
  }
}

const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000

export async function run() {
  const orders = Number(process.env.BENCH_ORDERS || 200)
  const server = await bench.benchServer()
  const apps: App[] = [
    { name: "vanilla", dir: path.join(CACHE, "vanilla"), db: await bench.createDatabase(server, "vanilla"), port: 9311, buyers: [] },
    { name: "plugin", dir: ROOT, db: await bench.createDatabase(server, "plugin"), port: 9312, buyers: [] },
  ]
  log(`overhead: ${orders} orders per app and concurrency (${CONCURRENCIES.join(", ")})`)
  try {
    writeVanillaApp(apps[0].dir)
    for (const app of apps) {
      const env = bench.appEnv(app.db.url)
      medusa(["db:migrate"], { cwd: app.dir, env, logName: `overhead-${app.name}-migrate` })
      const seedFile = path.join(CACHE, `overhead-${app.name}-${process.pid}.json`)
      medusa(["exec", path.join(ROOT, "bench", "overhead-seed.ts")], {
        cwd: app.dir,
        env: { ...env, BENCH_SEED_OUTPUT: seedFile },
        logName: `overhead-${app.name}-seed`,
      })
      const seeded = JSON.parse(fs.readFileSync(seedFile, "utf8"))
      fs.rmSync(seedFile, { force: true })
      app.shop = { ...seeded, variants: new Map(Object.entries(seeded.variants)) }
      build(app, env)
    }
    const completeTimes = new Map<string, number>()
    const bootRss: Record<string, number> = {}
    for (const app of apps) {
      app.server = bench.startServer({
        cwd: path.join(app.dir, ".medusa", "server"),
        env: bench.appEnv(app.db.url),
        port: app.port,
        logName: `overhead-${app.name}-server`,
      })
      await bench.waitForHealth(app.server)
      bootRss[app.name] = treeRssMb(app.server!.child.pid)
      app.api = instrumentedApi(app.server!.url, completeTimes)
      await setUpBuyers(app, Math.max(...CONCURRENCIES))
      for (let i = 0; i < WARMUP_ORDERS; i++) await placeBatch(app, 1, completeTimes)
    }
    const results: Record<string, unknown> = {}
    for (const concurrency of CONCURRENCIES) {
      log(`overhead: concurrency ${concurrency}`)
      const samples = await measure(apps, concurrency, orders, completeTimes)
      const figures = Object.fromEntries(
        apps.map((a) => [
          a.name,
          {
            complete: summarize(samples[a.name].map((s) => s.complete_ms)),
            flow: summarize(samples[a.name].map((s) => s.flow_ms)),
          },
        ])
      ) as Record<string, { complete: { p50_ms: number; p95_ms: number }; flow: { p50_ms: number; p95_ms: number } }>
      // The subscriber works after the response: give the last orders' events a moment.
      await new Promise((r) => setTimeout(r, 3000))
      results[`concurrency_${concurrency}`] = {
        ...figures,
        ratio_p50_complete: ratio(figures.plugin.complete.p50_ms, figures.vanilla.complete.p50_ms),
        ratio_p95_complete: ratio(figures.plugin.complete.p95_ms, figures.vanilla.complete.p95_ms),
        ratio_p50_flow: ratio(figures.plugin.flow.p50_ms, figures.vanilla.flow.p50_ms),
        ratio_p95_flow: ratio(figures.plugin.flow.p95_ms, figures.vanilla.flow.p95_ms),
        goal_p50_ratio: 1.05,
        plugin_commissions: await commissionLag(apps[1], samples.plugin),
      }
    }
    const rss = Object.fromEntries(apps.map((a) => [a.name, treeRssMb(a.server!.child.pid)]))
    return {
      benchmark: "overhead",
      machine: await bench.machine(server),
      orders_per_app_and_concurrency: orders,
      lines_per_order: LINES.length,
      server: "medusa build + medusa start (NODE_ENV=production, admin disabled, in-memory event bus, cache and locking)",
      ...results,
      rss_mb_after_boot: { ...bootRss, difference: bootRss.plugin - bootRss.vanilla },
      rss_mb_after_benchmark: { ...rss, difference: rss.plugin - rss.vanilla, goal_max_difference: 30 },
    }
  } finally {
    for (const app of apps) {
      await app.server?.stop()
      await app.db.drop().catch((e: Error) => log(`could not drop ${app.db.name}: ${e.message}`))
    }
    await server.stop()
  }
}
