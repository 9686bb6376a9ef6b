import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import DistributionModuleService from "../../../../../modules/distribution/service"
import { WithdrawalDTO } from "../../../../../modules/distribution/types"
import { PayoutAccount, payoutAccountColumns } from "../../../../../modules/distribution/utils/withdrawal"
import { recordWithdrawalExportWorkflow } from "../../../../../workflows"
import {
  exportBatchSize,
  matchingWithdrawalIds,
  presentWithdrawalsForAdmin,
  withdrawalFilters,
} from "../helpers"
import { distributionService } from "../../../../utils/container"
import { streamCsv } from "../../../../utils/csv"
import { AdminExportWithdrawalsType } from "../validators"

const HEADER = [
  "withdrawal_id", "requested_at", "status", "distributor_code", "distributor_name", "distributor_email",
  "method", "payee", "bank_name", "branch", "account", "currency_code", "amount", "fee", "net_amount", "approved_at",
]

async function payoutRows(service: DistributionModuleService, rows: WithdrawalDTO[]) {
  const presented = await presentWithdrawalsForAdmin(service, rows)
  return rows.map((w, i) => {
    const account = payoutAccountColumns(w.method, service.decryptPersonalData<PayoutAccount>(w.payout_account)!)
    const d = presented[i].distributor
    return [
      w.id, w.created_at as Date, w.status, d?.referral_code, d?.display_name, d?.email, w.method,
      account.payee, account.bank_name, account.branch, account.account, w.currency_code,
      presented[i].amount, presented[i].fee, presented[i].net_amount, w.approved_at as Date | null,
    ]
  })
}

/**
 * The payout file for the finance team (approved requests unless filtered
 * otherwise): the one place the full payout account appears. Every matching
 * request is in it: the export is audited with exactly the requests it holds
 * before anything is sent, then written batch by batch as one CSV.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminExportWithdrawalsType>, res: MedusaResponse) => {
  const service = distributionService(req)
  const query = req.validatedQuery as AdminExportWithdrawalsType
  const ids = await matchingWithdrawalIds(service, await withdrawalFilters(service, query))
  await recordWithdrawalExportWorkflow(req.scope).run({
    input: { actor_id: req.auth_context.actor_id, filters: JSON.parse(JSON.stringify(query)), withdrawal_ids: ids },
  })
  const csv = streamCsv(res, `withdrawals-${new Date().toISOString().slice(0, 10)}.csv`, HEADER)
  const size = exportBatchSize()
  for (let i = 0; i < ids.length; i += size) {
    const batch = await service.listWithdrawals({ id: ids.slice(i, i + size) }, { order: { id: "ASC" } })
    csv.write(await payoutRows(service, batch))
  }
  csv.end()
}
