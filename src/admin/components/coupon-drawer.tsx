import { Drawer, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { useCoupon } from "../hooks/coupons"
import { useFormat } from "../lib/format"
import { useLabels } from "../lib/labels"
import { CouponOrders, CouponPolicyForm, FigureLines, useOfferText } from "./coupon-parts"
import { Field, Loading } from "./section"
import { Status } from "./status"

/** One coupon in full: its owner and Medusa promotion, what it gives, its figures and orders, and its policy to edit. */
export const CouponDrawer = ({ id, onClose }: { id: string | null; onClose: () => void }) => {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const labels = useLabels()
  const offer = useOfferText()
  const { data, isLoading } = useCoupon(id)
  const c = data?.coupon
  return (
    <Drawer open={!!id} onOpenChange={(o) => !o && onClose()}>
      <Drawer.Content data-testid="coupon-drawer">
        <Drawer.Header>
          <Drawer.Title>{c ? t("coupons.detailTitle", { code: c.code }) : t("coupons.title")}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col overflow-y-auto p-0">
          {isLoading || !c || !data ? (
            <Loading rows={6} />
          ) : (
            <div className="divide-y">
              <Field label={t("coupons.code")} testId="coupon-code">
                {c.code}
              </Field>
              <Field label={t("fields.status")}>
                <Status kind="coupon" status={c.status} />
              </Field>
              <Field label={t("coupons.owner")}>
                <Link to={`/distribution/distributors/${c.distributor_id}`} className="text-ui-fg-interactive" data-testid="coupon-owner">
                  {[c.distributor?.email, c.distributor?.referral_code].filter(Boolean).join(" · ") || c.distributor_id}
                </Link>
              </Field>
              <Field label={t("coupons.promotion")}>
                <Link to={`/promotions/${c.promotion_id}`} className="text-ui-fg-interactive" data-testid="coupon-promotion">
                  {t("coupons.openPromotion")}
                </Link>
              </Field>
              <Field label={t("coupons.offer")} testId="coupon-offer">
                {offer(c.offer)}
              </Field>
              <Field label={t("coupons.source")}>{labels.couponSources[c.source]}</Field>
              <Field label={t("coupons.issuedAt")}>{f.dateTime(c.created_at)}</Field>
              <Field label={t("coupons.uses")} testId="coupon-uses">
                {f.number(c.uses)}
              </Field>
              <Field label={t("coupons.sales")}>
                <FigureLines coupon={c} pick="sales" />
              </Field>
              <Field label={t("fields.commission")}>
                <FigureLines coupon={c} pick="commission" />
              </Field>
              <CouponPolicyForm coupon={c} />
              <div className="flex flex-col gap-y-2 py-4">
                <Text size="small" weight="plus" className="px-6">
                  {t("coupons.orders")}
                </Text>
                <CouponOrders orders={data.orders} />
              </div>
            </div>
          )}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}
