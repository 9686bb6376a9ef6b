import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distributionService } from "../../../../../utils/container"
import { presentLedgerEntry } from "../../../../../utils/present"
import { withLedgerReferences } from "../../../../../../lib/ledger-references"
import { AdminListLedgerType } from "../../validators"

/**
 * A distributor's ledger, newest first, each entry with the order or withdrawal
 * it is about, and the balances (each a sum of rows).
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListLedgerType>,
  res: MedusaResponse
) => {
  const service = distributionService(req)
  const distributor = await service.retrieveDistributor(req.params.id)
  const { limit, offset } = req.validatedQuery as AdminListLedgerType
  const [entries, count] = await service.listAndCountLedgerEntries(
    { distributor_id: distributor.id },
    { skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } }
  )
  res.json({
    entries: await withLedgerReferences(req.scope, service, entries.map(presentLedgerEntry)),
    count,
    limit,
    offset,
    balances: await service.getBalances(distributor.id),
  })
}
