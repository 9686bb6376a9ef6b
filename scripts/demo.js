#!/usr/bin/env node
/**
 * `npm run demo`: a Medusa server with the plugin, on a seeded demo programme.
 *
 * PostgreSQL: DATABASE_URL if set, else an embedded server whose data stays in
 * .data/pg (reused next time). Secrets the demo needs are generated once into
 * .data/demo.env. Migrations run every time (they are idempotent); the seed
 * creates only what is missing, so a second run seeds nothing twice.
 */
const crypto = require("crypto")
const fs = require("fs")
const path = require("path")
const { spawn, spawnSync } = require("child_process")
const { resolveDemoDatabase, ROOT, log } = require("./lib/db")

const ADMIN_EMAIL = process.env.DEMO_ADMIN_EMAIL || "admin@example.com"
const ADMIN_PASSWORD = process.env.DEMO_ADMIN_PASSWORD || "supersecret"
const PORT = Number(process.env.PORT || 9000)
const ENV_FILE = path.join(ROOT, ".data", "demo.env")

function demoSecrets() {
  fs.mkdirSync(path.dirname(ENV_FILE), { recursive: true })
  const saved = fs.existsSync(ENV_FILE)
    ? Object.fromEntries(
        fs
          .readFileSync(ENV_FILE, "utf8")
          .split("\n")
          .filter((l) => l.includes("="))
          .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)])
      )
    : {}
  const wanted = {
    DISTRIBUTION_ENCRYPTION_KEY: () => crypto.randomBytes(32).toString("hex"),
    DISTRIBUTION_VISITOR_SALT: () => crypto.randomBytes(16).toString("hex"),
    JWT_SECRET: () => crypto.randomBytes(24).toString("hex"),
    COOKIE_SECRET: () => crypto.randomBytes(24).toString("hex"),
  }
  let changed = false
  for (const [key, make] of Object.entries(wanted)) {
    if (!saved[key]) {
      saved[key] = make()
      changed = true
    }
  }
  if (changed) {
    fs.writeFileSync(ENV_FILE, Object.entries(saved).map(([k, v]) => `${k}=${v}`).join("\n") + "\n", { mode: 0o600 })
  }
  // The caller's environment wins over the saved file.
  return Object.fromEntries(Object.keys(wanted).map((k) => [k, process.env[k] || saved[k]]))
}

function medusa(args, env) {
  log(`medusa ${args.join(" ")}`)
  const r = spawnSync("npx", ["medusa", ...args], { cwd: ROOT, env, stdio: "inherit" })
  if (r.status !== 0) {
    throw new Error(`medusa ${args[0]} failed (exit code ${r.status})`)
  }
}

async function query(url, sql, params) {
  const { Client } = require("pg")
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql, params)).rows
  } finally {
    await client.end()
  }
}

async function waitForHealth(child) {
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the server exited (code ${child.exitCode}) before it answered`)
    }
    try {
      const res = await fetch(`http://localhost:${PORT}/health`)
      if (res.ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 1000))
  }
  throw new Error("the server did not answer /health within 3 minutes")
}

async function portIsFree(port) {
  const net = require("net")
  return new Promise((resolve) => {
    const probe = net.createServer().once("error", () => resolve(false))
    probe.listen(port, () => probe.close(() => resolve(true)))
  })
}

async function main() {
  if (!(await portIsFree(PORT))) {
    console.error(`[distribution] port ${PORT} is in use: stop what runs there or set PORT=...`)
    process.exit(1)
  }
  const db = await resolveDemoDatabase()
  let server = null
  const shutdown = async (code) => {
    if (server && server.exitCode === null) {
      // `medusa develop` runs the server in a child of its own: stop the whole group.
      try {
        process.kill(-server.pid, "SIGTERM")
      } catch {}
      await new Promise((r) => setTimeout(r, 2000))
      try {
        process.kill(-server.pid, "SIGKILL")
      } catch {}
    }
    await db.stop()
    process.exit(code)
  }
  process.on("SIGINT", () => shutdown(0))
  process.on("SIGTERM", () => shutdown(0))

  try {
    const env = {
      ...process.env,
      ...demoSecrets(),
      DATABASE_URL: db.url,
      NODE_ENV: "development",
      PORT: String(PORT),
      MEDUSA_DISABLE_TELEMETRY: "true",
    }
    medusa(["db:migrate"], env)
    medusa(["exec", "./demo/seed.ts"], env)
    const admins = await query(db.url, `select 1 from "user" where email = $1 and deleted_at is null`, [ADMIN_EMAIL])
    if (!admins.length) {
      medusa(["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD], env)
    }
    const [key] = await query(
      db.url,
      `select token from api_key where title = $1 and type = 'publishable' and deleted_at is null and revoked_at is null`,
      ["Distribution Demo Storefront"]
    )

    log("starting the server (the admin is built by Vite on first load)")
    server = spawn("npx", ["medusa", "develop"], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "inherit", "inherit"],
      detached: true,
    })
    server.on("exit", (code) => shutdown(code ?? 0))
    await waitForHealth(server)
    const base = `http://localhost:${PORT}`
    console.log(
      [
        "",
        "┌─ medusa-plugin-distribution demo ──────────────────────────────",
        `│ Admin:            ${base}/app`,
        `│ Admin login:      ${ADMIN_EMAIL} / ${ADMIN_PASSWORD}`,
        `│ Store API:        ${base}/store/distribution/me`,
        `│ Publishable key:  ${key ? key.token : "(not found)"}`,
        "│ Storefront login: demo@example.com / supersecret (a bound buyer)",
        "│ Distributor:      zhang.1@example.com / supersecret (a founder, gold level)",
        "│ Ctrl-C stops the server and the embedded database.",
        "└────────────────────────────────────────────────────────────────",
        "",
      ].join("\n")
    )
  } catch (e) {
    console.error(`[distribution] demo failed: ${e.message}`)
    await shutdown(1)
  }
}

main()
