import { useCallback } from "react"
import { useTranslation } from "react-i18next"
import { useFormat } from "../lib/format"
import { useLabels } from "../lib/labels"
import { depthRatesText } from "../lib/rates"
import { Sale } from "../lib/types"

/** A sale's commission policy in words: the usual rates, none, or its own rates per depth. */
export function useSalePolicyText() {
  const labels = useLabels()
  return useCallback(
    (s: Pick<Sale, "commission_policy" | "rate_bps_1" | "rate_bps_2" | "rate_bps_3">) =>
      s.commission_policy === "rates" ? `${labels.salePolicies.rates}: ${depthRatesText(s)}` : labels.salePolicies[s.commission_policy],
    [labels]
  )
}

/** A sale's window as the wall-clock times of its zone, the zone named: "Dec 12, 2026, 12:00 AM – Dec 13, 2026, 12:00 AM (Asia/Shanghai)". */
export function useSaleWindowText() {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  return useCallback(
    (s: Pick<Sale, "starts_at" | "ends_at" | "time_zone">) =>
      t("sales.windowText", { from: f.dateTime(s.starts_at, s.time_zone), to: f.dateTime(s.ends_at, s.time_zone), zone: s.time_zone }),
    // f follows the language, as t does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, f.locale]
  )
}

/** How a sale prices: "20% off", or fixed prices. */
export function useSalePricingText() {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  return useCallback(
    (s: Pick<Sale, "percent_off_bps">) =>
      s.percent_off_bps === null ? t("sales.modes.fixed") : t("sales.percentOffText", { percent: f.bps(s.percent_off_bps) }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, f.locale]
  )
}
