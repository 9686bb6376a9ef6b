/**
 * `npm run bench [-- overhead|instances|scale …]`: runs the named benchmarks (all of them
 * by default) one after the other. Each prints one JSON line of figures on
 * stdout; progress goes to stderr, Medusa's own output to .cache/bench/logs.
 * Benchmarks are not tests: they assert nothing and are not part of `npm test`.
 */
const BENCHMARKS = {
  // The overhead benchmark places orders with the integration tests' TypeScript helpers.
  overhead: () => {
    require("ts-node").register({ transpileOnly: true })
    return require("./overhead.ts")
  },
  instances: () => {
    require("ts-node").register({ transpileOnly: true })
    return require("./instances.ts")
  },
  scale: () => require("./scale"),
}

async function main() {
  const names = process.argv.slice(2)
  const unknown = names.filter((n) => !BENCHMARKS[n])
  if (unknown.length) {
    process.stderr.write(`unknown benchmark ${unknown.join(", ")}: choose from ${Object.keys(BENCHMARKS).join(", ")}\n`)
    process.exit(2)
  }
  let failed = false
  for (const name of names.length ? names : Object.keys(BENCHMARKS)) {
    try {
      const figures = await BENCHMARKS[name]().run()
      process.stdout.write(`${JSON.stringify(figures)}\n`)
    } catch (e) {
      failed = true
      // An HTTP failure says which call and what the server answered.
      const http = e.response ? ` (${e.config?.method?.toUpperCase()} ${e.config?.url}: ${JSON.stringify(e.response.data)})` : ""
      process.stderr.write(`[bench] ${name} failed${http}: ${e.stack || e.message}\n`)
    }
  }
  process.exit(failed ? 1 : 0)
}

main()
