import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distributorGroupsView } from "../../../../lib/distributor-groups"

/** Distributor prices: the mode, and the plugin's customer groups with their member counts. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await distributorGroupsView(req.scope))
}
