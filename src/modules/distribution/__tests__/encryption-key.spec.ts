import path from "path"
import { Logger } from "@medusajs/framework/types"
import { MedusaModule } from "@medusajs/framework/modules-sdk"
import { ContainerRegistrationKeys, createPgConnection, Modules } from "@medusajs/framework/utils"
import { initModules, MockEventBusService, TestDatabaseUtils } from "@medusajs/test-utils"
import { DISTRIBUTION_MODULE } from "../constants"
import checkEncryptionKey from "../loaders/check-encryption-key"

jest.setTimeout(60_000)

/**
 * A merchant who forgot DISTRIBUTION_ENCRYPTION_KEY learns it when the app boots,
 * not from a 500 on the first application.
 */
describe("booting without DISTRIBUTION_ENCRYPTION_KEY", () => {
  const saved = { NODE_ENV: process.env.NODE_ENV, key: process.env.DISTRIBUTION_ENCRYPTION_KEY }
  let warnings: string[]
  const logger = { ...console, warn: (message: string) => warnings.push(message) } as unknown as Logger

  beforeEach(() => {
    warnings = []
    delete process.env.DISTRIBUTION_ENCRYPTION_KEY
  })
  afterEach(() => {
    process.env.NODE_ENV = saved.NODE_ENV
    process.env.DISTRIBUTION_ENCRYPTION_KEY = saved.key
  })

  describe("in production the module's loader stops the boot", () => {
    beforeEach(() => {
      process.env.NODE_ENV = "production"
    })

    it("saying which variable to set and how a build gets it", async () => {
      const failure = await checkEncryptionKey({ container: undefined as never, logger, options: {} }).then(
        () => null,
        (e: Error) => e.message
      )
      expect(failure).toContain("No encryption key for personal data: set DISTRIBUTION_ENCRYPTION_KEY")
      expect(failure).toContain("copy it into .medusa/server")
    })

    it("on a key that is not 32 bytes", async () => {
      process.env.DISTRIBUTION_ENCRYPTION_KEY = "0123456789abcdef"
      await expect(checkEncryptionKey({ container: undefined as never, logger, options: {} })).rejects.toThrow(
        "The distribution encryption key must be 32 bytes"
      )
    })

    it("on a previous key (kept for a rotation) that is not 32 bytes", async () => {
      await expect(
        checkEncryptionKey({ container: undefined as never, logger, options: { encryption_key: "ab".repeat(32), previous_encryption_keys: ["cd".repeat(32), "short"] } })
      ).rejects.toThrow("Previous encryption key 2 is unusable: The distribution encryption key must be 32 bytes")
    })

    it("and lets it go on, quietly, with the key from the environment or the plugin options", async () => {
      await checkEncryptionKey({ container: undefined as never, logger, options: { encryption_key: "ab".repeat(32) } })
      process.env.DISTRIBUTION_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString("base64")
      await checkEncryptionKey({ container: undefined as never, logger, options: {} })
      expect(warnings).toEqual([])
    })
  })

  it("in development the module boots with one warning, and the service still refuses to encrypt", async () => {
    process.env.NODE_ENV = "development"
    const database = { clientUrl: TestDatabaseUtils.getDatabaseURL("postgres") }
    const connection = createPgConnection(database)
    try {
      // The module as an app boots it (no table is touched: the maintenance database will do).
      const { medusaApp } = await initModules({
        modulesConfig: { [DISTRIBUTION_MODULE]: { resolve: path.join(__dirname, ".."), options: { database } } },
        databaseConfig: database,
        preventConnectionDestroyWarning: true,
        injectedDependencies: {
          [ContainerRegistrationKeys.PG_CONNECTION]: connection,
          [ContainerRegistrationKeys.LOGGER]: logger,
          [Modules.EVENT_BUS]: new MockEventBusService(),
        },
      })
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toContain("set DISTRIBUTION_ENCRYPTION_KEY")
      expect(() => medusaApp.modules[DISTRIBUTION_MODULE].encryptPersonalData({ phone: "13800138000" })).toThrow(
        "No encryption key for personal data"
      )
    } finally {
      MedusaModule.clearInstances()
      await connection.destroy()
    }
  })
})
