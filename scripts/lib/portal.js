/**
 * The distributor portal's build (src/portal → .medusa/server/portal), made
 * again when any of its sources (the portal, the typed client it uses, the
 * lockfile) is newer than the build: `npm test` does it before the browser
 * kind, `npm run demo` before it starts the server. A production build with
 * the installed vite, about 5 s.
 */
const fs = require("fs")
const path = require("path")
const { execFileSync } = require("child_process")

const ROOT = path.resolve(__dirname, "..", "..")
const OUT = path.join(ROOT, ".medusa", "server", "portal", "index.html")
const SOURCES = [path.join(ROOT, "src", "portal"), path.join(ROOT, "src", "client"), path.join(ROOT, "package-lock.json")]

function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0
  const stat = fs.statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  return fs
    .readdirSync(entry)
    .filter((name) => name !== "__tests__")
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs)
}

function portalIsStale() {
  if (!fs.existsSync(OUT)) return true
  const built = fs.statSync(OUT).mtimeMs
  return SOURCES.some((source) => newestMtime(source) > built)
}

function ensurePortalBuilt({ log = () => undefined } = {}) {
  if (!portalIsStale()) return false
  log("building the distributor portal (src/portal → .medusa/server/portal)")
  execFileSync("npx", ["vite", "build", "--config", path.join("src", "portal", "vite.config.mjs")], { cwd: ROOT, stdio: "inherit" })
  return true
}

module.exports = { ensurePortalBuilt, portalIsStale, PORTAL_INDEX: OUT }
