import { MedusaContainer } from "@medusajs/framework/types"
import { settleDueCommissionsWorkflow } from "../workflows"

const BATCH = 1000

/** Settles every commission whose freeze period is over, a batch per transaction. */
export default async function settleCommissions(container: MedusaContainer) {
  for (;;) {
    const { result } = await settleDueCommissionsWorkflow(container).run({ input: { limit: BATCH } })
    if (result.settled < BATCH) {
      return
    }
  }
}

export const config = {
  name: "distribution-settle-commissions",
  schedule: "*/10 * * * *",
}
