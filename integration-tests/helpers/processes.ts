/**
 * What the suites that run Medusa as real processes share (the install test's
 * new apps, the cluster test's instances): the environment of a command, running
 * one to its end, free ports, throw-away databases on npm test's PostgreSQL, a
 * `medusa start` server in its own process group, and HTTP with Node's fetch.
 * Nothing here imports this repository's sources.
 */
import { ChildProcess, spawn } from "child_process"
import fs from "fs"
import net from "net"
import path from "path"
import { Client } from "pg"

// ---------------------------------------------------------------- commands

/**
 * The environment of a command the test runs: the runner's, less what npm
 * run, jest and this repository's .env.test set for themselves (NODE_ENV=test,
 * the test secrets, database and Redis are not the app's), plus `extra`.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    // What npm run sets about this repository and its script; the npm_config_* of the
    // machine (registry, cache, certificates) stay, the local prefix (this repository) goes.
    if (/^npm_(package_|lifecycle_|command$|execpath$|node_execpath$|config_local_prefix$)/i.test(key)) continue
    if (/^(NODE_ENV|NODE_OPTIONS|TEST_TYPE|JEST_WORKER_ID|INIT_CWD|DATABASE_URL|REDIS_URL|JWT_SECRET|COOKIE_SECRET)$/.test(key)) continue
    if (/^(DB_|DISTRIBUTION_|MEDUSA_)/.test(key)) continue
    env[key] = value
  }
  // npm run puts this repository's node_modules/.bin first: the app uses its own.
  env.PATH = (env.PATH ?? "")
    .split(path.delimiter)
    .filter((dir) => !/node_modules[\\/]\.bin[\\/]?$|node-gyp-bin/.test(dir))
    .join(path.delimiter)
  return { ...env, MEDUSA_DISABLE_TELEMETRY: "true", ...extra }
}

export function tail(file: string, lines = 60) {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n")
  } catch {
    return "(no output)"
  }
}

/**
 * Runs a command to its end, its output in `log` (appended). Rejects with the
 * command, its exit and the end of its output when it fails or outlives `timeoutMs`.
 */
export function run(
  command: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; log: string; timeoutMs?: number }
): Promise<void> {
  fs.appendFileSync(opts.log, `\n$ ${command} ${args.join(" ")}   (in ${opts.cwd})\n`)
  const fd = fs.openSync(opts.log, "a")
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: opts.cwd, env: opts.env, stdio: ["ignore", fd, fd] })
    fs.closeSync(fd)
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill("SIGKILL")
    }, opts.timeoutMs ?? 600_000)
    child.on("error", (e) => {
      clearTimeout(timer)
      reject(e)
    })
    child.on("exit", (code, signal) => {
      clearTimeout(timer)
      fs.appendFileSync(opts.log, `[exit ${signal ?? code} after ${((Date.now() - started) / 1000).toFixed(1)} s]\n`)
      if (code === 0) return resolve()
      const why = timedOut ? `was stopped after ${Math.round((opts.timeoutMs ?? 600_000) / 1000)} s` : `exited with ${signal ?? code}`
      reject(new Error(`\`${command} ${args.join(" ")}\` ${why} (full log: ${opts.log}); its last lines:\n${tail(opts.log)}`))
    })
  })
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

// ---------------------------------------------------------------- databases

export type DbConfig = { host: string; port: number; user: string; password: string }

/** The PostgreSQL npm test gives its runners (DB_*; see scripts/lib/db.js). */
export function testDatabaseServer(): DbConfig {
  return {
    host: process.env.DB_HOST || "localhost",
    port: Number(process.env.DB_PORT || 5432),
    user: process.env.DB_USERNAME || "postgres",
    password: process.env.DB_PASSWORD || "",
  }
}

/** Runs `fn` with a client on `database` (the server's `postgres` by default). */
export async function withDatabase<T>(db: DbConfig, fn: (c: Client) => Promise<T>, database = "postgres"): Promise<T> {
  const client = new Client({ ...db, database, connectionTimeoutMillis: 10_000 })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => {})
  }
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`

export function databaseUrl(db: DbConfig, database: string) {
  const auth = db.password ? `${encodeURIComponent(db.user)}:${encodeURIComponent(db.password)}` : encodeURIComponent(db.user)
  return `postgres://${auth}@${db.host}:${db.port}/${encodeURIComponent(database)}`
}

/** A database name `<prefix><slug>_<now in base 36>`: dropStaleDatabases reads when it was made from its end. */
export function stampedName(prefix: string, slug: string) {
  return `${prefix}${slug.replace(/\W/g, "_")}_${Date.now().toString(36)}`
}

const STALE_AFTER_MS = 6 * 3600_000

