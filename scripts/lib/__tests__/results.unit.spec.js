const { addResults, isCi, judgeKind, summaryLine } = require("../results")
const { KINDS, parseArgs, requirementsOf } = require("../kinds")

const ROOT = "/repo"
const passed = (fullName) => ({ fullName, status: "passed" })

/** A jest --json report of the given files: { path: [assertion results] }, status per file. */
function report(files, crashed = []) {
  const results = Object.entries(files).map(([file, assertions]) => ({
    name: `${ROOT}/${file}`,
    status: assertions.some((a) => a.status === "failed") ? "failed" : "passed",
    assertionResults: assertions,
  }))
  results.push(...crashed.map((file) => ({ name: `${ROOT}/${file}`, status: "failed", assertionResults: [] })))
  const all = results.flatMap((r) => r.assertionResults)
  const count = (status) => all.filter((a) => a.status === status).length
  return {
    numPassedTests: count("passed"),
    numFailedTests: count("failed"),
    numPendingTests: count("pending"),
    numTodoTests: count("todo"),
    numTotalTests: all.length,
    testResults: results,
  }
}

const judge = (overrides) =>
  judgeKind({
    kind: "http",
    report: null,
    exit: { code: 0, signal: null },
    filtered: false,
    ci: false,
    root: ROOT,
    pattern: "integration-tests/http/**/*.spec.[jt]s",
    ...overrides,
  })

describe("what a kind's run counts", () => {
  it("counts what jest reported when everything ran", () => {
    const r = judge({ report: report({ "a.spec.ts": [passed("a one"), passed("a two")], "b.spec.ts": [passed("b")] }) })
    expect(r).toEqual({ passed: 3, failed: 0, skipped: 0, notes: [] })
  })

  it("counts a kind that collected no test as a failure, naming where it looked", () => {
    const r = judge({ report: report({}) })
    expect(r).toMatchObject({ passed: 0, failed: 1 })
    expect(r.notes).toEqual([
      "the http tests collected no test (integration-tests/http/**/*.spec.[jt]s): counted as 1 failure",
    ])
  })

  it("accepts collecting nothing when a file pattern or jest arguments narrowed the run", () => {
    expect(judge({ report: report({}), filtered: true })).toEqual({ passed: 0, failed: 0, skipped: 0, notes: [] })
  })

  it("counts no report at all as a failure, never as zero", () => {
    const r = judge({ report: null, exit: { code: null, signal: "SIGKILL" } })
    expect(r).toMatchObject({ passed: 0, failed: 1, skipped: 0 })
    expect(r.notes[0]).toMatch(/produced no report \(jest exited with SIGKILL\)/)
  })

  it("counts a file that crashed before its tests ran as one failure each", () => {
    const r = judge({ report: report({ "a.spec.ts": [passed("a")] }, ["broken.spec.ts", "also-broken.spec.ts"]) })
    expect(r).toMatchObject({ passed: 1, failed: 2 })
    expect(r.notes).toEqual([
      "broken.spec.ts failed before its tests ran: counted as 1 failure",
      "also-broken.spec.ts failed before its tests ran: counted as 1 failure",
    ])
  })

  it("counts a jest that failed with no failed test as one failure", () => {
    const r = judge({ report: report({ "a.spec.ts": [passed("a")] }), exit: { code: 1, signal: null } })
    expect(r).toMatchObject({ passed: 1, failed: 1 })
    expect(r.notes).toEqual(["jest exited with 1 for the http tests: counted as 1 failure"])
  })

  it("reports skipped and todo tests as skipped outside CI", () => {
    const r = judge({
      report: report({ "a.spec.ts": [passed("a"), { fullName: "later", status: "pending" }, { fullName: "idea", status: "todo" }] }),
    })
    expect(r).toEqual({ passed: 1, failed: 0, skipped: 2, notes: [] })
  })

  it("in CI, counts each skipped or todo test as a failure and names it", () => {
    const r = judge({
      ci: true,
      report: report({
        "integration-tests/http/a.spec.ts": [passed("a"), { fullName: "suite later", status: "pending" }],
        "integration-tests/http/b.spec.ts": [{ fullName: "suite idea", status: "todo" }],
      }),
    })
    expect(r).toMatchObject({ passed: 1, failed: 2, skipped: 0 })
    expect(r.notes).toEqual([
      "skipped in CI: integration-tests/http/a.spec.ts › suite later: counted as 1 failure",
      "skipped in CI: integration-tests/http/b.spec.ts › suite idea (todo): counted as 1 failure",
    ])
  })

  it("in CI, leaves the tests that -t filtered out alone", () => {
    const r = judge({ ci: true, filtered: true, report: report({ "a.spec.ts": [passed("a"), { fullName: "b", status: "pending" }] }) })
    expect(r).toEqual({ passed: 1, failed: 0, skipped: 1, notes: [] })
  })

  it("reads CI the way CI services set it", () => {
    expect([{ CI: "true" }, { CI: "1" }, { CI: "false" }, { CI: "0" }, { CI: "" }, {}].map(isCi)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ])
  })
})

