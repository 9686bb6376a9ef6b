/**
 * `npm run bench -- instances`: one plugin instance against two on one database.
 *
 * This repository built once (`medusa build`) and started with Medusa's Redis
 * modules switched on (DISTRIBUTION_REDIS_MODULES: the event bus, workflow
 * engine, cache and locking of docs/production.md, under a prefix of this
 * run's own, on the Redis of REDIS_URL or 127.0.0.1:6379), one database migrated and seeded with the
 * overhead benchmark's store and programme. The same load, eight buyers placing
 * orders in a loop until BENCH_INSTANCE_ORDERS are placed, goes to one
 * instance, then to two (the loops alternate between them), then two, then one
 * again. For each phase: orders per second (orders ÷ the phase's wall time) and
 * credits per second (commission rows of the phase's orders ÷ the time from
 * the phase's start to the last row's created_at, once every order is
 * credited), and how long after the response the first row of each order was
 * written. With the Redis event bus an order.placed event is credited by
 * whichever instance takes it from the queue.
 *
 * BENCH_INSTANCE_ORDERS (100): orders per phase; BENCH_INSTANCE_CONCURRENCY (8).
 */
import { StoreCustomer } from "../integration-tests/helpers/auth"
import { deleteRedisKeys } from "../integration-tests/helpers/redis"
import {
  build,
  commissionRows,
  instrumentedApi,
  median,
  migrateAndSeed,
  placeTimed,
  ratio,
  Sample,
  Server,
  setUpBuyers,
} from "./lib/apps"

const bench = require("./lib/common")
const { ROOT, log, summarize, now } = bench

const PORTS = [9321, 9322]
const PHASES = [1, 2, 2, 1]
/** Commission rows per order: 3 lines × 3 levels. */
const ROWS_PER_ORDER = 9

export async function run() {
  const orders = Number(process.env.BENCH_INSTANCE_ORDERS || 100)
  const concurrency = Number(process.env.BENCH_INSTANCE_CONCURRENCY || 8)
  const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379"
  const prefix = `bench-instances-${process.pid}`
  const server = await bench.benchServer()
  const db = await bench.createDatabase(server, "instances")
  // This repository's own config with Medusa's Redis modules switched on (medusa-config.ts), under this run's prefix.
  const env = bench.appEnv(db.url, { DISTRIBUTION_REDIS_MODULES: "true", REDIS_URL: redisUrl, DISTRIBUTION_REDIS_PREFIX: prefix })
  const servers: (Server | undefined)[] = [undefined, undefined]
  log(`instances: ${orders} orders per phase at concurrency ${concurrency}, phases of ${PHASES.join(", ")} instance(s)`)
  try {
    const shop = migrateAndSeed(ROOT, db, "instances")
    const output = build(ROOT, "instances", env)
    const start = async (i: number) => {
      servers[i] = bench.startServer({ cwd: output, env, port: PORTS[i], logName: `instances-server-${i + 1}` })
      await bench.waitForHealth(servers[i])
    }
    const stop = async (i: number) => {
      await servers[i]?.stop()
      servers[i] = undefined
    }
    const completeTimes = new Map<string, number>()
    await start(0)
    const apis = PORTS.map((port) => instrumentedApi(`http://127.0.0.1:${port}`, completeTimes))
    const buyers: StoreCustomer[] = await setUpBuyers(apis[0], shop, concurrency)
    for (let i = 0; i < 5; i++) await placeTimed(apis[0], shop, buyers[0], completeTimes)

    const phases: { instances: number; orders_per_s: number; credits_per_s: number; [figure: string]: unknown }[] = []
    for (const [p, instances] of PHASES.entries()) {
      for (let i = 0; i < PORTS.length; i++) {
        if (i < instances && !servers[i]) await start(i)
        if (i >= instances && servers[i]) await stop(i)
      }
      // Warm the instance that just started, and let the queue empty.
      for (let i = 0; i < instances; i++) await placeTimed(apis[i], shop, buyers[0], completeTimes)
      await new Promise((r) => setTimeout(r, 2000))
      log(`instances: phase ${p + 1} of ${PHASES.length}, ${instances} instance(s)`)
      const startedAt = Date.now()
      const started = now()
      const samples: Sample[] = []
      let placed = 0
      await Promise.all(
        Array.from({ length: concurrency }, async (_, loop) => {
          while (placed < orders) {
            placed++
            samples.push(await placeTimed(apis[loop % instances], shop, buyers[loop], completeTimes))
          }
        })
      )
      const seconds = (now() - started) / 1000
      // Every order's commissions, or at most a minute for the last of them.
      const ids = samples.map((s) => s.order_id)
      const deadline = Date.now() + 60_000
      let rows = await commissionRows(db, ids)
      while ([...rows.values()].reduce((a, r) => a + r.rows, 0) < ids.length * ROWS_PER_ORDER && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 500))
        rows = await commissionRows(db, ids)
      }
      const written = [...rows.values()]
      const commissionCount = written.reduce((a, r) => a + r.rows, 0)
      const creditSeconds = (Math.max(...written.map((r) => r.last_at)) - startedAt) / 1000
      phases.push({
        instances,
        orders: samples.length,
        seconds: Math.round(seconds * 100) / 100,
        orders_per_s: Math.round((samples.length / seconds) * 100) / 100,
        orders_credited: rows.size,
        commission_rows: commissionCount,
        credits_per_s: Math.round((commissionCount / creditSeconds) * 10) / 10,
        flow: summarize(samples.map((s) => s.flow_ms)),
        complete: summarize(samples.map((s) => s.complete_ms)),
        written_after_response_ms: summarize(samples.filter((s) => rows.has(s.order_id)).map((s) => rows.get(s.order_id)!.first_at - s.completed_at)),
      })
    }
    const of = (n: number, key: "orders_per_s" | "credits_per_s") => median(phases.filter((p) => p.instances === n).map((p) => p[key]))
    return {
      benchmark: "instances",
      machine: await bench.machine(server),
      orders_per_phase: orders,
      concurrency,
      server: "medusa build + medusa start (NODE_ENV=production, admin disabled, Redis event bus, workflow engine, cache and locking (DISTRIBUTION_REDIS_MODULES))",
      phases,
      one_instance: { orders_per_s: of(1, "orders_per_s"), credits_per_s: of(1, "credits_per_s") },
      two_instances: { orders_per_s: of(2, "orders_per_s"), credits_per_s: of(2, "credits_per_s") },
      two_over_one: { orders_per_s: ratio(of(2, "orders_per_s"), of(1, "orders_per_s")), credits_per_s: ratio(of(2, "credits_per_s"), of(1, "credits_per_s")) },
    }
  } finally {
    for (let i = 0; i < servers.length; i++) await servers[i]?.stop()
    await db.drop().catch((e: Error) => log(`could not drop ${db.name}: ${e.message}`))
    await deleteRedisKeys(redisUrl, prefix).catch((e: Error) => log(`could not clean Redis: ${e.message}`))
    await server.stop()
  }
}
