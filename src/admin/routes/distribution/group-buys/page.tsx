import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, createDataTableColumnHelper, DataTable, useDataTable } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { useNavigate } from "react-router-dom"
import { NavCrumb } from "../../../components/breadcrumb"
import { GroupBuyDrawer } from "../../../components/group-buy-drawer"
import { CloseGroupBuyButton, useGroupBuyWindowText, useMinutesText } from "../../../components/group-buy-parts"
import { ListToolbar } from "../../../components/list-toolbar"
import { ListTable, useListState } from "../../../components/paged-table"
import { Status, useStatusFilters } from "../../../components/status"
import { useGroupBuys } from "../../../hooks/group-buys"
import { GroupBuyRow } from "../../../lib/types"

const STATUSES = ["active", "closed"] as const
const column = createDataTableColumnHelper<GroupBuyRow>()

const GroupBuysPage = () => {
  const { t } = useTranslation("distribution")
  const navigate = useNavigate()
  const windowText = useGroupBuyWindowText()
  const minutesText = useMinutesText()
  const list = useListState()
  const [creating, setCreating] = useState(false)
  const { data, isLoading, error } = useGroupBuys({
    limit: list.query.limit,
    offset: list.query.offset,
    status: list.filtering.status as string[] | undefined,
  })

  const columns = useMemo(
    () => [
      column.accessor("name", { header: t("groupBuys.name"), cell: ({ getValue }) => <span data-testid="group-buy-row-name">{getValue()}</span> }),
      column.accessor("phase", { header: t("fields.status"), cell: ({ getValue }) => <Status kind="groupBuy" status={getValue()} /> }),
      column.display({
        id: "window",
        header: t("groupBuys.window"),
        cell: ({ row }) => <span data-testid="group-buy-row-window">{windowText(row.original)}</span>,
      }),
      column.display({
        id: "size",
        header: t("groupBuys.groupSize"),
        cell: ({ row }) => (
          <span className="tabular-nums" data-testid="group-buy-row-size">
            {t("groupBuys.sizeText", { count: row.original.group_size })}
          </span>
        ),
      }),
      column.display({
        id: "limit",
        header: t("groupBuys.timeLimit"),
        cell: ({ row }) => <span data-testid="group-buy-row-time-limit">{minutesText(row.original.time_limit_minutes)}</span>,
      }),
      column.display({
        id: "groups",
        header: t("groupBuys.openedSucceeded"),
        cell: ({ row }) => (
          <span className="tabular-nums" data-testid="group-buy-row-groups">
            {t("groupBuys.openedSucceededText", { opened: row.original.groups.opened, succeeded: row.original.groups.succeeded })}
          </span>
        ),
      }),
      column.display({ id: "actions", header: "", cell: ({ row }) => <CloseGroupBuyButton groupBuy={row.original} /> }),
    ],
    [t, windowText, minutesText]
  )

  const filters = useStatusFilters("groupBuy", STATUSES)

  const table = useDataTable({
    columns,
    data: data?.group_buys ?? [],
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading,
    filters,
    ...list.table,
    onRowClick: (_e, row) => navigate(`/distribution/group-buys/${row.id}`),
  })

  return (
    <Container className="divide-y p-0" data-testid="group-buys-page">
      <DataTable instance={table}>
        <ListToolbar title={t("groupBuys.title")} description={t("groupBuys.description")}>
          <DataTable.FilterMenu tooltip={t("table.filter")} />
          <Button size="small" onClick={() => setCreating(true)} data-testid="group-buys-create">
            {t("groupBuys.create")}
          </Button>
        </ListToolbar>
        <ListTable error={error} emptyHeading={t("groupBuys.empty")} />
      </DataTable>
      <GroupBuyDrawer groupBuy={null} open={creating} onOpenChange={setCreating} />
    </Container>
  )
}

export const handle = { breadcrumb: () => <NavCrumb page="groupBuys" /> }

export const config = defineRouteConfig({ label: "nav.groupBuys", translationNs: "distribution", rank: 5.6 })

export default GroupBuysPage
