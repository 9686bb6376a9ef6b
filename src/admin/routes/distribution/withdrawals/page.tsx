import { defineRouteConfig } from "@medusajs/admin-sdk"
import {
  Container,
  createDataTableColumnHelper,
  createDataTableCommandHelper,
  createDataTableFilterHelper,
  DataTable,
  DataTableRowSelectionState,
  usePrompt,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, useSearchParams } from "react-router-dom"
import { ExportLink, ListToolbar } from "../../../components/list-toolbar"
import { ListTable, useListState } from "../../../components/paged-table"
import { ReasonDrawer } from "../../../components/reason-drawer"
import { Status, useStatusOptions } from "../../../components/status"
import { WithdrawalDrawer } from "../../../components/withdrawal-drawer"
import { exportUrl } from "../../../lib/sdk"
import { useBulkWithdrawals, useWithdrawalAction, useWithdrawals } from "../../../hooks/withdrawals"
import { useFormat } from "../../../lib/format"
import { useLabels } from "../../../lib/labels"
import { BulkResult, Withdrawal } from "../../../lib/types"
import { NavCrumb } from "../../../components/breadcrumb"

const STATUSES = ["requested", "approved", "paid", "rejected"] as const
const METHODS = ["bank", "alipay", "wechat", "paypal", "manual"] as const
const column = createDataTableColumnHelper<Withdrawal>()
const filter = createDataTableFilterHelper<Withdrawal>()
const command = createDataTableCommandHelper()

/** The payout account as the API gives it (already masked), one line. */
const accountLine = (account: Withdrawal["account"]) =>
  account
    ? Object.values(account)
        .filter(Boolean)
        .join(" · ")
    : "—"

type Pending = { kind: "reject"; withdrawal: Withdrawal } | { kind: "pay"; ids: string[] } | null

