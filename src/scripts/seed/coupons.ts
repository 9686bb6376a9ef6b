import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createCampaignsWorkflow, createPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { CouponSource, DISTRIBUTION_MODULE } from "../../modules/distribution/constants"
import DistributionModuleService from "../../modules/distribution/service"
import { pgTextArray } from "../../modules/distribution/utils/sql"
import { DistributorDTO } from "../../modules/distribution/types"
import { issueDistributorCouponWorkflow } from "../../workflows"
import { DISTRIBUTORS } from "./programme-data"

/**
 * Distributor coupons (分销商优惠券) in the demo: the merchant's template — 10 %
 * off the items, in a campaign whose budget lets each customer use one of its
 * coupons once (新人券) — chosen in the programme's settings, and a coupon
 * cloned from it for every active distributor, issued two weeks before the
 * seed's first run. Some demo orders check out with one (orders-data.ts).
 */
export const DEMO_COUPON_TEMPLATE = {
  campaign: {
    name: "分销商专属券",
    campaign_identifier: "demo-distributor-coupons",
    description: "每位分销商一张专属券：新客立减 10%，每位顾客限用一次",
  },
  code: "DEMO-COUPON-TEMPLATE",
  /** Percent off the items. */
  value: 10,
}

/** When the coupons were issued, in days before the seed's first run (after every approval, before every coupon order). */
export const COUPONS_ISSUED = 14

/** Who gets a coupon: every distributor active in the story. */
export const COUPON_OWNERS = DISTRIBUTORS.filter((d) => d.status === "active").map((d) => d.email)

const DAY = 24 * 3600 * 1000

/** The template promotion and its campaign, found by their code and identifier, made when missing. */
async function seedTemplate(container: MedusaContainer) {
  const promotions = container.resolve(Modules.PROMOTION)
  const [existing] = await promotions.listPromotions({ code: DEMO_COUPON_TEMPLATE.code }, { select: ["id"] })
  if (existing) {
    return { template_id: existing.id, created: 0 }
  }
  let [campaign] = await promotions.listCampaigns(
    { campaign_identifier: [DEMO_COUPON_TEMPLATE.campaign.campaign_identifier] },
    { select: ["id"] }
  )
  if (!campaign) {
    const { result } = await createCampaignsWorkflow(container).run({
      input: {
        campaignsData: [
          { ...DEMO_COUPON_TEMPLATE.campaign, budget: { type: "use_by_attribute", attribute: "customer_id", limit: 1 } },
        ],
      },
    })
    campaign = result[0]
  }
  const {
    result: [template],
  } = await createPromotionsWorkflow(container).run({
    input: {
      promotionsData: [
        {
          code: DEMO_COUPON_TEMPLATE.code,
          type: "standard",
          // The template itself is never used at checkout: only its clones.
          status: "inactive",
          campaign_id: campaign.id,
          application_method: { type: "percentage", target_type: "items", allocation: "across", value: DEMO_COUPON_TEMPLATE.value },
        },
      ],
    },
  })
  return { template_id: template.id, created: 1 }
}

/**
 * The template, chosen in the settings when no template is (an admin's choice
 * made later stays), and a coupon for each active distributor still without
 * one, issued as an admin would, dated back to COUPONS_ISSUED.
 */
export async function seedCoupons(
  container: MedusaContainer,
  input: { anchor: Date; distributorByEmail: Map<string, DistributorDTO> }
) {
  const distribution = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  const { template_id, created: templates } = await seedTemplate(container)
  const settings = await distribution.getSettings()
  if (!settings.coupon_template_promotion_id) {
    await distribution.updateSettings({ coupon_template_promotion_id: template_id })
  }
  const owners = COUPON_OWNERS.map((email) => input.distributorByEmail.get(email)!)
  const existing = await distribution.listDistributorCoupons({ distributor_id: owners.map((d) => d.id) }, { take: null })
  const issued = new Set(existing.map((c) => c.distributor_id))
  let created = 0
  for (const owner of owners.filter((d) => !issued.has(d.id))) {
    await issueDistributorCouponWorkflow(container).run({
      input: { distributor_id: owner.id, source: CouponSource.ADMIN, actor_id: "demo-seed" },
    })
    created++
  }
  // Issued in the story two weeks ago: the coupons and their audit rows a run made after the anchor.
  const at = new Date(input.anchor.getTime() - COUPONS_ISSUED * DAY)
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  await pg.raw(
    `UPDATE distribution_coupon SET created_at = ?, updated_at = ?
      WHERE distributor_id = ANY(?::text[]) AND source = 'admin' AND created_at > ?`,
    [at, at, pgTextArray(owners.map((d) => d.id)), input.anchor]
  )
  await pg.raw(
    `UPDATE distribution_audit_log SET created_at = ?, updated_at = ?
      WHERE action = 'coupon.issue' AND actor_id = 'demo-seed' AND created_at > ?`,
    [at, at, input.anchor]
  )
  return { template_id, created: { "coupon templates": templates, coupons: created } }
}
