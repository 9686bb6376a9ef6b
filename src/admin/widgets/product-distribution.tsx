import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { useRuleSummary } from "../components/rule-summary"
import { Empty, Field, Loading, Section } from "../components/section"
import { useCommissionPreview } from "../hooks/programme"
import { useFormat } from "../lib/format"
import { useLabels } from "../lib/labels"

/** On a product: its commission rule, and what a distributor of each level earns per unit at each depth. */
const ProductDistributionWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const summary = useRuleSummary()
  const labels = useLabels()
  const { data, isLoading, isError, error } = useCommissionPreview(product.id)
  // The preview's one row without a level id: the programme has no level yet.
  const noLevel = !!data?.variants.some((v) => v.prices.some((p) => p.levels.some((l) => l.level_id === null)))
  const depths = Array.from({ length: data?.max_depth ?? 0 }, (_, i) => i + 1)
  return (
    <Section title={t("widgets.product.title")} description={t("widgets.product.description")} testId="product-distribution-widget">
      {isLoading ? (
        <Loading />
      ) : isError || !data ? (
        <Empty title={t("widgets.product.unavailable")} description={error?.message} />
      ) : (
        <>
          <Field label={t("widgets.product.rule")} testId="product-rule">
            {data.rules.length
              ? data.rules.map((r) => (
                  <div key={r.id}>
                    {t("widgets.product.ruleOf", { target: labels.targets[r.target_type], pays: summary(r) })}
                  </div>
                ))
              : t("widgets.product.noRule")}
          </Field>
          <div className="flex flex-col gap-y-1 px-6 py-2">
            <Link to="/distribution/rules" className="txt-small text-ui-fg-interactive">
              {t("widgets.product.manageRules")}
            </Link>
            {noLevel && (
              <Text size="small" className="text-ui-fg-subtle" data-testid="product-no-level">
                {t("widgets.product.noLevel")}{" "}
                <Link to="/distribution/levels" className="text-ui-fg-interactive">
                  {t("widgets.product.createLevels")}
                </Link>
              </Text>
            )}
          </div>
          {data.variants.flatMap((v) =>
            v.prices.map((p) => (
              <div key={`${v.variant_id}-${p.currency_code}`} className="px-6 py-4" data-testid="product-preview">
                <Text size="small" weight="plus" className="mb-2">
                  {t("widgets.product.variantPrice", { variant: v.title, price: f.money(p.amount, p.currency_code), currency: p.currency_code.toUpperCase() })}
                </Text>
                <Table>
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell>{t("fields.level")}</Table.HeaderCell>
                      {depths.map((d) => (
                        <Table.HeaderCell key={d} className="text-right">
                          {t("fields.depthN", { depth: d })}
                        </Table.HeaderCell>
                      ))}
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {p.levels.map((l) => (
                      <Table.Row key={l.level_id ?? "defaults"} data-testid="product-preview-row">
                        <Table.Cell>{l.level_name ?? t("widgets.product.programmeDefaults")}</Table.Cell>
                        {l.depths.map((d) => (
                          <Table.Cell key={d.depth} className="text-right tabular-nums">
                            {f.money(d.amount, p.currency_code)}
                          </Table.Cell>
                        ))}
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            ))
          )}
        </>
      )}
    </Section>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.after" })

export default ProductDistributionWidget
