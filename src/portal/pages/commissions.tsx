import { useInfiniteQuery } from "@tanstack/react-query"
import { useState } from "react"
import type { OwnCommission } from "../../client"
import { centre } from "../lib/api"
import { useI18n } from "../lib/i18n"
import { formatBps } from "../lib/money"
import { Card, ErrorBox, formatDate, Loading, Money, Page, useMoney } from "../ui"

const STATUSES = ["pending", "settled", "reversed"] as const
const zero = (a: string) => /^-?0(\.0+)?$/.test(a)

/** Why a commission stands where it does, in the distributor's words. */
function useWhy() {
  const { t, lang } = useI18n()
  const money = useMoney()
  return (c: OwnCommission) => {
    if (c.status === "reversed") return t("commissions.why.reversed")
    if (!zero(c.reversed_amount)) return t("commissions.why.partly", { amount: money(c.reversed_amount, c.currency_code) })
    if (c.status === "settled") return t("commissions.why.settled", { date: formatDate(c.settled_at ?? c.created_at, lang) })
    return c.eligible_at ? t("commissions.why.pendingUntil", { date: formatDate(c.eligible_at, lang) }) : t("commissions.why.pending")
  }
}

export function CommissionsPage() {
  const { t } = useI18n()
  const money = useMoney()
  const why = useWhy()
  const [status, setStatus] = useState<(typeof STATUSES)[number] | null>(null)
  const list = useInfiniteQuery({
    queryKey: ["commissions", status],
    initialPageParam: 0,
    queryFn: ({ pageParam }) => centre.commissions({ limit: 20, offset: pageParam, ...(status ? { status } : {}) }),
    getNextPageParam: (last) => (last.offset + last.limit < last.count ? last.offset + last.limit : undefined),
  })
  return (
    <Page title={t("commissions.title")} testId="commissions-page">
      <div className="filters" role="tablist">
        {[null, ...STATUSES].map((s) => (
          <button key={s ?? "all"} type="button" role="tab" aria-selected={s === status} className={s === status ? "chip active" : "chip"} onClick={() => setStatus(s)} data-testid={`filter-${s ?? "all"}`}>
            {s ? t(`commissions.status.${s}`) : t("commissions.all")}
          </button>
        ))}
      </div>
      <Card>
        {list.isError && <ErrorBox error={list.error} retry={() => void list.refetch()} />}
        {list.isPending && <Loading />}
        {list.data?.pages[0].count === 0 && <p className="muted">{t("common.empty")}</p>}
        <ul className="list">
          {list.data?.pages
            .flatMap((p) => p.commissions)
            .map((c) => (
              <li key={c.id} className="commission" data-testid="commission-row">
                <div className="row">
                  <div>
                    <Money amount={c.amount} currency={c.currency_code} testId="commission-amount" />
                    <span className="muted small">
                      {c.rate_bps !== null
                        ? t("commissions.rate", { rate: formatBps(c.rate_bps), base: money(c.base_amount, c.currency_code) })
                        : t("commissions.fixed", { base: money(c.base_amount, c.currency_code) })}
                    </span>
                  </div>
                  <span className={`pill ${c.status}`} data-testid="commission-status">
                    {t(`commissions.status.${c.status}`)}
                  </span>
                </div>
                <span className="muted small" data-testid="commission-why">
                  {why(c)}
                </span>
              </li>
            ))}
        </ul>
        {list.hasNextPage && (
          <button type="button" onClick={() => void list.fetchNextPage()}>
            {t("common.more")}
          </button>
        )}
      </Card>
    </Page>
  )
}
