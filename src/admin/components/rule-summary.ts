import { useTranslation } from "react-i18next"
import { useFormat } from "../lib/format"
import { CommissionRule } from "../lib/types"

/** What a rule pays at each depth, in words: "10% / 5%", "¥5.00 per unit", "excluded". */
export function useRuleSummary() {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  return (
    r: Pick<CommissionRule, "mode" | "rate_bps_1" | "rate_bps_2" | "rate_bps_3" | "fixed_amount_1" | "fixed_amount_2" | "fixed_amount_3" | "currency_code">
  ) =>
    r.mode === "excluded"
      ? t("rules.modes.excluded")
      : r.mode === "rate"
        ? [r.rate_bps_1, r.rate_bps_2, r.rate_bps_3].map((v) => (v === null ? t("rules.inherit") : f.bps(v))).join(" / ")
        : t("rules.perUnit", {
            amounts: [r.fixed_amount_1, r.fixed_amount_2, r.fixed_amount_3]
              .map((v) => (v === null ? t("rules.inherit") : f.money(v, r.currency_code)))
              .join(" / "),
          })
}
