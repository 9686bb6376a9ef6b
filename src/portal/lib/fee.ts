/**
 * The fee preview shown before a withdrawal is confirmed, in integer minor
 * units: net = amount × (10000 − fee_bps) / 10000 rounded down, fee = the
 * rest — the server's rule (withdrawalFee), which decides; this only shows it
 * first. `precision` is the currency's number of decimals, read off an amount
 * the API sent ("100.00" → 2).
 */
export type FeePreview = { fee: string; net: string }

export function precisionOf(sample: string): number {
  const dot = sample.indexOf(".")
  return dot < 0 ? 0 : sample.length - dot - 1
}

/** A decimal string in minor units, or null when it is not a plain positive amount with at most `precision` decimals. */
export function toMinor(amount: string, precision: number): bigint | null {
  const m = /^(\d{1,12})(?:\.(\d*))?$/.exec(amount.trim())
  if (!m || (m[2] ?? "").length > precision) return null
  return BigInt(m[1] + (m[2] ?? "").padEnd(precision, "0"))
}

export function fromMinor(minor: bigint, precision: number): string {
  const digits = minor.toString().padStart(precision + 1, "0")
  return precision ? `${digits.slice(0, -precision)}.${digits.slice(-precision)}` : digits
}

export function withdrawalFeePreview(amount: string, feeBps: number, precision: number): FeePreview | null {
  const minor = toMinor(amount, precision)
  if (minor === null) return null
  const net = (minor * BigInt(10000 - feeBps)) / BigInt(10000)
  return { fee: fromMinor(minor - net, precision), net: fromMinor(net, precision) }
}

/** a ≥ b for two amounts of one currency. */
export function atLeast(a: string, b: string, precision: number): boolean {
  const x = toMinor(a, precision)
  const y = toMinor(b.replace(/^-.*/, "0"), precision)
  return x !== null && y !== null && x >= y
}
