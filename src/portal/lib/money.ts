/**
 * Money as the API sends it: a decimal string with the currency's precision
 * ("2.50"). Shown with the currency's symbol and digit grouping by string
 * work alone, so no float ever touches an amount.
 */
const symbols = new Map<string, { symbol: string; before: boolean }>()

function currencySymbol(currency: string, locale: string) {
  const key = `${locale}:${currency}`
  let found = symbols.get(key)
  if (!found) {
    let symbol = currency.toUpperCase()
    let before = true
    try {
      const parts = new Intl.NumberFormat(locale, {
        style: "currency",
        currency: currency.toUpperCase(),
        // The locale's own symbol, as the admin shows it: HK$ for HKD, CN¥ (¥ in Chinese) for CNY, never a bare $ for two currencies.
        currencyDisplay: "symbol",
      }).formatToParts(1)
      const at = parts.findIndex((p) => p.type === "currency")
      if (at >= 0) {
        symbol = parts[at].value
        before = at < parts.findIndex((p) => p.type === "integer")
      }
    } catch {
      // an unknown code: shown as its letters
    }
    found = { symbol, before }
    symbols.set(key, found)
  }
  return found
}

/** "1234.50", "cny" → "¥1,234.50"; "-3.00" → "-¥3.00". */
export function formatMoney(amount: string, currency: string, locale: string): string {
  const negative = amount.startsWith("-")
  const [whole, fraction] = (negative ? amount.slice(1) : amount).split(".")
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")
  const number = fraction === undefined ? grouped : `${grouped}.${fraction}`
  const { symbol, before } = currencySymbol(currency, locale)
  return `${negative ? "-" : ""}${before ? symbol : ""}${number}${before ? "" : ` ${symbol}`}`
}

/** Basis points as a percentage: 150 → "1.5%". */
export function formatBps(bps: number): string {
  const whole = Math.trunc(bps / 100)
  const rest = String(Math.abs(bps % 100)).padStart(2, "0").replace(/0+$/, "")
  return `${whole}${rest ? `.${rest}` : ""}%`
}

/**
 * A number as Medusa's store API sends a calculated price (59.9), as the
 * API's money format: a decimal string with `digits` decimals ("59.90"), by
 * string work on its shortest rendering, extra digits cut (rounded down).
 */
export function toAmount(value: number | string, digits: number): string {
  let text = typeof value === "number" ? String(value) : value.trim()
  if (/e/i.test(text)) text = Number(text).toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 })
  const negative = text.startsWith("-")
  const [whole, fraction = ""] = (negative ? text.slice(1) : text).split(".")
  const cut = fraction.padEnd(digits, "0").slice(0, digits)
  return `${negative ? "-" : ""}${whole || "0"}${digits ? `.${cut}` : ""}`
}
