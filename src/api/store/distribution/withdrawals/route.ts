import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { maskPayoutAccount } from "../../../../modules/distribution/utils/withdrawal"
import { requestWithdrawalWorkflow } from "../../../../workflows"
import { programmeCurrency, requireDistributor } from "../../../utils/container"
import { presentWithdrawal } from "../../../utils/present"
import { runWorkflow } from "../../../utils/workflow"
import { StoreListWithdrawalsType, StoreRequestWithdrawalType } from "./validators"

/** Asks to be paid out; the amount is held at once. 201 for a new request, 200 for a repeated idempotency key. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreRequestWithdrawalType>,
  res: MedusaResponse
) => {
  const { service, me } = await requireDistributor(req)
  const body = req.validatedBody
  const result = await runWorkflow(requestWithdrawalWorkflow, req.scope, {
    customer_id: req.auth_context.actor_id,
    distributor_id: me.id,
    amount: body.amount,
    currency_code: body.currency_code ?? (await programmeCurrency(req.scope)),
    method: body.method,
    payout_account: service.encryptPersonalData(body.account),
    account_masked: maskPayoutAccount(body.method, body.account),
    note: body.note ?? null,
    idempotency_key: body.idempotency_key ?? null,
  })
  const [withdrawal, balances] = await Promise.all([
    service.retrieveWithdrawal(result.withdrawal_id),
    service.getBalances(me.id),
  ])
  res.status(result.created ? 201 : 200).json({ withdrawal: presentWithdrawal(withdrawal), balances })
}

/** The caller's withdrawals, newest first. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreListWithdrawalsType>,
  res: MedusaResponse
) => {
  const { service, me } = await requireDistributor(req)
  const { status, limit, offset } = req.validatedQuery as StoreListWithdrawalsType
  const [rows, count] = await service.listAndCountWithdrawals(
    { distributor_id: me.id, ...(status ? { status } : {}) },
    { skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } }
  )
  res.json({ withdrawals: rows.map(presentWithdrawal), count, limit, offset })
}
