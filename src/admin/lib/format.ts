import { useTranslation } from "react-i18next"
import { bpsToPercent } from "./rates"

/**
 * The dashboard's language codes ("en", "zhCN", "ptBR") as BCP 47 tags for Intl.
 */
export const localeOf = (language: string | undefined) =>
  (language || "en").replace(/^([a-z]{2})([A-Z]{2})$/, "$1-$2")

/**
 * An amount (a decimal string in the currency's major unit) with the symbol
 * the locale gives the currency: HK$ for HKD wherever, ¥ for CNY in Chinese
 * and CN¥ in English, $ for USD in English and US$ in Chinese. (The narrow
 * symbol showed HKD as a bare "$" and CNY and JPY both as "¥".)
 */
export function formatMoney(locale: string, amount: string | number, currency: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase(), currencyDisplay: "symbol" }).format(
    amount as unknown as number
  )
}

/**
 * Numbers, money, rates and dates in the admin's language. Amounts arrive as
 * decimal strings in the currency's major unit with the currency's precision
 * ("2.50"); Intl formats the string itself, so nothing is rounded through a
 * float on the way to the screen.
 */
export function useFormat() {
  const { i18n } = useTranslation()
  const locale = localeOf(i18n.language)
  const money = (amount: string | number | null | undefined, currency: string | null | undefined) => {
    if (amount === null || amount === undefined || amount === "") {
      return "—"
    }
    if (!currency) {
      return number(amount)
    }
    return formatMoney(locale, amount, currency)
  }
  const number = (value: string | number | null | undefined) =>
    value === null || value === undefined || value === ""
      ? "—"
      : new Intl.NumberFormat(locale).format(value as unknown as number)
  /** Basis points as a percentage, digit for digit: 1250 → 12.5%. */
  const bps = (value: number | null | undefined) => (value === null || value === undefined ? "—" : `${bpsToPercent(value)}%`)
  /** A ratio given as a decimal string ("0.1250") as a percentage. */
  const ratio = (value: string | number | null | undefined) =>
    value === null || value === undefined
      ? "—"
      : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(Number(value))
  const date = (value: string | Date | null | undefined) =>
    value ? new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(value)) : "—"
  /** A report's period ("2026-11-01"): a calendar day, not an instant, so no zone shifts it. */
  const day = (value: string) =>
    new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${value}T00:00:00Z`))
  /** An instant where the admin sits, or as the wall-clock time of `timeZone` (a sale's window). */
  const dateTime = (value: string | Date | null | undefined, timeZone?: string) =>
    value
      ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(value))
      : "—"
  return { locale, money, number, bps, ratio, date, day, dateTime }
}
