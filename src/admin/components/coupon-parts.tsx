import { Button, Select, Table, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { useCouponPolicy } from "../hooks/coupons"
import { useFormat } from "../lib/format"
import { useLabels } from "../lib/labels"
import { depthRatesText } from "../lib/rates"
import { Coupon, CouponCommission, CouponDetail } from "../lib/types"
import { FormField } from "./form-drawer"
import { bpsOrNull, DepthRates, percentText, usePercentProblem } from "./percent-input"
import { Empty } from "./section"

type Policy = CouponCommission | "programme"

/** A coupon's policy in words: the programme's, normal, excluded, or its own rates per depth. */
export function usePolicyText() {
  const labels = useLabels()
  return useCallback(
    (c: Pick<Coupon, "commission_policy" | "rate_bps_1" | "rate_bps_2" | "rate_bps_3">) =>
      c.commission_policy === "rates"
        ? `${labels.couponPolicies.rates}: ${depthRatesText(c)}`
        : labels.couponPolicies[c.commission_policy ?? "programme"],
    [labels]
  )
}

/** One line per currency ("¥1,584.09"); a dash when the coupon was never used. */
export const FigureLines = ({ coupon, pick }: { coupon: Coupon; pick: "sales" | "commission" }) => {
  const f = useFormat()
  if (!coupon.figures.length) return <span className="text-ui-fg-muted">—</span>
  return (
    <div className="flex flex-col tabular-nums" data-testid={`coupon-${pick}`}>
      {coupon.figures.map((x) => (
        <span key={x.currency_code}>{f.money(x[pick], x.currency_code)}</span>
      ))}
    </div>
  )
}

/** What the coupon gives, as its Medusa promotion says: "10%" or "¥20.00". */
export function useOfferText() {
  const f = useFormat()
  return (offer: Coupon["offer"]) =>
    offer.value === null ? "—" : offer.type === "percentage" ? `${offer.value}%` : f.money(offer.value, offer.currency_code)
}

/**
 * The coupon's own commission policy, edited in place: the programme's, the
 * usual rates, its own rates per depth (typed as percentages), or nothing.
 */
export const CouponPolicyForm = ({ coupon }: { coupon: Coupon }) => {
  const { t } = useTranslation("distribution")
  const labels = useLabels()
  const problem = usePercentProblem()
  const [policy, setPolicy] = useState<Policy>(coupon.commission_policy ?? "programme")
  const [rates, setRates] = useState(() => [coupon.rate_bps_1, coupon.rate_bps_2, coupon.rate_bps_3].map(percentText))
  useEffect(() => {
    setPolicy(coupon.commission_policy ?? "programme")
    setRates([coupon.rate_bps_1, coupon.rate_bps_2, coupon.rate_bps_3].map(percentText))
  }, [coupon.id, coupon.commission_policy, coupon.rate_bps_1, coupon.rate_bps_2, coupon.rate_bps_3])
  const save = useCouponPolicy(t("coupons.policySaved"))
  const invalid = policy === "rates" && (rates[0].trim() === "" || rates.some((r) => problem(r) !== null))
  const submit = () => {
    if (invalid) return
    const [r1, r2, r3] = rates.map(bpsOrNull)
    save.mutate({
      id: coupon.id,
      policy:
        policy === "rates"
          ? { commission_policy: "rates", rate_bps_1: r1, rate_bps_2: r2 ?? 0, rate_bps_3: r3 ?? 0 }
          : { commission_policy: policy === "programme" ? null : policy },
    })
  }
  return (
    <form
      className="flex flex-col gap-y-4 px-6 py-4"
      data-testid="coupon-policy-form"
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <FormField label={t("coupons.policy")} hint={t("coupons.policyHint")} htmlFor="coupon-policy">
        <Select value={policy} onValueChange={(v) => setPolicy(v as Policy)}>
          <Select.Trigger id="coupon-policy" data-testid="coupon-policy-select">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {(["programme", "normal", "rates", "excluded"] as const).map((p) => (
              <Select.Item key={p} value={p}>
                {labels.couponPolicies[p]}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </FormField>
      {policy === "rates" && <DepthRates idPrefix="coupon_rate" rates={rates} onChange={setRates} />}
      <div className="flex justify-end">
        <Button size="small" type="submit" disabled={invalid} isLoading={save.isPending} data-testid="coupon-policy-save">
          {t("actions.save")}
        </Button>
      </div>
    </form>
  )
}

/** The orders placed with a coupon (its latest 50), each with its sales and the owner's commission. */
export const CouponOrders = ({ orders }: { orders: CouponDetail["orders"] }) => {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  if (!orders.length) return <Empty title={t("coupons.noOrders")} />
  return (
    <Table data-testid="coupon-orders">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{t("coupons.order")}</Table.HeaderCell>
          <Table.HeaderCell>{t("coupons.placedAt")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("coupons.sales")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("fields.commission")}</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {orders.map((o) => (
          <Table.Row key={o.order_id} data-testid="coupon-order-row">
            <Table.Cell>
              <Link to={`/orders/${o.order_id}`} className="text-ui-fg-interactive txt-small">
                {o.order_id.slice(-8)}
              </Link>
            </Table.Cell>
            <Table.Cell>
              <Text size="small">{f.dateTime(o.created_at)}</Text>
            </Table.Cell>
            <Table.Cell className="text-right tabular-nums" data-testid="coupon-order-sales">
              {f.money(o.sales, o.currency_code)}
            </Table.Cell>
            <Table.Cell className="text-right tabular-nums" data-testid="coupon-order-commission">
              {f.money(o.commission, o.currency_code)}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
