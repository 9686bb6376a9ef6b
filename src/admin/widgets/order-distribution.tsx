import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { DistributorLink } from "../components/distributor-link"
import { Empty, Loading, Section } from "../components/section"
import { Status } from "../components/status"
import { useCommissions } from "../hooks/distributors"
import { useFormat } from "../lib/format"

/** On an order: who earns what from it, line by line and depth by depth, and where each commission stands. */
const OrderDistributionWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  // An order has at most (lines × 3) commissions; one page holds them all.
  const { data, isLoading } = useCommissions({ order_id: order.id, order: "depth", limit: 200, offset: 0 })
  const rows = data?.commissions ?? []
  const lineTitle = (lineId: string) => order.items?.find((i) => i.id === lineId)?.product_title ?? lineId
  return (
    <Section title={t("widgets.order.title")} description={t("widgets.order.description")} testId="order-distribution-widget">
      {isLoading ? (
        <Loading />
      ) : rows.length ? (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("fields.distributor")}</Table.HeaderCell>
              <Table.HeaderCell>{t("fields.item")}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">{t("fields.commission")}</Table.HeaderCell>
              <Table.HeaderCell>{t("fields.status")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((c) => (
              <Table.Row key={c.id} data-testid="order-commission-row">
                <Table.Cell className="py-2">
                  <DistributorLink id={c.distributor_id} />
                  <Text size="xsmall" className="text-ui-fg-muted">
                    {t("fields.depthN", { depth: c.depth })}
                  </Text>
                </Table.Cell>
                <Table.Cell className="py-2">
                  <Text size="small">{lineTitle(c.line_item_id)}</Text>
                  <Text size="xsmall" className="text-ui-fg-muted">
                    {t("widgets.order.base", { amount: f.money(c.base_amount, c.currency_code), quantity: c.quantity })}
                  </Text>
                </Table.Cell>
                <Table.Cell className="py-2 text-right">
                  <Text size="small" className="tabular-nums" data-testid="order-commission-amount">
                    {f.money(c.amount, c.currency_code)}
                  </Text>
                  <Text size="xsmall" className="text-ui-fg-muted">
                    {c.rate_bps === null ? t("rules.modes.fixed") : f.bps(c.rate_bps)}
                  </Text>
                </Table.Cell>
                <Table.Cell className="py-2">
                  <Status kind="commission" status={c.status} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <Empty title={t("widgets.order.none")} description={t("widgets.order.noneDescription")} />
      )}
    </Section>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.after" })

export default OrderDistributionWidget
