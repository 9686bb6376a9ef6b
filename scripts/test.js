#!/usr/bin/env node
/**
 * `npm test`: the unit, module-integration, HTTP-integration, install, cluster and
 * browser suites, each kind in its own jest process against a real PostgreSQL (see lib/db.js),
 * summed into one closing line: `N passed, N failed` (`, N skipped` when some
 * were skipped).
 *
 *   npm test                       every kind
 *   npm test -- http               one kind: unit | modules | http | install | cluster | browser
 *   npm test -- http demo-seed     one kind, then jest's own arguments (a file pattern, -t …)
 *   npm test -- demo-seed          every kind, with jest's arguments
 *
 * Before anything else it makes sure the machine has what the selected kinds
 * require (lib/kinds.js, lib/prerequisites.js: Chromium, a CJK font, Redis),
 * installing Debian's packages when it runs as root, else it stops with one line
 * saying what to install, counted as a failure. What counts is decided in
 * lib/results.js. Each kind's jest report is kept in .cache/jest-<kind>.json, the
 * summary line in .cache/test-summary.txt. Exits non-zero when anything failed.
 */
const fs = require("fs")
const path = require("path")
const { spawn } = require("child_process")
const { resolveTestDatabase, ROOT, log } = require("./lib/db")
const { KINDS, parseArgs, requirementsOf, workersFor } = require("./lib/kinds")
const { ensurePortalBuilt } = require("./lib/portal")
const { ensurePrerequisites } = require("./lib/prerequisites")
const { addResults, isCi, judgeKind, summaryLine } = require("./lib/results")

const CACHE = path.join(ROOT, ".cache")
const SUMMARY_FILE = path.join(CACHE, "test-summary.txt")

let current = null

function readReport(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"))
  } catch {
    return null
  }
}

function runJest(kind, { extra, filtered }, env) {
  const { type, silent, pattern, workers } = KINDS[kind]
  const out = path.join(CACHE, `jest-${kind}.json`)
  fs.rmSync(out, { force: true })
  // No tests collected is judged below, with a line saying so, rather than by jest.
  // The report is written by lib/report-reporter.js (jest.config.js), to DISTRIBUTION_JEST_REPORT:
  // jest's own --json writer loses the whole report when a failure carries a circular object.
  const parallel = workersFor(workers, env)
  const args = ["jest", parallel > 1 ? `--maxWorkers=${parallel}` : "--runInBand", "--forceExit", "--passWithNoTests"]
  if (silent) args.push("--silent")
  args.push(...extra)
  log(`running the ${kind} tests (TEST_TYPE=${type})`)
  return new Promise((resolve) => {
    current = spawn("npx", args, {
      cwd: ROOT,
      stdio: "inherit",
      // Its own process group, so that a signal stops jest and its workers together.
      detached: true,
      env: { ...env, TEST_TYPE: type, NODE_OPTIONS: "--experimental-vm-modules", DISTRIBUTION_JEST_REPORT: out },
    })
    current.on("exit", (code, signal) => {
      current = null
      const result = judgeKind({
        kind,
        report: readReport(out),
        exit: { code, signal },
        filtered,
        ci: isCi(env),
        root: ROOT,
        pattern,
      })
      result.notes.forEach((note) => log(note))
      log(`${kind}: ${summaryLine(result)}`)
      resolve(result)
    })
  })
}

/**
 * The module test runner leaves its database behind (medusa-<module>-integration-<n>);
 * drop such leftovers. On a shared server only those, and only when nobody is
 * connected: an app runner's database (medusa-<ulid>-integration-<n>, and its
 * -template) may belong to someone else's run that is still going. On the
 * embedded server, which only npm test uses, every leftover goes.
 */
async function dropLeftoverDatabases(db) {
  const { Client } = require("pg")
  const client = new Client({
    host: db.host,
    port: db.port,
    user: db.user,
    password: db.password,
    database: "postgres",
    connectionTimeoutMillis: 5000,
  })
  const appRunner = /^medusa-[0-9a-hjkmnp-tv-z]{26}-integration-|-template$/
  let dropped = 0
  try {
    await client.connect()
    const { rows } = await client.query(
      "select datname from pg_database where datname like 'medusa-%-integration-%'"
    )
    for (const { datname } of rows) {
      if (!db.embedded && appRunner.test(datname)) continue
      const name = `"${datname.replace(/"/g, '""')}"`
      await client
        .query(`drop database if exists ${name}${db.embedded ? " with (force)" : ""}`)
        .then(() => dropped++)
        .catch(() => {}) // in use: leave it
    }
    if (dropped) log(`dropped ${dropped} leftover test database(s)`)
  } catch {
    // Best effort: the runners name their databases afresh each time.
  } finally {
    await client.end().catch(() => {})
  }
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal)
  } catch {}
}

function waitForExit(child, ms) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once("exit", resolve)
    setTimeout(resolve, ms)
  })
}

function finish(total) {
  const line = summaryLine(total)
  fs.mkdirSync(CACHE, { recursive: true })
  fs.writeFileSync(SUMMARY_FILE, line + "\n")
  console.log(line)
  process.exit(total.failed ? 1 : 0)
}

async function main() {
  const run = parseArgs(process.argv.slice(2))
  fs.mkdirSync(CACHE, { recursive: true })
  fs.rmSync(SUMMARY_FILE, { force: true })

  const prerequisites = await ensurePrerequisites(requirementsOf(run.kinds), { env: process.env, log })
  if (!prerequisites.ok) {
    log(prerequisites.line)
    finish({ passed: 0, failed: 1, skipped: 0 })
  }
  let db
  try {
    db = await resolveTestDatabase()
  } catch (e) {
    await prerequisites.stop()
    throw e
  }
  let total = { passed: 0, failed: 0, skipped: 0 }
  let stopping = false
  const stopAll = () => db.stop().finally(() => prerequisites.stop())
  const onSignal = (signal) => {
    if (stopping) return
    stopping = true
    log(`${signal}: stopping`)
    const child = current
    if (child) {
      killGroup(child, signal)
      setTimeout(() => killGroup(child, "SIGKILL"), 5000).unref()
    }
    waitForExit(child, 6000)
      .then(stopAll)
      .finally(() => finish({ ...total, failed: total.failed + 1 }))
  }
  process.on("SIGINT", () => onSignal("SIGINT"))
  process.on("SIGTERM", () => onSignal("SIGTERM"))
  process.on("SIGHUP", () => onSignal("SIGHUP"))

  const env = {
    ...process.env,
    DB_HOST: db.host,
    DB_PORT: String(db.port),
    DB_USERNAME: db.user,
    DB_PASSWORD: db.password,
  }
  // The test runners build their own database URLs from DB_*.
  delete env.DATABASE_URL
  try {
    for (const kind of run.kinds) {
      // A kind gets what its requirements provide (CHROMIUM_PATH, REDIS_URL), and only it.
      const provided = Object.assign({}, ...KINDS[kind].requires.map((name) => prerequisites.env[name]))
      // The browser kind drives the built portal; built here, after any kind that rebuilds .medusa/server.
      if (kind === "browser") ensurePortalBuilt({ log })
      const r = await runJest(kind, run, { ...env, ...provided })
      if (stopping) return
      total = addResults(total, r)
    }
    await dropLeftoverDatabases(db)
  } catch (e) {
    console.error(e)
    total.failed += 1
  } finally {
    await stopAll()
  }
  if (!stopping) finish(total)
}

main().catch((e) => {
  console.error(`[distribution] ${e && e.message ? e.message : e}`)
  finish({ passed: 0, failed: 1, skipped: 0 })
})
