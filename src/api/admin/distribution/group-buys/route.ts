import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { saveGroupBuyWorkflow } from "../../../../workflows"
import { presentGroupBuy, retrieveGroupBuy } from "../../../../lib/group-buys"
import { distributionService } from "../../../utils/container"
import { runWorkflow } from "../../../utils/workflow"
import { AdminCreateGroupBuyType, AdminListGroupBuysType } from "./validators"

/** GET /admin/distribution/group-buys: the 拼团 activities, the latest to start first, each with its groups counted by outcome. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset, status } = req.validatedQuery as AdminListGroupBuysType
  const service = distributionService(req)
  const [rows, count] = await service.listAndCountDistributionGroupBuys(status ? { status } : {}, {
    take: limit,
    skip: offset,
    order: { starts_at: "DESC", id: "ASC" },
  })
  const groups = await service.groupBuyGroupCounts(rows.map((r) => r.id))
  res.json({ group_buys: rows.map((r) => ({ ...presentGroupBuy(r), groups: groups.get(r.id)! })), count, limit, offset })
}

/** POST /admin/distribution/group-buys: creates a 拼团 activity. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateGroupBuyType>, res: MedusaResponse) => {
  const saved = await runWorkflow(saveGroupBuyWorkflow, req.scope, { fields: req.validatedBody, actor_id: req.auth_context.actor_id })
  res.status(201).json({ group_buy: presentGroupBuy(await retrieveGroupBuy(req.scope, saved.id)) })
}
