import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { DistributorStatus } from "../constants"
import { DistributorAction } from "../utils/distributor-status"
import { isUniqueViolation, pgTextArray } from "../utils/sql"
import { likePrefix } from "../utils/tree-path"
import { TreePosition } from "../types"

/**
 * The distributor tree: a materialised path per distributor (`/root/…/self/`)
 * and its depth, in the narrow table `distribution_distributor_tree`
 * (Migration20261206100000), and counters of the whole subtree (team_size) and
 * of direct recruits kept on every ancestor's distributor row. Reads go through
 * the tree table's (depth, path) and path indexes, never a walk of the tree.
 * This file is the one writer of the tree table: a registration inserts its
 * row with the distributor's, a move rewrites the moved rows' paths there (and
 * its root's parent on the distributor), a deletion cascades to it.
 */

/** The tree table: one row per distributor (soft-deleted ones flagged, as on the distributor). */
export const TREE_TABLE = "distribution_distributor_tree"

/**
 * Every change to the tree's shape (an insert under a parent, a move) takes this
 * advisory lock: inserts share it, moves hold it alone, so a path is never derived
 * from a parent that is being moved, on any instance.
 */
const TREE_LOCK_KEY = 7_400_210_001

export type TreeRow = {
  id: string
  path: string
  depth: number
  parent_id: string | null
  status: DistributorStatus
  team_size: number
  referral_code: string | null
}

/** Taken by an insert or a removal of a leaf: many at once, never during a move. */
export async function lockTreeShared(manager: EntityManager): Promise<void> {
  await manager.execute("SELECT pg_advisory_xact_lock_shared(?)", [TREE_LOCK_KEY])
}

/** Taken by a move: alone. */
export async function lockTreeExclusive(manager: EntityManager): Promise<void> {
  await manager.execute("SELECT pg_advisory_xact_lock(?)", [TREE_LOCK_KEY])
}

/**
 * A parent's place in the tree, locked so it cannot go while a child is
 * inserted. Locked for the update of its counters (addToUpline) from the
 * start: two inserts under one parent that each held a share lock would both
 * wait for the other's to update it (a deadlock), so they queue here instead.
 */
export async function lockParent(
  manager: EntityManager,
  id: string
): Promise<Pick<TreeRow, "id" | "path" | "depth"> | undefined> {
  const [row]: Pick<TreeRow, "id" | "path" | "depth">[] = await manager.execute(
    `SELECT d.id, t.path, t.depth
       FROM distribution_distributor d JOIN ${TREE_TABLE} t ON t.id = d.id
      WHERE d.id = ? AND d.deleted_at IS NULL FOR NO KEY UPDATE OF d`,
    [id]
  )
  return row
}

export async function lockTreeRow(manager: EntityManager, id: string): Promise<TreeRow | undefined> {
  const [row] = (await manager.execute(
    `SELECT d.id, t.path, t.depth, d.parent_id, d.status, d.team_size, d.referral_code
       FROM distribution_distributor d JOIN ${TREE_TABLE} t ON t.id = d.id
      WHERE d.id = ? AND d.deleted_at IS NULL FOR UPDATE OF d`,
    [id]
  )) as TreeRow[]
  return row
}

/** Inserts a distributor row and its place in the tree; false when the customer already has one. */
export async function insertDistributor(
  manager: EntityManager,
  row: {
    id: string
    customer_id: string
    email: string | null
    display_name: string | null
    parent_id: string | null
    path: string
    depth: number
    status: DistributorStatus
    application: string | null
    level_id: string | null
  }
): Promise<boolean> {
  const active = row.status === DistributorStatus.ACTIVE
  const inserted = await manager.execute(
    `WITH d AS (
       INSERT INTO distribution_distributor (id, customer_id, email, display_name,
         parent_id, status, application, level_id, activated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ${active ? "now()" : "NULL"})
       ON CONFLICT (customer_id) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id, created_at)
     INSERT INTO ${TREE_TABLE} (id, path, depth, created_at)
     SELECT id, ?, ?, created_at FROM d
     RETURNING id`,
    [
      row.id,
      row.customer_id,
      row.email,
      row.display_name,
      row.parent_id,
      row.status,
      row.application,
      row.level_id,
      row.path,
      row.depth,
    ]
  )
  return inserted.length > 0
}

