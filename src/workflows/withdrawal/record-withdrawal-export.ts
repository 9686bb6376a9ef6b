import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActorType } from "../../modules/distribution/constants"
import { recordAuditStep } from "../audit/record-audit-step"

export type RecordWithdrawalExportWorkflowInput = {
  actor_id: string
  filters: Record<string, unknown>
  withdrawal_ids: string[]
}

/**
 * The finance export is the one place payout accounts leave in full, so every
 * export is written to the audit log (who, when, which filters, which requests)
 * before the file is sent.
 */
export const recordWithdrawalExportWorkflow = createWorkflow(
  "record-distribution-withdrawal-export",
  (input: RecordWithdrawalExportWorkflowInput) => {
    const rows = recordAuditStep(
      transform({ input }, ({ input }) => [
        {
          actor_type: AuditActorType.ADMIN,
          actor_id: input.actor_id,
          action: "withdrawal.export",
          entity_type: "withdrawal",
          entity_id: "export",
          data: { filters: input.filters, count: input.withdrawal_ids.length, withdrawal_ids: input.withdrawal_ids },
        },
      ])
    )
    return new WorkflowResponse(rows)
  }
)
