import { Button, Container, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, UIMatch, useParams } from "react-router-dom"
import { FlashSaleCrumb } from "../../../../components/breadcrumb"
import { CloseFlashSaleButton, FlashSaleDrawer, slotsText } from "../../../../components/flash-sale-drawer"
import { useSalePolicyText } from "../../../../components/sale-parts"
import { DetailHeader, Empty, Field, Loading, PageFallback, Section } from "../../../../components/section"
import { Status } from "../../../../components/status"
import { useVariantOptions } from "../../../../hooks/catalog"
import { useFlashSale, useFlashSaleReservations } from "../../../../hooks/flash-sales"
import { useFormat } from "../../../../lib/format"
import { useLabels } from "../../../../lib/labels"
import { FlashSale } from "../../../../lib/types"

const PAGE = 20

/** A variant's name as the catalogue gives it ("Product · Variant"), or its id when the catalogue no longer has it. */
const useVariantNames = (ids: string[]) => {
  const variants = useVariantOptions(ids)
  const names = new Map((variants.data ?? []).map((v) => [v.id, v]))
  return (id: string) => names.get(id) ?? { id, title: id, detail: null }
}

/** Each variant of the sale: its price per currency, its quota, and what is sold, reserved and left. */
const FlashVariants = ({ sale }: { sale: FlashSale }) => {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const nameOf = useVariantNames(sale.variants.map((v) => v.variant_id))
  return (
    <Table data-testid="flash-sale-variants-table">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{t("flashSales.variant")}</Table.HeaderCell>
          <Table.HeaderCell>{t("flashSales.prices")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("flashSales.quota")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("flashSales.soldCount")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("flashSales.reserved")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("flashSales.remaining")}</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {sale.variants.map((v) => {
          const name = nameOf(v.variant_id)
          return (
            <Table.Row key={v.variant_id} data-testid="flash-variant-row" data-variant-id={v.variant_id}>
              <Table.Cell>
                <Text size="small" data-testid="flash-variant-name">
                  {name.title}
                </Text>
                {name.detail && (
                  <Text size="xsmall" className="text-ui-fg-muted">
                    {name.detail}
                  </Text>
                )}
              </Table.Cell>
              <Table.Cell className="tabular-nums" data-testid="flash-variant-prices">
                {v.prices.map((p) => (
                  <div key={p.currency_code} data-currency={p.currency_code}>
                    {f.money(p.amount, p.currency_code)}
                  </div>
                ))}
              </Table.Cell>
              <Table.Cell className="text-right tabular-nums" data-testid="flash-variant-quota">
                {f.number(v.quota)}
              </Table.Cell>
              <Table.Cell className="text-right tabular-nums" data-testid="flash-variant-sold">
                {f.number(v.sold)}
              </Table.Cell>
              <Table.Cell className="text-right tabular-nums" data-testid="flash-variant-reserved">
                {f.number(v.reserved)}
              </Table.Cell>
              <Table.Cell className="text-right tabular-nums" data-testid="flash-variant-remaining">
                {f.number(v.remaining)}
              </Table.Cell>
            </Table.Row>
          )
        })}
      </Table.Body>
    </Table>
  )
}

