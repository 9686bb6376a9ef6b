import { Button, Container, Heading, Table, Text, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, UIMatch, useParams } from "react-router-dom"
import { SaleCrumb } from "../../../../components/breadcrumb"
import { CommissionsTable } from "../../../../components/distributor-tables"
import { SaleDrawer } from "../../../../components/sale-drawer"
import { useSalePolicyText, useSalePricingText, useSaleWindowText } from "../../../../components/sale-parts"
import { Empty, Field, PageFallback, Section } from "../../../../components/section"
import { Status } from "../../../../components/status"
import { useVariantOptions } from "../../../../hooks/catalog"
import { useEndSale, useSale } from "../../../../hooks/sales"
import { useFormat } from "../../../../lib/format"
import { Sale } from "../../../../lib/types"

/** A sale's prices, variant by variant and currency by currency, beside each variant's regular price. */
const SalePrices = ({ sale }: { sale: Sale }) => {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const variants = useVariantOptions(sale.variant_ids)
  const names = new Map((variants.data ?? []).map((v) => [v.id, v]))
  if (!sale.prices.length) return <Empty title={t("sales.noPrices")} />
  return (
    <Table data-testid="sale-prices">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{t("sales.variant")}</Table.HeaderCell>
          <Table.HeaderCell>{t("sales.currency")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("sales.salePrice")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("sales.regularPrice")}</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {sale.prices.map((p) => {
          const v = names.get(p.variant_id)
          return (
            <Table.Row key={`${p.variant_id}:${p.currency_code}`} data-testid="sale-price-row">
              <Table.Cell>
                <Text size="small" data-testid="sale-price-variant">
                  {v?.title ?? p.variant_id}
                </Text>
                {v?.detail && (
                  <Text size="xsmall" className="text-ui-fg-muted">
                    {v.detail}
                  </Text>
                )}
              </Table.Cell>
              <Table.Cell className="uppercase">{p.currency_code}</Table.Cell>
              <Table.Cell className="text-right tabular-nums" data-testid="sale-price-amount">
                {f.money(p.amount, p.currency_code)}
              </Table.Cell>
              <Table.Cell className="text-ui-fg-subtle text-right tabular-nums line-through" data-testid="sale-price-regular">
                {f.money(p.regular_amount, p.currency_code)}
              </Table.Cell>
            </Table.Row>
          )
        })}
      </Table.Body>
    </Table>
  )
}

const SaleDetailPage = () => {
  const { id } = useParams()
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const prompt = usePrompt()
  const policyText = useSalePolicyText()
  const windowText = useSaleWindowText()
  const pricingText = useSalePricingText()
  const [editing, setEditing] = useState(false)
  const { data, isLoading, isError, error } = useSale(id)
  const end = useEndSale(t("sales.ended"))
  if (isLoading || isError || !data) {
    return <PageFallback isLoading={isLoading} notFound={t("sales.notFound")} error={error} />
  }
  const sale = data.sale
  const endEarly = async () => {
    const ok = await prompt({
      title: t("sales.endTitle"),
      description: t("sales.endDescription", { name: sale.name }),
      confirmText: t("sales.end"),
      cancelText: t("actions.cancel"),
    })
    if (ok) end.mutate({ id: sale.id })
  }
  return (
    <div className="flex flex-col gap-y-3" data-testid="sale-detail">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div className="flex items-center gap-x-2">
            <Heading data-testid="sale-name">{sale.name}</Heading>
            <Status kind="sale" status={sale.status} />
          </div>
          {sale.status !== "ended" && (
            <div className="flex gap-x-2">
              <Button size="small" variant="secondary" onClick={() => setEditing(true)} data-testid="sale-edit">
                {t("actions.edit")}
              </Button>
              <Button size="small" variant="danger" isLoading={end.isPending} onClick={endEarly} data-testid="sale-end">
                {t("sales.end")}
              </Button>
            </div>
          )}
        </div>
        <Field label={t("sales.window")} testId="sale-window">
          {windowText(sale)}
        </Field>
        <Field label={t("sales.mode")} testId="sale-pricing">
          {pricingText(sale)}
        </Field>
        <Field label={t("sales.policy")} testId="sale-policy">
          {policyText(sale)}
        </Field>
        <Field label={t("sales.priceList")}>
          {sale.price_list_id ? (
            <Link to={`/price-lists/${sale.price_list_id}`} className="text-ui-fg-interactive" data-testid="sale-price-list">
              {t("sales.openPriceList")}
            </Link>
          ) : (
            "—"
          )}
        </Field>
        <Field label={t("sales.createdAt")}>{f.dateTime(sale.created_at)}</Field>
      </Container>
      <Section title={t("sales.prices")} description={t("sales.variantsCount", { count: sale.variant_ids.length })}>
        <SalePrices sale={sale} />
      </Section>
      <Section title={t("sales.commissions")} description={t("sales.commissionsHint")}>
        <div data-testid="sale-commissions">
          <CommissionsTable saleId={sale.id} />
        </div>
      </Section>
      <SaleDrawer sale={sale} open={editing} onOpenChange={setEditing} />
    </div>
  )
}

export const handle = { breadcrumb: (match: UIMatch) => <SaleCrumb {...match} /> }

export default SaleDetailPage
