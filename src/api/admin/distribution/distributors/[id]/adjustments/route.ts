import crypto from "crypto"
import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MathBN } from "@medusajs/framework/utils"
import { adjustBalanceWorkflow } from "../../../../../../workflows"
import { distributionService } from "../../../../../utils/container"
import { runWorkflow } from "../../../../../utils/workflow"
import { AdminAdjustBalanceType } from "../../validators"

/** Credits (positive) or debits (negative) the available balance, with a reason; audited. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminAdjustBalanceType>,
  res: MedusaResponse
) => {
  const body = req.validatedBody
  const result = await runWorkflow(adjustBalanceWorkflow, req.scope, {
    distributor_id: req.params.id,
    currency_code: body.currency_code,
    amount: MathBN.convert(body.amount).toFixed(),
    reason: body.reason,
    actor_id: req.auth_context.actor_id,
    idempotency_key: body.idempotency_key ?? crypto.randomUUID(),
  })
  const balances = await distributionService(req).getBalances(req.params.id)
  res.status(result.created ? 201 : 200).json({ created: result.created, entry_id: result.entry_id, balances })
}
