import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { pgTextArray } from "../utils/sql"

/**
 * The admin's distributor search (`q`: a referral code by prefix, or part of an
 * e-mail or a name, through the trigram indexes) with its filters, order and
 * page.
 *
 * A common term can match a large share of the table (a surname: 5% of a
 * million distributors). Counting every match and sorting all of them for the
 * first page would read each matching row, twice; so:
 *
 * - the count stops at `count_cap` + 1 matches: `count` is exact up to the
 *   cap, and `count_capped` says that more than `count_cap` match;
 * - when no more than the cap match, the matches are read and sorted (at most
 *   `count_cap` rows, whatever the table's size);
 * - when more match and the order has an index (team size, registration), the
 *   page is found by walking that index and keeping the rows that match: with
 *   that many matches, a page is near. The walk is bounded by a window
 *   proportional to what a page needs at the lowest share of matches the count
 *   allows; when the window holds fewer matches than the page (the matches all
 *   sort last), the matches are sorted instead, as for a rarer term.
 *
 * The strategy is chosen from the capped count, not left to the planner, whose
 * estimate of a `%term%` pattern can be wrong either way.
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

/** Orders with an index on (column, id) over the live rows: the ones a page can be walked in. */
const WALKABLE: ReadonlySet<DistributorSearchOrder> = new Set(["team_size", "created_at"])

/** How many times the rows a page needs, at the lowest share of matches, the walk reads before it gives up. */
const WALK_MARGIN = 4

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

  const [{ matched }]: { matched: number }[] = await manager.execute(
    `SELECT count(*)::int AS matched FROM (
       SELECT 1 FROM distribution_distributor WHERE ${where} LIMIT ?
     ) m`,
    [...whereParams, search.count_cap + 1]
  )
  const count_capped = matched > search.count_cap
  const count = Math.min(matched, search.count_cap)

  const column = search.order.column
  const direction = search.order.descending ? "DESC" : "ASC"
  const order = `ORDER BY k ${direction}, id ${direction}`

  // All the matches, sorted: at most count_cap rows unless the cap was reached.
  // MATERIALIZED keeps the planner from walking an order index for them.
  const sorted = async () => {
    const rows: { id: string }[] = await manager.execute(
      `WITH m AS MATERIALIZED (
         SELECT id, ${column} AS k FROM distribution_distributor WHERE ${where}
       )
       SELECT id FROM m ${order} LIMIT ? OFFSET ?`,
      [...whereParams, search.limit, search.offset]
    )
    return rows.map((r) => r.id)
  }

  if (!count_capped || !WALKABLE.has(column)) {
    return { ids: await sorted(), count, count_capped, plan: "sort" }
  }

  // More than count_cap match: at least (count_cap + 1) / N of the rows. A page
  // of offset + limit matches is then expected within (offset + limit) × N /
  // (count_cap + 1) rows of the order; the walk reads WALK_MARGIN times that.
  const [{ rows: estimatedRows }]: { rows: number }[] = await manager.execute(
    `SELECT reltuples::float8 AS rows FROM pg_class WHERE oid = 'distribution_distributor'::regclass`
  )
  const tableRows = Math.max(estimatedRows, search.count_cap + 1)
  const needed = search.offset + search.limit
  const window = Math.ceil((WALK_MARGIN * needed * tableRows) / (search.count_cap + 1))
  const walked: { id: string }[] = await manager.execute(
    `SELECT id FROM (
       SELECT id, ${column} AS k, referral_code, email, display_name
         FROM distribution_distributor WHERE ${filters.sql}
        ORDER BY ${column} ${direction}, id ${direction} LIMIT ?
     ) w
     WHERE ${match.sql} ${order} LIMIT ? OFFSET ?`,
    [...filters.params, window, ...match.params, search.limit, search.offset]
  )
  // The window is a prefix of the order: a full page from it is the page.
  if (walked.length === search.limit) {
    return { ids: walked.map((r) => r.id), count, count_capped, plan: "walk" }
  }
  return { ids: await sorted(), count, count_capped, plan: "walk_then_sort" }
}
