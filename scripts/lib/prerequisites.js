/**
 * What the test kinds need from the machine besides node_modules and PostgreSQL
 * (lib/db.js): Chromium, a CJK font, a Redis. npm test looks for each before it
 * runs anything, installs Debian's packages when it can (as root, with
 * apt-get), and otherwise stops with one line saying what to install.
 *
 *   chromium   CHROMIUM_PATH when set; else /usr/bin/chromium, chromium-browser,
 *              google-chrome…, then those names on PATH. Debian: chromium.
 *   cjk-font   `fc-list :lang=zh` lists a font. Debian: fonts-noto-cjk, fontconfig.
 *   redis      a Redis answering PING at REDIS_URL (default 127.0.0.1:6379); else
 *              a redis-server started here on a free port, without persistence,
 *              and stopped at the end. Debian: redis-server.
 *
 * To try the fresh-machine path on a machine that has everything:
 * DISTRIBUTION_CHROMIUM_CANDIDATES (colon-separated paths, replacing the usual
 * places) and DISTRIBUTION_NO_APT=1 (never install).
 */
const fs = require("fs")
const net = require("net")
const os = require("os")
const path = require("path")
const tls = require("tls")
const { execFileSync, spawn, spawnSync } = require("child_process")

const REQUIREMENTS = {
  chromium: {
    label: "Chromium",
    packages: ["chromium"],
    alternative: "or set CHROMIUM_PATH to a Chromium or Chrome binary",
  },
  "cjk-font": { label: "a CJK font", packages: ["fonts-noto-cjk", "fontconfig"] },
  redis: { label: "Redis", packages: ["redis-server"], alternative: "or set REDIS_URL to a running Redis" },
}

const CHROMIUM_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
]
const CHROMIUM_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379"

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK)
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

/** `name` in one of PATH's directories, or null. */
function which(name, env) {
  const dirs = (env.PATH || "").split(path.delimiter).filter(Boolean)
  return dirs.map((dir) => path.join(dir, name)).find(isExecutable) ?? null
}

/**
 * Where Chromium may be, in order: CHROMIUM_PATH alone when it is set (a path
 * someone chose is not second-guessed); else DISTRIBUTION_CHROMIUM_CANDIDATES
 * alone when set; else `fixed`, then the usual names on PATH.
 */
function chromiumCandidates(env, fixed = CHROMIUM_PATHS) {
  if (env.CHROMIUM_PATH) {
    return [env.CHROMIUM_PATH]
  }
  if (env.DISTRIBUTION_CHROMIUM_CANDIDATES !== undefined) {
    return env.DISTRIBUTION_CHROMIUM_CANDIDATES.split(path.delimiter).filter(Boolean)
  }
  const dirs = (env.PATH || "").split(path.delimiter).filter(Boolean)
  return [...fixed, ...dirs.flatMap((dir) => CHROMIUM_NAMES.map((name) => path.join(dir, name)))]
}

function findChromium(env, fixed = CHROMIUM_PATHS) {
  return chromiumCandidates(env, fixed).find(isExecutable) ?? null
}

function hasCjkFont(env) {
  const fcList = which("fc-list", env)
  if (!fcList) {
    return false
  }
  try {
    const out = execFileSync(fcList, [":lang=zh", "family"], { env, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })
    return out.trim().length > 0
  } catch {
    return false
  }
}

/** A Redis command in the protocol's array form. */
function redisCommand(...args) {
  return `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("")}`
}

