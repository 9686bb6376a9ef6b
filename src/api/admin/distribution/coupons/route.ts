import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CouponSource } from "../../../../modules/distribution/constants"
import { issueDistributorCouponWorkflow } from "../../../../workflows"
import { presentCoupons, retrieveCoupon } from "../../../../lib/coupons"
import { distributionService } from "../../../utils/container"
import { escapeLike } from "../../../../modules/distribution/queries/distributor-search"
import { runWorkflow } from "../../../utils/workflow"
import { AdminIssueCouponType, AdminListCouponsType } from "./validators"

/** GET /admin/distribution/coupons: the distributor coupons, newest first, with their offer, owner and figures (q: part of the code). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset, status, distributor_id, promotion_id, code, q } = req.validatedQuery as AdminListCouponsType
  const filters: Record<string, unknown> = {}
  if (status) filters.status = status
  if (distributor_id) filters.distributor_id = distributor_id
  if (promotion_id) filters.promotion_id = promotion_id
  if (code) filters.code = code.toUpperCase()
  if (q) filters.code = { ...(code ? { $eq: code.toUpperCase() } : {}), $ilike: `%${escapeLike(q)}%` }
  const [rows, count] = await distributionService(req).listAndCountDistributorCoupons(filters, {
    take: limit,
    skip: offset,
    order: { created_at: "DESC", id: "ASC" },
  })
  res.json({ coupons: await presentCoupons(req.scope, rows), count, limit, offset })
}

/** POST /admin/distribution/coupons: issues a distributor its coupon (whatever the issue setting). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminIssueCouponType>, res: MedusaResponse) => {
  const coupon = await runWorkflow(issueDistributorCouponWorkflow, req.scope, {
    ...req.validatedBody,
    source: CouponSource.ADMIN,
    actor_id: req.auth_context.actor_id,
  })
  res.status(201).json({ coupon: await retrieveCoupon(req.scope, coupon.id) })
}
