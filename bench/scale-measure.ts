import fs from "fs"
import inspector from "inspector"
import { Connection } from "@mikro-orm/core"
import { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { AuthenticatedMedusaRequest, MedusaResponse, validateAndTransformQuery } from "@medusajs/framework/http"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../src/modules/distribution"
import DistributionModuleService from "../src/modules/distribution/service"
import { creditOrderCommissionsWorkflow, moveDistributorWorkflow } from "../src/workflows"
import settleCommissions from "../src/jobs/settle-commissions"
import { GET as listDistributors } from "../src/api/admin/distribution/distributors/route"
import { GET as storeTeam } from "../src/api/store/distribution/team/route"
import { GET as storeSummary } from "../src/api/store/distribution/me/summary/route"
import { StoreGetCentreSummary } from "../src/api/store/distribution/me/validators"
import { AdminListDistributors } from "../src/api/admin/distribution/distributors/validators"
import { distributorQueryConfig } from "../src/api/admin/distribution/distributors/query-config"
import { StoreGetTeam } from "../src/api/store/distribution/team/validators"
import { createProductRule } from "./lib/programme"

/**
 * The in-process half of `npm run bench -- scale`, run by `medusa exec` on the
 * generated database: the engine, the routes' handlers and the job, timed call
 * by call. Reads its subjects from BENCH_SCALE_INPUT and writes the figures,
 * with the statements of one traced call per measurement, to BENCH_SCALE_OUTPUT.
 */

type Subjects = {
  largest_team: { id: string; customer_id: string; team_size: number }
  move: { id: string; from_parent_id: string; to_parent_id: string; team_size: number }
  credit_referrer: { id: string }
  search_terms: string[]
}
type Input = { subjects: Subjects; calls: number; settle_commissions: number; credit_orders: number }
type Statement = { sql: string; ms: number }

const now = () => Number(process.hrtime.bigint()) / 1e6
// Unique per run: a kept database (BENCH_SCALE_REUSE) is measured again without collisions.
const RUN = Date.now().toString(36)

// Every statement MikroORM sends goes through Connection.executeQuery: while a
// call is traced, its SQL (parameters inlined) and duration are kept, so that a
// measurement that misses its goal can be explained statement by statement.
// (executeQuery is protected: reached through a structural view of the prototype.)
type Executing = {
  executeQuery(query: string, cb: () => Promise<unknown>, context?: { query?: string; params?: unknown[] }): Promise<unknown>
}
let trace: Statement[] | null = null
const connection = Connection.prototype as unknown as Executing
const executeQuery = connection.executeQuery
connection.executeQuery = async function (this: Connection & Executing, query, cb, context) {
  const started = now()
  try {
    return await executeQuery.call(this, query, cb, context)
  } finally {
    if (trace && context?.query) {
      trace.push({ sql: this.getPlatform().formatQuery(context.query, context.params ?? []), ms: now() - started })
    }
  }
}

async function traced(fn: () => Promise<unknown>): Promise<Statement[]> {
  trace = []
  try {
    await fn()
    return trace
  } finally {
    trace = null
  }
}

/** Calls a route handler the way the router does after authentication: query validation, then the handler. */
async function callRoute(
  container: MedusaContainer,
  handler: (req: AuthenticatedMedusaRequest, res: MedusaResponse) => Promise<void>,
  input: { query?: Record<string, unknown>; params?: Record<string, string>; actor_id?: string; validate?: ReturnType<typeof validateAndTransformQuery> }
) {
  let body: unknown
  // Only what the handlers and the query validator read of a request.
  const req = {
    scope: container,
    query: input.query ?? {},
    params: input.params ?? {},
    auth_context: { actor_id: input.actor_id ?? "user_bench", actor_type: "user", auth_identity_id: "authid_bench", app_metadata: {} },
    allowed: [],
  } as unknown as AuthenticatedMedusaRequest
  const res = {
    json: (b: unknown) => {
      body = b
      return res
    },
    status: () => res,
  } as unknown as MedusaResponse
  if (input.validate) {
    let error: unknown
    await input.validate(req, res, (e?: unknown) => {
      error = e
    })
    if (error) throw error
  }
  await handler(req, res)
  return body as { count: number }
}

/**
 * BENCH_PROFILE=<dir>: a CPU profile of each measurement's timed calls is
 * written there as <name>.cpuprofile (open it in Chrome's DevTools), to see
 * where the JavaScript time of a call goes.
 */
async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_PROFILE
  if (!dir) return await fn()
  const session = new inspector.Session()
  session.connect()
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))))
  await post("Profiler.enable")
  await post("Profiler.setSamplingInterval", { interval: 100 })
  await post("Profiler.start")
  try {
    return await fn()
  } finally {
    const { profile } = await post("Profiler.stop")
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(`${dir}/${name.replace(/\W+/g, "-")}.cpuprofile`, JSON.stringify(profile))
    session.disconnect()
  }
}

