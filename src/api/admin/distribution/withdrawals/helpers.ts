import { MedusaError } from "@medusajs/framework/utils"
import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WithdrawalAction } from "../../../../modules/distribution/constants"
import DistributionModuleService from "../../../../modules/distribution/service"
import { WithdrawalDTO } from "../../../../modules/distribution/types"
import { reviewWithdrawalWorkflow } from "../../../../workflows"
import { distributionService } from "../../../utils/container"
import { presentWithdrawalForAdmin } from "../../../utils/present"
import { asHttpError, runWorkflow } from "../../../utils/workflow"
import { AdminExportWithdrawalsType } from "./validators"

/** The most distributors a withdrawal search may name. */
export const MAX_SEARCHED_DISTRIBUTORS = 500

type WithdrawalFilterInput = Omit<AdminExportWithdrawalsType, "status"> & { status?: string[] }

/**
 * The admin's withdrawal filters as a service filter. `q` finds a withdrawal by
 * its id or transaction reference, or the withdrawals of distributors whose
 * code, e-mail or name matches.
 */
export async function withdrawalFilters(service: DistributionModuleService, f: WithdrawalFilterInput) {
  const filters: Record<string, unknown> = {}
  if (f.status) filters.status = f.status
  if (f.method) filters.method = f.method
  if (f.distributor_id) filters.distributor_id = f.distributor_id
  if (f.currency_code) filters.currency_code = f.currency_code
  if (f.from || f.to) filters.created_at = { ...(f.from ? { $gte: f.from } : {}), ...(f.to ? { $lte: f.to } : {}) }
  if (f.amount_min !== undefined || f.amount_max !== undefined) {
    filters.amount = {
      ...(f.amount_min !== undefined ? { $gte: f.amount_min } : {}),
      ...(f.amount_max !== undefined ? { $lte: f.amount_max } : {}),
    }
  }
  if (f.q) {
    // The distributors a search names become a list of ids: a search matching more than that
    // many says so and asks for a narrower one, rather than quietly leaving some out.
    const matching = await service.listDistributorIdsMatching({ q: f.q, limit: MAX_SEARCHED_DISTRIBUTORS + 1 })
    if (matching.length > MAX_SEARCHED_DISTRIBUTORS) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `q "${f.q}" matches more than ${MAX_SEARCHED_DISTRIBUTORS} distributors: search by a referral code, an e-mail or more of a name, or filter by distributor_id`
      )
    }
    filters.$or = [
      { id: f.q },
      { transaction_reference: f.q },
      ...(matching.length ? [{ distributor_id: matching }] : []),
    ]
  }
  return filters
}

/**
 * Rows the payout export reads and writes at a time. DISTRIBUTION_EXPORT_BATCH_SIZE
 * overrides it (tests cross batch boundaries with a handful of rows).
 */
export const exportBatchSize = () => Number(process.env.DISTRIBUTION_EXPORT_BATCH_SIZE) || 1000

/**
 * The ids of every withdrawal that matches, in id order (Medusa's ids are
 * time-ordered, so this is the order of the requests), read by keyset pages:
 * each page starts after the last id of the one before, so no page costs more
 * than the first however deep the export goes.
 */
export async function matchingWithdrawalIds(service: DistributionModuleService, filters: Record<string, unknown>) {
  const ids: string[] = []
  const take = exportBatchSize()
  for (;;) {
    const last = ids[ids.length - 1]
    const page = await service.listWithdrawals(
      { ...filters, ...(last ? { id: { $gt: last } } : {}) },
      { select: ["id"], take, order: { id: "ASC" } }
    )
    ids.push(...page.map((w) => w.id))
    if (page.length < take) {
      return ids
    }
  }
}

/** Withdrawals with the distributor each belongs to (one read for the page). */
export async function presentWithdrawalsForAdmin(service: DistributionModuleService, rows: WithdrawalDTO[]) {
  const ids = [...new Set(rows.map((w) => w.distributor_id))]
  const distributors = ids.length
    ? await service.listDistributors({ id: ids }, { select: ["id", "display_name", "email", "referral_code", "status"] })
    : []
  const byId = new Map(distributors.map((d) => [d.id, d]))
  return rows.map((w) => ({ ...presentWithdrawalForAdmin(w), distributor: byId.get(w.distributor_id) ?? null }))
}

async function respondWithWithdrawal(req: AuthenticatedMedusaRequest, res: MedusaResponse, id: string) {
  const service = distributionService(req)
  const [withdrawal] = await presentWithdrawalsForAdmin(service, [await service.retrieveWithdrawal(id)])
  res.json({ withdrawal })
}

type ReviewBody = { reason?: string; transaction_reference?: string }

/** POST /admin/distribution/withdrawals/:id/<action>: one decision of the state machine. */
export const reviewWithdrawalHandler =
  (action: WithdrawalAction) => async (req: AuthenticatedMedusaRequest<ReviewBody>, res: MedusaResponse) => {
    await runWorkflow(reviewWithdrawalWorkflow, req.scope, {
      id: req.params.id,
      action,
      actor_id: req.auth_context.actor_id,
      reason: req.validatedBody?.reason ?? null,
      transaction_reference: req.validatedBody?.transaction_reference ?? null,
    })
    await respondWithWithdrawal(req, res, req.params.id)
  }

/**
 * POST /admin/distribution/withdrawals/bulk-<action>: the same decision for
 * each request, one at a time, each in its own transaction; one that cannot be
 * decided (already paid, unknown) is reported and does not stop the others.
 */
export const bulkReviewWithdrawalHandler =
  (action: WithdrawalAction) =>
  async (req: AuthenticatedMedusaRequest<{ ids: string[]; transaction_reference?: string }>, res: MedusaResponse) => {
    const results: { id: string; ok: boolean; status?: string; message?: string }[] = []
    for (const id of req.validatedBody.ids) {
      try {
        const { result } = await reviewWithdrawalWorkflow(req.scope).run({
          input: {
            id,
            action,
            actor_id: req.auth_context.actor_id,
            transaction_reference: req.validatedBody.transaction_reference ?? null,
          },
        })
        results.push({ id, ok: true, status: result.status })
      } catch (error) {
        const e = asHttpError(error) as { message?: string }
        results.push({ id, ok: false, message: e.message ?? "failed" })
      }
    }
    res.json({
      results,
      succeeded: results.filter((r) => r.ok).length,
      failed: results.filter((r) => !r.ok).length,
    })
  }
