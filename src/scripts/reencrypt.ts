import { ExecArgs } from "@medusajs/framework/types"
import { DISTRIBUTION_MODULE } from "../modules/distribution"
import DistributionModuleService from "../modules/distribution/service"

/**
 * Key rotation: moves applications and payout accounts to the current
 * encryption key. Set the new key as DISTRIBUTION_ENCRYPTION_KEY and the old one
 * in DISTRIBUTION_PREVIOUS_ENCRYPTION_KEYS (the app reads both meanwhile), run
 *   npx medusa exec ./node_modules/medusa-plugin-distribution/.medusa/server/src/scripts/reencrypt.js
 * (in this repository: `npm run reencrypt`), then remove the old key. Safe to
 * run again or to resume: a value under the current key is left alone. Prints
 * the counts per table as JSON.
 */
export default async function reencrypt({ container, args }: ExecArgs) {
  if (args.length) {
    throw new Error(`reencrypt: takes no arguments (got ${args.join(" ")})`)
  }
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const report = await service.reencryptPersonalData()
  console.log(JSON.stringify(report, null, 2))
  const unreadable = report.reduce((n, r) => n + r.unreadable, 0)
  if (unreadable) {
    throw new Error(`reencrypt: ${unreadable} value(s) no key reads: add the key they were written with to DISTRIBUTION_PREVIOUS_ENCRYPTION_KEYS`)
  }
}
