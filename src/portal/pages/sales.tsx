import { useQuery } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { centre } from "../lib/api"
import { useI18n } from "../lib/i18n"
import { formatBps } from "../lib/money"
import { Card, ErrorBox, Loading, Money, Page } from "../ui"

export function duration(seconds: number, lang: string) {
  const d = Math.floor(seconds / 86400)
  const h = Math.floor((seconds % 86400) / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  const hms = [h, m, s].map((n) => String(n).padStart(2, "0")).join(":")
  return d ? `${d}${lang === "en" ? "d" : "天"} ${hms}` : hms
}

/** A second-by-second countdown from the API's seconds at the time it answered. */
export function useElapsed(since: number) {
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1000)
    return () => window.clearInterval(id)
  }, [])
  return Math.max(0, Math.floor((now - since) / 1000))
}

export function SalesPage() {
  const { t, lang } = useI18n()
  const sales = useQuery({ queryKey: ["sales"], queryFn: async () => ({ at: Date.now(), ...(await centre.sales({ limit: 20 })) }) })
  const elapsed = useElapsed(sales.data?.at ?? Date.now())
  return (
    <Page title={t("sales.title")} testId="sales-page">
      {sales.isError && <ErrorBox error={sales.error} retry={() => void sales.refetch()} />}
      {sales.isPending && <Loading />}
      {sales.data?.count === 0 && <p className="muted">{t("sales.none")}</p>}
      {sales.data?.sales.map((s) => (
        <Card
          key={s.id}
          testId="sale"
          title={s.name}
          aside={<span className={`pill ${s.status}`}>{s.status === "live" ? t("sales.live") : t("sales.scheduled")}</span>}
        >
          <p className="countdown" data-testid="sale-countdown">
            {s.status === "live"
              ? t("sales.endsIn", { time: duration(Math.max(0, s.ends_in_seconds - elapsed), lang) })
              : t("sales.startsIn", { time: duration(Math.max(0, s.starts_in_seconds - elapsed), lang) })}
            {s.percent_off_bps !== null && <span className="tag">{t("sales.off", { rate: formatBps(s.percent_off_bps) })}</span>}
          </p>
          <ul className="list">
            {s.products.map((p) => (
              <li key={p.id} className="product" data-testid="sale-product">
                {p.thumbnail ? <img src={p.thumbnail} alt="" width={56} height={56} loading="lazy" /> : <span className="thumb" />}
                <div className="product-body">
                  <span className="product-title">{p.title}</span>
                  {p.variants.map((v) => (
                    <span key={v.id} className="small">
                      {v.title ? `${v.title} ` : ""}
                      {v.sale_price && <Money amount={v.sale_price} currency={sales.data.currency_code} testId="sale-price" />}{" "}
                      {v.original_price && v.original_price !== v.sale_price && (
                        <s className="muted">
                          <Money amount={v.original_price} currency={sales.data.currency_code} />
                        </s>
                      )}
                    </span>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </Card>
      ))}
    </Page>
  )
}
