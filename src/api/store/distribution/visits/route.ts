import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recordVisitWorkflow } from "../../../../workflows"
import { VisitSource } from "../../../../modules/distribution/constants"
import { runWorkflow } from "../../../utils/workflow"
import { referralTerms } from "../../../../lib/share"
import { StoreRecordVisitType } from "./validators"

/**
 * Records a visit through a referral link, code or QR (publishable key, no
 * login). The visitor is the storefront's anonymous id, else the client's
 * address and user agent; only a salted hash of it is stored. The answer says
 * how long the storefront keeps the code and the referrer's coupon to apply.
 */
export const POST = async (req: MedusaRequest<StoreRecordVisitType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const visitor =
    body.visitor_id ?? `${req.ip ?? ""}|${req.get("user-agent") ?? ""}`
  const result = await runWorkflow(recordVisitWorkflow, req.scope, {
    referral_code: body.referral_code,
    source: body.source as VisitSource,
    landing_path: body.landing_path ?? null,
    visitor,
  })
  res.status(result.recorded ? 201 : 200).json({
    recorded: result.recorded,
    referral_code: result.referral_code,
    ...(await referralTerms(req.scope, result.distributor_id)),
  })
}
