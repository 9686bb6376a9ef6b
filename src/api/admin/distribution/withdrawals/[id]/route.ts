import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distributionService } from "../../../../utils/container"
import { presentWithdrawalsForAdmin } from "../helpers"
import { presentAuditLog, presentLedgerEntry } from "../../../../utils/present"

/** One withdrawal with its ledger entries, its audit trail and the distributor's balances. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = distributionService(req)
  const row = await service.retrieveWithdrawal(req.params.id)
  const [[withdrawal], ledger, audit, balances] = await Promise.all([
    presentWithdrawalsForAdmin(service, [row]),
    service.listLedgerEntries({ reference_type: "withdrawal", reference_id: row.id }, { order: { created_at: "ASC" } }),
    service.listDistributionAuditLogs({ entity_type: "withdrawal", entity_id: row.id }, { order: { created_at: "ASC" } }),
    service.getBalances(row.distributor_id),
  ])
  res.json({ withdrawal, ledger: ledger.map(presentLedgerEntry), audit: audit.map(presentAuditLog), balances })
}
