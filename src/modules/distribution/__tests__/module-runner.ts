import crypto from "crypto"
import path from "path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import DistributionModuleService from "../service"
import { DISTRIBUTION_MODULE } from "../constants"

type TestSuite = Parameters<typeof moduleIntegrationTestRunner<DistributionModuleService>>[0]["testSuite"]

/** The module alone on a fresh PostgreSQL database, migrated, with a random encryption key (or the options given). */
export function distributionModuleTests(testSuite: TestSuite, options: Record<string, unknown> = {}) {
  moduleIntegrationTestRunner<DistributionModuleService>({
    moduleName: DISTRIBUTION_MODULE,
    // One database per process, so that two runs on one server never share it
    // (the runner's default name only varies with the jest worker id).
    dbName: `medusa-distribution-integration-${process.pid}`,
    resolve: path.join(__dirname, ".."),
    pathToMigrations: path.join(__dirname, "..", "migrations"),
    moduleOptions: { encryption_key: crypto.randomBytes(32).toString("hex"), ...options },
    testSuite,
  })
}