async function measure(name: string, calls: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < Math.min(5, calls); i++) await fn(-1 - i)
  const samples: number[] = []
  await profiled(name, async () => {
    for (let i = 0; i < calls; i++) {
      const started = now()
      await fn(i)
      samples.push(now() - started)
    }
  })
  // One more call, traced: its statements, and the share of its time spent in the database.
  const started = now()
  const statements = await traced(() => fn(calls))
  const traced_ms = now() - started
  process.stderr.write(`[bench] ${name}: ${calls} calls\n`)
  return { samples, statements, traced_ms }
}

async function prepareCreditOrders(container: MedusaContainer, input: Input) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const productModule = container.resolve(Modules.PRODUCT)
  const orderModule = container.resolve(Modules.ORDER)
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  await service.updateSettings({ max_depth: 3 })
  const products = await productModule.createProducts(
    ["精华液", "婴儿湿巾", "龙井茶"].map((title, i) => ({
      title,
      handle: `bench-product-${RUN}-${i}`,
      options: [{ title: "规格", values: ["标准"] }],
      variants: [{ title: "标准", sku: `BENCH-${RUN}-${i}`, options: { 规格: "标准" } }],
    }))
  )
  await createProductRule(service, products[0].id)
  const orderIds: string[] = []
  const count = input.credit_orders + 10
  for (let i = 0; i < count; i++) {
    const customerId = `cus_bench_buyer_${RUN}_${String(i).padStart(6, "0")}`
    await knex.raw(
      `INSERT INTO distribution_referral_binding (id, customer_id, distributor_id, source, bound_at)
       VALUES (?, ?, ?, 'link', now() - interval '1 day')`,
      [`dbind_bench_${RUN}_${i}`, customerId, input.subjects.credit_referrer.id]
    )
    const [order] = await orderModule.createOrders([
      {
        currency_code: "cny",
        customer_id: customerId,
        email: `buyer${i}@example.com`,
        items: products.map((p, j) => ({
          title: p.title,
          quantity: 1 + j,
          unit_price: 99 + 50 * j,
          product_id: p.id,
          variant_id: p.variants[0].id,
        })),
      },
    ])
    orderIds.push(order.id)
  }
  return orderIds
}

/**
 * The floor under any workflow on this machine: three steps that do nothing,
 * shaped like the credit workflow (settings, compute, insert), run by Medusa's
 * workflow engine. Crediting cannot be faster than this.
 */
const noopSteps = [1, 2, 3].map((i) => createStep(`bench-noop-${i}`, async (x: { order_id: string }) => new StepResponse(x)))
const workflowFloor = createWorkflow("bench-workflow-floor", (input: { order_id: string }) => {
  const a = noopSteps[0](input)
  const b = noopSteps[1](transform({ a }, ({ a }) => a))
  return new WorkflowResponse(noopSteps[2](transform({ b }, ({ b }) => b)))
})

async function creditBenchmark(container: MedusaContainer, input: Input) {
  const orderIds = await prepareCreditOrders(container, input)
  let next = 0
  const run = async () => {
    const { result } = await creditOrderCommissionsWorkflow(container).run({ input: { order_id: orderIds[next++] } })
    if (result.created !== 9) throw new Error(`an order of 3 lines × 3 levels credited ${result.created} commissions, not 9`)
  }
  const credit = await measure("credit", input.credit_orders - 1, run)
  const floor = await measure("workflow floor", input.calls, () => workflowFloor(container).run({ input: { order_id: "order_bench" } }))
  return { ...credit, workflow_floor_samples: floor.samples }
}

