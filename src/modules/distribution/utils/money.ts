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

/** The most decimals any currency has: an amount with more fits none. */
export const MAX_CURRENCY_PRECISION = 3

export function currencyPrecision(currencyCode: string): number {
  const code = currencyCode.toLowerCase()
  return ZERO_DECIMAL.has(code) ? 0 : THREE_DECIMAL.has(code) ? 3 : 2
}

export function roundDown(amount: BigNumberInput, currencyCode: string): string {
  return MathBN.convert(amount)
    .decimalPlaces(currencyPrecision(currencyCode), BigNumberJS.ROUND_DOWN)
    .toFixed()
}

/** Whether an amount has no more decimals than the currency's minor unit allows. */
export function fitsCurrency(amount: BigNumberInput, currencyCode: string): boolean {
  return MathBN.eq(roundDown(amount, currencyCode), amount)
}

/** Why an amount cannot be taken in a currency: more decimals than its minor unit. */
export function tooPreciseMessage(field: string, amount: BigNumberInput, currencyCode: string): string {
  const decimals = currencyPrecision(currencyCode)
  return `${field} ${MathBN.convert(amount).toFixed()} has more decimals than ${currencyCode.toUpperCase()} allows (${decimals})`
}

/**
 * An amount as the API gives it: rounded down to the currency's minor unit and
 * padded to it ("2.50", "1250" for JPY, "1.125" for KWD).
 */
export function formatAmount(amount: BigNumberInput | null | undefined, currencyCode: string): string {
  const rounded = roundDown(amount ?? 0, currencyCode)
  // The value is already rounded: toFixed only pads the decimals.
  return new BigNumberJS(rounded).toFixed(currencyPrecision(currencyCode))
}

/**
 * An amount as a message shows it, with the currency's symbol: "¥2.50",
 * "HK$5.00", "€100.00". The zh-CN conventions give CNY its plain ¥ and every
 * other currency an unambiguous symbol (US$, JP¥); the digits are grouped as in
 * English.
 */
export function formatMoney(amount: BigNumberInput, currencyCode: string): string {
  const precision = currencyPrecision(currencyCode)
  return new Intl.NumberFormat("zh-CN", {
    style: "currency",
    currency: currencyCode.toUpperCase(),
    minimumFractionDigits: precision,
    maximumFractionDigits: precision,
  })
    // A decimal string is formatted exactly (no float on the way); a plain space, not Intl's no-break one ("KWD 1.500").
    .format(formatAmount(amount, currencyCode) as unknown as number)
    .replace(/\u00a0/g, " ")
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
