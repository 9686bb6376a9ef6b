import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../modules/distribution"
import DistributionModuleService from "../modules/distribution/service"
import { reversalTargetsStep } from "./steps/order-settlement-facts"

const applyReversalStep = createStep(
  "apply-commission-reversal",
  async (input: { order_id: string; reference: string; targets: Record<string, string> }, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    return new StepResponse(await service.reverseOrderCommissions(input))
  }
)

export type ReverseOrderCommissionsWorkflowInput = {
  order_id: string
  /** What caused it: "cancel", "return:<id>", "refund". */
  cause: string
}

/**
 * Cancel, return or refund: brings the order's commissions to what they should
 * be now (all reversed on cancel; in proportion to the quantity returned or the
 * amount refunded otherwise). Computed from the order's cumulative state, so a
 * replayed or concurrent event reverses nothing twice; settled commissions are
 * clawed back through the ledger, once per cause.
 */
export const reverseOrderCommissionsWorkflow = createWorkflow(
  "reverse-order-commissions",
  (input: ReverseOrderCommissionsWorkflowInput) => {
    const facts = reversalTargetsStep(transform({ input }, ({ input }) => ({ order_id: input.order_id })))
    const result = applyReversalStep(
      transform({ input, facts }, ({ input, facts }) => ({
        order_id: input.order_id,
        reference: input.cause === "refund" ? `refund:${facts.refunded}` : input.cause,
        targets: facts.targets,
      }))
    )
    return new WorkflowResponse(result)
  }
)
