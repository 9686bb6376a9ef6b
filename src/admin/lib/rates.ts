/**
 * Rates are stored and sent as integer basis points and shown and typed as
 * percentages with at most two decimals: 1250 ↔ "12.5". The conversion works
 * on the digits, never through a float, so what the merchant types is what is
 * stored.
 */

/** Basis points as a percentage without the sign: 1250 → "12.5", 1000 → "10", 5 → "0.05". */
export function bpsToPercent(bps: number): string {
  const whole = Math.trunc(bps / 100)
  const cents = String(Math.abs(bps % 100)).padStart(2, "0").replace(/0+$/, "")
  return cents ? `${whole}.${cents}` : String(whole)
}

export type PercentError = "format" | "decimals" | "range"

/**
 * A typed percentage as basis points: "12.5" → 1250, "12.50 %" → 1250, "0.05" → 5.
 * More than two decimals, anything but a number, or more than 100 % is refused.
 */
export function percentToBps(text: string): { bps: number } | { error: PercentError } {
  const match = /^\s*(\d+)(?:\.(\d*))?\s*%?\s*$/.exec(text)
  if (!match) {
    return { error: "format" }
  }
  const decimals = match[2] ?? ""
  if (decimals.length > 2) {
    return { error: "decimals" }
  }
  const bps = Number(match[1]) * 100 + Number(decimals.padEnd(2, "0"))
  return bps > 10000 ? { error: "range" } : { bps }
}

/** A tool's own rates per depth as the lists show them: "12.5% / 5% / 0%" (a depth without one is 0 %). */
export const depthRatesText = (r: { rate_bps_1: number | null; rate_bps_2: number | null; rate_bps_3: number | null }) =>
  [r.rate_bps_1, r.rate_bps_2, r.rate_bps_3].map((bps) => `${bpsToPercent(bps ?? 0)}%`).join(" / ")
