import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { requireDistributor } from "../../../../utils/container"
import { presentWithdrawal } from "../../../../utils/present"

/** One of the caller's withdrawals; another's is a 404, exactly like one that does not exist. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { service, me } = await requireDistributor(req)
  const [withdrawal] = await service.listWithdrawals({ id: req.params.id, distributor_id: me.id })
  if (!withdrawal) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Withdrawal ${req.params.id} was not found`)
  }
  res.json({ withdrawal: presentWithdrawal(withdrawal) })
}
