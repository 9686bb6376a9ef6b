import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { GroupStatus } from "../../../../modules/distribution/constants"
import { distributionService } from "../../../utils/container"
import { asHttpError } from "../../../utils/workflow"

/**
 * Before Medusa fulfils an order: an order of a 拼团 group that has not
 * succeeded (open, or failed and being refunded) is refused with a 409 that
 * says why. Commission credited at order.placed is only safe because of this:
 * settlement needs fulfilment, and fulfilment needs a succeeded group.
 */
export async function refuseUnsucceededGroupFulfilment(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const member = await distributionService(req).groupMemberOfOrder(req.params.id)
    if (!member || member.group_status === GroupStatus.SUCCEEDED) {
      return next()
    }
    return next(
      asHttpError(
        new MedusaError(
          MedusaError.Types.CONFLICT,
          `This order belongs to group buy "${member.group_buy_name}"'s group ${member.group_id}, which has not succeeded yet (it is ${member.group_status})`
        )
      )
    )
  } catch (error) {
    return next(error)
  }
}
