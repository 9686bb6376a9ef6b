/**
 * `npm run bench -- scale`: the programme at 1,000,000 distributors and
 * 10,000,000 commissions, and at a tenth of that in the same run. For each
 * size, the tenth first: a fresh database is migrated, filled by the generator
 * (bench/lib/generate.js), measured in-process by bench/scale-measure.ts under
 * `medusa exec`, then dropped. Each figure is reported at full size, with its
 * value at a tenth and the growth (full ÷ tenth: ten times the data should
 * cost at most 1.3 times the time), so that a slower or busier machine still
 * shows how the time grows with the data. Each measurement that misses its
 * goal comes with the EXPLAIN (ANALYZE, BUFFERS) of its slowest statements.
 *
 * Sizes: BENCH_DISTRIBUTORS (1000000), BENCH_COMMISSIONS (10000000), the tenth
 * derived from them (BENCH_SCALE_GROWTH=0 measures the full size alone); calls
 * per measurement BENCH_CALLS (200).
 *
 * While working on a query, BENCH_SCALE_KEEP=1 keeps the generated databases
 * (their names and subjects are written to .cache/bench/scale-kept.json) and
 * BENCH_SCALE_REUSE=1 measures those databases again instead of generating
 * them: pending migrations are applied, the data is left as the last run left
 * it (its settled batch stays settled, its credited orders stay credited).
 */
const fs = require("fs")
const os = require("os")
const path = require("path")
const { CACHE, ROOT, log, summarize, benchServer, createDatabase, withClient, appEnv, medusa, machine } = require("./lib/common")
const { generate, subjects } = require("./lib/generate")

const GOALS = {
  credit: { max_ms: 15, what: "crediting an order of 3 lines × 3 levels (workflow, in-process)" },
  summary: { max_ms: 50, what: "distributor centre summary of the distributor with the largest team" },
  admin_list: { max_ms: 100, what: "admin distributors list, searched and sorted" },
  team: { max_ms: 50, what: "team page at depth 1 of the distributor with the largest team" },
  settle: { min_per_second: 5000, what: "settlement job" },
  move: { max_ms: 2000, what: "moving a subtree of about 10,000 distributors" },
}

const int = (name, fallback) => Number(process.env[name] || fallback)

