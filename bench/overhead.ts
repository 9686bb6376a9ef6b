/**
 * `npm run bench -- overhead`: what the plugin adds to placing an order.
 *
 * Two Medusa apps on the same seeded store, each built with `medusa build` and
 * run with `medusa start` on its own port and database: "vanilla" (a generated
 * app with no src/ and no module) and "plugin" (this repository, with an active
 * three-generation line of distributors, max_depth 3, a rule, and every buyer
 * bound to the deepest one). The same orders go through the store API (cart →
 * shipping → payment session → complete) on both, alternating batch by batch,
 * at concurrency 1 and 8, to and from 127.0.0.1 only; each concurrency is
 * measured in three runs. Then: p50/p95 of the complete call and of the whole
 * flow, the plugin/vanilla ratios of each run and their median, when the
 * plugin's commissions were written (its order.placed subscriber runs after
 * the response), and each server's memory after a forced full garbage
 * collection, after boot and after the benchmark.
 *
 * BENCH_ORDERS (200): orders per app, concurrency and run.
 */
import fs from "fs"
import path from "path"
import { AxiosInstance } from "axios"
import { Shop } from "../integration-tests/helpers/orders"
import { StoreCustomer } from "../integration-tests/helpers/auth"
import {
  build,
  commissionLag,
  Database,
  instrumentedApi,
  LINES,
  median,
  migrateAndSeed,
  placeTimed,
  ratio,
  Sample,
  Server,
  setUpBuyers,
} from "./lib/apps"

// The benchmarks' shared plumbing is CommonJS (bench/lib/common.js).
const bench = require("./lib/common")
const { CACHE, ROOT, log, summarize } = bench

type App = {
  name: "vanilla" | "plugin"
  dir: string
  db: Database
  port: number
  server?: Server
  gcEnv?: Record<string, string>
  shop?: Shop & { referral_code?: string }
  api?: AxiosInstance
  buyers: StoreCustomer[]
}
type Figures = { complete: { p50_ms: number; p95_ms: number }; flow: { p50_ms: number; p95_ms: number } }

const CONCURRENCIES = (process.env.BENCH_CONCURRENCIES || "1,8").split(",").map(Number)
if (!CONCURRENCIES.every((c) => Number.isInteger(c) && c > 0)) {
  throw new Error(`BENCH_CONCURRENCIES must list positive integers, e.g. "1,8" (got "${process.env.BENCH_CONCURRENCIES}")`)
}
const RUNS = 3
const WARMUP_ORDERS = 10

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

async function placeBatch(app: App, concurrency: number, completeTimes: Map<string, number>): Promise<Sample[]> {
  return await Promise.all(
    Array.from({ length: concurrency }, (_, i) => placeTimed(app.api!, app.shop!, app.buyers[i], completeTimes))
  )
}

/**
 * One run: batches alternate between the apps (which one goes first
 * alternating too, and starting with the other one on odd runs) until each has
 * `orders`.
 */
async function measureRun(apps: App[], run: number, concurrency: number, orders: number, completeTimes: Map<string, number>) {
  const samples: Record<string, Sample[]> = Object.fromEntries(apps.map((a) => [a.name, []]))
  const rounds = Math.ceil(orders / concurrency)
  for (let r = 0; r < rounds; r++) {
    const order = (r + run) % 2 === 0 ? apps : [...apps].reverse()
    for (const app of order) {
      samples[app.name].push(...(await placeBatch(app, concurrency, completeTimes)))
    }
  }
  return samples
}

const figuresOf = (samples: Sample[]): Figures => ({
  complete: summarize(samples.map((s) => s.complete_ms)),
  flow: summarize(samples.map((s) => s.flow_ms)),
})

const ratiosOf = (vanilla: Figures, plugin: Figures) => ({
  ratio_p50_complete: ratio(plugin.complete.p50_ms, vanilla.complete.p50_ms),
  ratio_p95_complete: ratio(plugin.complete.p95_ms, vanilla.complete.p95_ms),
  ratio_p50_flow: ratio(plugin.flow.p50_ms, vanilla.flow.p50_ms),
  ratio_p95_flow: ratio(plugin.flow.p95_ms, vanilla.flow.p95_ms),
})

