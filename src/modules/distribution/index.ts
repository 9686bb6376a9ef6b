import { Module } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "./constants"
import checkEncryptionKey from "./loaders/check-encryption-key"
import DistributionModuleService from "./service"

export { DISTRIBUTION_MODULE }
export default Module(DISTRIBUTION_MODULE, {
  service: DistributionModuleService,
  loaders: [checkEncryptionKey],
})
