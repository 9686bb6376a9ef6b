/**
 * Referral codes: short, upper-case, and free of characters that look alike when
 * read aloud or printed on a poster (0/O, 1/I/L). Input is matched
 * case-insensitively by normalising it the same way.
 */
export const REFERRAL_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
export const REFERRAL_CODE_LENGTH = 7
const CODE_PATTERN = new RegExp(
  `^[${REFERRAL_CODE_ALPHABET}]{4,16}$`
)

export type RandomInt = (maxExclusive: number) => number

export function generateReferralCode(
  randomInt: RandomInt,
  length: number = REFERRAL_CODE_LENGTH
): string {
  let code = ""
  for (let i = 0; i < length; i++) {
    code += REFERRAL_CODE_ALPHABET[randomInt(REFERRAL_CODE_ALPHABET.length)]
  }
  return code
}

/** Upper-cases and trims; returns null when the result cannot be a code. */
export function normalizeReferralCode(input: unknown): string | null {
  if (typeof input !== "string") {
    return null
  }
  const code = input.trim().toUpperCase()
  return CODE_PATTERN.test(code) ? code : null
}