/** Memory of both apps after a full GC, and the plugin's difference. */
async function memory(apps: App[]) {
  const figures: Record<string, { heap_used_mb: number; rss_mb: number; tree_rss_mb: number }> = {}
  for (const app of apps) figures[app.name] = await bench.memoryAfterGc(app.server!.child.pid, app.gcEnv)
  const diff = (key: "heap_used_mb" | "rss_mb" | "tree_rss_mb") => Math.round((figures.plugin[key] - figures.vanilla[key]) * 10) / 10
  return {
    ...figures,
    difference: { heap_used_mb: diff("heap_used_mb"), rss_mb: diff("rss_mb"), tree_rss_mb: diff("tree_rss_mb") },
  }
}

export async function run() {
  const orders = Number(process.env.BENCH_ORDERS || 200)
  const server = await bench.benchServer()
  const apps: App[] = [
    { name: "vanilla", dir: path.join(CACHE, "vanilla"), db: await bench.createDatabase(server, "vanilla"), port: 9311, buyers: [] },
    { name: "plugin", dir: ROOT, db: await bench.createDatabase(server, "plugin"), port: 9312, buyers: [] },
  ]
  log(`overhead: ${orders} orders per app, concurrency (${CONCURRENCIES.join(", ")}) and run (${RUNS} runs)`)
  try {
    writeVanillaApp(apps[0].dir)
    for (const app of apps) {
      app.shop = migrateAndSeed(app.dir, app.db, `overhead-${app.name}`)
      build(app.dir, `overhead-${app.name}`, bench.appEnv(app.db.url))
    }
    const completeTimes = new Map<string, number>()
    for (const app of apps) {
      app.gcEnv = bench.gcProbeEnv(`overhead-${app.name}`)
      app.server = bench.startServer({
        cwd: path.join(app.dir, ".medusa", "server"),
        env: bench.appEnv(app.db.url, app.gcEnv),
        port: app.port,
        logName: `overhead-${app.name}-server`,
      })
      await bench.waitForHealth(app.server)
    }
    const afterBoot = await memory(apps)
    for (const app of apps) {
      app.api = instrumentedApi(app.server!.url, completeTimes)
      app.buyers = await setUpBuyers(app.api, app.shop!, Math.max(...CONCURRENCIES))
      for (let i = 0; i < WARMUP_ORDERS; i++) await placeBatch(app, 1, completeTimes)
    }
    const results: Record<string, unknown> = {}
    for (const concurrency of CONCURRENCIES) {
      const runs: ({ vanilla: Figures; plugin: Figures } & ReturnType<typeof ratiosOf>)[] = []
      const pluginSamples: Sample[] = []
      for (let r = 0; r < RUNS; r++) {
        log(`overhead: concurrency ${concurrency}, run ${r + 1} of ${RUNS}`)
        const samples = await measureRun(apps, r, concurrency, orders, completeTimes)
        const vanilla = figuresOf(samples.vanilla)
        const plugin = figuresOf(samples.plugin)
        runs.push({ vanilla, plugin, ...ratiosOf(vanilla, plugin) })
        pluginSamples.push(...samples.plugin)
      }
      // The subscriber works after the response: give the last orders' events a moment.
      await new Promise((r) => setTimeout(r, 3000))
      const medianOf = (key: keyof ReturnType<typeof ratiosOf>) => median(runs.map((r) => r[key]))
      results[`concurrency_${concurrency}`] = {
        runs,
        median: {
          ratio_p50_complete: medianOf("ratio_p50_complete"),
          ratio_p95_complete: medianOf("ratio_p95_complete"),
          ratio_p50_flow: medianOf("ratio_p50_flow"),
          ratio_p95_flow: medianOf("ratio_p95_flow"),
        },
        goal_median_ratio_p50: 1.05,
        plugin_commissions: await commissionLag(apps[1].db, pluginSamples),
      }
    }
    const afterBenchmark = await memory(apps)
    return {
      benchmark: "overhead",
      machine: await bench.machine(server),
      orders_per_app_concurrency_and_run: orders,
      runs_per_concurrency: RUNS,
      lines_per_order: LINES.length,
      server: "medusa build + medusa start (NODE_ENV=production, admin disabled, in-memory event bus, cache and locking)",
      ...results,
      memory_after_gc: {
        how: "every Node process of each server preloads bench/lib/gc-probe.js with --expose-gc; on a signal it runs a full GC and reports process.memoryUsage()",
        after_boot: afterBoot,
        after_benchmark: afterBenchmark,
        goal_max_difference_mb: 30,
      },
    }
  } finally {
    for (const app of apps) {
      await app.server?.stop()
      await app.db.drop().catch((e: Error) => log(`could not drop ${app.db.name}: ${e.message}`))
    }
    await server.stop()
  }
}
