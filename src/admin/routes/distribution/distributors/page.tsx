import { defineRouteConfig } from "@medusajs/admin-sdk"
import {
  Container,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  DataTable,
  DataTableSortingState,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { useNavigate } from "react-router-dom"
import { CappedPagination } from "../../../components/capped-pagination"
import { useTableTexts } from "../../../components/data-table-texts"
import { useListState } from "../../../components/paged-table"
import { ListToolbar } from "../../../components/list-toolbar"
import { Status, useStatusOptions } from "../../../components/status"
import { useDistributors } from "../../../hooks/distributors"
import { useLevels } from "../../../hooks/programme"
import { useFormat } from "../../../lib/format"
import { Distributor } from "../../../lib/types"
import { NavCrumb } from "../../../components/breadcrumb"

const STATUSES = ["pending", "active", "suspended", "rejected"] as const
const column = createDataTableColumnHelper<Distributor>()
const filter = createDataTableFilterHelper<Distributor>()

const DistributorsPage = () => {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const texts = useTableTexts()
  const navigate = useNavigate()
  const levels = useLevels()
  const list = useListState()
  const [sorting, setSorting] = useState<DataTableSortingState | null>({ id: "created_at", desc: true })

  const { data, isLoading } = useDistributors({
    ...list.query,
    status: list.filtering.status as string[] | undefined,
    level_id: list.filtering.level_id as string[] | undefined,
    order: sorting ? `${sorting.desc ? "-" : ""}${sorting.id}` : undefined,
  })

  const columns = useMemo(
    () => [
      column.accessor("display_name", {
        header: t("fields.name"),
        enableSorting: true,
        sortLabel: t("fields.name"),
        cell: ({ row }) => (
          <div className="flex flex-col">
            <span className="text-ui-fg-base">{row.original.display_name || "—"}</span>
            <span className="text-ui-fg-muted">{row.original.email}</span>
          </div>
        ),
      }),
      column.accessor("referral_code", { header: t("fields.referralCode"), cell: ({ getValue }) => getValue() || "—" }),
      column.accessor("status", {
        header: t("fields.status"),
        cell: ({ getValue }) => <Status kind="distributor" status={getValue()} />,
      }),
      column.accessor("level.name", { header: t("fields.level"), cell: ({ getValue }) => getValue() || "—" }),
      column.accessor("depth", { header: t("fields.generation"), enableSorting: true, sortLabel: t("fields.generation"), cell: ({ getValue }) => f.number(getValue() + 1) }),
      column.accessor("team_size", {
        header: t("fields.teamSize"),
        enableSorting: true,
        sortLabel: t("fields.teamSize"),
        cell: ({ getValue }) => f.number(getValue()),
      }),
      column.accessor("direct_count", {
        header: t("fields.directRecruits"),
        enableSorting: true,
        sortLabel: t("fields.directRecruits"),
        cell: ({ getValue }) => f.number(getValue()),
      }),
      column.accessor("created_at", {
        header: t("fields.appliedAt"),
        enableSorting: true,
        sortLabel: t("fields.appliedAt"),
        cell: ({ getValue }) => f.date(getValue()),
      }),
    ],
    [t, f.locale]
  )

  const statusOptions = useStatusOptions("distributor", STATUSES)
  const filters = useMemo(
    () => [
      filter.accessor("status", {
        type: "multiselect",
        label: t("fields.status"),
        options: statusOptions,
      }),
      filter.accessor("level_id", {
        type: "multiselect",
        label: t("fields.level"),
        options: (levels.data?.levels ?? []).map((l) => ({ label: l.name, value: l.id })),
      }),
    ],
    [t, levels.data]
  )

  const table = useDataTable({
    columns,
    data: data?.distributors ?? [],
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading,
    filters,
    ...list.table,
    sorting: { state: sorting, onSortingChange: setSorting },
    onRowClick: (_e, row) => navigate(`/distribution/distributors/${row.id}`),
  })

  return (
    <Container className="divide-y p-0" data-testid="distributors-page">
      <DataTable instance={table}>
        <ListToolbar title={t("distributors.title")} description={t("distributors.description")}>
          <DataTable.FilterMenu tooltip={t("table.filter")} />
          <DataTable.SortingMenu tooltip={t("table.sort")} />
          <DataTable.Search placeholder={t("distributors.search")} />
        </ListToolbar>
        <DataTable.Table emptyState={texts.empty} />
        {data?.count_capped ? (
          // More than the count's cap match the search: "1 – 20 of 1,000+ results".
          <CappedPagination
            count={data.count}
            pagination={list.table.pagination.state}
            onPaginationChange={list.table.pagination.onPaginationChange}
          />
        ) : (
          <DataTable.Pagination translations={texts.pagination} />
        )}
      </DataTable>
    </Container>
  )
}

export const handle = { breadcrumb: () => <NavCrumb page="distributors" /> }

export const config = defineRouteConfig({ label: "nav.distributors", translationNs: "distribution", rank: 1 })

export default DistributorsPage
