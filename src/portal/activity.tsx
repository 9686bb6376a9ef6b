import { useQuery } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { regularPrices } from "./lib/api"
import { useI18n } from "./lib/i18n"
import { Money } from "./ui"

/**
 * What the selling-tool pages (limited-time sales, flash sales, group buys)
 * show alike: countdowns that tick from the API's seconds, and an activity's
 * price beside the regular price in the same currency.
 */

/** Seconds as the countdowns show them: "1d 02:03:04" (天 in Chinese), "02:03:04" under a day. */
export function duration(seconds: number, lang: string) {
  const d = Math.floor(seconds / 86400)
  const h = Math.floor((seconds % 86400) / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  const hms = [h, m, s].map((n) => String(n).padStart(2, "0")).join(":")
  return d ? `${d}${lang === "en" ? "d" : "天"} ${hms}` : hms
}

/** Whole seconds since `since` (a Date.now() value), ticking every second. */
export function useElapsed(since: number) {
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1000)
    return () => window.clearInterval(id)
  }, [])
  return Math.max(0, Math.floor((now - since) / 1000))
}

/** "Ends in …" or "Starts in …" from the seconds the API gave, less the seconds since it answered. */
export function Countdown({ seconds, elapsed, until }: { seconds: number; elapsed: number; until: "end" | "start" }) {
  const { t, lang } = useI18n()
  const time = duration(Math.max(0, seconds - elapsed), lang)
  return <>{until === "end" ? t("sales.endsIn", { time }) : t("sales.startsIn", { time })}</>
}

/**
 * The regular prices of variants in each of the currencies (a region of the
 * currency prices them), by currency then variant id; and the variants' titles.
 */
export function useRegularPrices(variantIds: string[], currencies: string[]) {
  const ids = [...new Set(variantIds)].sort()
  const codes = [...new Set(currencies.map((c) => c.toLowerCase()))].sort()
  return useQuery({
    queryKey: ["regular-prices", codes.join(","), ids.join(",")],
    queryFn: () => regularPrices(ids, codes),
    enabled: ids.length > 0 && codes.length > 0,
  })
}

/** A price and, when the regular price in the same currency is different, that one struck through. */
export function PriceVsRegular({ amount, currency, regular, testId }: { amount: string; currency: string; regular?: string | null; testId: string }) {
  return (
    <>
      <Money amount={amount} currency={currency} testId={testId} />{" "}
      {regular && regular !== amount && (
        <s className="muted" data-testid="regular-price">
          <Money amount={regular} currency={currency} />
        </s>
      )}
    </>
  )
}

/** A variant's activity prices, one line per currency, each against the regular price in its own currency. */
export function PriceRows({
  prices,
  regular,
  testId,
}: {
  prices: { currency_code: string; amount: string }[]
  regular: (currency: string) => string | null | undefined
  testId: string
}) {
  return (
    <>
      {prices.map((p) => (
        <span key={p.currency_code} className="small price-row" data-testid="price-row" data-currency={p.currency_code}>
          <PriceVsRegular amount={p.amount} currency={p.currency_code} regular={regular(p.currency_code)} testId={testId} />
        </span>
      ))}
    </>
  )
}