async function summaryBenchmark(container: MedusaContainer, input: Input) {
  const validate = validateAndTransformQuery(StoreGetCentreSummary, {})
  const actor = input.subjects.largest_team.customer_id
  const run = () => callRoute(container, storeSummary, { actor_id: actor, query: { tz: "Asia/Shanghai" }, validate })
  return { route: "GET /store/distribution/me/summary?tz=Asia/Shanghai", ...(await measure("summary", input.calls, run)) }
}

async function adminListBenchmark(container: MedusaContainer, input: Input) {
  const terms = input.subjects.search_terms
  const validate = validateAndTransformQuery(AdminListDistributors, distributorQueryConfig.list)
  // Per term: its count as the list shows it, and its own times.
  const byTerm: Record<string, { count: number; count_capped: boolean; samples: number[] }> = {}
  const result = await measure("admin list", input.calls, async (i) => {
    const term = terms[Math.abs(i) % terms.length]
    const started = now()
    const body = (await callRoute(container, listDistributors, {
      query: { q: term, order: "-team_size", limit: "20" },
      validate,
    })) as { count: number; count_capped: boolean }
    const entry = (byTerm[term] ??= { count: body.count, count_capped: body.count_capped, samples: [] })
    if (i >= 0 && i < input.calls) entry.samples.push(now() - started)
  })
  return { route: "GET /admin/distribution/distributors?q=…&order=-team_size&limit=20", terms, by_term: byTerm, ...result }
}

async function teamBenchmark(container: MedusaContainer, input: Input) {
  const validate = validateAndTransformQuery(StoreGetTeam, {})
  let count = 0
  const result = await measure("team", input.calls, async (i) => {
    const body = await callRoute(container, storeTeam, {
      query: { depth: "1", limit: "20", offset: String((Math.abs(i) % 5) * 20) },
      actor_id: input.subjects.largest_team.customer_id,
      validate,
    })
    count = body.count
  })
  return { route: "GET /store/distribution/team?depth=1&limit=20", members_at_depth_1: count, ...result }
}

/**
 * The settlement job, BENCH_SETTLE_RUNS times (3): each run makes another
 * `settle_commissions` pending commissions due, takes a checkpoint and times
 * the job settling them. One run of it is a few seconds of random writes whose time moves with
 * the machine (two runs of the same code here differed by half), so the figure
 * is the median run's; every run is reported.
 */
async function settleBenchmark(container: MedusaContainer, input: Input) {
  const runs: Awaited<ReturnType<typeof settleRun>>[] = []
  for (let i = 0; i < Number(process.env.BENCH_SETTLE_RUNS || 3); i++) {
    runs.push(await settleRun(container, input))
  }
  const median = [...runs].sort((a, b) => a.per_second - b.per_second)[Math.floor(runs.length / 2)]
  return {
    ...median,
    runs: runs.map(({ due, seconds, per_second, server }) => ({ due, seconds, per_second, server })),
  }
}

async function settleRun(container: MedusaContainer, input: Input) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  // Pending commissions whose freeze period ends now: what the job finds on a busy day.
  const due = await knex.raw(
    `UPDATE distribution_commission SET eligible_at = now() - interval '1 minute'
      WHERE id IN (SELECT id FROM distribution_commission WHERE status = 'pending' AND eligible_at IS NULL
                    ORDER BY id LIMIT ?)`,
    [input.settle_commissions]
  )
  if (due.rowCount < input.settle_commissions) {
    // A kept database measured again and again runs out of commissions to make due.
    throw new Error(`only ${due.rowCount} pending commissions left to make due (of ${input.settle_commissions}): generate the database again`)
  }
  await knex.raw("ANALYZE distribution_commission")
  // Every run starts just after a checkpoint, at either size: otherwise a run
  // that follows the previous run's checkpoint closely finds most pages copied
  // into the WAL already, and one that starts late in a cycle copies them all
  // again after the next (5,432 and 25,684 whole-page copies in two runs of the
  // same 50,000 at a tenth). (A role that may not take one measures without.)
  await knex.raw("CHECKPOINT").catch(() => undefined)
  const before = await serverCounters(knex)
  const started = now()
  const statements = await traced(() => settleCommissions(container))
  const seconds = (now() - started) / 1000
  const after = await serverCounters(knex)
  const server = Object.fromEntries(Object.keys(after).map((k) => [k, Math.round((after[k] - before[k]) * 10) / 10]))
  const [{ left }] = (
    await knex.raw(`SELECT count(*)::int AS left FROM distribution_commission
                     WHERE status = 'pending' AND eligible_at <= now() AND deleted_at IS NULL`)
  ).rows
  return {
    due: due.rowCount as number,
    left_due: left,
    seconds: Math.round(seconds * 100) / 100,
    per_second: Math.round(due.rowCount / seconds),
    // What the run cost the server: WAL written (whole-page copies among it),
    // checkpoints started, dirty pages the sessions had to write out themselves
    // to make room, pages read from outside PostgreSQL's buffers.
    server,
    statement_count: statements.length,
    database_ms: Math.round(statements.reduce((a, s) => a + s.ms, 0)),
    by_statement: byStatement(statements),
    statements: statements.sort((a, b) => b.ms - a.ms).slice(0, 5),
  }
}

