/**
 * How npm test reads what jest reported and decides what counts: pure functions
 * over jest's JSON report, so that every rule is unit-tested
 * (__tests__/results.unit.spec.js).
 *
 * A run must never look green by accident: a kind with no report, a file that
 * crashed before its tests ran, a jest that failed with no failed test and a kind
 * that collected no test each count as one failure; in CI a skipped or todo test
 * is a failure too, named, since nobody is there to notice it was skipped.
 */
const path = require("path")

const SKIPPED = new Set(["pending", "skipped", "todo", "disabled"])

/** Whether the environment is CI (`CI=true`, as CI services set it). */
function isCi(env) {
  return !!env.CI && !["0", "false"].includes(String(env.CI).toLowerCase())
}

/** Names the skipped and todo tests of a report, `file › test name`. */
function skippedTests(report, root) {
  return report.testResults.flatMap((file) =>
    (file.assertionResults || [])
      .filter((a) => SKIPPED.has(a.status))
      .map((a) => `${path.relative(root, file.name)} › ${a.fullName}${a.status === "todo" ? " (todo)" : ""}`)
  )
}

/**
 * What one kind's run adds to the total, and the lines that explain anything
 * counted as a failure.
 *
 *   report    jest's --json report, or null when there was none
 *   exit      { code, signal } of the jest process
 *   filtered  jest arguments were given (a file pattern, -t …): collecting
 *             nothing, or skipping the tests -t left out, is then expected
 *   ci        skipped and todo tests are failures
 */
function judgeKind({ kind, report, exit, filtered, ci, root, pattern }) {
  const why = exit.signal || exit.code
  if (!report) {
    return {
      passed: 0,
      failed: 1,
      skipped: 0,
      notes: [`the ${kind} tests produced no report (jest exited with ${why}): counted as 1 failure`],
    }
  }
  const notes = []
  // A test file that failed before any of its tests ran (import error, beforeAll
  // crash outside a test) has no failed test: it counts as one failure.
  const crashed = report.testResults.filter(
    (file) => file.status === "failed" && !(file.assertionResults || []).some((a) => a.status === "failed")
  )
  for (const file of crashed) {
    notes.push(`${path.relative(root, file.name)} failed before its tests ran: counted as 1 failure`)
  }
  const result = {
    passed: report.numPassedTests,
    failed: report.numFailedTests + crashed.length,
    skipped: report.numPendingTests + report.numTodoTests,
  }
  if (report.numTotalTests === 0 && crashed.length === 0 && !filtered) {
    notes.push(`the ${kind} tests collected no test (${pattern}): counted as 1 failure`)
    result.failed += 1
  }
  if (ci && !filtered && result.skipped) {
    for (const name of skippedTests(report, root)) {
      notes.push(`skipped in CI: ${name}: counted as 1 failure`)
    }
    result.failed += result.skipped
    result.skipped = 0
  }
  if (exit.code !== 0 && result.failed === 0) {
    notes.push(`jest exited with ${why} for the ${kind} tests: counted as 1 failure`)
    result.failed = 1
  }
  return { ...result, notes }
}

function addResults(total, r) {
  return { passed: total.passed + r.passed, failed: total.failed + r.failed, skipped: total.skipped + r.skipped }
}

/** The closing line: `N passed, N failed` (`, N skipped` when some were skipped). */
function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`
}

module.exports = { isCi, judgeKind, addResults, summaryLine, skippedTests }
