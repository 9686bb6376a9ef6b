import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { CreditedLine } from "../../../modules/distribution/utils/order-commissions"
import { orderLinesAddedByEdits } from "../../../lib/medusa-tables"

/**
 * The commissions an order already has (soft-deleted ones left out): line,
 * distributor, depth; and the lines its confirmed edits added.
 */
export const creditedOrderLinesStep = createStep(
  "distribution-credited-order-lines",
  async (input: { order_id: string }, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const [rows, added] = await Promise.all([
      service.listCommissions({ order_id: input.order_id }, { select: ["line_item_id", "distributor_id", "depth"] }),
      orderLinesAddedByEdits(container, input.order_id),
    ])
    return new StepResponse({
      credited: rows.map((r) => ({ line_item_id: r.line_item_id, distributor_id: r.distributor_id, depth: r.depth })) as CreditedLine[],
      added,
    })
  }
)
