/**
 * A jest reporter that writes the run's report to the file named by
 * DISTRIBUTION_JEST_REPORT (or its `outputFile` option), in the shape of jest's --json report as far as
 * lib/results.js reads it: the counts, and per file its status and its tests'
 * names and statuses. Jest's own --json writer gives up on a run whose failure
 * carries a circular object (an HTTP client's error with its request and
 * response): the report would be lost and the run's counts with it. This one
 * keeps failure messages as text only.
 */
const fs = require("fs")
const path = require("path")

class ReportReporter {
  constructor(_globalConfig, options = {}) {
    this.outputFile = options.outputFile || process.env.DISTRIBUTION_JEST_REPORT
  }

  onRunComplete(_contexts, results) {
    if (!this.outputFile) return
    const report = {
      success: results.success,
      numTotalTests: results.numTotalTests,
      numPassedTests: results.numPassedTests,
      numFailedTests: results.numFailedTests,
      numPendingTests: results.numPendingTests,
      numTodoTests: results.numTodoTests,
      numFailedTestSuites: results.numFailedTestSuites,
      numRuntimeErrorTestSuites: results.numRuntimeErrorTestSuites,
      testResults: results.testResults.map((file) => ({
        name: file.testFilePath,
        status: file.numFailingTests > 0 || file.testExecError ? "failed" : "passed",
        message: file.failureMessage || (file.testExecError && String(file.testExecError.message)) || "",
        assertionResults: file.testResults.map((t) => ({
          fullName: t.fullName,
          title: t.title,
          status: t.status,
          duration: t.duration,
          failureMessages: (t.failureMessages || []).map(String),
        })),
      })),
    }
    fs.mkdirSync(path.dirname(this.outputFile), { recursive: true })
    fs.writeFileSync(this.outputFile, JSON.stringify(report, null, 2))
  }
}

module.exports = ReportReporter
