import { LoaderOptions } from "@medusajs/framework/types"
import { DistributionModuleOptions } from "../types"
import { encryptionKeyProblem } from "../utils/crypto"

const PRODUCTION_HINT =
  "`medusa build` does not copy .env: copy it into .medusa/server, or set the variable in the server's environment."

/**
 * Checks the personal-data key when the app boots instead of on the first
 * application. In production a missing or malformed key stops the boot; in
 * development and tests the app still starts, with one warning, and
 * applications and payout accounts fail until the key is set.
 */
export default async function checkEncryptionKey({
  options,
  logger,
}: LoaderOptions<DistributionModuleOptions>) {
  const previous =
    options?.previous_encryption_keys ??
    (process.env.DISTRIBUTION_PREVIOUS_ENCRYPTION_KEYS ?? "").split(",").map((k) => k.trim()).filter(Boolean)
  const problem =
    encryptionKeyProblem(options?.encryption_key ?? process.env.DISTRIBUTION_ENCRYPTION_KEY) ??
    previous
      .map((key, i) => encryptionKeyProblem(key) && `Previous encryption key ${i + 1} is unusable: ${encryptionKeyProblem(key)}`)
      .find(Boolean) ??
    null
  if (!problem) {
    return
  }
  if (process.env.NODE_ENV === "production") {
    throw new Error(`${problem} The distribution plugin does not start without it. ${PRODUCTION_HINT}`)
  }
  logger?.warn(`distribution: ${problem} Distributor applications and payout accounts fail until it is set.`)
}
