import { Button, Container } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, UIMatch, useParams } from "react-router-dom"
import { ActivityPrices } from "../../../../components/activity-prices"
import { ConfirmButton } from "../../../../components/confirm-button"
import { SaleCrumb } from "../../../../components/breadcrumb"
import { CommissionsTable } from "../../../../components/distributor-tables"
import { SaleDrawer } from "../../../../components/sale-drawer"
import { useSalePolicyText, useSalePricingText, useSaleWindowText } from "../../../../components/sale-parts"
import { DetailHeader, Empty, Field, PageFallback, Section } from "../../../../components/section"
import { Status } from "../../../../components/status"
import { useEndSale, useSale } from "../../../../hooks/sales"
import { useFormat } from "../../../../lib/format"
import { Sale } from "../../../../lib/types"

/** A sale's prices, variant by variant and currency by currency, beside each variant's regular price. */
const SalePrices = ({ sale }: { sale: Sale }) => {
  const { t } = useTranslation("distribution")
  if (!sale.prices.length) return <Empty title={t("sales.noPrices")} />
  return <ActivityPrices prices={sale.prices} priceLabel={t("sales.salePrice")} regular testId="sale-price" />
}

const SaleDetailPage = () => {
  const { id } = useParams()
  const { t } = useTranslation("distribution")
  const f = useFormat()
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
  return (
    <div className="flex flex-col gap-y-3" data-testid="sale-detail">
      <Container className="divide-y p-0">
        <DetailHeader
          title={sale.name}
          titleTestId="sale-name"
          status={<Status kind="sale" status={sale.status} />}
          actions={
            sale.status !== "ended" && (
              <>
                <Button size="small" variant="secondary" onClick={() => setEditing(true)} data-testid="sale-edit">
                  {t("actions.edit")}
                </Button>
                <ConfirmButton
                  variant="danger"
                  isLoading={end.isPending}
                  testId="sale-end"
                  confirm={{ title: t("sales.endTitle"), description: t("sales.endDescription", { name: sale.name }), confirmText: t("sales.end") }}
                  onConfirm={() => end.mutate({ id: sale.id })}
                >
                  {t("sales.end")}
                </ConfirmButton>
              </>
            )
          }
        />
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
