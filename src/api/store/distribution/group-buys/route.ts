import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GroupBuyStatus } from "../../../../modules/distribution/constants"
import { presentGroupBuy } from "../../../../lib/group-buys"
import { distributionService } from "../../../utils/container"
import { StoreListGroupBuysType } from "./validators"

/** GET /store/distribution/group-buys: the activities running now, the soonest to end first. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as StoreListGroupBuysType
  const now = new Date()
  const [rows, count] = await distributionService(req).listAndCountDistributionGroupBuys(
    { status: GroupBuyStatus.ACTIVE, starts_at: { $lte: now }, ends_at: { $gt: now } },
    { take: limit, skip: offset, order: { ends_at: "ASC", id: "ASC" } }
  )
  res.json({ group_buys: rows.map(presentGroupBuy), count, limit, offset })
}
