/**
 * The test kinds npm test runs, in order, and what each needs from the machine
 * (see prerequisites.js). `requires` is where a kind asks for more: adding
 * "redis" to a kind's list is enough for npm test to find or start a Redis and
 * give that kind its REDIS_URL.
 */
const KINDS = {
  // The rate limiter's Redis counter is tested against a real Redis (src/api/utils/__tests__/rate-limit).
  unit: {
    type: "unit",
    silent: true,
    pattern: "src/**/__tests__/**/*.unit.spec.[jt]s, scripts/**/__tests__/**/*.unit.spec.js",
    requires: ["redis"],
  },
  modules: {
    type: "integration:modules",
    silent: true,
    pattern: "src/modules/*/__tests__/**/*.spec.[jt]s",
    requires: [],
  },
  // Share posters draw Chinese titles: without a CJK font they would render as boxes.
  http: {
    type: "integration:http",
    silent: false,
    pattern: "integration-tests/http/**/*.spec.[jt]s",
    requires: ["cjk-font"],
    // Each spec file boots its own app on its own database and port, so files can
    // run side by side: one jest worker per core, at most two.
    workers: 2,
  },
  // The packed plugin installed into new Medusa apps at both ends of its peer
  // range (integration-tests/install): npm install, migrate, build, start, order.
  install: {
    type: "install",
    silent: false,
    pattern: "integration-tests/install/**/*.spec.ts",
    requires: [],
  },
  // This repository built (medusa build) and started as several instances on one
  // database with Medusa's Redis modules: orders across them, replayed events,
  // instances killed with kill -9 mid-flow (integration-tests/cluster).
  cluster: {
    type: "cluster",
    silent: false,
    pattern: "integration-tests/cluster/**/*.spec.ts",
    requires: ["redis"],
  },
  // The 简体中文 pages of the admin, in Chromium.
  browser: {
    type: "browser",
    silent: false,
    pattern: "integration-tests/browser/**/*.spec.[jt]s",
    requires: ["chromium", "cjk-font"],
  },
}

/**
 * `npm test [kind] [jest arguments…]`: the kinds to run and the arguments for
 * jest. A first argument naming a kind (or its TEST_TYPE) selects that kind;
 * anything else goes to jest for every kind.
 */
function parseArgs(argv, kinds = KINDS) {
  const aliases = Object.fromEntries(
    Object.entries(kinds).flatMap(([kind, { type }]) => [[kind, kind], [type, kind]])
  )
  const only = argv.length && aliases[argv[0]] ? aliases[argv[0]] : null
  const extra = only ? argv.slice(1) : argv
  return { kinds: only ? [only] : Object.keys(kinds), extra, filtered: extra.length > 0 }
}

/** Everything the given kinds require, each once, in a stable order. */
function requirementsOf(selected, kinds = KINDS) {
  return [...new Set(selected.flatMap((kind) => kinds[kind].requires))].sort()
}

/**
 * How many jest workers a kind runs with: its own `workers` (1 when unset), capped
 * by the machine's cores; DISTRIBUTION_TEST_WORKERS overrides both (1 = one file at a time).
 */
function workersFor(workers = 1, env = process.env, cores = require("os").cpus().length) {
  const forced = Number.parseInt(env.DISTRIBUTION_TEST_WORKERS ?? "", 10)
  if (Number.isInteger(forced) && forced > 0) return forced
  return Math.max(1, Math.min(workers, cores))
}

module.exports = { KINDS, parseArgs, requirementsOf, workersFor }
