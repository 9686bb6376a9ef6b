import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { pgTextArray } from "../utils/sql"
import { LEVEL_STATS_SQL, levelTotals } from "./level-stats"

/**
 * Levels: the one default (a unique partial index keeps it one), a
 * distributor's level set by an admin, and the automatic upgrade measured by
 * LEVEL_STATS_SQL.
 */

export type LevelStatsRow = {
  id: string
  level_id: string | null
  rank: number | string
  direct_count: number
  personal_sales: string
  team_sales: string
  orders: number | string
}

/** A level with at least one upgrade threshold: only those are reached automatically. */
const HAS_THRESHOLD = (l: string) =>
  `(${l}.upgrade_personal_sales IS NOT NULL OR ${l}.upgrade_team_sales IS NOT NULL
    OR ${l}.upgrade_direct_recruits IS NOT NULL OR ${l}.upgrade_orders IS NOT NULL)`

/** Whether figures `s` (LEVEL_STATS_SQL's) meet level `l`'s thresholds on the kept totals: sales and orders. */
const MEETS_TOTALS_THRESHOLDS = (l: string, s: string) =>
  `(${l}.upgrade_personal_sales IS NULL OR ${s}.personal_sales >= ${l}.upgrade_personal_sales)
        AND (${l}.upgrade_team_sales IS NULL OR ${s}.team_sales >= ${l}.upgrade_team_sales)
        AND (${l}.upgrade_orders IS NULL OR ${s}.orders >= ${l}.upgrade_orders)`

/** Whether figures `s` meet every threshold of level `l`: the totals' and direct recruits. */
const MEETS_THRESHOLDS = (l: string, s: string) =>
  `${MEETS_TOTALS_THRESHOLDS(l, s)}
        AND (${l}.upgrade_direct_recruits IS NULL OR ${s}.direct_count >= ${l}.upgrade_direct_recruits)`

export async function defaultLevelId(manager: EntityManager): Promise<string | null> {
  const [row] = await manager.execute(
    `SELECT id FROM distribution_level WHERE is_default = true AND deleted_at IS NULL LIMIT 1`
  )
  return row?.id ?? null
}

/** Makes `id` the one default level. */
export async function setDefaultLevel(manager: EntityManager, id: string): Promise<void> {
  await manager.execute(
    `UPDATE distribution_level SET is_default = false, updated_at = now()
      WHERE is_default = true AND id <> ? AND deleted_at IS NULL`,
    [id]
  )
  await manager.execute(`UPDATE distribution_level SET is_default = true, updated_at = now() WHERE id = ?`, [id])
}

export async function lockLevel(
  manager: EntityManager,
  id: string
): Promise<{ id: string; is_default: boolean } | undefined> {
  const [level]: { id: string; is_default: boolean }[] = await manager.execute(
    `SELECT id, is_default FROM distribution_level
      WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
    [id]
  )
  return level
}

/** A level share-locked, so it cannot be deleted while a distributor is put on it. */
export async function shareLevel(
  manager: EntityManager,
  id: string
): Promise<{ id: string; name: string; rank: number } | undefined> {
  const [level]: { id: string; name: string; rank: number }[] = await manager.execute(
    `SELECT id, name, rank FROM distribution_level WHERE id = ? AND deleted_at IS NULL FOR SHARE`,
    [id]
  )
  return level
}

/** Moves every distributor of level `from` to level `to`; how many moved. */
export async function reassignLevel(manager: EntityManager, from: string, to: string | null): Promise<number> {
  const moved = await manager.execute(
    `UPDATE distribution_distributor SET level_id = ?, updated_at = now()
      WHERE level_id = ? RETURNING id`,
    [to, from]
  )
  return moved.length
}

export async function deleteLevel(manager: EntityManager, id: string): Promise<void> {
  await manager.execute(`DELETE FROM distribution_level WHERE id = ?`, [id])
}

export async function lockDistributorLevel(
  manager: EntityManager,
  distributorId: string
): Promise<{ level_id: string | null } | undefined> {
  const [row]: { level_id: string | null }[] = await manager.execute(
    `SELECT level_id FROM distribution_distributor WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
    [distributorId]
  )
  return row
}

export async function setDistributorLevel(
  manager: EntityManager,
  distributorId: string,
  levelId: string | null
): Promise<void> {
  await manager.execute(`UPDATE distribution_distributor SET level_id = ?, updated_at = now() WHERE id = ?`, [
    levelId,
    distributorId,
  ])
}

