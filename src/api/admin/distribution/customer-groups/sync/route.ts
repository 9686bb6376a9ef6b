import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distributorGroupsView } from "../../../../../lib/distributor-groups"
import { syncAllCustomerGroupsWorkflow } from "../../../../../workflows"
import { runWorkflow } from "../../../../utils/workflow"
import { AdminSyncCustomerGroupsType } from "../validators"

/** "Sync now": makes the groups the mode needs and brings every distributor's membership to the rule. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSyncCustomerGroupsType>, res: MedusaResponse) => {
  const sync = await runWorkflow(syncAllCustomerGroupsWorkflow, req.scope, undefined)
  res.json({ ...(await distributorGroupsView(req.scope)), sync })
}
