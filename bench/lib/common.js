/**
 * What every benchmark shares: the PostgreSQL server (the same choice as the
 * tests: DATABASE_URL, else 127.0.0.1:5432 as postgres, else the embedded one),
 * throw-away databases, the Medusa CLI, timings and percentiles.
 *
 * Progress goes to stderr and the CLI's output to .cache/bench/logs, so that a
 * benchmark's stdout is its one JSON line of figures.
 */
const fs = require("fs")
const os = require("os")
const path = require("path")
const crypto = require("crypto")
const { spawn, spawnSync, execFileSync } = require("child_process")
const { Client } = require("pg")
const { resolveTestDatabase, ROOT } = require("../../scripts/lib/db")

const CACHE = path.join(ROOT, ".cache", "bench")
const LOGS = path.join(CACHE, "logs")

function log(message) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`)
}

/** p50/p95 (nearest rank) and the mean of a list of milliseconds, rounded to 0.1 ms. */
function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = (p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
  const round = (x) => Math.round(x * 10) / 10
  return {
    n: sorted.length,
    p50_ms: round(rank(50)),
    p95_ms: round(rank(95)),
    mean_ms: round(sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1)),
  }
}

const now = () => Number(process.hrtime.bigint()) / 1e6

/** Runs `fn` and returns its duration in milliseconds (and its result). */
async function timed(fn) {
  const start = now()
  const result = await fn()
  return { ms: now() - start, result }
}

/** The server the benchmark databases live on, with a stop() for an embedded one. */
async function benchServer() {
  // scripts/lib/db.js reports its choice on stdout, which is the figures' here.
  const write = process.stdout.write
  process.stdout.write = process.stderr.write.bind(process.stderr)
  let server
  try {
    server = await resolveTestDatabase()
  } finally {
    process.stdout.write = write
  }
  const url = (database) =>
    `postgres://${encodeURIComponent(server.user)}${server.password ? `:${encodeURIComponent(server.password)}` : ""}` +
    `@${server.host}:${server.port}/${encodeURIComponent(database)}`
  return { ...server, url }
}

async function withClient(url, fn) {
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => {})
  }
}

/** A fresh database named after the benchmark and this process, dropped by the returned function. */
async function createDatabase(server, label) {
  const name = `medusa_bench_${label}_${process.pid}`
  await withClient(server.url("postgres"), (c) => c.query(`CREATE DATABASE "${name}"`))
  const drop = () =>
    withClient(server.url("postgres"), (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
  return { name, url: server.url(name), drop }
}

/** The environment a Medusa app of the benchmarks runs with. */
function appEnv(databaseUrl, extra = {}) {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    DISABLE_MEDUSA_ADMIN: "true",
    JWT_SECRET: "bench-jwt-secret",
    COOKIE_SECRET: "bench-cookie-secret",
    DISTRIBUTION_ENCRYPTION_KEY: process.env.DISTRIBUTION_ENCRYPTION_KEY || crypto.randomBytes(32).toString("hex"),
    // Medusa's own loggers write to stdout: quiet them down to what matters.
    LOG_LEVEL: "error",
    ...extra,
  }
}

/** `medusa <args>` in `cwd`; output into a log file, thrown with its tail on failure. */
function medusa(args, { cwd = ROOT, env, logName }) {
  fs.mkdirSync(LOGS, { recursive: true })
  const logFile = path.join(LOGS, `${logName}.log`)
  const started = now()
  const r = spawnSync(path.join(ROOT, "node_modules", ".bin", "medusa"), args, {
    cwd,
    env,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  })
  fs.writeFileSync(logFile, `${r.stdout || ""}${r.stderr || ""}`)
  if (r.status !== 0) {
    const tail = `${r.stdout || ""}${r.stderr || ""}`.split("\n").slice(-25).join("\n")
    throw new Error(`medusa ${args.join(" ")} failed (exit ${r.status ?? r.signal}); see ${logFile}\n${tail}`)
  }
  log(`medusa ${args.join(" ")} (${path.relative(ROOT, cwd) || "."}): ${((now() - started) / 1000).toFixed(1)} s`)
  return logFile
}

/** Starts `medusa start` in `cwd` on `port` in its own process group; stop() ends the group. */
function startServer({ cwd, env, port, logName }) {
  fs.mkdirSync(LOGS, { recursive: true })
  const out = fs.openSync(path.join(LOGS, `${logName}.log`), "w")
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "medusa"), ["start"], {
    cwd,
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", out, out],
    detached: true,
  })
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    try {
      process.kill(-child.pid, "SIGTERM")
    } catch {}
    const deadline = Date.now() + 15_000
    while (child.exitCode === null && child.signalCode === null && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100))
    }
    try {
      process.kill(-child.pid, "SIGKILL")
    } catch {}
  }
  return { child, stop, port, url: `http://127.0.0.1:${port}` }
}

