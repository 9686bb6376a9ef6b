/** A LIKE pattern's wildcards taken literally. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/** The admin's distributor search: a referral code by prefix, or part of an e-mail or a name. */
export function distributorSearchFilter(q: string) {
  const term = escapeLike(q)
  return {
    $or: [
      { referral_code: { $ilike: `${term}%` } },
      { email: { $ilike: `%${term}%` } },
      { display_name: { $ilike: `%${term}%` } },
    ],
  }
}
