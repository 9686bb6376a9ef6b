/**
 * Masking of personal data for every response and export but the payout one.
 * Works on code points, so 中文 names mask as cleanly as Latin ones.
 */
export function maskName(name: string | null | undefined): string | null {
  if (!name) {
    return null
  }
  const chars = Array.from(name.trim())
  if (chars.length === 0) {
    return null
  }
  if (chars.length === 1) {
    return "*"
  }
  if (chars.length === 2) {
    return `${chars[0]}*`
  }
  return `${chars[0]}${"*".repeat(chars.length - 2)}${chars[chars.length - 1]}`
}

export function maskEmail(email: string | null | undefined): string | null {
  if (!email) {
    return null
  }
  const at = email.lastIndexOf("@")
  if (at <= 0) {
    return maskName(email)
  }
  const local = email.slice(0, at)
  return `${local[0]}***@${email.slice(at + 1)}`
}

/** Keeps the last four characters: `****6789`. */
export function maskTail(value: string | null | undefined, keep = 4): string | null {
  if (!value) {
    return null
  }
  const chars = Array.from(value.replace(/\s+/g, ""))
  if (chars.length <= keep) {
    return "*".repeat(chars.length)
  }
  return `****${chars.slice(-keep).join("")}`
}

/** 13812345678 → 138****5678; shorter numbers keep their last four. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) {
    return null
  }
  const digits = phone.replace(/\s+/g, "")
  if (digits.length >= 11) {
    return `${digits.slice(0, 3)}****${digits.slice(-4)}`
  }
  return maskTail(digits)
}
