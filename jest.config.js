const { loadEnv } = require("@medusajs/utils")
loadEnv("test", process.cwd())

const TEST_TYPES = {
  unit: ["**/src/**/__tests__/**/*.unit.spec.[jt]s", "**/scripts/**/__tests__/**/*.unit.spec.js"],
  "integration:modules": ["**/src/modules/*/__tests__/**/*.spec.[jt]s"],
  "integration:http": ["**/integration-tests/http/**/*.spec.[jt]s"],
  browser: ["**/integration-tests/browser/**/*.spec.[jt]s"],
  install: ["**/integration-tests/install/**/*.spec.ts"],
  cluster: ["**/integration-tests/cluster/**/*.spec.ts"],
}

const testMatch = TEST_TYPES[process.env.TEST_TYPE]
if (!testMatch) {
  throw new Error(
    `Set TEST_TYPE to one of ${Object.keys(TEST_TYPES).join(", ")} (got ${process.env.TEST_TYPE})`
  )
}

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", decorators: true } } },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/"],
  setupFiles: ["./integration-tests/setup.js"],
  // One copy of axios for the test runner (which imports it) and the helpers (which
  // require it), so that the OpenAPI response check sees every call the suites make.
  moduleNameMapper: { "^axios$": require.resolve("axios") },
  testMatch,
  // Jest's own output, and the report npm test reads (written when DISTRIBUTION_JEST_REPORT names a file).
  reporters: ["default", "<rootDir>/scripts/lib/report-reporter.js"],
  // The install test installs, migrates, builds and boots a whole Medusa app per step.
  ...(process.env.TEST_TYPE === "install" ? { testTimeout: 20 * 60_000 } : {}),
  // The cluster tests build this repository and boot, kill and restart its instances.
  ...(process.env.TEST_TYPE === "cluster" ? { testTimeout: 10 * 60_000 } : {}),
  testPathIgnorePatterns:
    process.env.TEST_TYPE === "integration:modules"
      ? ["/node_modules/", "\\.unit\\.spec\\.[jt]s$"]
      : ["/node_modules/"],
}
