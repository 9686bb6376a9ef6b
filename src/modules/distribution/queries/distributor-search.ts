import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { pgTextArray } from "../utils/sql"
import { REFERRAL_CODE_ALPHABET } from "../utils/referral-code"
import { TREE_TABLE } from "./tree"

/**
 * The admin's distributor search (`q`: a referral code by prefix, or part of an
 * e-mail or a name) with its filters, order and page.
 *
 * A common term can match a large share of the table (a surname: 5% of a
 * million distributors). Counting every match and sorting all of them for the
 * first page read each matching row twice, so the time grew with the table.
 * Instead:
 *
 * - the term is matched only against the columns it can be in: a code holds
 *   the codes' characters only, an e-mail address no white space (so `zhang
 *   wei` is a name, and no index of the codes or the addresses is read). A
 *   code is found by its beginning in the codes' unique index;
 * - the count is exact up to `count_cap`, and `count_capped` says that more
 *   match. Without filters, the names and addresses that begin with the term
 *   are counted first, up to the cap, from their prefix indexes: most searches
 *   type the beginning of a name or an address, and when more than the cap
 *   begin with it, that is known after reading the cap's worth of entries.
 *   Otherwise one pass reads at most `count_cap` + 1 matches through the
 *   trigram indexes (whose entries grow with the table) and, when no more than
 *   the cap match, also sorts them for the page;
 * - when more match and the order has an index (team size, registration), the
 *   page is found by walking that index and keeping the rows that match: with
 *   that many matches, a page is near. The index carries the columns the term
 *   is matched against, so the walk reads no row of the table. It reads a
 *   bounded window of the order (`walk_rows` rows); when that holds fewer
 *   matches than the page (the matches sort last), or the order has no index,
 *   every match is sorted, as before the cap.
 *
 * The terms and the walks are read from `distribution_distributor_search`, the
 * search's own copy of those columns, kept by the database
 * (Migration20261205100000): a subtree's move rewrites every row under it and
 * so writes an entry into every index of the distributors' table, and these
 * indexes, there, were most of that work. Filters and the other orders join
 * the distributors' table by id.
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

/** The search's table: one row per live distributor (Migration20261205100000). */
const SEARCH_TABLE = "distribution_distributor_search"

/** The tree's table (queries/tree.ts): joined as `t` when the depth filters or orders. */
const TREE_JOIN = `JOIN ${TREE_TABLE} t ON t.id = d.id`

/** The orders the search's table holds: a page in one of them needs no distributor row unless filtered. */
const SEARCH_COLUMNS: readonly DistributorSearchOrder[] = ["team_size", "created_at", "referral_code", "email", "display_name"]

/**
 * Orders a page can be walked in: the expression of each one's index (with the
 * id) in the search's table. It sorts as the column does.
 */
