import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../modules/distribution"
import { CouponStatus, DistributorStatus } from "../modules/distribution/constants"
import DistributionModuleService from "../modules/distribution/service"
import { DistributorDTO } from "../modules/distribution/types"
import { referralUrl } from "../modules/distribution/utils/referral-link"
import { SharePayload, sharePayload, ShareTargetInput, shareKey } from "../modules/distribution/utils/share"
import { ensureShareScenesWorkflow } from "../workflows/share/ensure-share-scenes"
import { runWorkflow } from "../api/utils/workflow"

/** Who shares: an active distributor with a code, in a store whose URL is configured. */
export type Sharer = { distributor_id: string; code: string; store_url: string }

/** The distributor as a sharer, or null when it may not share (not active, no code, no store_url). */
export function sharerOf(service: DistributionModuleService, me: DistributorDTO | null): Sharer | null {
  const storeUrl = service.getOptions().store_url
  if (!me || me.status !== DistributorStatus.ACTIVE || !me.referral_code || !storeUrl) {
    return null
  }
  return { distributor_id: me.id, code: me.referral_code, store_url: storeUrl }
}

/**
 * The share payloads of a sharer's targets, in their order: each one's URL
 * (the store path with the referral code) and its mini-program page and scene
 * (a token made on first share and reused after).
 */
export async function sharesOf(container: MedusaContainer, sharer: Sharer, targets: ShareTargetInput[]): Promise<SharePayload[]> {
  if (!targets.length) {
    return []
  }
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const [rows, settings] = await Promise.all([
    runWorkflow(ensureShareScenesWorkflow, container, { distributor_id: sharer.distributor_id, targets }),
    service.getSettings(),
  ])
  const sceneOf = new Map(rows.map((r) => [shareKey({ type: r.target_type, id: r.target_id, path: r.path }), r.scene]))
  return targets.map((t) =>
    sharePayload({
      url: referralUrl(sharer.store_url, t.path, sharer.code),
      mini_program_page: settings.mini_program_page,
      scene: sceneOf.get(shareKey(t))!,
    })
  )
}

/**
 * What a scene stands for: the sharer's referral code, the target and the
 * H5/PC URL. A token nobody made, or one of a distributor who may no longer
 * share, is a 404.
 */
export async function resolveShare(container: MedusaContainer, scene: string) {
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const row = await service.retrieveShareScene(scene)
  const [owner] = row ? await service.listDistributors({ id: row.distributor_id }) : []
  const sharer = sharerOf(service, (owner as DistributorDTO | undefined) ?? null)
  if (!row || !sharer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No share has the scene ${scene}`)
  }
  return {
    scene: row.scene,
    referral_code: sharer.code,
    target: { type: row.target_type, id: row.target_id },
    path: row.path,
    url: referralUrl(sharer.store_url, row.path, sharer.code),
    ...(await referralTerms(container, row.distributor_id)),
  }
}

/**
 * What a storefront needs to keep a referral: how long it holds (the
 * programme's binding_days; 0: it does not lapse) and the referrer's active
 * coupon code to apply to the cart (null: none).
 */
export async function referralTerms(container: MedusaContainer, distributorId: string) {
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const [settings, [coupon]] = await Promise.all([
    service.getSettings(),
    service.listDistributorCoupons({ distributor_id: distributorId, status: CouponStatus.ACTIVE }),
  ])
  return { binding_days: settings.binding_days, coupon_code: coupon?.code ?? null }
}
