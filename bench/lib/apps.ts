/**
 * The Medusa apps the overhead and instances benchmarks run: migrated and
 * seeded by `medusa exec` (overhead-seed.ts), built with `medusa build`,
 * started with `medusa start`, and the orders placed through their store API
 * with the integration tests' helpers.
 */
import fs from "fs"
import path from "path"
import axios, { AxiosInstance, InternalAxiosRequestConfig } from "axios"
import ts from "typescript"
import { Client } from "pg"
import { placeOrder, Shop } from "../../integration-tests/helpers/orders"
import { registerCustomer, StoreCustomer } from "../../integration-tests/helpers/auth"

// The benchmarks' shared plumbing is CommonJS (bench/lib/common.js).
const bench = require("./common")
const { CACHE, ROOT, summarize, now, medusa } = bench

export type Database = { name: string; url: string; drop: () => Promise<void> }
export type Server = { child: { pid: number }; stop: () => Promise<void>; url: string; port: number }
export type Sample = { complete_ms: number; flow_ms: number; order_id: string; completed_at: number }

/** The same order everywhere: 3 lines, 4 units, one of them on the product with a rule. */
export const LINES = [
  { sku: "SERUM-30", quantity: 1 },
  { sku: "DIAPER-L", quantity: 2 },
  { sku: "LONGJING-1", quantity: 1 },
]

/** `medusa db:migrate`, then the demo's store seeded (and, with the module, the benchmark's programme). */
export function migrateAndSeed(dir: string, db: Database, label: string): Shop & { referral_code?: string } {
  const env = bench.appEnv(db.url)
  medusa(["db:migrate"], { cwd: dir, env, logName: `${label}-migrate` })
  const seedFile = path.join(CACHE, `${label}-${process.pid}.json`)
  medusa(["exec", path.join(ROOT, "bench", "overhead-seed.ts")], {
    cwd: dir,
    env: { ...env, BENCH_SEED_OUTPUT: seedFile },
    logName: `${label}-seed`,
  })
  const seeded = JSON.parse(fs.readFileSync(seedFile, "utf8"))
  fs.rmSync(seedFile, { force: true })
  return { ...seeded, variants: new Map(Object.entries(seeded.variants)) }
}

/**
 * `medusa build`, then what the build output needs to start: its config (this
 * repository's tsconfig leaves medusa-config.ts out, so that the plugin build
 * does not ship it, and the app build follows the tsconfig) and dependencies.
 * `config` replaces the app's medusa-config.ts source in the output.
 */
export function build(dir: string, label: string, env: NodeJS.ProcessEnv, config?: string) {
  medusa(["build"], { cwd: dir, env, logName: `${label}-build` })
  const output = path.join(dir, ".medusa", "server")
  const source = config ?? fs.readFileSync(path.join(dir, "medusa-config.ts"), "utf8")
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2021, esModuleInterop: true },
  })
  fs.writeFileSync(path.join(output, "medusa-config.js"), js.outputText)
  const modules = path.join(output, "node_modules")
  if (!fs.existsSync(modules)) fs.symlinkSync(path.join(ROOT, "node_modules"), modules)
  return output
}

/** Times the complete call of every flow: the interceptors stamp each request. */
export function instrumentedApi(baseURL: string, completeTimes: Map<string, number>): AxiosInstance {
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

/** Registered buyers, each bound to the programme's referrer when there is one. */
export async function setUpBuyers(api: AxiosInstance, shop: Shop & { referral_code?: string }, count: number) {
  const buyers: StoreCustomer[] = []
  for (let i = 0; i < count; i++) {
    const buyer = await registerCustomer(api, shop.pk, {
      email: `bench.buyer${i}@example.com`,
      first_name: "买家",
      last_name: String(i),
    })
    if (shop.referral_code) {
      await api.post("/store/distribution/bind", { referral_code: shop.referral_code, source: "link" }, { headers: buyer.headers })
    }
    buyers.push(buyer)
  }
  return buyers
}

/** One order's whole flow through the store API (cart → shipping → payment session → complete), timed. */
export async function placeTimed(
  api: AxiosInstance,
  shop: Shop,
  buyer: StoreCustomer,
  completeTimes: Map<string, number>
): Promise<Sample> {
  const started = now()
  const order = await placeOrder(api, shop, buyer, LINES)
  const flow = now() - started
  return { complete_ms: completeTimes.get(order.id)!, flow_ms: flow, order_id: order.id, completed_at: Date.now() }
}

/** The commission rows of these orders: how many orders were credited, and when each order's first row was written. */
export async function commissionRows(db: Database, orderIds: string[]) {
  const { rows }: { rows: { order_id: string; rows: number; first_at: string; last_at: string }[] } = await bench.withClient(
    db.url,
    (c: Client) =>
      c.query(
        `SELECT order_id, count(*)::int AS rows, extract(epoch FROM min(created_at)) * 1000 AS first_at,
                extract(epoch FROM max(created_at)) * 1000 AS last_at
           FROM distribution_commission WHERE order_id = ANY($1) GROUP BY order_id`,
        [orderIds]
      )
  )
  return new Map(rows.map((r) => [r.order_id, { rows: r.rows, first_at: Number(r.first_at), last_at: Number(r.last_at) }]))
}

/** How long after the complete response each order's first commission row was written. */
export async function commissionLag(db: Database, samples: Sample[]) {
  const byOrder = await commissionRows(
    db,
    samples.map((s) => s.order_id)
  )
  const lags = samples.filter((s) => byOrder.has(s.order_id)).map((s) => byOrder.get(s.order_id)!.first_at - s.completed_at)
  return {
    orders_credited: byOrder.size,
    orders: samples.length,
    commission_rows: [...byOrder.values()].reduce((a, r) => a + r.rows, 0),
    written_after_response_ms: summarize(lags),
  }
}

export const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : Math.round(((sorted[mid - 1] + sorted[mid]) / 2) * 1000) / 1000
}
