import { ExecArgs } from "@medusajs/framework/types"
import { reconcileDistributionWorkflow } from "../src/workflows"

/**
 * `npm run reconcile -- [days] [--repair]`: balances against the ledger, and
 * placed orders of the last `days` (default 7) without commissions credited
 * again. Prints the report as JSON.
 */
export default async function reconcile({ container, args }: ExecArgs) {
  const days = Number(args.find((a) => /^\d+$/.test(a)) ?? 7)
  const { result } = await reconcileDistributionWorkflow(container).run({
    input: {
      from: new Date(Date.now() - days * 24 * 60 * 60 * 1000),
      to: new Date(),
      repair: args.includes("--repair"),
    },
  })
  console.log(JSON.stringify(result, null, 2))
}
