const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()

if (process.env.TEST_TYPE === "integration:http") {
  // The HTTP suites' app is a server instance: it runs no scheduled job, so no job
  // ticks at the wall clock's minute in the middle of a test (a tick of the 拼团 job
  // once claimed the refunds a reconcile test was about to count). A test that is
  // about a job runs it itself, each instance it plays by a call of its own.
  process.env.MEDUSA_WORKER_MODE = "server"
  // Every response of the plugin's routes is checked against its OpenAPI document.
  require("./helpers/openapi").checkEveryResponse()
}
