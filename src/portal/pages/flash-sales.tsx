import { useQuery } from "@tanstack/react-query"
import { PriceRows, useRegularPrices } from "../activity"
import { centre } from "../lib/api"
import { useI18n } from "../lib/i18n"
import { Card, ErrorBox, Loading, Page } from "../ui"

const time = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }).format(new Date(iso))

/**
 * Flash sales (秒杀): the slot selling now and the next one, each variant's
 * flash price in every currency it has one, against the regular price in that
 * currency, and what is left of its quota.
 */
export function FlashSalesPage() {
  const { t, lang } = useI18n()
  const sales = useQuery({ queryKey: ["flash-sales"], queryFn: () => centre.flashSales({ limit: 20 }) })
  const variants = sales.data?.flash_sales.flatMap((s) => s.variants) ?? []
  const regular = useRegularPrices(
    variants.map((v) => v.variant_id),
    variants.flatMap((v) => v.prices.map((p) => p.currency_code))
  )
  return (
    <Page title={t("flash.title")} testId="flash-sales-page">
      {sales.isError && <ErrorBox error={sales.error} retry={() => void sales.refetch()} />}
      {sales.isPending && <Loading />}
      {sales.data?.count === 0 && <p className="muted">{t("flash.none")}</p>}
      {sales.data?.flash_sales.map((s) => (
        <Card
          key={s.id}
          testId="flash-sale"
          title={s.name}
          aside={<span className={`pill ${s.phase === "live" ? "live" : "scheduled"}`}>{s.phase === "live" ? t("sales.live") : t("sales.scheduled")}</span>}
        >
          {s.current_slot && (
            <p className="small" data-testid="flash-current">
              {t("flash.current", { from: time(s.current_slot.starts_at, lang), to: time(s.current_slot.ends_at, lang) })}
            </p>
          )}
          {s.next_slot && (
            <p className="small muted" data-testid="flash-next">
              {t("flash.next", { from: time(s.next_slot.starts_at, lang), to: time(s.next_slot.ends_at, lang) })}
            </p>
          )}
          <ul className="list">
            {s.variants.map((v) => (
              <li key={v.variant_id} className="product" data-testid="flash-variant">
                <div className="product-body">
                  {regular.data?.titles[v.variant_id] && <span className="product-title">{regular.data.titles[v.variant_id]}</span>}
                  <PriceRows prices={v.prices} regular={(c) => regular.data?.amounts[c]?.[v.variant_id]} testId="flash-price" />
                  <span className="small" data-testid="flash-remaining">
                    {t("flash.remaining", { left: v.remaining, quota: v.quota })}
                  </span>
                </div>
              </li>
            ))}
          </ul>
        </Card>
      ))}
    </Page>
  )
}
