import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../modules/distribution"
import DistributionModuleService from "../../modules/distribution/service"
import { AuditEntry } from "../../modules/distribution/types"

export const recordAuditStepId = "record-distribution-audit"

/** Appends audit rows; a rolled-back workflow removes the rows it wrote. */
export const recordAuditStep = createStep(
  recordAuditStepId,
  async (entries: AuditEntry[], { container }) => {
    if (!entries.length) {
      return new StepResponse([], [] as string[])
    }
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const rows = await service.createDistributionAuditLogs(
      entries.map((e) => ({ ...e, actor_id: e.actor_id ?? null, data: e.data ?? null }))
    )
    return new StepResponse(rows, rows.map((r) => r.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.deleteDistributionAuditLogs(ids)
  }
)
