import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { Section } from "../components/section"
import { Status } from "../components/status"
import { useGroupOfOrder } from "../hooks/group-buys"

/** On a 拼团 order: its group (a link to its page), state, seats and time left. Until the group succeeds the order cannot be fulfilled. */
const OrderGroupBuyWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { t } = useTranslation("distribution")
  const { data } = useGroupOfOrder(order.id)
  const group = data?.groups[0]
  if (!group) {
    return null
  }
  const minutes = group.expires_in_seconds === null ? null : Math.ceil(group.expires_in_seconds / 60)
  return (
    <Section title={t("widgets.groupBuy.title")} description={t("widgets.groupBuy.description")} testId="order-group-buy-widget">
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <div className="flex items-center justify-between">
          <Link to={`/distribution/group-buys/${group.group_buy_id}/groups/${group.id}`} className="txt-small text-ui-fg-interactive" data-testid="order-group-link">
            {group.id}
          </Link>
          <Status kind="group" status={group.status} />
        </div>
        <Text size="small">{t("widgets.groupBuy.seats", { paid: group.paid, size: group.size, virtual: group.virtual_count })}</Text>
        {minutes !== null && <Text size="small">{t("widgets.groupBuy.timeLeft", { minutes })}</Text>}
        {group.status !== "succeeded" && (
          <Text size="xsmall" className="text-ui-fg-muted">
            {t("widgets.groupBuy.noFulfilment")}
          </Text>
        )}
      </div>
    </Section>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.after" })

export default OrderGroupBuyWidget