export async function levelStats(manager: EntityManager, distributorIds: string[], currencyCode: string): Promise<LevelStatsRow[]> {
  return await manager.execute(LEVEL_STATS_SQL, [currencyCode.toLowerCase(), pgTextArray(distributorIds)])
}

/**
 * Of these distributors, those that could climb: below some level with a
 * threshold, and meeting that level's thresholds on their kept totals in the
 * programme's currency (a necessary condition; levelUpgradeTargets decides).
 * The totals are read first and the distributors' own rows only for those
 * that meet some level's: a settlement batch has just changed its earners'
 * totals, so those pages are at hand, where a thousand earners' own rows are
 * a thousand reads spread over the distributors table, and most earners are
 * below every threshold (bench/README.md, "What a run changes, page by page,
 * and the job's reads"). `reaching` (materialized, so it is filtered before
 * any distributor is read) keeps those meeting any level's; the rank then
 * narrows it to a level above their own.
 */
export async function levelClimbers(manager: EntityManager, distributorIds: string[], currencyCode: string): Promise<string[]> {
  const rows: { id: string }[] = await manager.execute(
    `WITH reaching AS MATERIALIZED (
       SELECT s.* FROM (
         SELECT e.id, ${levelTotals("t")}
           FROM unnest(?::text[]) AS e(id)
           LEFT JOIN distribution_commission_total t ON t.distributor_id = e.id AND t.currency_code = ?
       ) s
        WHERE EXISTS (
          SELECT 1 FROM distribution_level lv
           WHERE lv.deleted_at IS NULL AND ${HAS_THRESHOLD("lv")} AND ${MEETS_TOTALS_THRESHOLDS("lv", "s")})
     )
     SELECT d.id FROM reaching r
       JOIN distribution_distributor d ON d.id = r.id
       LEFT JOIN distribution_level l ON l.id = d.level_id
      WHERE EXISTS (
          SELECT 1 FROM distribution_level up
           WHERE up.deleted_at IS NULL AND up.rank > coalesce(l.rank, -1)
             AND ${HAS_THRESHOLD("up")} AND ${MEETS_TOTALS_THRESHOLDS("up", "r")})`,
    [pgTextArray(distributorIds), currencyCode.toLowerCase()]
  )
  return rows.map((r) => r.id)
}

export type LevelUpgrade = { id: string; from_level_id: string | null; to_level_id: string }

/** The highest level above its own whose every threshold each distributor meets. */
export async function levelUpgradeTargets(manager: EntityManager, distributorIds: string[], currencyCode: string): Promise<LevelUpgrade[]> {
  return await manager.execute(
    `WITH stats AS (${LEVEL_STATS_SQL}
     )
     SELECT DISTINCT ON (s.id) s.id, s.level_id AS from_level_id, lv.id AS to_level_id
       FROM stats s
       JOIN distribution_level lv ON lv.deleted_at IS NULL AND lv.rank > s.rank
        AND ${HAS_THRESHOLD("lv")} AND ${MEETS_THRESHOLDS("lv", "s")}
      ORDER BY s.id, lv.rank DESC`,
    [currencyCode.toLowerCase(), pgTextArray(distributorIds)]
  )
}

/**
 * Applies upgrades. Rows are locked in id order (two batches locking in
 * different orders could deadlock), and a level changed since it was read
 * (by another batch, or an admin) is left alone, so nobody ever goes down.
 */
export async function applyLevelUpgrades(manager: EntityManager, upgrades: LevelUpgrade[]): Promise<LevelUpgrade[]> {
  await manager.execute(`SELECT id FROM distribution_distributor WHERE id = ANY(?::text[]) ORDER BY id FOR UPDATE`, [
    pgTextArray(upgrades.map((t) => t.id)),
  ])
  return await manager.execute(
    `UPDATE distribution_distributor d SET level_id = t.to_level_id, updated_at = now()
       FROM unnest(?::text[], ?::text[], ?::text[]) AS t(id, from_level_id, to_level_id)
      WHERE d.id = t.id AND d.level_id IS NOT DISTINCT FROM t.from_level_id
     RETURNING d.id, t.from_level_id, t.to_level_id`,
    [
      pgTextArray(upgrades.map((t) => t.id)),
      pgTextArray(upgrades.map((t) => t.from_level_id)),
      pgTextArray(upgrades.map((t) => t.to_level_id)),
    ]
  )
}
