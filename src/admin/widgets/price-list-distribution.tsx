import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminPriceList, DetailWidgetProps } from "@medusajs/framework/types"
import { Link } from "react-router-dom"
import { useTranslation } from "react-i18next"
import { useSalePolicyText, useSaleWindowText } from "../components/sale-parts"
import { Field, Loading, Section } from "../components/section"
import { Status } from "../components/status"
import { useSales } from "../hooks/sales"

/**
 * On a price list: when it is a limited-time sale of the programme, where the
 * sale stands, its window in its time zone and its commission policy, with a
 * link to the sale's page (where it is changed). Nothing on any other price list.
 */
const PriceListDistributionWidget = ({ data: priceList }: DetailWidgetProps<AdminPriceList>) => {
  const { t } = useTranslation("distribution")
  const policyText = useSalePolicyText()
  const windowText = useSaleWindowText()
  const { data, isLoading } = useSales({ price_list_id: priceList.id, limit: 1, offset: 0 })
  const sale = data?.sales[0]
  if (isLoading) {
    return (
      <Section title={t("widgets.priceList.title")}>
        <Loading />
      </Section>
    )
  }
  if (!sale) {
    return null
  }
  return (
    <Section title={t("widgets.priceList.title")} description={t("widgets.priceList.description")} testId="price-list-distribution-widget">
      <Field label={t("sales.name")}>
        <Link to={`/distribution/sales/${sale.id}`} className="text-ui-fg-interactive" data-testid="price-list-sale-link">
          {sale.name}
        </Link>
      </Field>
      <Field label={t("fields.status")}>
        <Status kind="sale" status={sale.status} />
      </Field>
      <Field label={t("sales.window")} testId="price-list-sale-window">
        {windowText(sale)}
      </Field>
      <Field label={t("sales.policy")} testId="price-list-sale-policy">
        {policyText(sale)}
      </Field>
    </Section>
  )
}

export const config = defineWidgetConfig({ zone: "price_list.details.after" })

export default PriceListDistributionWidget