async function waitForHealth(server, seconds = 180) {
  const deadline = Date.now() + seconds * 1000
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) {
      throw new Error(`the server on port ${server.port} exited (${server.child.exitCode}) before it answered`)
    }
    try {
      const r = await fetch(`${server.url}/health`)
      if (r.ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`the server on port ${server.port} did not answer /health within ${seconds} s`)
}

/** A process and all its descendants. */
function processTree(rootPid) {
  const children = (pid) => {
    try {
      return execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
        .split("\n")
        .map((s) => Number(s.trim()))
        .filter(Boolean)
    } catch {
      return []
    }
  }
  const tree = []
  const pending = [rootPid]
  while (pending.length) {
    const pid = pending.pop()
    tree.push(pid)
    pending.push(...children(pid))
  }
  return tree
}

/** Resident memory (MB) of a process and all its descendants, from /proc. */
function treeRssMb(rootPid) {
  const rssKb = (pid) => {
    try {
      const m = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/)
      return m ? Number(m[1]) : 0
    } catch {
      return 0
    }
  }
  return Math.round(processTree(rootPid).reduce((total, pid) => total + rssKb(pid), 0) / 1024)
}

const GC_PROBE = path.join(__dirname, "gc-probe.js")

/**
 * What a server needs in its environment to be measured by memoryAfterGc():
 * every Node process of it preloads lib/gc-probe.js with --expose-gc.
 */
function gcProbeEnv(label) {
  const dir = path.join(CACHE, "gc", `${label}-${process.pid}`)
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  const options = [process.env.NODE_OPTIONS, "--expose-gc", `--require ${JSON.stringify(GC_PROBE)}`].filter(Boolean).join(" ")
  return { NODE_OPTIONS: options, BENCH_GC_DIR: dir }
}

/**
 * A full garbage collection in every Node process of a server started with
 * gcProbeEnv(), then their memory: heap used and resident set (MB), summed
 * over the processes, and the whole process tree's resident set.
 */
async function memoryAfterGc(rootPid, env) {
  const dir = env.BENCH_GC_DIR
  const pids = processTree(rootPid).filter((pid) => fs.existsSync(path.join(dir, `${pid}.ready`)))
  if (!pids.length) throw new Error(`no process under ${rootPid} loaded the GC probe`)
  const requested = Date.now()
  for (const pid of pids) {
    fs.rmSync(path.join(dir, `${pid}.json`), { force: true })
    process.kill(pid, "SIGUSR2")
  }
  // A heap snapshot (BENCH_HEAP_SNAPSHOT=1) takes a while to write.
  const deadline = Date.now() + (process.env.BENCH_HEAP_SNAPSHOT === "1" ? 600_000 : 30_000)
  const figures = []
  for (const pid of pids) {
    const file = path.join(dir, `${pid}.json`)
    while (!fs.existsSync(file)) {
      if (Date.now() > deadline) throw new Error(`process ${pid} did not report its memory after a GC`)
      await new Promise((r) => setTimeout(r, 50))
    }
    const f = JSON.parse(fs.readFileSync(file, "utf8"))
    if (f.at < requested) throw new Error(`process ${pid} reported its memory before the GC was asked for`)
    figures.push(f)
  }
  const mb = (bytes) => Math.round((bytes / 2 ** 20) * 10) / 10
  return {
    processes: figures.length,
    heap_used_mb: mb(figures.reduce((a, f) => a + f.heapUsed, 0)),
    rss_mb: mb(figures.reduce((a, f) => a + f.rss, 0)),
    tree_rss_mb: treeRssMb(rootPid),
  }
}

/** The server settings the figures depend on most (memory, and the WAL that random writes fill). */
const POSTGRES_SETTINGS = ["shared_buffers", "wal_compression", "max_wal_size", "checkpoint_timeout", "synchronous_commit"]

async function machine(server) {
  const [pg, settings] = await withClient(server.url("postgres"), (c) =>
    Promise.all([
      c.query("SHOW server_version"),
      c.query("SELECT name, current_setting(name) AS value FROM pg_settings WHERE name = ANY($1)", [POSTGRES_SETTINGS]),
    ])
  )
  return {
    cpus: os.cpus().length,
    cpu_model: os.cpus()[0]?.model,
    memory_gb: Math.round(os.totalmem() / 2 ** 30),
    load_average_1m: Math.round(os.loadavg()[0] * 100) / 100,
    node: process.version,
    postgres: pg.rows[0].server_version,
    postgres_settings: Object.fromEntries(settings.rows.map((r) => [r.name, r.value])),
  }
}

module.exports = {
  ROOT,
  CACHE,
  LOGS,
  log,
  summarize,
  now,
  timed,
  benchServer,
  withClient,
  createDatabase,
  appEnv,
  medusa,
  startServer,
  waitForHealth,
  treeRssMb,
  gcProbeEnv,
  memoryAfterGc,
  machine,
}
