import { BigNumber as BigNumberJS } from "bignumber.js"
import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"

/**
 * The one place amounts are rounded: always down to the currency's minor unit,
 * so the programme never pays a fraction more than it owes. Amounts are decimal
 * strings in the currency's major unit (as Medusa stores them).
 */
const ZERO_DECIMAL = new Set(["bif", "clp", "djf", "gnf", "isk", "jpy", "kmf", "krw", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"])
const THREE_DECIMAL = new Set(["bhd", "iqd", "jod", "kwd", "lyd", "omr", "tnd"])

export function currencyPrecision(currencyCode: string): number {
  const code = currencyCode.toLowerCase()
  return ZERO_DECIMAL.has(code) ? 0 : THREE_DECIMAL.has(code) ? 3 : 2
}

export function roundDown(amount: BigNumberInput, currencyCode: string): string {
  return MathBN.convert(amount)
    .decimalPlaces(currencyPrecision(currencyCode), BigNumberJS.ROUND_DOWN)
    .toFixed()
}

/** base × bps / 10 000, rounded down. */
export function applyBps(base: BigNumberInput, bps: number, currencyCode: string): string {
  return roundDown(MathBN.div(MathBN.mult(base, bps), 10000), currencyCode)
}

export function sumAmounts(amounts: BigNumberInput[]): string {
  return amounts
    .reduce<ReturnType<typeof MathBN.convert>>((s, a) => MathBN.add(s, a), MathBN.convert(0))
    .toFixed()
}
