import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, createDataTableColumnHelper, DataTable, useDataTable } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { useNavigate } from "react-router-dom"
import { NavCrumb } from "../../../components/breadcrumb"
import { CloseFlashSaleButton, FlashSaleDrawer, slotsText } from "../../../components/flash-sale-drawer"
import { ListToolbar } from "../../../components/list-toolbar"
import { ListTable, useListState } from "../../../components/paged-table"
import { useSalePolicyText } from "../../../components/sale-parts"
import { Status, useStatusFilters } from "../../../components/status"
import { useFlashSales } from "../../../hooks/flash-sales"
import { useFormat } from "../../../lib/format"
import { FlashSale } from "../../../lib/types"

const STATUSES = ["active", "closed"] as const
const column = createDataTableColumnHelper<FlashSale>()

const FlashSalesPage = () => {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const policyText = useSalePolicyText()
  const list = useListState()
  const navigate = useNavigate()
  const [creating, setCreating] = useState(false)
  const [editing, setEditing] = useState<FlashSale | null>(null)
  const [editOpen, setEditOpen] = useState(false)
  const { data, isLoading, error } = useFlashSales({ ...list.query, status: list.filtering.status as string[] | undefined })

  const columns = useMemo(
    () => [
      column.accessor("name", { header: t("flashSales.name"), cell: ({ getValue }) => <span data-testid="flash-sale-row-name">{getValue()}</span> }),
      column.accessor("phase", { header: t("fields.status"), cell: ({ getValue }) => <Status kind="flashSale" status={getValue()} /> }),
      column.display({
        id: "dates",
        header: t("flashSales.dates"),
        cell: ({ row }) => (
          <span data-testid="flash-sale-row-dates">
            {t("flashSales.datesText", { from: row.original.starts_on, to: row.original.ends_on, zone: row.original.time_zone })}
          </span>
        ),
      }),
      column.display({
        id: "slots",
        header: t("flashSales.slots"),
        cell: ({ row }) => <span data-testid="flash-sale-row-slots">{slotsText(row.original.slots)}</span>,
      }),
      column.display({
        id: "next",
        header: t("flashSales.nextSlot"),
        cell: ({ row }) => {
          const slot = row.original.current_slot ?? row.original.next_slot
          return <span>{slot ? f.dateTime(slot.starts_at, row.original.time_zone) : "–"}</span>
        },
      }),
      column.display({
        id: "sold",
        header: t("flashSales.sold"),
        cell: ({ row }) => (
          <span className="tabular-nums" data-testid="flash-sale-row-sold">
            {t("flashSales.soldText", {
              sold: row.original.variants.reduce((n, v) => n + v.sold, 0),
              quota: row.original.variants.reduce((n, v) => n + v.quota, 0),
            })}
          </span>
        ),
      }),
      column.display({ id: "policy", header: t("flashSales.policy"), cell: ({ row }) => <span>{policyText(row.original)}</span> }),
      column.display({
        id: "actions",
        header: "",
        cell: ({ row }) =>
          row.original.status === "active" ? (
            <div className="flex justify-end gap-x-2">
              <Button
                size="small"
                variant="secondary"
                data-testid="flash-sale-edit"
                onClick={(e) => {
                  e.stopPropagation()
                  setEditing(row.original)
                  setEditOpen(true)
                }}
              >
                {t("actions.edit")}
              </Button>
              <CloseFlashSaleButton sale={row.original} />
            </div>
          ) : null,
      }),
    ],
    // f follows the language, as t does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, f.locale, policyText]
  )

  const filters = useStatusFilters("flashSale", STATUSES)

  const table = useDataTable({
    columns,
    data: data?.flash_sales ?? [],
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading,
    filters,
    ...list.table,
    onRowClick: (_e, row) => navigate(`/distribution/flash-sales/${row.id}`),
  })

  return (
    <Container className="divide-y p-0" data-testid="flash-sales-page">
      <DataTable instance={table}>
        <ListToolbar title={t("flashSales.title")} description={t("flashSales.description")}>
          <DataTable.FilterMenu tooltip={t("table.filter")} />
          <DataTable.Search placeholder={t("flashSales.search")} />
          <Button size="small" onClick={() => setCreating(true)} data-testid="flash-sales-create">
            {t("flashSales.create")}
          </Button>
        </ListToolbar>
        <ListTable error={error} emptyHeading={t("flashSales.empty")} />
      </DataTable>
      <FlashSaleDrawer sale={null} open={creating} onOpenChange={setCreating} />
      <FlashSaleDrawer sale={editing} open={editOpen} onOpenChange={setEditOpen} />
    </Container>
  )
}

export const handle = { breadcrumb: () => <NavCrumb page="flashSales" /> }

export const config = defineRouteConfig({ label: "nav.flashSales", translationNs: "distribution", rank: 5.5 })

export default FlashSalesPage
