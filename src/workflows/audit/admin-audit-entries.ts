import { AuditActorType } from "../../modules/distribution/constants"
import { AuditEntry } from "../../modules/distribution/types"

/** Who made an admin change, as an admin workflow's input carries it. */
export type AdminActor = { actor_id?: string | null }

/**
 * The audit row of an admin change: `adminAuditEntries(action, entity_type)`
 * gives the function a workflow's transform calls with the actor, the entity's
 * id and the data to record.
 */
export const adminAuditEntries =
  (action: string, entity_type: string) =>
  ({ actor_id, id, data }: AdminActor & { id: string; data: unknown }): AuditEntry[] => [
    {
      actor_type: AuditActorType.ADMIN,
      actor_id: actor_id ?? null,
      action,
      entity_type,
      entity_id: id,
      data: data as Record<string, unknown> | null,
    },
  ]
