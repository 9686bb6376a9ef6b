import fs from "fs"
import { ExecArgs } from "@medusajs/framework/types"
import { seedShop } from "../integration-tests/helpers/orders"
import { seedBenchProgramme } from "./lib/programme"

/**
 * Seeds one app of the overhead benchmark (run by `medusa exec` in each app's
 * directory): the demo's store, shipping, key and catalogue. When the
 * distribution module is registered, also the programme the orders go through:
 * three levels of rates, a rule on a product, and a line of three active
 * distributors whose deepest one the buyers will be bound to. Writes what the
 * benchmark needs to BENCH_SEED_OUTPUT.
 */
export default async function seedOverheadApp({ container }: ExecArgs) {
  const shop = await seedShop(container)
  const output: Record<string, unknown> = { pk: shop.pk, region_id: shop.region_id, variants: Object.fromEntries(shop.variants) }
  if (container.hasRegistration("distribution")) {
    output.referral_code = await seedBenchProgramme(container)
  }
  fs.writeFileSync(process.env.BENCH_SEED_OUTPUT!, JSON.stringify(output))
}
