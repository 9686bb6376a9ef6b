import { useQuery } from "@tanstack/react-query"
import { Countdown, PriceRows, useElapsed } from "../activity"
import { centre } from "../lib/api"
import { useI18n } from "../lib/i18n"
import { formatBps } from "../lib/money"
import { Card, ErrorBox, Loading, Page } from "../ui"

/**
 * Limited-time sales: each with its countdown and products. The API prices
 * them in one region and says its currency; the sale price and the original
 * price are both in it, so they are compared in it.
 */
export function SalesPage() {
  const { t } = useI18n()
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
            {s.status === "live" ? (
              <Countdown seconds={s.ends_in_seconds} elapsed={elapsed} until="end" />
            ) : (
              <Countdown seconds={s.starts_in_seconds} elapsed={elapsed} until="start" />
            )}
            {s.percent_off_bps !== null && <span className="tag">{t("sales.off", { rate: formatBps(s.percent_off_bps) })}</span>}
          </p>
          <ul className="list">
            {s.products.map((p) => (
              <li key={p.id} className="product" data-testid="sale-product">
                {p.thumbnail ? <img src={p.thumbnail} alt="" width={56} height={56} loading="lazy" /> : <span className="thumb" />}
                <div className="product-body">
                  <span className="product-title">{p.title}</span>
                  {p.variants.map((v) => (
                    <div key={v.id} data-testid="sale-variant">
                      {v.title && <span className="small">{v.title}</span>}
                      <PriceRows
                        prices={v.sale_price ? [{ currency_code: sales.data.currency_code, amount: v.sale_price }] : []}
                        regular={() => v.original_price}
                        testId="sale-price"
                      />
                    </div>
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
