import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PayoutAccount, payoutAccountColumns } from "../../../../../modules/distribution/utils/withdrawal"
import { recordWithdrawalExportWorkflow } from "../../../../../workflows"
import { presentWithdrawalsForAdmin, withdrawalFilters } from "../../../../utils/admin-withdrawal"
import { distributionService } from "../../../../utils/container"
import { sendCsv, toCsv } from "../../../../utils/csv"
import { AdminExportWithdrawalsType } from "../../validators"

const HEADER = [
  "withdrawal_id", "requested_at", "status", "distributor_code", "distributor_name", "distributor_email",
  "method", "payee", "bank_name", "branch", "account", "currency_code", "amount", "fee", "net_amount", "approved_at",
]

/**
 * The payout file for the finance team (approved requests unless filtered
 * otherwise): the one place the full payout account appears. The export is
 * audited before the file is sent.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminExportWithdrawalsType>, res: MedusaResponse) => {
  const service = distributionService(req)
  const query = req.validatedQuery as AdminExportWithdrawalsType
  const rows = await service.listWithdrawals(await withdrawalFilters(service, query), {
    take: 10_000,
    order: { created_at: "ASC", id: "ASC" },
  })
  await recordWithdrawalExportWorkflow(req.scope).run({
    input: { actor_id: req.auth_context.actor_id, filters: JSON.parse(JSON.stringify(query)), withdrawal_ids: rows.map((w) => w.id) },
  })
  const presented = await presentWithdrawalsForAdmin(service, rows)
  const lines = rows.map((w, i) => {
    const account = payoutAccountColumns(w.method, service.decryptPersonalData<PayoutAccount>(w.payout_account)!)
    const d = presented[i].distributor
    return [
      w.id, w.created_at as Date, w.status, d?.referral_code, d?.display_name, d?.email, w.method,
      account.payee, account.bank_name, account.branch, account.account, w.currency_code,
      presented[i].amount, presented[i].fee, presented[i].net_amount, w.approved_at as Date | null,
    ]
  })
  sendCsv(res, `withdrawals-${new Date().toISOString().slice(0, 10)}.csv`, toCsv(HEADER, lines))
}