const WithdrawalsPage = () => {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const prompt = usePrompt()
  // The queue opens on what still needs someone: requests to decide, approvals to pay.
  const list = useListState({ filtering: { status: ["requested", "approved"] } })
  const [selection, setSelection] = useState<DataTableRowSelectionState>({})
  const [pending, setPending] = useState<Pending>(null)
  // A link from elsewhere (a ledger entry) opens the withdrawal it names.
  const [params] = useSearchParams()
  const [shown, setShown] = useState<string | null>(() => params.get("id"))
  const query = {
    q: list.query.q,
    status: list.filtering.status as string[] | undefined,
    method: list.filtering.method as string[] | undefined,
  }
  const { data, isLoading, error } = useWithdrawals({ ...list.query, ...query, order: "created_at" })
  const labels = useLabels()
  const act = useWithdrawalAction((action) => labels.withdrawalDone[action])
  const bulkMessage = (r: BulkResult) => {
    const ok = r.results.filter((x) => x.ok).length
    return ok === r.results.length
      ? t("withdrawals.bulkDone", { count: ok })
      : t("withdrawals.bulkPartial", { ok, failed: r.results.length - ok })
  }
  const bulk = useBulkWithdrawals(bulkMessage)

  const approve = async (w: Withdrawal) => {
    const ok = await prompt({
      title: t("withdrawals.approveTitle"),
      description: t("withdrawals.approveDescription", { amount: f.money(w.net_amount, w.currency_code) }),
      confirmText: t("actions.approve"),
      cancelText: t("actions.cancel"),
      variant: "confirmation",
    })
    if (ok) act.mutate({ id: w.id, action: "approve" })
  }
  const selectedIds = (rows: DataTableRowSelectionState) => Object.keys(rows).filter((id) => rows[id])

  const columns = useMemo(
    () => [
      column.select(),
      column.accessor("created_at", { header: t("fields.requestedAt"), cell: ({ getValue }) => f.dateTime(getValue()) }),
      column.accessor("distributor.display_name", {
        header: t("fields.distributor"),
        cell: ({ row }) => (
          <Link to={`/distribution/distributors/${row.original.distributor_id}`} className="text-ui-fg-interactive" onClick={(e) => e.stopPropagation()}>
            {row.original.distributor?.display_name || row.original.distributor?.email || row.original.distributor_id}
          </Link>
        ),
      }),
      column.accessor("amount", {
        header: t("fields.amount"),
        cell: ({ row }) => <span className="tabular-nums">{f.money(row.original.amount, row.original.currency_code)}</span>,
      }),
      column.accessor("fee", { header: t("fields.fee"), cell: ({ row }) => f.money(row.original.fee, row.original.currency_code) }),
      column.accessor("net_amount", {
        header: t("fields.netAmount"),
        cell: ({ row }) => <span className="tabular-nums">{f.money(row.original.net_amount, row.original.currency_code)}</span>,
      }),
      column.accessor("method", { header: t("fields.method"), cell: ({ getValue }) => labels.methods[getValue()] }),
      column.accessor("account", { header: t("fields.account"), cell: ({ getValue }) => accountLine(getValue()) }),
      column.accessor("status", {
        header: t("fields.status"),
        cell: ({ row }) => (
          <div className="flex flex-col gap-y-0.5">
            <Status kind="withdrawal" status={row.original.status} />
            {row.original.transaction_reference && <span className="text-ui-fg-muted">{row.original.transaction_reference}</span>}
            {row.original.reject_reason && <span className="text-ui-fg-muted">{row.original.reject_reason}</span>}
          </div>
        ),
      }),
      column.action({
        actions: ({ row }) => {
          const w = row.original
          if (w.status === "requested") {
            return [
              { label: t("actions.approve"), onClick: () => approve(w) },
              { label: t("actions.reject"), onClick: () => setPending({ kind: "reject", withdrawal: w }) },
            ]
          }
          if (w.status === "approved") {
            return [
              { label: t("withdrawals.markPaid"), onClick: () => setPending({ kind: "pay", ids: [w.id] }) },
              { label: t("actions.reject"), onClick: () => setPending({ kind: "reject", withdrawal: w }) },
            ]
          }
          return []
        },
      }),
    ],
    [t, f.locale, labels]
  )

  const statusOptions = useStatusOptions("withdrawal", STATUSES)
  const filters = useMemo(
    () => [
      filter.accessor("status", {
        type: "multiselect",
        label: t("fields.status"),
        options: statusOptions,
      }),
      filter.accessor("method", {
        type: "multiselect",
        label: t("fields.method"),
        options: METHODS.map((m) => ({ label: labels.methods[m], value: m })),
      }),
    ],
    [t, labels]
  )

  const table = useDataTable({
    columns,
    data: data?.withdrawals ?? [],
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading,
    filters,
    ...list.table,
    rowSelection: {
      state: selection,
      onRowSelectionChange: setSelection,
      enableRowSelection: (row) => row.original.status === "requested" || row.original.status === "approved",
    },
    onRowClick: (_e, row) => setShown(row.id),
    commands: [
      command.command({
        label: t("withdrawals.approveSelected"),
        shortcut: "a",
        action: (rows) => bulk.mutate({ action: "bulk-approve", ids: selectedIds(rows) }, { onSuccess: () => setSelection({}) }),
      }),
      command.command({
        label: t("withdrawals.paySelected"),
        shortcut: "p",
        action: (rows) => setPending({ kind: "pay", ids: selectedIds(rows) }),
      }),
    ],
  })

  const pay = (reference: string) => {
    if (pending?.kind !== "pay") return
    const done = () => {
      setPending(null)
      setSelection({})
    }
    if (pending.ids.length === 1) {
      act.mutate({ id: pending.ids[0], action: "pay", transaction_reference: reference }, { onSuccess: done })
    } else {
      bulk.mutate({ action: "bulk-pay", ids: pending.ids, transaction_reference: reference }, { onSuccess: done })
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="withdrawals-page">
      <DataTable instance={table}>
        <ListToolbar title={t("withdrawals.title")} description={t("withdrawals.description")}>
          <DataTable.FilterMenu tooltip={t("table.filter")} />
          <DataTable.Search placeholder={t("withdrawals.search")} />
          <ExportLink href={exportUrl("/admin/distribution/withdrawals/export", query)} label={t("withdrawals.export")} testId="withdrawals-export" />
        </ListToolbar>
        <ListTable error={error} emptyHeading={t("withdrawals.empty")} />
        <DataTable.CommandBar selectedLabel={(count) => t("table.selected", { count })} />
      </DataTable>
      <WithdrawalDrawer id={shown} onClose={() => setShown(null)} />
      <ReasonDrawer
        open={pending?.kind === "reject"}
        onOpenChange={(o) => !o && setPending(null)}
        title={t("withdrawals.rejectTitle")}
        description={t("withdrawals.rejectDescription")}
        label={t("fields.rejectReason")}
        submitLabel={t("actions.reject")}
        required
        isPending={act.isPending}
        onSubmit={(reason) =>
          pending?.kind === "reject" &&
          act.mutate({ id: pending.withdrawal.id, action: "reject", reason }, { onSuccess: () => setPending(null) })
        }
        testId="withdrawal-reject-drawer"
      />
      <ReasonDrawer
        open={pending?.kind === "pay"}
        onOpenChange={(o) => !o && setPending(null)}
        title={t("withdrawals.payTitle", { count: pending?.kind === "pay" ? pending.ids.length : 0 })}
        description={t("withdrawals.payDescription")}
        label={t("fields.transactionReference")}
        submitLabel={t("withdrawals.markPaid")}
        required
        multiline={false}
        isPending={act.isPending || bulk.isPending}
        onSubmit={pay}
        testId="withdrawal-pay-drawer"
      />
    </Container>
  )
}

export const handle = { breadcrumb: () => <NavCrumb page="withdrawals" /> }

export const config = defineRouteConfig({ label: "nav.withdrawals", translationNs: "distribution", rank: 3 })

export default WithdrawalsPage