/**
 * Adds `team` to the team size of every distributor in `upline` and `direct`
 * to the direct count of `parent_id` (the nearest of them).
 *
 * The rows are locked first, deepest (nearest) first: every writer of counters locks a
 * chain of ancestors, and two chains share their upper part, so taking each
 * one's rows from the bottom up means no two writers can each hold a row the
 * other waits for (an UPDATE alone locks in the order it reads the rows,
 * which differs between transactions once rows have new versions).
 * Concurrent registrations under one upline used to deadlock here.
 */
export async function addToUpline(
  manager: EntityManager,
  input: { upline: string[]; parent_id: string | null; team: number; direct: number }
): Promise<void> {
  await manager.execute(
    `SELECT id FROM distribution_distributor WHERE id = ANY(?::text[])
      ORDER BY array_position(?::text[], id) FOR NO KEY UPDATE`,
    [pgTextArray(input.upline), pgTextArray(input.upline)]
  )
  await manager.execute(
    `UPDATE distribution_distributor
        SET team_size = team_size + ?,
            direct_count = direct_count + (CASE WHEN id = ? THEN ? ELSE 0 END)
      WHERE id = ANY(?::text[])`,
    [input.team, input.parent_id, input.direct, pgTextArray(input.upline)]
  )
}

/** Deletes a distributor that has no team (its place in the tree goes with it); what it deleted, if it did. */
export async function deleteLeaf(
  manager: EntityManager,
  id: string
): Promise<{ id: string; path: string; parent_id: string | null } | undefined> {
  const [row]: { id: string; path: string; parent_id: string | null }[] = await manager.execute(
    `DELETE FROM distribution_distributor d USING ${TREE_TABLE} t
      WHERE d.id = ? AND d.team_size = 0 AND t.id = d.id
     RETURNING d.id, t.path, d.parent_id`,
    [id]
  )
  return row
}

/** A rejected applicant's row back to `status` with new data (the caller checked it may apply again). */
export async function reapply(
  manager: EntityManager,
  input: { id: string; status: DistributorStatus; application: string | null }
): Promise<void> {
  await manager.execute(
    `UPDATE distribution_distributor
        SET status = ?, application = ?, reject_reason = NULL, reviewed_by = NULL,
            reviewed_at = NULL, updated_at = now(),
            activated_at = CASE WHEN ? THEN COALESCE(activated_at, now()) ELSE activated_at END
      WHERE id = ?`,
    [input.status, input.application, input.status === DistributorStatus.ACTIVE, input.id]
  )
}

export async function restoreDistributorState(
  manager: EntityManager,
  previous: {
    id: string
    status: DistributorStatus
    application: string | null
    reject_reason: string | null
    suspend_reason: string | null
    reviewed_by: string | null
    reviewed_at: Date | string | null
  }
): Promise<void> {
  await manager.execute(
    `UPDATE distribution_distributor
        SET status = ?, application = ?, reject_reason = ?, suspend_reason = ?,
            reviewed_by = ?, reviewed_at = ?, updated_at = now()
      WHERE id = ?`,
    [
      previous.status,
      previous.application,
      previous.reject_reason,
      previous.suspend_reason,
      previous.reviewed_by,
      previous.reviewed_at,
      previous.id,
    ]
  )
}