/** Whether a Redis answers PING at `url` (after AUTH when the URL carries a password). */
function pingRedis(url, timeoutMs = 1500) {
  let address
  try {
    address = new URL(url)
  } catch {
    return Promise.resolve(false)
  }
  const password = decodeURIComponent(address.password)
  const username = decodeURIComponent(address.username)
  const expected = [...(password ? ["+OK"] : []), "+PONG"]
  return new Promise((resolve) => {
    const options = { host: address.hostname || "127.0.0.1", port: Number(address.port || 6379) }
    const secure = address.protocol === "rediss:"
    const socket = secure ? tls.connect({ ...options, servername: options.host }) : net.connect(options)
    let received = ""
    const done = (ok) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once("error", () => done(false))
    socket.once("close", () => done(false))
    socket.once(secure ? "secureConnect" : "connect", () => {
      const auth = password ? redisCommand("AUTH", ...(username ? [username] : []), password) : ""
      socket.write(auth + redisCommand("PING"))
    })
    socket.on("data", (chunk) => {
      received += chunk
      const lines = received.split("\r\n")
      // One complete reply line per command sent.
      if (lines.length > expected.length) {
        done(expected.every((reply, i) => lines[i] === reply))
      }
    })
  })
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * Starts `binary` (a redis-server) on a free port of 127.0.0.1 with no
 * persistence, and waits until it answers PING. Returns its URL and a stop().
 */
async function startRedis(binary, timeoutMs = 10_000) {
  const port = await freePort()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "distribution-redis-"))
  const child = spawn(
    binary,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
    { stdio: "ignore" }
  )
  const exited = new Promise((resolve) => child.once("exit", resolve))
  const running = () => child.exitCode === null && child.signalCode === null
  const stop = async () => {
    if (running()) {
      child.kill("SIGTERM")
      let timer
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))])
      clearTimeout(timer)
      if (running()) child.kill("SIGKILL")
    }
    fs.rmSync(dir, { recursive: true, force: true })
  }
  const url = `redis://127.0.0.1:${port}`
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline && running(); ) {
    if (await pingRedis(url, 500)) {
      return { url, stop }
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  const why = running() ? `did not answer within ${timeoutMs / 1000} s` : `exited with ${child.exitCode ?? child.signalCode}`
  await stop()
  throw new Error(`${binary} on port ${port} ${why}`)
}

/**
 * How each requirement is looked for. A finder returns null when the thing is
 * missing, else what it gives the suites (`env`) or how to start it (`start`).
 */
const FINDERS = {
  chromium: async (env) => {
    const found = findChromium(env)
    return found && { env: { CHROMIUM_PATH: found }, found }
  },
  "cjk-font": async (env) => (hasCjkFont(env) ? { env: {}, found: "fc-list :lang=zh" } : null),
  redis: async (env) => {
    const url = env.REDIS_URL || DEFAULT_REDIS_URL
    if (await pingRedis(url)) {
      return { env: { REDIS_URL: url }, found: url }
    }
    const binary = which("redis-server", env)
    const start = async () => {
      const { url, stop } = await startRedis(binary)
      return { env: { REDIS_URL: url }, stop, at: url }
    }
    return binary && { start, found: binary }
  },
}

function canAptInstall(env) {
  const root = typeof process.getuid === "function" && process.getuid() === 0
  return !env.DISTRIBUTION_NO_APT && root && !!which("apt-get", env)
}

/** `apt-get update`, then installs `packages`; true when both succeeded. */
function aptInstall(packages, env) {
  const apt = (args) =>
    spawnSync("apt-get", args, { stdio: "inherit", env: { ...env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0
  return apt(["update"]) && apt(["install", "-y", ...packages])
}

function packagesFor(names) {
  return [...new Set(names.flatMap((name) => REQUIREMENTS[name].packages))]
}

/** The one line npm test prints when something is missing and it could not install it. */
function missingLine(missing, { tried }) {
  const labels = missing.map((name) => REQUIREMENTS[name].label)
  const what = labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`
  const alternatives = missing.map((name) => REQUIREMENTS[name].alternative).filter(Boolean)
  return (
    `cannot run the tests: ${what} ${labels.length === 1 ? "is" : "are"} missing` +
    `${tried ? ` (apt-get install did not bring ${labels.length === 1 ? "it" : "them"})` : ""}. ` +
    `Install with \`sudo apt-get install ${packagesFor(missing).join(" ")}\`` +
    (alternatives.length ? `, ${alternatives.join(", ")}` : "") +
    " (npm test does that itself when run as root)"
  )
}

/**
 * Finds every requirement in `names`, installs the missing ones when it can and
 * starts what must be started. Returns { ok: true, env: { name: {…} }, stop } (what
 * each requirement gives the suites that need it, and a stop() for the end) or
 * { ok: false, line }: nothing is left running when it is not ok.
 */
async function ensurePrerequisites(
  names,
  { env, log, finders = FINDERS, canInstall = canAptInstall(env), install = aptInstall }
) {
  const find = async (list) => Object.fromEntries(await Promise.all(list.map(async (n) => [n, await finders[n](env)])))
  const found = await find(names)
  let missing = names.filter((n) => !found[n])
  if (missing.length && canInstall) {
    const packages = packagesFor(missing)
    log(`installing ${packages.join(" ")} for the tests (apt-get)`)
    install(packages, env)
    Object.assign(found, await find(missing))
    missing = names.filter((n) => !found[n])
  }
  if (missing.length) {
    return { ok: false, line: missingLine(missing, { tried: canInstall }) }
  }
  const provided = {}
  const stops = []
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await s()
  }
  for (const name of names) {
    if (!found[name].start) {
      provided[name] = found[name].env
      continue
    }
    try {
      const started = await found[name].start()
      stops.push(started.stop)
      provided[name] = started.env
      log(`started ${REQUIREMENTS[name].label} for the tests at ${started.at} (stopped at the end)`)
    } catch (e) {
      await stop()
      return { ok: false, line: `cannot run the tests: ${REQUIREMENTS[name].label} could not be started: ${e.message}` }
    }
  }
  return { ok: true, env: provided, stop }
}

module.exports = {
  REQUIREMENTS,
  chromiumCandidates,
  findChromium,
  hasCjkFont,
  pingRedis,
  startRedis,
  ensurePrerequisites,
  missingLine,
  packagesFor,
}
