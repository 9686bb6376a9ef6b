import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import { GroupBuyStatus, GroupOverflow, SaleCommission } from "../../../modules/distribution/constants"
import DistributionModuleService from "../../../modules/distribution/service"
import { DistributionGroupBuyDTO } from "../../../modules/distribution/types"
import { GroupPrice, groupBuyRefusal } from "../../../modules/distribution/utils/group-buy"
import { refusalError } from "../../../modules/distribution/utils/refusal"
import { activityVariantLabels } from "../../../lib/activity/variants"

export type GroupBuyFields = {
  name: string
  starts_at: Date
  ends_at: Date
  group_size: number
  time_limit_minutes: number
  reservation_minutes: number
  per_order_limit: number | null
  per_customer_limit: number | null
  virtual_threshold: number | null
  overflow: GroupOverflow
  commission_policy: SaleCommission
  rate_bps_1: number | null
  rate_bps_2: number | null
  rate_bps_3: number | null
  leader_bonus_bps: number | null
  prices: GroupPrice[]
}

type Row = Omit<Partial<DistributionGroupBuyDTO>, "id">

export type SaveGroupBuyInput = { id?: string; fields: Partial<GroupBuyFields> }

/**
 * Creates or changes an activity after checking the whole result: its rules
 * (utils/group-buy.ts), that every priced variant exists, and that no other
 * flash sale or group buy holds one of them in its window (409, the service's
 * one-activity-per-variant check). A closed activity cannot change (409). The compensation puts the row back.
 */
export const saveGroupBuyStep = createStep(
  "save-distribution-group-buy",
  async (input: SaveGroupBuyInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    let previous: DistributionGroupBuyDTO | null = null
    if (input.id) {
      ;[previous] = await service.listDistributionGroupBuys({ id: input.id })
      if (!previous) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Group buy ${input.id} was not found`)
      }
      if (previous.status === GroupBuyStatus.CLOSED) {
        throw new MedusaError(MedusaError.Types.CONFLICT, `The group buy "${previous.name}" is closed and cannot change`)
      }
    }
    const merged = { ...(previous ?? {}), ...input.fields } as GroupBuyFields
    const refusal = groupBuyRefusal({
      starts_at: new Date(merged.starts_at),
      ends_at: new Date(merged.ends_at),
      group_size: merged.group_size,
      time_limit_minutes: merged.time_limit_minutes,
      per_order_limit: merged.per_order_limit ?? null,
      per_customer_limit: merged.per_customer_limit ?? null,
      virtual_threshold: merged.virtual_threshold ?? null,
      prices: merged.prices,
    })
    if (refusal) {
      throw refusalError(refusal)
    }
    if (input.fields.prices) {
      const ids = [...new Set(input.fields.prices.map((p) => p.variant_id))]
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "variant", fields: ["id"], filters: { id: ids } })
      const known = new Set(data.map((v: { id: string }) => v.id))
      const unknown = ids.filter((id) => !known.has(id))
      if (unknown.length) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown variant(s): ${unknown.join(", ")}`)
      }
    }
    const saved = await service.saveGroupBuy({
      id: previous?.id,
      data: input.fields as Record<string, unknown>,
      variant_labels: await activityVariantLabels(container, merged.prices.map((p) => p.variant_id)),
    })
    return new StepResponse(saved, { id: saved.id, previous })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    if (!undo.previous) {
      await service.deleteDistributionGroupBuys(undo.id)
      return
    }
    const { created_at: _c, updated_at: _u, deleted_at: _d, ...fields } = undo.previous as DistributionGroupBuyDTO & { deleted_at?: unknown }
    await service.updateDistributionGroupBuys({ ...(fields as unknown as Row), id: undo.id })
  }
)