const WALK_KEYS: Partial<Record<DistributorSearchOrder, string>> = {
  team_size: "s.team_size::bigint",
  created_at: "(s.created_at AT TIME ZONE 'UTC')",
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

/** What a page of the list is filtered by, besides a term. */
export type DistributorFilters = Pick<DistributorSearch, "status" | "level_id" | "customer_id" | "parent_id" | "depth">

export type DistributorSearchPage = {
  ids: string[]
  /** Exact up to `count_cap`; `count_cap` when more match. */
  count: number
  count_capped: boolean
  /** How the page was found: the matches sorted, an index walked, or a walk that fell back to sorting. */
  plan: "sort" | "walk" | "walk_then_sort"
  /** How the count was found: the names and addresses beginning with the term, or the matches read. */
  counted: "prefixes" | "matches"
}

/** A LIKE pattern's wildcards taken literally. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/** Whether the tree's table (`t`) must be joined: the depth filters or orders. */
const needsTree = (search: Pick<DistributorSearch, "depth" | "order">) =>
  search.depth !== undefined || search.order.column === "depth"

/** The expression a page is sorted by: the distributor's column, or the tree's depth. */
const orderKey = (column: DistributorSearchOrder) => (column === "depth" ? "t.depth" : `d.${column}`)

/**
 * The filters other than the term, as SQL over the distributors' table (`d`,
 * and the tree's `t` for the depth) with its parameters; `none` when there is
 * none (the search's table holds the live distributors only).
 */
function filterSql(search: DistributorFilters): { sql: string; params: unknown[]; none: boolean } {
  const clauses = ["d.deleted_at IS NULL"]
  const params: unknown[] = []
  const any = (column: string, values: string[] | undefined) => {
    if (values?.length) {
      clauses.push(`d.${column} = ANY(?::text[])`)
      params.push(pgTextArray(values))
    }
  }
  any("status", search.status)
  any("level_id", search.level_id)
  any("customer_id", search.customer_id)
  if (search.depth !== undefined) {
    clauses.push("t.depth = ?")
    params.push(search.depth)
  }
  if (search.parent_id === null) {
    clauses.push("d.parent_id IS NULL")
  } else if (search.parent_id !== undefined) {
    clauses.push("d.parent_id = ?")
    params.push(search.parent_id)
  }
  return { sql: clauses.join(" AND "), params, none: clauses.length === 1 }
}

/**
 * The columns a term can be found in: a code (by prefix) only when the term is
 * made of the codes' characters, as every code is (`zhao` cannot begin one: no
 * code holds an O); an e-mail address only when the term holds no white space,
 * as no address does; a name always.
 */
export function searchColumns(q: string): { code: boolean; email: boolean } {
  // Lower-cased as ILIKE compares, then checked character by character (ASCII only after that).
  const lower = q.toLowerCase()
  const code = lower.length > 0 && [...lower].every((c) => REFERRAL_CODE_ALPHABET.toLowerCase().includes(c))
  return { code, email: !/\s/.test(q) }
}

/**
 * The first string of the codes' characters after every string that begins
 * with `prefix` (null when there is none: a prefix of the last character
 * only). The codes' characters sort as they do in ASCII in any collation, so
 * the codes that begin with `prefix` are the range [prefix, this).
 */
export function codePrefixEnd(prefix: string): string | null {
  const chars = [...prefix]
  while (chars.length) {
    const at = REFERRAL_CODE_ALPHABET.indexOf(chars.pop()!)
    if (at < REFERRAL_CODE_ALPHABET.length - 1) {
      return chars.join("") + REFERRAL_CODE_ALPHABET[at + 1]
    }
  }
  return null
}

/**
 * The codes a term begins, as the range of the codes' unique index they fill
 * ([from, end); no end past the last character) and a LIKE pattern; null when
 * the term cannot begin a code.
 */
export function codePrefix(q: string): { from: string; end: string | null; like: string } | null {
  if (!searchColumns(q).code) {
    return null
  }
  const from = q.toLowerCase().toUpperCase() // the codes' characters only: ASCII
  return { from, end: codePrefixEnd(from), like: `${from}%` }
}

/**
 * The term: a code by prefix, or part of an e-mail or a name (LIKE's wildcards
 * in it are literal). The codes are upper case and a code's beginning is a
 * range of their unique index, in either form. Names and addresses: `ILIKE` for the trigram
 * indexes; `lower() LIKE lower()`, the same test, where rows are read from the
 * walk's index (about twice as quick per row).
 */
function matchSql(q: string, form: "ilike" | "lower", table: "s" | "w"): { sql: string; params: unknown[] } {
  const term = escapeLike(q)
  const col = (column: string) => `${table}.${column}`
  const test = (column: string) => (form === "ilike" ? `${col(column)} ILIKE ?` : `lower(${col(column)}) LIKE lower(?)`)
  const clauses = [test("display_name")]
  const params: unknown[] = [`%${term}%`]
  if (searchColumns(q).email) {
    clauses.push(test("email"))
    params.push(`%${term}%`)
  }
  const code = codePrefix(q)
  if (code) {
    const c = col("referral_code")
    clauses.push(`(${c} >= ?${code.end ? ` AND ${c} < ?` : ""} AND ${c} LIKE ?)`)
    params.push(code.from, ...(code.end ? [code.end] : []), code.like)
  }
  return { sql: `(${clauses.join(" OR ")})`, params }
}

/**
 * Whether more than `cap` names, or more than `cap` addresses, begin with the
 * term: each an index-only scan of at most cap + 1 entries of its prefix index
 * (Migration20261205100000). Such rows match the term (it is in them), so more
 * than the cap match.
 */
async function prefixesExceed(manager: EntityManager, q: string, cap: number): Promise<boolean> {
  const prefix = `${escapeLike(q)}%`
  const count = (column: string) =>
    `(SELECT count(*)::int FROM (
        SELECT lower(${column}) FROM ${SEARCH_TABLE} WHERE lower(${column}) LIKE lower(?) LIMIT ?
      ) p)`
  const email = searchColumns(q).email
  const [row]: { names: number; emails: number }[] = await manager.execute(
    `SELECT ${count("display_name")} AS names, ${email ? count("email") : "0"} AS emails`,
    email ? [prefix, cap + 1, prefix, cap + 1] : [prefix, cap + 1]
  )
  return row.names > cap || row.emails > cap
}

export async function searchDistributors(
  manager: EntityManager,
  search: DistributorSearch
): Promise<DistributorSearchPage> {
  if (!DISTRIBUTOR_SEARCH_ORDERS.includes(search.order.column)) {
    throw new Error(`cannot sort distributors by ${search.order.column}`)
  }
  const filters = filterSql(search)
  const match = matchSql(search.q, "ilike", "s")
  const column = search.order.column
  // The distributors' table is joined for a filter, or an order the search's table does not hold.
  const joined = !filters.none || !SEARCH_COLUMNS.includes(column)
  const from = joined
    ? `${SEARCH_TABLE} s JOIN distribution_distributor d ON d.id = s.id ${needsTree(search) ? TREE_JOIN : ""}`
    : `${SEARCH_TABLE} s`
  // The filters, over the joined distributors (the search's table holds the live ones only).
  const scope = joined ? filters : { sql: "true", params: [] as unknown[] }
  const where = `${scope.sql} AND ${match.sql}`
  const whereParams = [...scope.params, ...match.params]
  const key = joined ? orderKey(column) : `s.${column}`
  const direction = search.order.descending ? "DESC" : "ASC"
  const order = `ORDER BY k ${direction}, id ${direction}`
  const walkKey = WALK_KEYS[column]

  // The matches come from the trigram indexes, never from a sequential scan:
  // with a LIMIT and a common term, the planner would read the table until it
  // has count_cap + 1 matches (20 times that many rows for a 5% term), pricing
  // the pattern's CPU at next to nothing and every cached page as a disk read.
  // Local to the caller's transaction.
  await manager.execute("SET LOCAL enable_seqscan = off")

  // Without filters, a term that more than the cap's names or addresses begin
  // with is capped without reading its matches. (With filters, the rows would
  // have to be read to filter them.) Only worth asking when a walk can then
  // find the page.
  let counted: DistributorSearchPage["counted"] = "prefixes"
  let count = search.count_cap
  if (!(walkKey !== undefined && filters.none && (await prefixesExceed(manager, search.q, search.count_cap)))) {
    counted = "matches"
    // One pass over at most count_cap + 1 matches: their number and, when that
    // is all of them, the page. MATERIALIZED: read once, and never by walking an
    // order index (the matches may all sort last).
    const [first]: { matched: number; ids: string[] }[] = await manager.execute(
      `WITH m AS MATERIALIZED (
         SELECT s.id, ${key} AS k FROM ${from} WHERE ${where} LIMIT ?
       )
       SELECT (SELECT count(*)::int FROM m) AS matched,
              ARRAY(SELECT id FROM m ${order} LIMIT ? OFFSET ?) AS ids`,
      [...whereParams, search.count_cap + 1, search.limit, search.offset]
    )
    count = Math.min(first.matched, search.count_cap)
    if (first.matched <= search.count_cap) {
      return { ids: first.ids, count, count_capped: false, plan: "sort", counted }
    }
  }

  // More match than the cap. Along an order index, a page is near: the walk
  // reads up to walk_rows entries of the order and keeps those that match,
  // from the index alone when no filter needs the row.
  if (walkKey) {
    const walkMatch = matchSql(search.q, "lower", "w")
    const walked: { id: string }[] = await manager.execute(
      `SELECT id FROM (
         SELECT s.id, ${walkKey} AS k, s.referral_code, s.email, s.display_name
           FROM ${from} WHERE ${scope.sql}
          ORDER BY ${walkKey} ${direction}, s.id ${direction} LIMIT ?
       ) w
       WHERE ${walkMatch.sql} ${order} LIMIT ? OFFSET ?`,
      [...scope.params, search.walk_rows, ...walkMatch.params, search.limit, search.offset]
    )
    // The window is a prefix of the order: a full page from it is the page.
    if (walked.length === search.limit) {
      return { ids: walked.map((r) => r.id), count, count_capped: true, plan: "walk", counted }
    }
  }
  // Every match, sorted: what a search cost before the cap, now only for an
  // order without an index or matches that sort after the walk's window.
  const rows: { id: string }[] = await manager.execute(
    `WITH m AS MATERIALIZED (
       SELECT s.id, ${key} AS k FROM ${from} WHERE ${where}
     )
     SELECT id FROM m ${order} LIMIT ? OFFSET ?`,
    [...whereParams, search.limit, search.offset]
  )
  return {
    ids: rows.map((r) => r.id),
    count,
    count_capped: true,
    plan: walkKey ? "walk_then_sort" : "sort",
    counted,
  }
}

/**
 * The ids of at most `limit` live distributors a term names, found as the
 * admin's search finds them (the withdrawals' search by distributor).
 */
export async function distributorsMatching(manager: EntityManager, q: string, limit: number): Promise<string[]> {
  const match = matchSql(q, "ilike", "s")
  // As in searchDistributors: through the indexes, never by reading the table until `limit` match.
  await manager.execute("SET LOCAL enable_seqscan = off")
  const rows: { id: string }[] = await manager.execute(
    `SELECT s.id FROM ${SEARCH_TABLE} s WHERE ${match.sql} LIMIT ?`,
    [...match.params, limit]
  )
  return rows.map((r) => r.id)
}

/**
 * One page of the list without a term, filtered or sorted by the depth (the
 * other lists go through Medusa's Query): the ids in order, and their count.
 */
export async function listByDepth(
  manager: EntityManager,
  search: DistributorFilters & Pick<DistributorSearch, "order" | "limit" | "offset">
): Promise<{ ids: string[]; count: number }> {
  if (!DISTRIBUTOR_SEARCH_ORDERS.includes(search.order.column)) {
    throw new Error(`cannot sort distributors by ${search.order.column}`)
  }
  const filters = filterSql(search)
  const from = `distribution_distributor d ${TREE_JOIN}`
  const direction = search.order.descending ? "DESC" : "ASC"
  const [{ count }]: { count: number }[] = await manager.execute(
    `SELECT count(*)::int AS count FROM ${from} WHERE ${filters.sql}`,
    filters.params
  )
  const rows: { id: string }[] = await manager.execute(
    `SELECT d.id FROM ${from} WHERE ${filters.sql}
      ORDER BY ${orderKey(search.order.column)} ${direction}, d.id ${direction} LIMIT ? OFFSET ?`,
    [...filters.params, search.limit, search.offset]
  )
  return { ids: rows.map((r) => r.id), count }
}
