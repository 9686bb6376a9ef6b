import { ExecArgs } from "@medusajs/framework/types"
import { reconcileDistributionWorkflow } from "../workflows"

const USAGE = "usage: medusa exec <this file> [days] [repair]  (days: a whole number, default 7)"

/**
 * Balances against the ledger, and what lost events left undone for the orders
 * placed or changed in the last `days` (default 7): credits, reversals, due
 * dates; `repair` also rewrites the cached balances that differ. Prints the report as JSON. Shipped in the package, so a host app
 * runs it with
 *   npx medusa exec ./node_modules/medusa-plugin-distribution/.medusa/server/src/scripts/reconcile.js [days] [repair]
 * and this repository with `npm run reconcile -- [days] [repair]`. `repair` is a
 * word, not an option: `medusa exec` refuses options it does not know (--repair).
 */
export default async function reconcile({ container, args }: ExecArgs) {
  const unknown = args.filter((a) => a !== "repair" && !/^\d+$/.test(a))
  if (unknown.length) {
    throw new Error(`reconcile: unknown argument ${unknown.join(" ")}; ${USAGE}`)
  }
  const days = Number(args.find((a) => /^\d+$/.test(a)) ?? 7)
  const { result } = await reconcileDistributionWorkflow(container).run({
    input: {
      from: new Date(Date.now() - days * 24 * 60 * 60 * 1000),
      to: new Date(),
      repair: args.includes("repair"),
    },
  })
  console.log(JSON.stringify(result, null, 2))
}