describe("the summary line", () => {
  it("sums the kinds and shows skipped only when there are some", () => {
    const total = [
      { passed: 68, failed: 0, skipped: 0 },
      { passed: 40, failed: 1, skipped: 0 },
    ].reduce(addResults, { passed: 0, failed: 0, skipped: 0 })
    expect(summaryLine(total)).toBe("108 passed, 1 failed")
    expect(summaryLine(addResults(total, { passed: 0, failed: 0, skipped: 2 }))).toBe("108 passed, 1 failed, 2 skipped")
  })
})

describe("what npm test runs", () => {
  it("runs every kind in order, or the one named, with the rest for jest", () => {
    expect(parseArgs([])).toEqual({ kinds: ["unit", "modules", "http", "install", "cluster", "browser"], extra: [], filtered: false })
    expect(parseArgs(["install"])).toEqual({ kinds: ["install"], extra: [], filtered: false })
    expect(parseArgs(["cluster", "kill-nine"])).toEqual({ kinds: ["cluster"], extra: ["kill-nine"], filtered: true })
    expect(parseArgs(["http", "demo-seed"])).toEqual({ kinds: ["http"], extra: ["demo-seed"], filtered: true })
    expect(parseArgs(["integration:modules"])).toEqual({ kinds: ["modules"], extra: [], filtered: false })
    expect(parseArgs(["demo-seed"])).toEqual({ kinds: Object.keys(KINDS), extra: ["demo-seed"], filtered: true })
  })

  it("asks for Chromium only for the browser kind, for a CJK font for the HTTP and browser kinds, and for Redis for the unit and cluster kinds", () => {
    expect(requirementsOf(["unit"])).toEqual(["redis"])
    expect(requirementsOf(["cluster"])).toEqual(["redis"])
    expect(requirementsOf(["modules"])).toEqual([])
    expect(requirementsOf(["http"])).toEqual(["cjk-font"])
    expect(requirementsOf(["install"])).toEqual([])
    expect(requirementsOf(["unit", "modules", "http", "browser"])).toEqual(["chromium", "cjk-font", "redis"])
  })

  it("gives a kind Redis by naming it in its requires", () => {
    const kinds = { ...KINDS, modules: { ...KINDS.modules, requires: ["redis"] } }
    expect(requirementsOf(["modules", "http"], kinds)).toEqual(["cjk-font", "redis"])
    expect(requirementsOf(["modules", "http"])).toEqual(["cjk-font"])
  })
})

describe("workersFor", () => {
  const { workersFor } = require("../kinds")

  it("runs a kind's files side by side up to its own count, capped by the cores", () => {
    expect(workersFor(2, {}, 2)).toBe(2)
    expect(workersFor(2, {}, 1)).toBe(1)
    expect(workersFor(undefined, {}, 8)).toBe(1)
  })

  it("takes DISTRIBUTION_TEST_WORKERS over both, and ignores a value that is not a positive integer", () => {
    expect(workersFor(2, { DISTRIBUTION_TEST_WORKERS: "1" }, 2)).toBe(1)
    expect(workersFor(1, { DISTRIBUTION_TEST_WORKERS: "3" }, 2)).toBe(3)
    expect(workersFor(2, { DISTRIBUTION_TEST_WORKERS: "zero" }, 2)).toBe(2)
    expect(workersFor(2, { DISTRIBUTION_TEST_WORKERS: "0" }, 2)).toBe(2)
  })
})