/** The sale's reservations, the latest first: the buyer, the variant, how many, their state and the order that bought them. */
const FlashReservations = ({ sale }: { sale: FlashSale }) => {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const labels = useLabels()
  const [offset, setOffset] = useState(0)
  const { data, isLoading, error } = useFlashSaleReservations(sale.id, { limit: PAGE, offset })
  const nameOf = useVariantNames(sale.variants.map((v) => v.variant_id))
  if (isLoading) return <Loading />
  if (error) return <Empty title={t("flashSales.reservationsError")} description={error.message} />
  if (!data?.reservations.length) return <Empty title={t("flashSales.noReservations")} />
  return (
    <div>
      <Table data-testid="flash-sale-reservations">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("fields.order")}</Table.HeaderCell>
            <Table.HeaderCell>{t("fields.customer")}</Table.HeaderCell>
            <Table.HeaderCell>{t("flashSales.variant")}</Table.HeaderCell>
            <Table.HeaderCell className="text-right">{t("flashSales.quantity")}</Table.HeaderCell>
            <Table.HeaderCell>{t("fields.status")}</Table.HeaderCell>
            <Table.HeaderCell>{t("flashSales.reservedAt")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {data.reservations.map((r) => (
            <Table.Row key={r.id} data-testid="flash-reservation-row">
              <Table.Cell data-testid="flash-reservation-order">
                {r.order ? (
                  <Link to={`/orders/${r.order.id}`} className="text-ui-fg-interactive txt-small">
                    {r.order.display_id === null ? r.order.id.slice(-8) : `#${r.order.display_id}`}
                  </Link>
                ) : (
                  "—"
                )}
              </Table.Cell>
              <Table.Cell>
                <Link to={`/customers/${r.customer_id}`} className="text-ui-fg-interactive txt-small">
                  {r.customer_email ?? r.customer_id}
                </Link>
              </Table.Cell>
              <Table.Cell>
                <Text size="small">{nameOf(r.variant_id).title}</Text>
              </Table.Cell>
              <Table.Cell className="text-right tabular-nums" data-testid="flash-reservation-quantity">
                {f.number(r.quantity)}
              </Table.Cell>
              <Table.Cell>
                <Status kind="reservation" status={r.status} />
                <Text size="xsmall" className="text-ui-fg-muted">
                  {r.status === "reserved"
                    ? t("flashSales.heldUntil", { at: f.dateTime(r.expires_at) })
                    : r.status === "consumed"
                      ? f.dateTime(r.consumed_at)
                      : `${f.dateTime(r.released_at)}${r.release_reason ? ` · ${labels.releaseReasons[r.release_reason] ?? r.release_reason}` : ""}`}
                </Text>
              </Table.Cell>
              <Table.Cell>
                <Text size="small">{f.dateTime(r.created_at)}</Text>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {data.count > PAGE && (
        <div className="text-ui-fg-subtle txt-compact-small-plus flex items-center justify-between px-6 py-4">
          <span>{t("flashSales.reservationsRange", { from: f.number(offset + 1), to: f.number(Math.min(data.count, offset + PAGE)), total: f.number(data.count) })}</span>
          <div className="flex gap-x-2">
            <Button type="button" size="small" variant="transparent" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              {t("table.prev")}
            </Button>
            <Button type="button" size="small" variant="transparent" disabled={offset + PAGE >= data.count} onClick={() => setOffset(offset + PAGE)}>
              {t("table.next")}
            </Button>
          </div>
        </div>
      )}
    </div>
  )
}

const FlashSaleDetailPage = () => {
  const { id } = useParams()
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const policyText = useSalePolicyText()
  const [editing, setEditing] = useState(false)
  const { data, isLoading, isError, error } = useFlashSale(id)
  if (isLoading || isError || !data) {
    return <PageFallback isLoading={isLoading} notFound={t("flashSales.notFound")} error={error} />
  }
  const sale = data.flash_sale
  const slot = (s: FlashSale["current_slot"]) => (s ? t("flashSales.slotText", { from: f.dateTime(s.starts_at, sale.time_zone), to: f.dateTime(s.ends_at, sale.time_zone) }) : "—")
  return (
    <div className="flex flex-col gap-y-3" data-testid="flash-sale-detail">
      <Container className="divide-y p-0">
        <DetailHeader
          title={sale.name}
          titleTestId="flash-sale-name"
          status={<Status kind="flashSale" status={sale.phase} />}
          actions={
            sale.status === "active" && (
              <>
                <Button size="small" variant="secondary" onClick={() => setEditing(true)} data-testid="flash-sale-detail-edit">
                  {t("actions.edit")}
                </Button>
                <CloseFlashSaleButton sale={sale} variant="danger" testId="flash-sale-detail-close" />
              </>
            )
          }
        />
        <Field label={t("flashSales.dates")} testId="flash-sale-dates">
          {t("flashSales.datesText", { from: sale.starts_on, to: sale.ends_on, zone: sale.time_zone })}
        </Field>
        <Field label={t("flashSales.slots")} testId="flash-sale-slots">
          {slotsText(sale.slots)}
        </Field>
        <Field label={t("flashSales.currentSlot")} testId="flash-sale-current-slot">
          {slot(sale.current_slot)}
        </Field>
        <Field label={t("flashSales.upcomingSlot")} testId="flash-sale-next-slot">
          {slot(sale.next_slot)}
        </Field>
        <Field label={t("flashSales.limits")} testId="flash-sale-limits">
          {t("flashSales.limitsText", {
            perOrder: f.number(sale.per_order_limit),
            perCustomer: sale.per_customer_limit === null ? t("flashSales.noLimit") : f.number(sale.per_customer_limit),
            minutes: f.number(sale.reservation_minutes),
          })}
        </Field>
        <Field label={t("flashSales.allowCoupons")} testId="flash-sale-coupons">
          {sale.allow_coupons ? t("flashSales.couponsYes") : t("flashSales.couponsNo")}
        </Field>
        <Field label={t("flashSales.policy")} testId="flash-sale-policy-text">
          {policyText(sale)}
        </Field>
        {sale.closed_at && <Field label={t("flashSales.closedAt")}>{f.dateTime(sale.closed_at)}</Field>}
        <Field label={t("sales.createdAt")}>{f.dateTime(sale.created_at)}</Field>
      </Container>
      <Section title={t("flashSales.variants")} description={t("flashSales.variantsHint")}>
        <FlashVariants sale={sale} />
      </Section>
      <Section title={t("flashSales.orders")} description={t("flashSales.ordersHint")}>
        <FlashReservations sale={sale} />
      </Section>
      <FlashSaleDrawer sale={sale} open={editing} onOpenChange={setEditing} />
    </div>
  )
}

export const handle = { breadcrumb: (match: UIMatch) => <FlashSaleCrumb {...match} /> }

export default FlashSaleDetailPage
