/** Han, kana and hangul: names written family name first, without a space. */
const EAST_ASIAN = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}·]+$/u

/**
 * A customer's name as people write it: "陈小明" (family name first, no space)
 * when both parts are East Asian, "Alice Chen" (given name first) otherwise.
 */
export function personName(first: string | null | undefined, last: string | null | undefined): string {
  const given = first?.trim() ?? ""
  const family = last?.trim() ?? ""
  if (given && family && EAST_ASIAN.test(given) && EAST_ASIAN.test(family)) {
    return `${family}${given}`
  }
  return [given, family].filter(Boolean).join(" ")
}
