import { useQuery } from "@tanstack/react-query"
import { centre, regularPrices } from "../lib/api"
import { useI18n } from "../lib/i18n"
import { Card, ErrorBox, Loading, Money, Page } from "../ui"

const time = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }).format(new Date(iso))

/** The regular prices of variants in a currency, to show beside an activity's price (struck through when higher). */
export function useRegularPrices(variantIds: string[], currency: string | undefined) {
  return useQuery({
    queryKey: ["regular-prices", currency, [...variantIds].sort().join(",")],
    queryFn: () => regularPrices(variantIds, currency!),
    enabled: !!currency && variantIds.length > 0,
  })
}

/** A price and, when the regular one is different, the regular one struck through. */
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

/** Flash sales (秒杀): the slot selling now and the next one, each variant's flash price and what is left of its quota. */
export function FlashSalesPage() {
  const { t, lang } = useI18n()
  const sales = useQuery({ queryKey: ["flash-sales"], queryFn: () => centre.flashSales({ limit: 20 }) })
  const currency = sales.data?.flash_sales.flatMap((s) => s.variants.flatMap((v) => v.prices.map((p) => p.currency_code)))[0]
  const regular = useRegularPrices([...new Set(sales.data?.flash_sales.flatMap((s) => s.variants.map((v) => v.variant_id)) ?? [])], currency)
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
                  {regular.data?.[v.variant_id]?.title && <span className="product-title">{regular.data[v.variant_id].title}</span>}
                  {v.prices.map((p) => (
                    <span key={p.currency_code} className="small">
                      <PriceVsRegular
                        amount={p.amount}
                        currency={p.currency_code}
                        regular={p.currency_code === currency ? regular.data?.[v.variant_id]?.amount : null}
                        testId="flash-price"
                      />
                    </span>
                  ))}
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
