import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Link } from "react-router-dom"
import { useTranslation } from "react-i18next"
import { DistributorLink } from "../components/distributor-link"
import { Field, Loading, Section } from "../components/section"
import { Status } from "../components/status"
import { useBindings, useDistributors } from "../hooks/distributors"
import { useFormat } from "../lib/format"
import { useLabels } from "../lib/labels"

/** On a customer: its standing in the programme, and whom it is bound to as a buyer. */
const CustomerDistributionWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useTranslation("distribution")
  const labels = useLabels()
  const f = useFormat()
  const own = useDistributors({ customer_id: customer.id, limit: 1, offset: 0 })
  const bindings = useBindings({ customer_id: customer.id, limit: 1 })
  const d = own.data?.distributors[0]
  const binding = bindings.data?.bindings[0]
  return (
    <Section title={t("widgets.customer.title")} testId="customer-distribution-widget">
      {own.isLoading || bindings.isLoading ? (
        <Loading />
      ) : (
        <>
          <Field label={t("widgets.customer.distributor")} testId="customer-distributor-status">
            {d ? (
              <div className="flex flex-col items-start gap-y-1">
                <Status kind="distributor" status={d.status} />
                <Link to={`/distribution/distributors/${d.id}`} className="text-ui-fg-interactive" data-testid="customer-distributor-link">
                  {d.referral_code ?? t("widgets.customer.openDistributor")}
                </Link>
                {d.level && <span className="text-ui-fg-subtle">{d.level.name}</span>}
              </div>
            ) : (
              t("widgets.customer.notDistributor")
            )}
          </Field>
          <Field label={t("widgets.customer.referrer")} testId="customer-referrer">
            {binding ? <DistributorLink id={binding.distributor_id} /> : t("widgets.customer.noReferrer")}
          </Field>
          {binding && (
            <Field label={t("widgets.customer.binding")} testId="customer-binding">
              {binding.expires_at
                ? t("widgets.customer.bindingLine", {
                    source: labels.sources[binding.source],
                    date: f.date(binding.bound_at),
                    expiry: f.date(binding.expires_at),
                  })
                : t("widgets.customer.bindingLinePermanent", {
                    source: labels.sources[binding.source],
                    date: f.date(binding.bound_at),
                  })}
            </Field>
          )}
        </>
      )}
    </Section>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.side.after" })

export default CustomerDistributionWidget