export async function lockDistributorStatus(
  manager: EntityManager,
  id: string
): Promise<{ id: string; status: DistributorStatus } | undefined> {
  const [row]: { id: string; status: DistributorStatus }[] = await manager.execute(
    `SELECT id, status FROM distribution_distributor
      WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
    [id]
  )
  return row
}

/**
 * Writes an admin's decision: the new status, who reviewed an application and
 * when, the reason of a rejection or a suspension (cleared on reinstatement),
 * and the first activation.
 */
export async function applyDistributorDecision(
  manager: EntityManager,
  input: { id: string; action: DistributorAction; to: DistributorStatus; actor_id: string | null; reason: string | null }
): Promise<void> {
  const reviewed = input.action === DistributorAction.APPROVE || input.action === DistributorAction.REJECT
  await manager.execute(
    `UPDATE distribution_distributor
        SET status = ?, updated_at = now(),
            reviewed_by = CASE WHEN ? THEN ? ELSE reviewed_by END,
            reviewed_at = CASE WHEN ? THEN now() ELSE reviewed_at END,
            reject_reason = CASE WHEN ? THEN ? ELSE reject_reason END,
            suspend_reason = CASE WHEN ? THEN ? WHEN ? THEN NULL ELSE suspend_reason END,
            activated_at = CASE WHEN ? THEN COALESCE(activated_at, now()) ELSE activated_at END
      WHERE id = ?`,
    [
      input.to,
      reviewed,
      input.actor_id,
      reviewed,
      input.action === DistributorAction.REJECT,
      input.reason,
      input.action === DistributorAction.SUSPEND,
      input.reason,
      input.action === DistributorAction.REINSTATE,
      input.to === DistributorStatus.ACTIVE,
      input.id,
    ]
  )
}

/**
 * Rewrites the paths and depths of a whole subtree in one UPDATE of the tree
 * table over its path index, and points its root at its new parent: the
 * distributors' own rows (and their eleven indexes) are not written but the
 * root's; how many rows moved.
 */
export async function moveSubtree(
  manager: EntityManager,
  input: { node: TreeRow; parent_id: string | null; path: string; depth: number }
): Promise<number> {
  const { node } = input
  const [{ moved }]: { moved: number }[] = await manager.execute(
    `WITH moved AS (
       UPDATE ${TREE_TABLE}
          SET path = ? || substr(path, ?), depth = depth + ?
        WHERE path LIKE ? ESCAPE '\\' AND deleted_at IS NULL
        RETURNING 1)
     SELECT count(*)::int AS moved FROM moved`,
    [input.path, node.path.length + 1, input.depth - node.depth, likePrefix(node.path)]
  )
  await manager.execute(
    `UPDATE distribution_distributor SET parent_id = ?, updated_at = now() WHERE id = ?`,
    [input.parent_id, node.id]
  )
  return moved
}

type AttributionRow = {
  buyer_id: string | null
  buyer_status: DistributorStatus | null
  binding_distributor_id: string | null
  code_owner_id: string | null
  code_owner_status: DistributorStatus | null
}

/**
 * Who an order can be attributed to, in one read: the buyer's own
 * distributor, the distributor of the buyer's binding valid at `at`, and the
 * owner of the cart's referral code (already normalised).
 */
export async function attributionCandidates(
  manager: EntityManager,
  input: { customer_id: string | null; code: string | null; at: Date }
): Promise<AttributionRow> {
  const [row]: AttributionRow[] = await manager.execute(
    `SELECT buyer.id AS buyer_id, buyer.status AS buyer_status,
            binding.distributor_id AS binding_distributor_id,
            owner.id AS code_owner_id, owner.status AS code_owner_status
       FROM (SELECT 1) one
       LEFT JOIN distribution_distributor buyer
         ON buyer.customer_id = ? AND buyer.deleted_at IS NULL
       LEFT JOIN distribution_referral_binding binding
         ON binding.customer_id = ? AND binding.deleted_at IS NULL
        AND (binding.expires_at IS NULL OR binding.expires_at > ?)
       LEFT JOIN distribution_distributor owner
         ON owner.referral_code = ? AND owner.deleted_at IS NULL`,
    [input.customer_id, input.customer_id, input.at, input.code]
  )
  return row
}

/**
 * A distributor and its upline, nearest first, at most `depth` of them, each
 * with its level's rates, read from the path in one statement. A soft-deleted
 * ancestor is left out and the next one takes its place.
 */
export async function commissionChain(
  manager: EntityManager,
  id: string,
  depth: number
): Promise<
  {
    id: string
    status: DistributorStatus
    level_id: string | null
    rate_bps_1: number
    rate_bps_2: number
    rate_bps_3: number
  }[]
> {
  return await manager.execute(
    `SELECT d.id, d.status, l.id AS level_id, l.rate_bps_1, l.rate_bps_2, l.rate_bps_3
       FROM ${TREE_TABLE} self
      CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM self.path), '/')) WITH ORDINALITY AS up(id, n)
       JOIN distribution_distributor d ON d.id = up.id AND d.deleted_at IS NULL
       LEFT JOIN distribution_level l ON l.id = d.level_id AND l.deleted_at IS NULL
      WHERE self.id = ? AND self.deleted_at IS NULL
      ORDER BY up.n DESC
      LIMIT ?`,
    [id, Math.max(depth, 1)]
  )
}

/** One page of the ids of a subtree's members at an absolute depth, newest first, and their count. */
export async function teamPage(
  manager: EntityManager,
  input: { path: string; depth: number; status?: string[]; limit: number; offset: number }
): Promise<{ ids: string[]; count: number }> {
  const params: unknown[] = [input.depth, likePrefix(input.path)]
  // The status is the distributor's: only a filtered page reads their rows.
  let from = `${TREE_TABLE} t`
  if (input.status?.length) {
    from += " JOIN distribution_distributor d ON d.id = t.id AND d.status = ANY(?::text[])"
    params.unshift(pgTextArray(input.status))
  }
  const where = `t.depth = ? AND t.path LIKE ? ESCAPE '\\' AND t.deleted_at IS NULL`
  const [{ count }] = await manager.execute(`SELECT count(*)::int AS count FROM ${from} WHERE ${where}`, params)
  const rows: { id: string }[] = await manager.execute(
    `SELECT t.id FROM ${from} WHERE ${where}
      ORDER BY t.created_at DESC, t.id DESC LIMIT ? OFFSET ?`,
    [...params, input.limit, input.offset]
  )
  return { ids: rows.map((r) => r.id), count }
}

/** The places in the tree of the given distributors, live ones only (as the module's reads of them). */
export async function positions(
  manager: EntityManager,
  ids: string[]
): Promise<Map<string, TreePosition>> {
  if (!ids.length) {
    return new Map()
  }
  const rows: ({ id: string } & TreePosition)[] = await manager.execute(
    `SELECT id, path, depth FROM ${TREE_TABLE} WHERE id = ANY(?::text[]) AND deleted_at IS NULL`,
    [pgTextArray(ids)]
  )
  return new Map(rows.map((r) => [r.id, { path: r.path, depth: r.depth }]))
}

/**
 * Gives a distributor without a code this one. The attempt runs in a
 * savepoint, so a collision on the unique index (another activation drew the
 * same code) returns false without aborting the caller's transaction.
 */
export async function trySetReferralCode(manager: EntityManager, id: string, code: string): Promise<boolean> {
  await manager.execute("SAVEPOINT distribution_referral_code")
  try {
    await manager.execute(
      `UPDATE distribution_distributor SET referral_code = ?, updated_at = now()
        WHERE id = ? AND referral_code IS NULL`,
      [code, id]
    )
    await manager.execute("RELEASE SAVEPOINT distribution_referral_code")
    return true
  } catch (e) {
    await manager.execute("ROLLBACK TO SAVEPOINT distribution_referral_code")
    if (!isUniqueViolation(e)) {
      throw e
    }
    return false
  }
}
