import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminPromotion, DetailWidgetProps } from "@medusajs/framework/types"
import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { CouponOrders, usePolicyText } from "../components/coupon-parts"
import { Field, Loading, Section } from "../components/section"
import { Status } from "../components/status"
import { useCoupon, useCoupons } from "../hooks/coupons"
import { useSettings } from "../hooks/programme"

/**
 * On a promotion: when it is a distributor's coupon, whose it is (linked to the
 * distributor), where the coupon stands, its commission policy and the orders
 * placed with it with the owner's commission; when it is the programme's coupon
 * template, that. Nothing on any other promotion.
 */
const PromotionDistributionWidget = ({ data: promotion }: DetailWidgetProps<AdminPromotion>) => {
  const { t } = useTranslation("distribution")
  const policyText = usePolicyText()
  const settings = useSettings()
  const coupons = useCoupons({ promotion_id: promotion.id, limit: 1, offset: 0 })
  const coupon = coupons.data?.coupons[0]
  const detail = useCoupon(coupon?.id)
  if (settings.data?.settings.coupon_template_promotion_id === promotion.id) {
    return (
      <Section title={t("widgets.promotion.title")} testId="promotion-distribution-widget">
        <div className="flex flex-col gap-y-1 px-6 py-4" data-testid="promotion-template">
          <Text size="small">{t("widgets.promotion.template")}</Text>
          <Link to="/distribution/coupons" className="text-ui-fg-interactive txt-small">
            {t("widgets.promotion.templateLink")}
          </Link>
        </div>
      </Section>
    )
  }
  if (coupons.isLoading) {
    return (
      <Section title={t("widgets.promotion.title")}>
        <Loading />
      </Section>
    )
  }
  if (!coupon) {
    return null
  }
  return (
    <Section title={t("widgets.promotion.title")} description={t("widgets.promotion.description")} testId="promotion-distribution-widget">
      <Field label={t("coupons.owner")}>
        <Link to={`/distribution/distributors/${coupon.distributor_id}`} className="text-ui-fg-interactive" data-testid="promotion-coupon-owner">
          {[coupon.distributor?.email, coupon.distributor?.referral_code].filter(Boolean).join(" · ") || coupon.distributor_id}
        </Link>
      </Field>
      <Field label={t("fields.status")}>
        <Status kind="coupon" status={coupon.status} />
      </Field>
      <Field label={t("coupons.policy")} testId="promotion-coupon-policy">
        {policyText(coupon)}
      </Field>
      <div className="flex flex-col gap-y-2 py-4">
        <Text size="small" weight="plus" className="px-6">
          {t("coupons.orders")}
        </Text>
        {detail.data ? <CouponOrders orders={detail.data.orders} /> : <Loading />}
      </div>
    </Section>
  )
}

export const config = defineWidgetConfig({ zone: "promotion.details.after" })

export default PromotionDistributionWidget
