import { defineRouteConfig } from "@medusajs/admin-sdk"
import {
  Container,
  createDataTableColumnHelper,
  createDataTableCommandHelper,
  DataTable,
  DataTableRowSelectionState,
  toast,
  useDataTable,
} from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { useNavigate } from "react-router-dom"
import { useTableTexts } from "../../../components/data-table-texts"
import { ListToolbar } from "../../../components/list-toolbar"
import { ApproveDrawer, RejectDrawer } from "../../../components/distributor-actions"
import { useListState } from "../../../components/paged-table"
import { ROOT_KEY } from "../../../hooks/api"
import { useDistributors } from "../../../hooks/distributors"
import { useFormat } from "../../../lib/format"
import { sdk } from "../../../lib/sdk"
import { Distributor } from "../../../lib/types"
import { NavCrumb } from "../../../components/breadcrumb"

const column = createDataTableColumnHelper<Distributor>()
const command = createDataTableCommandHelper()

/** The review queue: pending applications, oldest first, approved one by one or in bulk. */
const ApplicationsPage = () => {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const texts = useTableTexts()
  const navigate = useNavigate()
  const client = useQueryClient()
  const [approving, setApproving] = useState<Distributor | null>(null)
  const [rejecting, setRejecting] = useState<Distributor | null>(null)
  const list = useListState()
  const [selection, setSelection] = useState<DataTableRowSelectionState>({})
  const { data, isLoading } = useDistributors({ ...list.query, status: ["pending"], order: "created_at" })

  const columns = useMemo(
    () => [
      column.select(),
      column.accessor("display_name", {
        header: t("fields.name"),
        cell: ({ row }) => (
          <div className="flex flex-col">
            <span>{row.original.display_name || "—"}</span>
            <span className="text-ui-fg-muted">{row.original.email}</span>
          </div>
        ),
      }),
      column.accessor("parent_id", {
        header: t("fields.referrer"),
        cell: ({ getValue }) => (getValue() ? t("applications.hasReferrer") : t("applications.noReferrer")),
      }),
      column.accessor("created_at", { header: t("fields.appliedAt"), cell: ({ getValue }) => f.dateTime(getValue()) }),
      column.action({
        actions: ({ row }) => [
          { label: t("actions.approve"), onClick: () => setApproving(row.original) },
          { label: t("actions.reject"), onClick: () => setRejecting(row.original) },
        ],
      }),
    ],
    [t, f.locale]
  )

  // No bulk route for applications: each approval is its own audited workflow run, one after another.
  const approveSelected = async (rows: DataTableRowSelectionState) => {
    const ids = Object.keys(rows).filter((id) => rows[id])
    let ok = 0
    const failed: string[] = []
    for (const id of ids) {
      await sdk.client
        .fetch(`/admin/distribution/distributors/${id}/approve`, { method: "POST", body: {} })
        .then(() => ok++)
        .catch((e: Error) => failed.push(e.message))
    }
    setSelection({})
    await client.invalidateQueries({ queryKey: [ROOT_KEY] })
    if (failed.length) {
      toast.warning(t("applications.bulkPartial", { ok, failed: failed.length }), { description: failed[0] })
    } else {
      toast.success(t("applications.bulkDone", { count: ok }))
    }
  }

  const table = useDataTable({
    columns,
    data: data?.distributors ?? [],
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading,
    ...list.table,
    rowSelection: { state: selection, onRowSelectionChange: setSelection },
    commands: [command.command({ label: t("applications.approveSelected"), shortcut: "a", action: approveSelected })],
    onRowClick: (_e, row) => navigate(`/distribution/distributors/${row.id}`),
  })

  return (
    <Container className="divide-y p-0" data-testid="applications-page">
      <DataTable instance={table}>
        <ListToolbar title={t("applications.title")} description={t("applications.description", { count: data?.count ?? 0 })}>
          <DataTable.Search placeholder={t("distributors.search")} />
        </ListToolbar>
        <DataTable.Table
          emptyState={{ empty: { heading: t("applications.empty"), description: t("applications.emptyDescription") }, filtered: texts.empty.filtered }}
        />
        <DataTable.Pagination translations={texts.pagination} />
        <DataTable.CommandBar selectedLabel={(count) => t("table.selected", { count })} />
      </DataTable>
      <ApproveDrawer distributor={approving} onClose={() => setApproving(null)} />
      <RejectDrawer distributor={rejecting} onClose={() => setRejecting(null)} />
    </Container>
  )
}

export const handle = { breadcrumb: () => <NavCrumb page="applications" /> }

export const config = defineRouteConfig({ label: "nav.applications", translationNs: "distribution", rank: 2 })

export default ApplicationsPage
