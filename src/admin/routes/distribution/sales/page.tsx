import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, createDataTableColumnHelper, DataTable, useDataTable } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { useNavigate } from "react-router-dom"
import { NavCrumb } from "../../../components/breadcrumb"
import { ListToolbar } from "../../../components/list-toolbar"
import { ListTable, useListState } from "../../../components/paged-table"
import { SaleDrawer } from "../../../components/sale-drawer"
import { useSalePolicyText, useSalePricingText, useSaleWindowText } from "../../../components/sale-parts"
import { Status, useStatusFilters } from "../../../components/status"
import { useSales } from "../../../hooks/sales"
import { Sale } from "../../../lib/types"

const STATUSES = ["live", "upcoming", "ended"] as const
const column = createDataTableColumnHelper<Sale>()

const SalesPage = () => {
  const { t } = useTranslation("distribution")
  const navigate = useNavigate()
  const policyText = useSalePolicyText()
  const windowText = useSaleWindowText()
  const pricingText = useSalePricingText()
  const list = useListState()
  const [creating, setCreating] = useState(false)
  const { data, isLoading, error } = useSales({ ...list.query, status: list.filtering.status as string[] | undefined })

  const columns = useMemo(
    () => [
      column.accessor("name", {
        header: t("sales.name"),
        cell: ({ getValue }) => <span data-testid="sale-row-name">{getValue()}</span>,
      }),
      column.accessor("status", { header: t("fields.status"), cell: ({ getValue }) => <Status kind="sale" status={getValue()} /> }),
      column.display({
        id: "window",
        header: t("sales.window"),
        cell: ({ row }) => <span data-testid="sale-row-window">{windowText(row.original)}</span>,
      }),
      column.display({
        id: "variants",
        header: t("sales.variants"),
        cell: ({ row }) => (
          <span className="tabular-nums" data-testid="sale-row-variants">
            {t("sales.variantsCount", { count: row.original.variant_ids.length })}
          </span>
        ),
      }),
      column.display({
        id: "pricing",
        header: t("sales.mode"),
        cell: ({ row }) => <span data-testid="sale-row-pricing">{pricingText(row.original)}</span>,
      }),
      column.display({
        id: "policy",
        header: t("sales.policy"),
        cell: ({ row }) => <span data-testid="sale-row-policy">{policyText(row.original)}</span>,
      }),
    ],
    [t, policyText, windowText, pricingText]
  )

  const filters = useStatusFilters("sale", STATUSES)

  const table = useDataTable({
    columns,
    data: data?.sales ?? [],
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading,
    filters,
    ...list.table,
    onRowClick: (_e, row) => navigate(`/distribution/sales/${row.id}`),
  })

  return (
    <Container className="divide-y p-0" data-testid="sales-page">
      <DataTable instance={table}>
        <ListToolbar title={t("sales.title")} description={t("sales.description")}>
          <DataTable.FilterMenu tooltip={t("table.filter")} />
          <DataTable.Search placeholder={t("sales.search")} />
          <Button size="small" onClick={() => setCreating(true)} data-testid="sales-create">
            {t("sales.create")}
          </Button>
        </ListToolbar>
        <ListTable error={error} emptyHeading={t("sales.empty")} />
      </DataTable>
      <SaleDrawer sale={null} open={creating} onOpenChange={setCreating} />
    </Container>
  )
}

export const handle = { breadcrumb: () => <NavCrumb page="sales" /> }

export const config = defineRouteConfig({ label: "nav.sales", translationNs: "distribution", rank: 5 })

export default SalesPage
