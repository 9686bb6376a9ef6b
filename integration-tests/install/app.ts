/**
 * The install test's machinery: the packed plugin, a new Medusa app around it
 * (package.json, medusa-config.ts, tsconfig.json as Medusa's starter has them),
 * its commands, its database and its built server. Node's own fetch talks to
 * the server; nothing here imports this repository's sources.
 */
import { execFileSync, spawn } from "child_process"
import crypto from "crypto"
import fs from "fs"
import os from "os"
import path from "path"
import { Client } from "pg"
import {
  childEnv,
  databaseUrl,
  DbConfig,
  dropStaleDatabases as dropStale,
  MedusaServer,
  quoteIdent as quote,
  run,
  stampedName,
  withDatabase as admin,
} from "../helpers/processes"

export { request, testDatabaseServer } from "../helpers/processes"
export type { DbConfig, Reply } from "../helpers/processes"

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

// ---------------------------------------------------------------- the plugin

/** `npm run build` (medusa plugin:build, then the portal), then `npm pack` into `dir`. Returns the tarball's path. */
export async function packPlugin(dir: string): Promise<string> {
  const log = path.join(dir, "pack.log")
  await run("npm", ["run", "build"], { cwd: ROOT, env: childEnv(), log })
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

const DATABASE_PREFIX = "plugin_install_"

/**
 * Drops the databases of install runs that died before their cleanup (see
 * dropStaleDatabases in helpers/processes.ts), so a run still going elsewhere keeps its own.
 */
export function dropStaleDatabases(db: DbConfig): Promise<string[]> {
  return dropStale(db, DATABASE_PREFIX)
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
  private server: MedusaServer | null = null
  private databaseCreated = false

  constructor(readonly version: string, workDir: string, readonly db: DbConfig) {
    const slug = version.replace(/\W/g, "_")
    this.dir = path.join(workDir, `app-${slug}`)
    this.log = path.join(workDir, `app-${slug}.log`)
    // Not "medusa-…-integration-…": npm test drops such databases when nobody is connected,
    // which this one is not while the app builds. See dropStaleDatabases for a run that died.
    this.database = stampedName(DATABASE_PREFIX, slug)
  }

  get serverDir() {
    return path.join(this.dir, ".medusa", "server")
  }

  get serverLog() {
    return path.join(path.dirname(this.log), `${path.basename(this.dir)}-server.log`)
  }

  get baseUrl() {
    return this.server?.baseUrl ?? ""
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
    this.server = new MedusaServer({
      bin: path.join(modules, ".bin", "medusa"),
      cwd: this.serverDir,
      env: this.env({ NODE_ENV: "production" }),
      log: this.serverLog,
    })
    await this.server.start({ timeoutMs })
  }

  serverOutput() {
    return fs.existsSync(this.serverLog) ? fs.readFileSync(this.serverLog, "utf8") : ""
  }

  async stop() {
    const server = this.server
    this.server = null
    await server?.stop()
  }
}
