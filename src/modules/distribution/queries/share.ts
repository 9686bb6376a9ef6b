import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { newSceneToken, ShareTargetInput, shareKey } from "../utils/share"
import { newId } from "../utils/ids"

/**
 * Share tokens: made once per (distributor, target, path) and reused. The
 * insert does nothing on any unique violation (the same target made by a
 * concurrent request, or a token drawn twice); what is still missing after
 * it is drawn again.
 */
export type ShareSceneRow = { scene: string; distributor_id: string; target_type: string; target_id: string | null; path: string }

async function scenesOf(manager: EntityManager, distributorId: string, targets: ShareTargetInput[]): Promise<ShareSceneRow[]> {
  const values = targets.map(() => "(?::text, ?::text, ?::text)").join(", ")
  return await manager.execute(
    `SELECT s.scene, s.distributor_id, s.target_type, s.target_id, s.path
       FROM distribution_share_scene s
       JOIN (VALUES ${values}) AS t(target_type, target_id, path)
         ON s.target_type = t.target_type AND coalesce(s.target_id, '') = coalesce(t.target_id, '') AND md5(s.path) = md5(t.path)
      WHERE s.distributor_id = ? AND s.deleted_at IS NULL`,
    [...targets.flatMap((t) => [t.type, t.id, t.path]), distributorId]
  )
}

export async function ensureScenes(manager: EntityManager, distributorId: string, targets: ShareTargetInput[]): Promise<ShareSceneRow[]> {
  const unique = [...new Map(targets.map((t) => [shareKey(t), t])).values()]
  if (!unique.length) {
    return []
  }
  let found = await scenesOf(manager, distributorId, unique)
  for (let attempt = 0; attempt < 5; attempt++) {
    const have = new Set(found.map((r) => shareKey({ type: r.target_type, id: r.target_id, path: r.path })))
    const missing = unique.filter((t) => !have.has(shareKey(t)))
    if (!missing.length) {
      return found
    }
    await manager.execute(
      `INSERT INTO distribution_share_scene (id, scene, distributor_id, target_type, target_id, path)
       VALUES ${missing.map(() => "(?, ?, ?, ?, ?, ?)").join(", ")}
       ON CONFLICT DO NOTHING`,
      missing.flatMap((t) => [newId("dshr"), newSceneToken(), distributorId, t.type, t.id, t.path])
    )
    found = await scenesOf(manager, distributorId, unique)
  }
  throw new Error("Could not make a unique share token after 5 attempts")
}

export async function sceneByToken(manager: EntityManager, scene: string): Promise<ShareSceneRow | null> {
  const [row] = await manager.execute(
    `SELECT scene, distributor_id, target_type, target_id, path FROM distribution_share_scene WHERE scene = ? AND deleted_at IS NULL`,
    [scene]
  )
  return (row as ShareSceneRow | undefined) ?? null
}
