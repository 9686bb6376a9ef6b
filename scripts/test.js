#!/usr/bin/env node
/**
 * `npm test`: the unit, module-integration and HTTP-integration suites (and the
 * browser suite once integration-tests/browser has specs), each kind in its own
 * jest process against a real PostgreSQL (see lib/db.js), summed into one
 * closing line: `N passed, N failed` (`, N skipped` when some were skipped).
 *
 *   npm test                       every kind
 *   npm test -- http               one kind: unit | modules | http | browser
 *   npm test -- http demo-seed     one kind, then jest's own arguments (a file pattern, -t …)
 *   npm test -- demo-seed          every kind, with jest's arguments
 *
 * Each kind's jest report is kept in .cache/jest-<kind>.json, the summary line in
 * .cache/test-summary.txt. Exits non-zero when anything failed.
 */
const fs = require("fs")
const path = require("path")
const { spawn } = require("child_process")
const { resolveTestDatabase, ROOT, log } = require("./lib/db")

const KINDS = {
  unit: { type: "unit", silent: true, dir: "src" },
  modules: { type: "integration:modules", silent: true, dir: "src/modules" },
  http: { type: "integration:http", silent: false, dir: "integration-tests/http" },
  browser: { type: "browser", silent: false, dir: "integration-tests/browser", onlyWithSpecs: true },
}
const ALIASES = Object.fromEntries(
  Object.entries(KINDS).flatMap(([kind, { type }]) => [[kind, kind], [type, kind]])
)
const CACHE = path.join(ROOT, ".cache")
const SUMMARY_FILE = path.join(CACHE, "test-summary.txt")

function hasSpecs(dir) {
  const full = path.join(ROOT, dir)
  return (
    fs.existsSync(full) &&
    fs.readdirSync(full, { recursive: true }).some((f) => /\.spec\.[jt]s$/.test(String(f)))
  )
}

let current = null

function runJest(kind, extra, env) {
  const { type, silent } = KINDS[kind]
  const out = path.join(CACHE, `jest-${kind}.json`)
  fs.rmSync(out, { force: true })
  const args = ["jest", "--runInBand", "--forceExit", "--passWithNoTests", "--json", `--outputFile=${out}`]
  if (silent) args.push("--silent")
  args.push(...extra)
  log(`running the ${kind} tests (TEST_TYPE=${type})`)
  return new Promise((resolve) => {
    current = spawn("npx", args, {
      cwd: ROOT,
      stdio: "inherit",
      // Its own process group, so that a signal stops jest and its workers together.
      detached: true,
      env: { ...env, TEST_TYPE: type, NODE_OPTIONS: "--experimental-vm-modules" },
    })
    current.on("exit", (code, signal) => {
      current = null
      let result
      try {
        const json = JSON.parse(fs.readFileSync(out, "utf8"))
        // A test file that failed before any of its tests ran (import error, beforeAll
        // crash outside a test) has no test results: it counts as one failure.
        const crashed = json.testResults.filter(
          (s) => s.status === "failed" && !(s.assertionResults || []).some((a) => a.status === "failed")
        ).length
        result = {
          passed: json.numPassedTests,
          failed: json.numFailedTests + crashed,
          skipped: json.numPendingTests + json.numTodoTests,
        }
      } catch {
        // No report at all: jest itself crashed. Never count that as zero.
        log(`the ${kind} tests produced no report (exit ${signal || code}): counted as 1 failure`)
        result = { passed: 0, failed: 1, skipped: 0 }
      }
      if (code !== 0 && result.failed === 0) {
        log(`jest exited with ${signal || code} for the ${kind} tests: counted as 1 failure`)
        result.failed = 1
      }
      log(`${kind}: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped`)
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

function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`
}

function finish(total) {
  const line = summaryLine(total)
  fs.mkdirSync(CACHE, { recursive: true })
  fs.writeFileSync(SUMMARY_FILE, line + "\n")
  console.log(line)
  process.exit(total.failed ? 1 : 0)
}

async function main() {
  const argv = process.argv.slice(2)
  const only = argv.length && ALIASES[argv[0]] ? ALIASES[argv[0]] : null
  const extra = only ? argv.slice(1) : argv
  const kinds = only ? [only] : Object.keys(KINDS)
  fs.mkdirSync(CACHE, { recursive: true })
  fs.rmSync(SUMMARY_FILE, { force: true })

  const db = await resolveTestDatabase()
  const total = { passed: 0, failed: 0, skipped: 0 }
  let stopping = false
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
      .then(() => db.stop())
      .finally(() => {
        total.failed += 1
        finish(total)
      })
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
    for (const kind of kinds) {
      if (KINDS[kind].onlyWithSpecs && !hasSpecs(KINDS[kind].dir)) {
        continue
      }
      const r = await runJest(kind, extra, env)
      if (stopping) return
      total.passed += r.passed
      total.failed += r.failed
      total.skipped += r.skipped
    }
    await dropLeftoverDatabases(db)
  } catch (e) {
    console.error(e)
    total.failed += 1
  } finally {
    await db.stop()
  }
  if (!stopping) finish(total)
}

main().catch((e) => {
  console.error(`[distribution] ${e && e.message ? e.message : e}`)
  finish({ passed: 0, failed: 1, skipped: 0 })
})
