import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { distributionService } from "../../../../utils/container"
import { presentDistributorForAdmin, presentLevel } from "../../../../utils/present"

/** A distributor with its customer, upline (nearest first), first direct recruits and the buyer's own binding. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = distributionService(req)
  const distributor = await service.retrieveDistributorWithPosition(req.params.id)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const [upline, children, customers, bindings] = await Promise.all([
    service.getUpline(distributor.id),
    service.listTeam(distributor.id, { depth: 1, limit: 20, offset: 0 }),
    query.graph({
      entity: "customer",
      fields: ["id", "email", "first_name", "last_name", "phone", "created_at"],
      filters: { id: distributor.customer_id },
    }),
    service.listReferralBindings({ customer_id: distributor.customer_id }),
  ])
  const summary = (d: typeof distributor) => ({
    id: d.id,
    referral_code: d.referral_code,
    display_name: d.display_name,
    email: d.email,
    status: d.status,
    depth: d.depth,
    team_size: d.team_size,
    direct_count: d.direct_count,
    level: presentLevel(d.level),
  })
  res.json({
    distributor: presentDistributorForAdmin(service, distributor),
    customer: customers.data[0] ?? null,
    upline: upline.map(summary),
    children: { members: children.rows.map(summary), count: children.count },
    binding: bindings[0] ?? null,
  })
}
