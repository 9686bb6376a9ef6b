import { useInfiniteQuery } from "@tanstack/react-query"
import { centre } from "../lib/api"
import { useI18n } from "../lib/i18n"
import { Card, ErrorBox, formatDate, Loading, Money, Page } from "../ui"

/** Orders attributed to the distributor, with their live status; the buyer as the API masks it. */
export function OrdersPage() {
  const { t, lang } = useI18n()
  const orders = useInfiniteQuery({
    queryKey: ["orders"],
    initialPageParam: 0,
    queryFn: ({ pageParam }) => centre.orders({ limit: 10, offset: pageParam }),
    getNextPageParam: (last) => (last.offset + last.limit < last.count ? last.offset + last.limit : undefined),
  })
  return (
    <Page title={t("orders.title")} testId="orders-page">
      <Card>
        {orders.isError && <ErrorBox error={orders.error} retry={() => void orders.refetch()} />}
        {orders.isPending && <Loading />}
        {orders.data?.pages[0].count === 0 && <p className="muted">{t("common.empty")}</p>}
        <ul className="list">
          {orders.data?.pages
            .flatMap((p) => p.orders)
            .map((o) => (
              <li key={o.id} className="order" data-testid="order-row" data-order-id={o.id}>
                <div className="row">
                  <div>
                    <strong>{t("orders.order", { id: o.display_id })}</strong>
                    <span className="muted small">{formatDate(o.created_at, lang)}</span>
                  </div>
                  <span className={`pill ${o.status}`} data-testid="order-status">
                    {t(`orders.status.${o.status}`)}
                  </span>
                </div>
                <div className="row">
                  <span className="muted small" data-testid="order-buyer">
                    {t("orders.buyer")}: {[o.buyer.name, o.buyer.email].filter(Boolean).join(" · ") || "—"}
                  </span>
                  <span>
                    {t("orders.commission")} <Money amount={o.commission} currency={o.currency_code} testId="order-commission" />
                  </span>
                </div>
                <ul className="items">
                  {o.items.map((i) => (
                    <li key={i.id} className="muted small">
                      {i.title}
                      {i.variant_title ? ` · ${i.variant_title}` : ""} × {i.quantity}
                      {i.depth ? ` · ${t("orders.depth", { depth: i.depth })}` : ""} · <Money amount={i.commission} currency={o.currency_code} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
        </ul>
        {orders.hasNextPage && (
          <button type="button" onClick={() => void orders.fetchNextPage()} disabled={orders.isFetchingNextPage}>
            {t("common.more")}
          </button>
        )}
      </Card>
    </Page>
  )
}
