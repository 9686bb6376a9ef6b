#!/usr/bin/env node
/**
 * `npm test`: the unit, module-integration and HTTP-integration suites (and the
 * browser suite once it exists), each in its own jest process against real
 * PostgreSQL, summed into one closing line: `N passed, N failed`.
 *
 *   npm test                 every suite
 *   npm test -- http         one kind (unit | modules | http | browser)
 *   npm test -- http foo     one kind, jest's own arguments after it
 */
const fs = require("fs")
const path = require("path")
const { spawn } = require("child_process")
const { resolveTestDatabase, ROOT, log } = require("./lib/db")

const KINDS = {
  unit: { type: "unit", silent: true },
  modules: { type: "integration:modules", silent: true },
  http: { type: "integration:http", silent: false },
  browser: { type: "browser", silent: false, optional: "integration-tests/browser" },
}

function hasSpecs(dir) {
  const full = path.join(ROOT, dir)
  if (!fs.existsSync(full)) return false
  return fs.readdirSync(full, { recursive: true }).some((f) => String(f).endsWith(".spec.ts"))
}

function runJest(kind, extra, env) {
  const { type, silent } = KINDS[kind]
  const out = path.join(ROOT, ".cache", `jest-${kind}.json`)
  fs.rmSync(out, { force: true })
  const args = ["jest", "--runInBand", "--forceExit", "--passWithNoTests", "--json", `--outputFile=${out}`]
  if (silent) args.push("--silent")
  args.push(...extra)
  log(`running the ${kind} suites (TEST_TYPE=${type})`)
  return new Promise((resolve) => {
    const child = spawn("npx", args, {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...env, TEST_TYPE: type, NODE_OPTIONS: "--experimental-vm-modules" },
    })
    child.on("exit", (code) => {
      let result = { passed: 0, failed: 0, skipped: 0 }
      try {
        const json = JSON.parse(fs.readFileSync(out, "utf8"))
        // A suite that crashed before its tests ran has no test results: count it as a failure.
        const crashed = json.testResults.filter(
          (s) => s.status === "failed" && (!s.assertionResults || s.assertionResults.length === 0)
        ).length
        result = {
          passed: json.numPassedTests,
          failed: json.numFailedTests + crashed,
          skipped: json.numPendingTests + json.numTodoTests,
        }
      } catch {
        result.failed = 1
        log(`the ${kind} run produced no results (exit code ${code}): counted as a failure`)
      }
      if (code !== 0 && result.failed === 0) result.failed = 1
      resolve(result)
    })
  })
}

async function dropLeftoverDatabases(db) {
  const { Client } = require("pg")
  const client = new Client({ host: db.host, port: db.port, user: db.user, password: db.password, database: "postgres" })
  try {
    await client.connect()
    const { rows } = await client.query(
      "select datname from pg_database where datname like 'medusa-%-integration-%'"
    )
    for (const { datname } of rows) {
      await client.query(`drop database if exists "${datname}" with (force)`).catch(() => {})
    }
  } catch {
    // Best effort: leftovers are harmless, the runner names each database anew.
  } finally {
    await client.end().catch(() => {})
  }
}

async function main() {
  const [only, ...extra] = process.argv.slice(2)
  if (only && !KINDS[only]) {
    console.error(`Unknown suite kind "${only}": use one of ${Object.keys(KINDS).join(", ")}`)
    process.exit(2)
  }
  const kinds = only ? [only] : Object.keys(KINDS)
  const db = await resolveTestDatabase()
  const stop = async () => {
    await db.stop()
  }
  process.on("SIGINT", () => stop().then(() => process.exit(130)))
  const env = {
    ...process.env,
    DB_HOST: db.host,
    DB_PORT: String(db.port),
    DB_USERNAME: db.user,
    DB_PASSWORD: db.password,
  }
  delete env.DATABASE_URL
  const total = { passed: 0, failed: 0, skipped: 0 }
  try {
    fs.mkdirSync(path.join(ROOT, ".cache"), { recursive: true })
    for (const kind of kinds) {
      if (KINDS[kind].optional && !hasSpecs(KINDS[kind].optional)) continue
      const r = await runJest(kind, extra, env)
      total.passed += r.passed
      total.failed += r.failed
      total.skipped += r.skipped
    }
    await dropLeftoverDatabases(db)
  } finally {
    await stop()
  }
  const line = `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`
  fs.writeFileSync(path.join(ROOT, ".cache", "test-summary.txt"), line + "\n")
  console.log(line)
  process.exit(total.failed ? 1 : 0)
}

main().catch((e) => {
  console.error(e)
  console.log("0 passed, 1 failed")
  process.exit(1)
})
