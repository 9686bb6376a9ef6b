import { Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useVariantOptions } from "../hooks/catalog"
import { useFormat } from "../lib/format"

type ActivityPrice = { variant_id: string; currency_code: string; amount: string; regular_amount?: string | null }

/**
 * An activity's prices (a 限时折扣 sale's, a 拼团 activity's), variant by
 * variant and currency by currency, each variant named as the catalogue names
 * it; with `regular`, each beside the variant's regular price. Test ids are
 * `${testId}s` for the table and `${testId}-row|variant|amount|regular` within.
 */
export const ActivityPrices = ({
  prices,
  priceLabel,
  regular = false,
  testId,
}: {
  prices: ActivityPrice[]
  priceLabel: string
  regular?: boolean
  testId: string
}) => {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const variants = useVariantOptions([...new Set(prices.map((p) => p.variant_id))])
  const names = new Map((variants.data ?? []).map((v) => [v.id, v]))
  return (
    <Table data-testid={`${testId}s`}>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{t("sales.variant")}</Table.HeaderCell>
          <Table.HeaderCell>{t("sales.currency")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{priceLabel}</Table.HeaderCell>
          {regular && <Table.HeaderCell className="text-right">{t("sales.regularPrice")}</Table.HeaderCell>}
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {prices.map((p) => {
          const v = names.get(p.variant_id)
          return (
            <Table.Row key={`${p.variant_id}:${p.currency_code}`} data-testid={`${testId}-row`}>
              <Table.Cell>
                <Text size="small" data-testid={`${testId}-variant`}>
                  {v?.title ?? p.variant_id}
                </Text>
                {v?.detail && (
                  <Text size="xsmall" className="text-ui-fg-muted">
                    {v.detail}
                  </Text>
                )}
              </Table.Cell>
              <Table.Cell className="uppercase">{p.currency_code}</Table.Cell>
              <Table.Cell className="text-right tabular-nums" data-testid={`${testId}-amount`}>
                {f.money(p.amount, p.currency_code)}
              </Table.Cell>
              {regular && (
                <Table.Cell className="text-ui-fg-subtle text-right tabular-nums line-through" data-testid={`${testId}-regular`}>
                  {p.regular_amount == null ? "—" : f.money(p.regular_amount, p.currency_code)}
                </Table.Cell>
              )}
            </Table.Row>
          )
        })}
      </Table.Body>
    </Table>
  )
}
