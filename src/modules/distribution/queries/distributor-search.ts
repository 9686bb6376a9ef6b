import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { pgTextArray } from "../utils/sql"

/**
 * The admin's distributor search (`q`: a referral code by prefix, or part of an
 * e-mail or a name, through the trigram indexes) with its filters, order and
 * page.
 *
 * A common term can match a large share of the table (a surname: 5% of a
 * million distributors). Counting every match and sorting all of them for the
 * first page read each matching row twice, so the time grew with the table.
 * Instead:
 *
 * - one pass reads at most `count_cap` + 1 matches: `count` is exact up to the
 *   cap, and `count_capped` says that more match. When no more than the cap
 *   match, that pass also sorts them for the page;
 * - when more match and the order has an index (team size, registration), the
 *   page is found by walking that index and keeping the rows that match: with
 *   that many matches, a page is near. The walk reads a bounded window of the
 *   order (`walk_rows` rows); when that holds fewer matches than the page (the
 *   matches sort last), or the order has no index, every match is sorted, as
 *   before the cap.
 *
 * The strategy follows the capped count, not the planner's estimate of a
 * `%term%` pattern, which can be wrong either way: an index walk chosen for a
 * rare term would read the whole table.
 */

/** The columns the list sorts by (the route's `order`). */
export const DISTRIBUTOR_SEARCH_ORDERS = [
  "created_at",
  "activated_at",
  "reviewed_at",
  "team_size",
  "direct_count",
  "depth",
  "status",
  "referral_code",
  "email",
  "display_name",
] as const
export type DistributorSearchOrder = (typeof DISTRIBUTOR_SEARCH_ORDERS)[number]

/**
 * Orders a page can be walked in: the expression of each one's index (with the
 * id, over the live rows; Migration20261130145233). It sorts as the column does.
 */
const WALK_KEYS: Partial<Record<DistributorSearchOrder, string>> = {
  team_size: "team_size::bigint",
  created_at: "(created_at AT TIME ZONE 'UTC')",
}

export type DistributorSearch = {
  q: string
  status?: string[]
  level_id?: string[]
  customer_id?: string[]
  /** null: top-level distributors only. */
  parent_id?: string | null
  depth?: number
  order: { column: DistributorSearchOrder; descending: boolean }
  limit: number
  offset: number
  count_cap: number
  /** How many rows of the order a walk reads before it gives up and sorts every match. */
  walk_rows: number
}

export type DistributorSearchPage = {
  ids: string[]
  /** Exact up to `count_cap`; `count_cap` when more match. */
  count: number
  count_capped: boolean
  /** How the page was found: the matches sorted, an index walked, or a walk that fell back to sorting. */
  plan: "sort" | "walk" | "walk_then_sort"
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/** The filters other than the term, as SQL with its parameters. */
function filterSql(search: DistributorSearch): { sql: string; params: unknown[] } {
  const clauses = ["deleted_at IS NULL"]
  const params: unknown[] = []
  const any = (column: string, values: string[] | undefined) => {
    if (values?.length) {
      clauses.push(`${column} = ANY(?::text[])`)
      params.push(pgTextArray(values))
    }
  }
  any("status", search.status)
  any("level_id", search.level_id)
  any("customer_id", search.customer_id)
  if (search.depth !== undefined) {
    clauses.push("depth = ?")
    params.push(search.depth)
  }
  if (search.parent_id === null) {
    clauses.push("parent_id IS NULL")
  } else if (search.parent_id !== undefined) {
    clauses.push("parent_id = ?")
    params.push(search.parent_id)
  }
  return { sql: clauses.join(" AND "), params }
}

/** The term: a code by prefix, or part of an e-mail or a name (LIKE's wildcards in it are literal). */
function matchSql(q: string): { sql: string; params: unknown[] } {
  const term = escapeLike(q)
  return {
    sql: "(referral_code ILIKE ? OR email ILIKE ? OR display_name ILIKE ?)",
    params: [`${term}%`, `%${term}%`, `%${term}%`],
  }
}

export async function searchDistributors(
  manager: EntityManager,
  search: DistributorSearch
): Promise<DistributorSearchPage> {
  if (!DISTRIBUTOR_SEARCH_ORDERS.includes(search.order.column)) {
    throw new Error(`cannot sort distributors by ${search.order.column}`)
  }
  const filters = filterSql(search)
  const match = matchSql(search.q)
  const where = `${filters.sql} AND ${match.sql}`
  const whereParams = [...filters.params, ...match.params]
  const column = search.order.column
  const direction = search.order.descending ? "DESC" : "ASC"
  const order = `ORDER BY k ${direction}, id ${direction}`

  // The matches come from the trigram indexes, never from a sequential scan:
  // with a LIMIT and a common term, the planner would read the table until it
  // has count_cap + 1 matches (20 times that many rows for a 5% term), pricing
  // the pattern's CPU at next to nothing and every cached page as a disk read.
  // Local to the caller's transaction.
  await manager.execute("SET LOCAL enable_seqscan = off")

  // One pass over at most count_cap + 1 matches: their number and, when that
  // is all of them, the page. MATERIALIZED: read once, and never by walking an
  // order index (the matches may all sort last).
  const [first]: { matched: number; ids: string[] }[] = await manager.execute(
    `WITH m AS MATERIALIZED (
       SELECT id, ${column} AS k FROM distribution_distributor WHERE ${where} LIMIT ?
     )
     SELECT (SELECT count(*)::int FROM m) AS matched,
            ARRAY(SELECT id FROM m ${order} LIMIT ? OFFSET ?) AS ids`,
    [...whereParams, search.count_cap + 1, search.limit, search.offset]
  )
  const count_capped = first.matched > search.count_cap
  const count = Math.min(first.matched, search.count_cap)
  if (!count_capped) {
    return { ids: first.ids, count, count_capped, plan: "sort" }
  }

  // More match than the cap. Along an order index, a page is near: the walk
  // reads up to walk_rows rows of the order and keeps those that match.
  const walkKey = WALK_KEYS[column]
  if (walkKey) {
    const walked: { id: string }[] = await manager.execute(
      `SELECT id FROM (
         SELECT id, ${walkKey} AS k, referral_code, email, display_name
           FROM distribution_distributor WHERE ${filters.sql}
          ORDER BY ${walkKey} ${direction}, id ${direction} LIMIT ?
       ) w
       WHERE ${match.sql} ${order} LIMIT ? OFFSET ?`,
      [...filters.params, search.walk_rows, ...match.params, search.limit, search.offset]
    )
    // The window is a prefix of the order: a full page from it is the page.
    if (walked.length === search.limit) {
      return { ids: walked.map((r) => r.id), count, count_capped, plan: "walk" }
    }
  }
  // Every match, sorted: what a search cost before the cap, now only for an
  // order without an index or matches that sort after the walk's window.
  const rows: { id: string }[] = await manager.execute(
    `WITH m AS MATERIALIZED (
       SELECT id, ${column} AS k FROM distribution_distributor WHERE ${where}
     )
     SELECT id FROM m ${order} LIMIT ? OFFSET ?`,
    [...whereParams, search.limit, search.offset]
  )
  return {
    ids: rows.map((r) => r.id),
    count,
    count_capped,
    plan: walkKey ? "walk_then_sort" : "sort",
  }
}
