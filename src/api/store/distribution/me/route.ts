import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { formatAmount } from "../../../../modules/distribution/utils/money"
import { distributionService, programmeSettings } from "../../../utils/container"
import { presentBinding, presentOwnDistributor } from "../../../utils/present"

/**
 * The distributor centre's home: own status and code, binding, and the
 * programme's rules, withdrawals' included (a portal shows the minimum, the fee
 * and the methods before a request, without a copy of the settings).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = distributionService(req)
  const customerId = req.auth_context.actor_id
  const [settings, found, binding] = await Promise.all([
    programmeSettings(req.scope),
    service.retrieveDistributorByCustomer(customerId),
    service.getValidBinding(customerId),
  ])
  const [distributor] = found ? await service.withTreePositions([found]) : [null]
  const referrer = binding ? await service.retrieveDistributor(binding.distributor_id) : null
  const balances = distributor ? await service.getBalances(distributor.id) : []
  res.json({
    distributor: distributor ? presentOwnDistributor(service, distributor) : null,
    balances,
    binding: presentBinding(binding, referrer),
    programme: {
      enabled: settings.enabled,
      application_mode: settings.application_mode,
      application_min_spend: formatAmount(settings.application_min_spend, settings.currency_code),
      max_depth: settings.max_depth,
      currency_code: settings.currency_code,
      min_withdrawal: formatAmount(settings.min_withdrawal, settings.currency_code),
      withdrawal_fee_bps: settings.withdrawal_fee_bps,
      withdrawal_methods: settings.withdrawal_methods,
    },
  })
}
