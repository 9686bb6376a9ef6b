/**
 * The install test's machinery: the packed plugin, a new Medusa app around it
 * (package.json, medusa-config.ts, tsconfig.json as Medusa's starter has them),
 * its commands, its database and its built server. Node's own fetch talks to
 * the server; nothing here imports this repository's sources.
 */
import { ChildProcess, execFileSync, spawn } from "child_process"
import crypto from "crypto"
import fs from "fs"
import net from "net"
import os from "os"
import path from "path"
import { Client } from "pg"

export const ROOT = path.resolve(__dirname, "..", "..")
export const FIXTURES = path.join(__dirname, "fixtures")
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"))
export const PLUGIN_NAME: string = PACKAGE.name

// ---------------------------------------------------------------- versions

function npmView(spec: string, field: string): unknown {
  const out = execFileSync("npm", ["view", spec, field, "--json"], {
    cwd: os.tmpdir(),
    env: childEnv(),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 120_000,
  })
  if (!out.trim()) {
    throw new Error(`npm view ${spec} ${field} printed nothing: is ${spec} published?`)
  }
  return JSON.parse(out)
}

const byVersion = (a: string, b: string) => {
  const [x, y] = [a, b].map((v) => v.split(".").map(Number))
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]
}

/**
 * The lowest and highest Medusa the plugin supports: its peer range on
 * @medusajs/medusa (`~X.Y.Z`) gives the lowest; the newest release in that
 * range, as the registry has it now, the highest.
 */
export function supportedVersions(): { range: string; lowest: string; highest: string } {
  const range: string = PACKAGE.peerDependencies["@medusajs/medusa"]
  const m = /^~(\d+\.\d+\.\d+)$/.exec(range ?? "")
  if (!m) {
    throw new Error(`the install test reads a "~X.Y.Z" peer range on @medusajs/medusa, package.json has ${JSON.stringify(range)}`)
  }
  const published = ([] as string[]).concat(npmView(`@medusajs/medusa@${range}`, "version") as string | string[])
  const stable = published.filter((v) => /^\d+\.\d+\.\d+$/.test(v)).sort(byVersion)
  if (!stable.includes(m[1])) {
    throw new Error(`@medusajs/medusa ${m[1]}, the lowest of the peer range ${range}, is not published (found ${published.join(", ")})`)
  }
  return { range, lowest: m[1], highest: stable[stable.length - 1] }
}

/** What a given Medusa release pins for its admin (@medusajs/ui) and its ORM (@mikro-orm/*, pg, awilix). */
export function companionsOf(version: string) {
  const dashboard = npmView(`@medusajs/dashboard@${version}`, "dependencies") as Record<string, string>
  const deps = npmView(`@medusajs/deps@${version}`, "dependencies") as Record<string, string>
  const need = (from: Record<string, string>, name: string, where: string) => {
    if (!from[name]) {
      throw new Error(`${where}@${version} no longer depends on ${name}: the install test needs to learn where it went`)
    }
    return from[name]
  }
  return {
    ui: need(dashboard, "@medusajs/ui", "@medusajs/dashboard"),
    mikroOrm: need(deps, "@mikro-orm/core", "@medusajs/deps"),
    pg: need(deps, "pg", "@medusajs/deps"),
    awilix: need(deps, "awilix", "@medusajs/deps"),
  }
}

// ---------------------------------------------------------------- commands

