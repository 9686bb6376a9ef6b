const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()

// HTTP suites: every response of the plugin's routes is checked against its OpenAPI document.
if (process.env.TEST_TYPE === "integration:http") {
  require("./helpers/openapi").checkEveryResponse()
}