/** The server's cumulative WAL, checkpoint and buffer counters (a run's cost is the difference). */
async function serverCounters(knex: any): Promise<Record<string, number>> {
  const { rows } = await knex.raw(
    `SELECT w.wal_records::float8 AS wal_records, w.wal_fpi::float8 AS wal_fpi,
            round(w.wal_bytes / 1048576.0, 1)::float8 AS wal_mb,
            (b.checkpoints_timed + b.checkpoints_req)::float8 AS checkpoints,
            b.buffers_backend::float8 AS buffers_written_by_backends,
            d.blks_read::float8 AS blocks_read, d.blks_hit::float8 AS blocks_hit
       FROM pg_stat_wal w, pg_stat_bgwriter b, pg_stat_database d
      WHERE d.datname = current_database()`
  )
  return rows[0]
}

/** Where a run's database time went: statements grouped by their first words, slowest group first. */
function byStatement(statements: Statement[]) {
  const groups = new Map<string, { count: number; ms: number }>()
  for (const s of statements) {
    const key = s.sql.replace(/\s+/g, " ").trim().slice(0, 70)
    const g = groups.get(key) ?? { count: 0, ms: 0 }
    g.count++
    g.ms += s.ms
    groups.set(key, g)
  }
  return [...groups.entries()]
    .map(([sql, g]) => ({ sql, count: g.count, ms: Math.round(g.ms) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 8)
}

async function moveBenchmark(container: MedusaContainer, input: Input) {
  const { id, from_parent_id, to_parent_id, team_size } = input.subjects.move
  // An even number of moves, away and back: the subtree ends where it started.
  // Twenty timed (p95 is then the 19th, not the slowest of ten), after two untimed.
  const moves = 2 * Math.max(1, Math.min(10, Math.floor(input.calls / 10)))
  const warmUp = 2
  // A kept database (BENCH_SCALE_REUSE) may hold it where an interrupted run left it.
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const movedAlready = (await service.retrieveDistributor(id)).parent_id === to_parent_id
  const samples: number[] = []
  let statements: Statement[] = []
  for (let i = -warmUp; i < moves; i++) {
    const parent_id = (i % 2 === 0) !== movedAlready ? to_parent_id : from_parent_id
    const started = now()
    const run = () => moveDistributorWorkflow(container).run({ input: { id, parent_id, actor_id: "user_bench" } })
    if (i < 0) {
      await run()
      continue
    }
    if (i === 0) {
      statements = await traced(async () => {
        const { result } = await run()
        if (result.moved !== team_size + 1) throw new Error(`moved ${result.moved} rows, expected ${team_size + 1}`)
      })
    } else {
      await run()
    }
    samples.push(now() - started)
  }
  return { subtree: team_size + 1, samples, statements }
}

export default async function scaleMeasure({ container }: ExecArgs) {
  const input: Input = JSON.parse(fs.readFileSync(process.env.BENCH_SCALE_INPUT!, "utf8"))
  const measurements = {
    credit: creditBenchmark,
    summary: summaryBenchmark,
    admin_list: adminListBenchmark,
    team: teamBenchmark,
    settle: settleBenchmark,
    move: moveBenchmark,
  }
  // BENCH_ONLY=credit,settle measures just those (while working on one of them).
  const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(",") : Object.keys(measurements)
  const output: Record<string, unknown> = {}
  for (const [name, fn] of Object.entries(measurements)) {
    if (only.includes(name)) output[name] = await fn(container, input)
  }
  fs.writeFileSync(process.env.BENCH_SCALE_OUTPUT!, JSON.stringify(output))
}