/**
 * The environment of a command the test runs: the runner's, less what npm
 * run, jest and this repository's .env.test set for themselves (NODE_ENV=test,
 * the test secrets and database are not the app's), plus `extra`.
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

function tail(file: string, lines = 60) {
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

// ---------------------------------------------------------------- the plugin

/** `medusa plugin:build`, then `npm pack` into `dir`. Returns the tarball's path. */
export async function packPlugin(dir: string): Promise<string> {
  const log = path.join(dir, "pack.log")
  await run(path.join(ROOT, "node_modules", ".bin", "medusa"), ["plugin:build"], { cwd: ROOT, env: childEnv(), log })
  const json = path.join(dir, "pack.json")
  // npm pack prints its report on stdout and its notices on stderr: keep the report apart.
  const fd = fs.openSync(json, "w")
  await new Promise<void>((resolve, reject) => {
    const child = spawn("npm", ["pack", "--json", "--pack-destination", dir], {
      cwd: ROOT,
      env: childEnv(),
      stdio: ["ignore", fd, fs.openSync(log, "a")],
    })
    child.on("error", reject)
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`npm pack exited with ${code} (log: ${log})`))))
  })
  fs.closeSync(fd)
  const [report] = JSON.parse(fs.readFileSync(json, "utf8"))
  return path.join(dir, report.filename)
}

// ---------------------------------------------------------------- the app

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

async function admin<T>(db: DbConfig, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ ...db, database: "postgres", connectionTimeoutMillis: 10_000 })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => {})
  }
}

const DATABASE_PREFIX = "plugin_install_"
const STALE_AFTER_MS = 6 * 3600_000

/**
 * Drops the databases of install runs that died before their cleanup: named
 * by this test, created more than six hours ago (the name says when), and with
 * nobody connected, so a run still going elsewhere keeps its own.
 */