/**
 * Drops the databases of runs that died before their cleanup: named with
 * `prefix` (see stampedName), created more than six hours ago, and with
 * nobody connected, so a run still going elsewhere keeps its own.
 */
export async function dropStaleDatabases(db: DbConfig, prefix: string): Promise<string[]> {
  return await withDatabase(db, async (c) => {
    const { rows } = await c.query(
      "select datname from pg_database d where datname like $1 and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)",
      [`${prefix.replace(/_/g, "\\_")}%`]
    )
    const dropped: string[] = []
    for (const { datname } of rows as { datname: string }[]) {
      const created = parseInt(datname.split("_").pop() ?? "", 36)
      if (!Number.isFinite(created) || Date.now() - created < STALE_AFTER_MS) continue
      await c.query(`drop database if exists ${quoteIdent(datname)}`).then(
        () => dropped.push(datname),
        () => {} // someone connected meanwhile: leave it
      )
    }
    return dropped
  })
}

// ---------------------------------------------------------------- servers

/**
 * A `medusa start` in `cwd` (a built server, .medusa/server), in its own
 * process group so that stop() and kill() reach everything it started.
 * Its output is appended to `log`.
 */
export class MedusaServer {
  private child: ChildProcess | null = null
  private exited: string | null = null
  port = 0

  constructor(readonly opts: { bin: string; cwd: string; env: NodeJS.ProcessEnv; log: string; name?: string }) {}

  get baseUrl() {
    return `http://localhost:${this.port}`
  }

  get pid() {
    return this.child?.pid ?? null
  }

  get running() {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null
  }

  /** Starts it on `port` (a free one when not given) and waits until /health answers 200. */
  async start({ port, timeoutMs = 180_000 }: { port?: number; timeoutMs?: number } = {}) {
    if (this.running) throw new Error(`${this.opts.name ?? "the server"} is already running`)
    // A restart keeps its port, so that its clients find it again.
    this.port = port ?? (this.port || (await freePort()))
    const label = this.opts.name ?? "the built server"
    fs.appendFileSync(this.opts.log, `\n[${new Date().toISOString()}] starting ${label} on port ${this.port}\n`)
    const fd = fs.openSync(this.opts.log, "a")
    const child = spawn(this.opts.bin, ["start"], {
      cwd: this.opts.cwd,
      env: { ...this.opts.env, PORT: String(this.port) },
      stdio: ["ignore", fd, fd],
      detached: true,
    })
    fs.closeSync(fd)
    this.child = child
    this.exited = null
    child.on("exit", (code, signal) => (this.exited = `${signal ?? code}`))
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (this.exited !== null) {
        throw new Error(`${label} exited with ${this.exited} before /health answered (log: ${this.opts.log}):\n${tail(this.opts.log)}`)
      }
      const status = await fetch(`${this.baseUrl}/health`).then(
        (r) => r.status,
        () => 0
      )
      if (status === 200) return
      await new Promise((r) => setTimeout(r, 500))
    }
    throw new Error(`${label}: /health did not answer 200 within ${timeoutMs / 1000} s (log: ${this.opts.log}):\n${tail(this.opts.log)}`)
  }

  private signalGroup(signal: NodeJS.Signals) {
    try {
      process.kill(-this.child!.pid!, signal)
    } catch {}
  }

  /** kill -9 of the whole process group, at once: no shutdown hook runs. Resolves when it is gone. */
  async kill() {
    const child = this.child
    if (!child || !this.running) return
    const gone = new Promise((r) => child.once("exit", r))
    fs.appendFileSync(this.opts.log, `\n[${new Date().toISOString()}] kill -9 of process group ${child.pid}\n`)
    this.signalGroup("SIGKILL")
    await gone
  }

  /** SIGTERM to the group (Medusa shuts down gracefully), SIGKILL after 15 s. */
  async stop() {
    const child = this.child
    if (!child) return
    if (this.running) {
      const gone = new Promise((r) => child.once("exit", r))
      this.signalGroup("SIGTERM")
      const timer = setTimeout(() => this.signalGroup("SIGKILL"), 15_000)
      await gone
      clearTimeout(timer)
    }
    // Whatever the server started and left behind in its group.
    this.signalGroup("SIGKILL")
    this.child = null
  }

  output() {
    return fs.existsSync(this.opts.log) ? fs.readFileSync(this.opts.log, "utf8") : ""
  }
}

// ---------------------------------------------------------------- HTTP

export type Reply = { status: number; body: any }

/** One request with Node's fetch; the body parsed when it is JSON. Never throws on an HTTP status. */
export async function request(
  base: string,
  method: string,
  url: string,
  opts: { body?: unknown; headers?: Record<string, string> } = {}
): Promise<Reply> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { ...(opts.body !== undefined ? { "content-type": "application/json" } : {}), ...opts.headers },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
  })
  const text = await res.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {}
  return { status: res.status, body }
}