/** EXPLAIN (ANALYZE, BUFFERS) of a statement in a transaction rolled back (after `prepare`, if given). */
async function explain(url, statement, prepare) {
  return await withClient(url, async (c) => {
    await c.query("BEGIN")
    try {
      if (prepare) await c.query(prepare)
      const { rows } = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`)
      return rows.map((r) => r["QUERY PLAN"])
    } finally {
      await c.query("ROLLBACK")
    }
  })
}

const brief = (s) => ({ ms: Math.round(s.ms * 10) / 10, sql: s.sql.replace(/\s+/g, " ").slice(0, 160) })

/**
 * The time of one traced statement with and without the indexes this
 * repository added for it (dropped inside the rolled-back transaction): what
 * each index is worth at this size.
 */
async function withAndWithout(url, statement, indexes) {
  const executionMs = (plan) => Number((plan.find((l) => l.startsWith("Execution Time")) || "").replace(/[^0-9.]/g, ""))
  const top = (plan) => plan.filter((l) => /Scan/.test(l)).slice(0, 4).map((l) => l.trim())
  const withIndexes = await explain(url, statement)
  const without = await explain(url, statement, `DROP INDEX ${indexes.map((i) => `"${i}"`).join(", ")}`)
  return {
    indexes,
    sql: statement.sql.replace(/\s+/g, " ").slice(0, 300),
    with_ms: executionMs(withIndexes),
    with_plan: top(withIndexes),
    without_ms: executionMs(without),
    without_plan: top(without),
  }
}

/** Figures of a latency measurement, its goal, and the plans of its slowest statements when it misses. */
async function latency(url, name, measured) {
  const figures = summarize(measured.samples)
  const goal = GOALS[name]
  const met = figures.p50_ms <= goal.max_ms
  const result = { what: goal.what, ...figures, goal_ms: goal.max_ms, goal_met_p50: met, goal_met_p95: figures.p95_ms <= goal.max_ms }
  if (measured.workflow_floor_samples) {
    result.workflow_floor = { what: "three no-op steps through Medusa's workflow engine", ...summarize(measured.workflow_floor_samples) }
  }
  for (const key of ["route", "terms", "members_at_depth_1", "subtree"]) {
    if (measured[key] !== undefined) result[key] = measured[key]
  }
  if (measured.by_term) {
    result.by_term = Object.fromEntries(
      Object.entries(measured.by_term).map(([term, t]) => [term, { count: t.count, count_capped: t.count_capped, ...summarize(t.samples) }])
    )
  }
  const slowest = [...(measured.statements || [])].sort((a, b) => b.ms - a.ms)
  result.traced_call = {
    ms: Math.round(measured.traced_ms * 10) / 10,
    statements: slowest.length,
    database_ms: Math.round(slowest.reduce((a, s) => a + s.ms, 0) * 10) / 10,
    slowest: slowest.slice(0, 3).map(brief),
  }
  if (!met) {
    result.explain = []
    for (const s of slowest.slice(0, 2)) {
      // A write replayed in the rolled-back transaction can collide with what the traced call wrote.
      const plan = await explain(url, s).catch((e) => [`not explained: ${e.message}`])
      result.explain.push({ sql: s.sql.slice(0, 2000), plan })
    }
  }
  return result
}

/**
 * One size: a database generated (or the kept one measured again), measured
 * in-process, its figures against their goals; dropped unless kept.
 */
async function measureSize(server, size, calls, kept, keep) {
  const { label, distributors, commissions } = size
  const db = kept ? { name: kept.database, url: server.url(kept.database), drop: async () => {} } : await createDatabase(server, `scale_${label}`)
  log(`scale (${label}): ${distributors.toLocaleString("en")} distributors, ${commissions.toLocaleString("en")} commissions in ${db.name}${kept ? " (kept from an earlier run)" : ""}`)
  try {
    const env = appEnv(db.url)
    medusa(["db:migrate"], { env, logName: `scale-${label}-migrate` })
    let generated
    let picked
    if (kept) {
      ;({ generated, picked } = kept)
      await withClient(db.url, (c) => c.query("VACUUM ANALYZE"))
    } else {
      generated = await withClient(db.url, (client) => generate(client, { distributors, commissions }))
      picked = subjects(generated.forest)
      delete generated.forest
    }
    // Loading and vacuuming leave gigabytes of dirty pages: written out now, so
    // that no checkpoint competes with the measurements for the disk.
    await withClient(db.url, (c) => c.query("CHECKPOINT")).catch((e) => log(`no CHECKPOINT (${e.message}): measurements may share the disk with one`))
    if (keep) keepDatabase(label, { database: db.name, generated, picked })
    fs.mkdirSync(CACHE, { recursive: true })
    const inputFile = path.join(CACHE, `scale-input-${label}-${process.pid}.json`)
    const outputFile = path.join(CACHE, `scale-output-${label}-${process.pid}.json`)
    fs.writeFileSync(
      inputFile,
      JSON.stringify({ subjects: picked, calls, credit_orders: calls, settle_commissions: Math.min(50_000, Math.floor(commissions / 20)) })
    )
    const loadBefore = os.loadavg()[0]
    medusa(["exec", "./bench/scale-measure.ts"], {
      env: { ...env, BENCH_SCALE_INPUT: inputFile, BENCH_SCALE_OUTPUT: outputFile },
      logName: `scale-${label}-measure`,
    })
    const loadAfter = os.loadavg()[0]
    const measured = JSON.parse(fs.readFileSync(outputFile, "utf8"))
    fs.rmSync(inputFile, { force: true })
    fs.rmSync(outputFile, { force: true })

    const result = {
      data: generated.counts,
      generation_seconds: generated.timings,
      subjects: picked,
      load_average_1m: { before_measuring: Math.round(loadBefore * 100) / 100, after_measuring: Math.round(loadAfter * 100) / 100 },
      figures: {},
    }
    for (const name of ["credit", "summary", "admin_list", "team"]) {
      if (measured[name]) result.figures[name] = await latency(db.url, name, measured[name])
    }
    const indexes_worth = {}
    const settle = measured.settle
    if (settle) {
      const figures = {
        what: GOALS.settle.what,
        due: settle.due,
        left_due: settle.left_due,
        seconds: settle.seconds,
        per_second: settle.per_second,
        goal_per_second: GOALS.settle.min_per_second,
        goal_met: settle.per_second >= GOALS.settle.min_per_second,
        statements: settle.statement_count,
        database_s: Math.round(settle.database_ms / 10) / 100,
        server: settle.server,
        runs: settle.runs,
        by_statement: settle.by_statement,
        slowest_statements: settle.statements.slice(0, 3).map(brief),
      }
      if (!figures.goal_met) {
        // The job left nothing due: a batch is made due again, inside the rolled-back transaction.
        const due = `UPDATE distribution_commission SET eligible_at = '2000-01-01'
                      WHERE id IN (SELECT id FROM distribution_commission
                                    WHERE status = 'pending' AND eligible_at IS NULL LIMIT 1000)`
        figures.explain = []
        for (const s of settle.statements.slice(0, 2)) {
          // The batch's ledger ids are in the ledger now: the explained statement books under others.
          const again = { ...s, sql: s.sql.replace(/\bdled_(?=[0-9A-Z]{26}\b)/g, "dlex_") }
          const plan = await explain(db.url, again, due).catch((e) => [`not explained: ${e.message}`])
          figures.explain.push({ sql: s.sql.slice(0, 2000), plan })
        }
      }
      result.figures.settle = figures
    }
    if (measured.move) result.figures.move = await latency(db.url, "move", measured.move)
    if (measured.admin_list) {
      // The search's slowest statement that matches the term, with and without the indexes it may read.
      const matching = measured.admin_list.statements.filter((s) => /LIKE\b/i.test(s.sql) && !/^\s*SET\b/i.test(s.sql))
      const searchStatement = matching.sort((a, b) => b.ms - a.ms)[0]
      if (searchStatement) indexes_worth.admin_search = await withAndWithout(db.url, searchStatement, [
        "IDX_distribution_distributor_search_email_trgm",
        "IDX_distribution_distributor_search_name_trgm",
        "IDX_distribution_distributor_search_name_prefix",
        "IDX_distribution_distributor_search_email_prefix",
      ])
    }
    result.indexes_worth = indexes_worth
    return result
  } finally {
    if (keep) log(`kept ${db.name} (BENCH_SCALE_REUSE=1 measures it again; drop it when done)`)
    else await db.drop().catch((e) => log(`could not drop ${db.name}: ${e.message}`))
  }
}

const KEPT_FILE = path.join(CACHE, "scale-kept.json")
const readKept = () => (fs.existsSync(KEPT_FILE) ? JSON.parse(fs.readFileSync(KEPT_FILE, "utf8")) : {})
function keepDatabase(label, entry) {
  fs.mkdirSync(path.dirname(KEPT_FILE), { recursive: true })
  fs.writeFileSync(KEPT_FILE, JSON.stringify({ ...readKept(), [label]: entry }))
}

const GROWTH_GOAL = 1.3
const round3 = (x) => Math.round(x * 1000) / 1000

/** How much longer a figure takes on ten times the data: full ÷ tenth (for the settlement, per commission). */
function growth(name, full, tenth) {
  if (name === "settle") {
    const time = round3(tenth.per_second / full.per_second)
    return { time_per_commission: time, goal_max: GROWTH_GOAL, goal_met: time <= GROWTH_GOAL }
  }
  const p50 = round3(full.p50_ms / tenth.p50_ms)
  const p95 = round3(full.p95_ms / tenth.p95_ms)
  return { p50, p95, goal_max: GROWTH_GOAL, goal_met_p50: p50 <= GROWTH_GOAL, goal_met_p95: p95 <= GROWTH_GOAL }
}

/** A tenth's figure, briefly: what its growth is computed from. */
function brief_(name, f) {
  if (name === "settle") return { due: f.due, seconds: f.seconds, per_second: f.per_second, server: f.server, runs: f.runs }
  const out = { n: f.n, p50_ms: f.p50_ms, p95_ms: f.p95_ms, mean_ms: f.mean_ms }
  if (f.by_term) out.by_term = f.by_term
  if (f.members_at_depth_1 !== undefined) out.members_at_depth_1 = f.members_at_depth_1
  if (f.subtree !== undefined) out.subtree = f.subtree
  return out
}

async function run() {
  const distributors = int("BENCH_DISTRIBUTORS", 1_000_000)
  const commissions = int("BENCH_COMMISSIONS", 10_000_000)
  const calls = int("BENCH_CALLS", 200)
  const sizes = [
    ...(process.env.BENCH_SCALE_GROWTH === "0"
      ? []
      : [{ label: "tenth", distributors: Math.round(distributors / 10), commissions: Math.round(commissions / 10) }]),
    { label: "full", distributors, commissions },
  ]
  const reuse = process.env.BENCH_SCALE_REUSE === "1"
  const keep = reuse || process.env.BENCH_SCALE_KEEP === "1"
  const kept = reuse ? readKept() : {}
  for (const size of sizes) {
    if (reuse && !kept[size.label]) throw new Error(`BENCH_SCALE_REUSE=1: no kept database of the ${size.label} size in ${KEPT_FILE}`)
  }
  const server = await benchServer()
  try {
    const bySize = {}
    for (const size of sizes) {
      bySize[size.label] = await measureSize(server, size, calls, kept[size.label], keep)
    }
    const full = bySize.full
    const tenth = bySize.tenth
    const result = {
      benchmark: "scale",
      machine: await machine(server),
      sizes: Object.fromEntries(
        Object.entries(bySize).map(([label, m]) => [
          label,
          { data: m.data, generation_seconds: m.generation_seconds, subjects: m.subjects, load_average_1m: m.load_average_1m },
        ])
      ),
    }
    for (const [name, figures] of Object.entries(full.figures)) {
      result[name] = figures
      if (tenth?.figures[name]) {
        result[name] = { ...figures, at_a_tenth: brief_(name, tenth.figures[name]), growth: growth(name, figures, tenth.figures[name]) }
      }
    }
    result.indexes_worth = full.indexes_worth
    return result
  } finally {
    await server.stop()
  }
}

module.exports = { run }

if (require.main === module) {
  run().then(
    (figures) => process.stdout.write(`${JSON.stringify(figures)}\n`),
    (e) => {
      log(e.stack || e.message)
      process.exit(1)
    }
  )
}