export async function dropStaleDatabases(db: DbConfig): Promise<string[]> {
  return await admin(db, async (c) => {
    const { rows } = await c.query(
      "select datname from pg_database d where datname like $1 and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)",
      [`${DATABASE_PREFIX}%`]
    )
    const dropped: string[] = []
    for (const { datname } of rows as { datname: string }[]) {
      const created = parseInt(datname.split("_").pop() ?? "", 36)
      if (!Number.isFinite(created) || Date.now() - created < STALE_AFTER_MS) continue
      await c.query(`drop database if exists ${quote(datname)}`).then(
        () => dropped.push(datname),
        () => {} // someone connected meanwhile: leave it
      )
    }
    return dropped
  })
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

function databaseUrl(db: DbConfig, database: string) {
  const auth = db.password ? `${encodeURIComponent(db.user)}:${encodeURIComponent(db.password)}` : encodeURIComponent(db.user)
  return `postgres://${auth}@${db.host}:${db.port}/${encodeURIComponent(database)}`
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

export type AppSecrets = { encryptionKey: string; jwtSecret: string; cookieSecret: string }

/**
 * A new Medusa app of `version` in `dir` with the packed plugin: the
 * dependencies of Medusa's starter (create-medusa-app) pinned to that
 * release, with what it pins for the admin and the ORM, the plugin's other
 * peers (@medusajs/js-sdk, @medusajs/icons, @medusajs/ui) at the same release,
 * and the tarball.
 */
export class InstallApp {
  readonly dir: string
  readonly log: string
  readonly database: string
  readonly secrets: AppSecrets = {
    encryptionKey: crypto.randomBytes(32).toString("hex"),
    jwtSecret: crypto.randomBytes(24).toString("hex"),
    cookieSecret: crypto.randomBytes(24).toString("hex"),
  }
  port = 0
  private server: ChildProcess | null = null
  private databaseCreated = false

  constructor(readonly version: string, workDir: string, readonly db: DbConfig) {
    const slug = version.replace(/\W/g, "_")
    this.dir = path.join(workDir, `app-${slug}`)
    this.log = path.join(workDir, `app-${slug}.log`)
    // Not "medusa-…-integration-…": npm test drops such databases when nobody is connected,
    // which this one is not while the app builds. See dropStaleDatabases for a run that died.
    this.database = `${DATABASE_PREFIX}${slug}_${Date.now().toString(36)}`
  }

  get serverDir() {
    return path.join(this.dir, ".medusa", "server")
  }

  get serverLog() {
    return path.join(path.dirname(this.log), `${path.basename(this.dir)}-server.log`)
  }

  get baseUrl() {
    return `http://localhost:${this.port}`
  }

  env(extra: Record<string, string> = {}) {
    return childEnv({
      DATABASE_URL: databaseUrl(this.db, this.database),
      DISTRIBUTION_ENCRYPTION_KEY: this.secrets.encryptionKey,
      JWT_SECRET: this.secrets.jwtSecret,
      COOKIE_SECRET: this.secrets.cookieSecret,
      STORE_CORS: "http://localhost:8000",
      ADMIN_CORS: "http://localhost:9000",
      AUTH_CORS: "http://localhost:8000,http://localhost:9000",
      ...extra,
    })
  }

  /** Writes package.json, medusa-config.ts, tsconfig.json and the seed script. */
  generate(tarball: string) {
    const v = this.version
    const c = companionsOf(v)
    fs.mkdirSync(path.join(this.dir, "src", "scripts"), { recursive: true })
    const pkg = {
      name: "plugin-install-test-app",
      version: "0.0.1",
      private: true,
      description: `A new Medusa ${v} app with ${PLUGIN_NAME} installed from its packed tarball`,
      scripts: {
        build: "medusa build",
        start: "medusa start",
        dev: "medusa develop",
      },
      dependencies: {
        "@medusajs/admin-sdk": v,
        "@medusajs/cli": v,
        "@medusajs/framework": v,
        "@medusajs/medusa": v,
        "@medusajs/js-sdk": v,
        "@medusajs/icons": v,
        "@medusajs/ui": c.ui,
        "@mikro-orm/core": c.mikroOrm,
        "@mikro-orm/knex": c.mikroOrm,
        "@mikro-orm/migrations": c.mikroOrm,
        "@mikro-orm/postgresql": c.mikroOrm,
        awilix: c.awilix,
        pg: c.pg,
        [PLUGIN_NAME]: `file:${tarball}`,
      },
      // The starter's, less its test runner (jest, @medusajs/test-utils) and yalc.
      devDependencies: {
        "@mikro-orm/cli": c.mikroOrm,
        "@swc/core": "^1.7.28",
        "@types/node": "^20.12.11",
        "@types/react": "^18.3.2",
        "@types/react-dom": "^18.2.25",
        "prop-types": "^15.8.1",
        react: "^18.3.1",
        "react-dom": "^18.3.1",
        "ts-node": "^10.9.2",
        typescript: "^5.6.2",
        vite: "^5.4.14",
      },
      engines: { node: ">=20" },
    }
    fs.writeFileSync(path.join(this.dir, "package.json"), JSON.stringify(pkg, null, 2) + "\n")
    fs.copyFileSync(path.join(FIXTURES, "medusa-config.ts"), path.join(this.dir, "medusa-config.ts"))
    fs.copyFileSync(path.join(FIXTURES, "seed-install.ts"), path.join(this.dir, "src", "scripts", "seed-install.ts"))
    // The starter's tsconfig is this repository's, without declarations and with the app's exclusions.
    const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8"))
    tsconfig.compilerOptions.declaration = false
    tsconfig.exclude = ["node_modules", ".medusa/server", ".medusa/admin", ".cache"]
    fs.writeFileSync(path.join(this.dir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2) + "\n")
    return pkg
  }

  /** The app's TypeScript (its config and the seed script) against the installed plugin's types. */
  typecheck() {
    return run(path.join(this.dir, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", "."], { cwd: this.dir, env: childEnv(), log: this.log })
  }

  npmInstall() {
    return run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: this.dir, env: childEnv(), log: this.log, timeoutMs: 900_000 })
  }

  /** `npx medusa <args>` in the app (its own CLI, as npx would find it). */
  medusa(args: string[], extra: Record<string, string> = {}, timeoutMs = 600_000) {
    return run(path.join(this.dir, "node_modules", ".bin", "medusa"), args, {
      cwd: this.dir,
      env: this.env(extra),
      log: this.log,
      timeoutMs,
    })
  }

  installedVersion(name: string, from = this.dir): string {
    return JSON.parse(fs.readFileSync(path.join(from, "node_modules", name, "package.json"), "utf8")).version
  }

  /** Every copy of a `@scope/*` package installed in the app, at any depth: "name@version", sorted, once each. */
  installedScope(scope: string): string[] {
    const found = new Set<string>()
    const walk = (modules: string) => {
      let entries: fs.Dirent[]
      try {
        entries = fs.readdirSync(modules, { withFileTypes: true })
      } catch {
        return
      }
      for (const entry of entries) {
        if (!entry.isDirectory()) continue
        const dirs = entry.name.startsWith("@")
          ? fs.readdirSync(path.join(modules, entry.name)).map((n) => path.join(modules, entry.name, n))
          : [path.join(modules, entry.name)]
        for (const dir of dirs) {
          if (entry.name === scope) {
            const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"))
            found.add(`${pkg.name}@${pkg.version}`)
          }
          walk(path.join(dir, "node_modules"))
        }
      }
    }
    walk(path.join(this.dir, "node_modules"))
    return [...found].sort()
  }

  async createDatabase() {
    await admin(this.db, (c) => c.query(`create database ${quote(this.database)}`))
    this.databaseCreated = true
  }

  async dropDatabase() {
    if (!this.databaseCreated) return
    await admin(this.db, (c) => c.query(`drop database if exists ${quote(this.database)} with (force)`))
    this.databaseCreated = false
  }

  /** The app database's tables whose name starts with `prefix`. */
  async tables(prefix: string): Promise<string[]> {
    const client = new Client({ ...this.db, database: this.database, connectionTimeoutMillis: 10_000 })
    await client.connect()
    try {
      const { rows } = await client.query(
        "select table_name from information_schema.tables where table_schema = 'public' and table_name like $1 order by 1",
        [`${prefix}%`]
      )
      return rows.map((r) => r.table_name)
    } finally {
      await client.end().catch(() => {})
    }
  }

  /**
   * Starts the built server the way Medusa's deployment guide does
   * (`cd .medusa/server && npm install && npm run start`), with the app's
   * node_modules linked in place of the second install: the build's
   * package.json is the app's, so the same tree serves it. `npm run start`
   * is `medusa start` there, run directly so that stopping it stops the server.
   */
  async start(timeoutMs = 180_000) {
    const serverPkg = JSON.parse(fs.readFileSync(path.join(this.serverDir, "package.json"), "utf8"))
    if (serverPkg.scripts?.start !== "medusa start") {
      throw new Error(`the built server's start script is ${JSON.stringify(serverPkg.scripts?.start)}, not "medusa start"`)
    }
    const modules = path.join(this.serverDir, "node_modules")
    if (!fs.existsSync(modules)) {
      fs.symlinkSync(path.relative(this.serverDir, path.join(this.dir, "node_modules")), modules, "dir")
    }
    this.port = await freePort()
    const fd = fs.openSync(this.serverLog, "a")
    const child = spawn(path.join(modules, ".bin", "medusa"), ["start"], {
      cwd: this.serverDir,
      env: this.env({ NODE_ENV: "production", PORT: String(this.port) }),
      stdio: ["ignore", fd, fd],
    })
    fs.closeSync(fd)
    this.server = child
    let exited: string | null = null
    child.on("exit", (code, signal) => (exited = `${signal ?? code}`))
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (exited !== null) {
        throw new Error(`the built server exited with ${exited} before /health answered (log: ${this.serverLog}):\n${tail(this.serverLog)}`)
      }
      const status = await fetch(`${this.baseUrl}/health`).then(
        (r) => r.status,
        () => 0
      )
      if (status === 200) return
      await new Promise((r) => setTimeout(r, 1000))
    }
    throw new Error(`/health did not answer 200 within ${timeoutMs / 1000} s (log: ${this.serverLog}):\n${tail(this.serverLog)}`)
  }

  serverOutput() {
    return fs.existsSync(this.serverLog) ? fs.readFileSync(this.serverLog, "utf8") : ""
  }

  async stop() {
    const child = this.server
    this.server = null
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const gone = new Promise((r) => child.once("exit", r))
    child.kill("SIGTERM")
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000)
    await gone
    clearTimeout(timer)
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
