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

/** Resident memory (MB) of a process and all its descendants, from /proc. */
function treeRssMb(rootPid) {
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
  const rssKb = (pid) => {
    try {
      const m = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/)
      return m ? Number(m[1]) : 0
    } catch {
      return 0
    }
  }
  let total = 0
  const pending = [rootPid]
  while (pending.length) {
    const pid = pending.pop()
    total += rssKb(pid)
    pending.push(...children(pid))
  }
  return Math.round(total / 1024)
}

async function machine(server) {
  const pg = await withClient(server.url("postgres"), (c) => c.query("SHOW server_version"))
  return {
    cpus: os.cpus().length,
    cpu_model: os.cpus()[0]?.model,
    memory_gb: Math.round(os.totalmem() / 2 ** 30),
    load_average_1m: Math.round(os.loadavg()[0] * 100) / 100,
    node: process.version,
    postgres: pg.rows[0].server_version,
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
  machine,
}
