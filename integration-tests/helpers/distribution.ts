import { MedusaContainer } from "@medusajs/framework/types"
import { createCampaignsWorkflow, createPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { AxiosInstance } from "axios"
import { DISTRIBUTION_MODULE } from "../../src/modules/distribution"
import DistributionModuleService from "../../src/modules/distribution/service"
import { Headers, registerCustomer, StoreCustomer } from "./auth"

export const service = (container: MedusaContainer): DistributionModuleService =>
  container.resolve(DISTRIBUTION_MODULE)

let sequence = 0
export const uniqueEmail = (name: string) => `${name.toLowerCase()}.${Date.now()}.${++sequence}@example.com`

export type Distributor = StoreCustomer & { distributor_id: string; code: string | null }

/**
 * Makes an active distributor the way a real one is made: the customer
 * registers, binds to its inviter's code (if any), applies, and an admin
 * approves when the programme reviews applications.
 */
export async function makeDistributor(
  api: AxiosInstance,
  ctx: { pk: string; admin: Headers },
  input: { name: string; parent?: Distributor | null }
): Promise<Distributor> {
  const customer = await registerCustomer(api, ctx.pk, {
    email: uniqueEmail(input.name),
    first_name: input.name,
    last_name: "Test",
  })
  const applied = await api
    .post(
      "/store/distribution/apply",
      { name: input.name, phone: "13800138000", reason: "I share products with friends", referral_code: input.parent?.code ?? undefined },
      customer
    )
    .catch((e) => {
      throw new Error(`apply failed: ${e.response?.status} ${JSON.stringify(e.response?.data)}`)
    })
  let distributor = applied.data.distributor
  if (distributor.status === "pending") {
    const approved = await api.post(
      `/admin/distribution/distributors/${distributor.id}/approve`,
      {},
      ctx.admin
    )
    distributor = approved.data.distributor
  }
  return { ...customer, distributor_id: distributor.id, code: distributor.referral_code }
}

export async function updateSettings(
  api: AxiosInstance,
  admin: Headers,
  settings: Record<string, unknown>
) {
  return (await api.post("/admin/distribution/settings", settings, admin)).data.settings
}

/** Runs a request expected to fail and returns its response (status + body). */
export async function failure(request: Promise<unknown>) {
  try {
    const response = await request
    throw new Error(`Expected the request to fail, got ${JSON.stringify((response as { status?: number }).status)}`)
  } catch (e) {
    const error = e as { response?: { status: number; data: { message: string; type: string }; headers: Record<string, string> } }
    if (!error.response) {
      throw e
    }
    return error.response
  }
}

/**
 * The merchant's template, built as in Medusa Admin: 10 % off the items, in a
 * campaign whose budget lets each customer use it once (新人券).
 */
export async function makeTemplate(container: MedusaContainer) {
  const { result: [campaign] } = await createCampaignsWorkflow(container).run({
    input: {
      campaignsData: [
        {
          name: "分销商优惠券",
          campaign_identifier: "distribution-coupons",
          budget: { type: "use_by_attribute", attribute: "customer_id", limit: 1 },
        },
      ],
    },
  })
  const { result: [template] } = await createPromotionsWorkflow(container).run({
    input: {
      promotionsData: [
        {
          code: "DIST-TEMPLATE",
          type: "standard",
          status: "inactive",
          campaign_id: campaign.id,
          application_method: { type: "percentage", target_type: "items", allocation: "across", value: 10 },
        },
      ],
    },
  })
  return { template, campaign }
}

/**
 * Closes every active flash sale and group buy, as a merchant ends a campaign:
 * a variant is in one activity at a time, so a test starts with its variants free.
 */
export async function closeActivities(api: AxiosInstance, admin: Headers) {
  for (const [path, key] of [["flash-sales", "flash_sales"], ["group-buys", "group_buys"]] as const) {
    const { data } = await api.get(`/admin/distribution/${path}?status=active&limit=100`, admin)
    for (const { id } of data[key] as { id: string }[]) {
      await api.post(`/admin/distribution/${path}/${id}/close`, {}, admin)
    }
  }
}
