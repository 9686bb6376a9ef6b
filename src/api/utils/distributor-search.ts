import { codePrefix, escapeLike, searchColumns } from "../../modules/distribution/queries/distributor-search"

export { escapeLike }

/**
 * The admin's distributor search as a service filter: a referral code by
 * prefix, or part of an e-mail or a name, each only where the term can be
 * (queries/distributor-search.ts), so that each part is served by its index.
 */
export function distributorSearchFilter(q: string) {
  const term = escapeLike(q)
  const code = codePrefix(q)
  return {
    $or: [
      { display_name: { $ilike: `%${term}%` } },
      ...(searchColumns(q).email ? [{ email: { $ilike: `%${term}%` } }] : []),
      ...(code ? [{ referral_code: { $gte: code.from, ...(code.end ? { $lt: code.end } : {}), $like: code.like } }] : []),
    ],
  }
}
