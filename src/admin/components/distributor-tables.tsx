import { createDataTableColumnHelper, Text } from "@medusajs/ui"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { useCommissions, useLedger } from "../hooks/distributors"
import { useWithdrawals } from "../hooks/withdrawals"
import { useFormat } from "../lib/format"
import { useLabels } from "../lib/labels"
import type { LedgerKind } from "../../modules/distribution/constants"
import { Commission, LedgerEntry, Withdrawal } from "../lib/types"
import { PagedTable, usePaging } from "./paged-table"
import { Loading, Section } from "./section"
import { Status } from "./status"

const commissionColumn = createDataTableColumnHelper<Commission>()

/** Commissions, newest first: of one distributor, of one order (the order widget), or of one sale's lines (its orders and earners). */
export const CommissionsTable = ({ distributorId, orderId, saleId }: { distributorId?: string; orderId?: string; saleId?: string }) => {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const paging = usePaging(10)
  const { data, isLoading } = useCommissions({
    distributor_id: distributorId,
    order_id: orderId,
    sale_id: saleId,
    order: "-created_at",
    limit: paging.limit,
    offset: paging.offset,
  })
  const columns = useMemo(
    () => [
      commissionColumn.accessor("created_at", { header: t("fields.date"), cell: ({ getValue }) => f.date(getValue()) }),
      ...(orderId ? [] : [
        commissionColumn.accessor("order_id", {
          header: t("fields.order"),
          cell: ({ getValue }) => (
            <Link to={`/orders/${getValue()}`} className="text-ui-fg-interactive" data-testid="commission-order">
              {getValue().slice(-8)}
            </Link>
          ),
        }),
      ]),
      ...(orderId || saleId ? [
        commissionColumn.accessor("distributor_id", {
          header: t("fields.distributor"),
          cell: ({ getValue }) => (
            <Link to={`/distribution/distributors/${getValue()}`} className="text-ui-fg-interactive">
              {getValue()}
            </Link>
          ),
        }),
      ] : []),
      commissionColumn.accessor("depth", { header: t("fields.depth"), cell: ({ getValue }) => t("fields.depthN", { depth: getValue() }) }),
      commissionColumn.accessor("base_amount", {
        header: t("fields.base"),
        cell: ({ row }) => f.money(row.original.base_amount, row.original.currency_code),
      }),
      commissionColumn.accessor("rate_bps", {
        header: t("fields.rate"),
        cell: ({ row }) => (row.original.rate_bps === null ? t("rules.modes.fixed") : f.bps(row.original.rate_bps)),
      }),
      commissionColumn.accessor("amount", {
        header: t("fields.commission"),
        cell: ({ row }) => <span className="tabular-nums">{f.money(row.original.amount, row.original.currency_code)}</span>,
      }),
      commissionColumn.accessor("status", { header: t("fields.status"), cell: ({ getValue }) => <Status kind="commission" status={getValue()} /> }),
    ],
    [t, f.locale, orderId, saleId]
  )
  return (
    <PagedTable
      columns={columns}
      rows={data?.commissions ?? []}
      count={data?.count ?? 0}
      isLoading={isLoading}
      paging={paging}
      emptyHeading={t("detail.commissions.empty")}
    />
  )
}

const ledgerColumn = createDataTableColumnHelper<LedgerEntry>()

/**
 * What a ledger entry is, in words, linked to what it is about: "Commission of
 * order #1024 settled", "Withdrawal of ¥131.31 requested on Mar 2, 2026",
 * "Manual adjustment: <reason>".
 */
const LedgerDescription = ({ entry }: { entry: LedgerEntry }) => {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const order = entry.order ? `${entry.order.display_id ?? entry.order.id}` : ""
  const withdrawal = entry.withdrawal && {
    // Held entries are negative: the sentence names the amount requested.
    amount: f.money(String(entry.amount).replace(/^-/, ""), entry.currency_code),
    date: f.date(entry.withdrawal.created_at),
  }
  const words: Record<LedgerKind, string> = {
    commission_settled: t("ledger.describe.commission_settled", { order }),
    commission_clawed_back: t("ledger.describe.commission_clawed_back", { order }),
    withdrawal_held: t("ledger.describe.withdrawal_held", { ...withdrawal }),
    withdrawal_released: t("ledger.describe.withdrawal_released", { ...withdrawal }),
    withdrawal_paid: t("ledger.describe.withdrawal_paid", { ...withdrawal }),
    manual_adjustment: t("ledger.describe.manual_adjustment", { reason: entry.reason ?? "" }),
    group_leader_bonus: t("ledger.describe.group_leader_bonus", { reason: entry.reason ?? "" }),
  }
  const text = words[entry.kind]
  const to = entry.order
    ? `/orders/${entry.order.id}`
    : entry.withdrawal
      ? `/distribution/withdrawals?id=${entry.withdrawal.id}`
      : null
  return to ? (
    <Link to={to} className="text-ui-fg-interactive" data-testid="ledger-entry">
      {text}
    </Link>
  ) : (
    <span data-testid="ledger-entry">{text}</span>
  )
}

export const LedgerSection = ({ distributorId }: { distributorId: string }) => {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const labels = useLabels()
  const paging = usePaging(10)
  const { data, isLoading } = useLedger(distributorId, paging.limit, paging.offset)
  const columns = useMemo(
    () => [
      ledgerColumn.accessor("created_at", { header: t("fields.date"), cell: ({ getValue }) => f.dateTime(getValue()) }),
      ledgerColumn.accessor("kind", { header: t("fields.entry"), cell: ({ row }) => <LedgerDescription entry={row.original} /> }),
      ledgerColumn.accessor("amount", {
        header: t("fields.amount"),
        cell: ({ row }) => <span className="tabular-nums">{f.money(row.original.amount, row.original.currency_code)}</span>,
      }),
    ],
    [t, f.locale]
  )
  return (
    <Section title={t("detail.ledger.title")} description={t("detail.ledger.description")} testId="ledger-section">
      {isLoading ? (
        <Loading />
      ) : (
        <div className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-5" data-testid="balances">
          {(data?.balances.length ? data.balances : []).map((b) =>
            (["available", "pending", "held", "withdrawn", "debt"] as const).map((k) => (
              <div key={`${b.currency_code}-${k}`} className="flex flex-col" data-testid={`balance-${b.currency_code}-${k}`}>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {labels.balances[k]} · {b.currency_code.toUpperCase()}
                </Text>
                <Text size="base" weight="plus" className="tabular-nums">
                  {f.money(b[k], b.currency_code)}
                </Text>
              </div>
            ))
          )}
          {!data?.balances.length && (
            <Text size="small" className="text-ui-fg-muted col-span-5">
              {t("detail.ledger.noBalance")}
            </Text>
          )}
        </div>
      )}
      <PagedTable
        columns={columns}
        rows={data?.entries ?? []}
        count={data?.count ?? 0}
        isLoading={isLoading}
        paging={paging}
        emptyHeading={t("detail.ledger.empty")}
      />
    </Section>
  )
}

const withdrawalColumn = createDataTableColumnHelper<Withdrawal>()

export const DistributorWithdrawals = ({ distributorId }: { distributorId: string }) => {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const labels = useLabels()
  const paging = usePaging(10)
  const { data, isLoading, isError } = useWithdrawals({ distributor_id: distributorId, limit: paging.limit, offset: paging.offset })
  const columns = useMemo(
    () => [
      withdrawalColumn.accessor("created_at", { header: t("fields.date"), cell: ({ getValue }) => f.date(getValue()) }),
      withdrawalColumn.accessor("amount", { header: t("fields.amount"), cell: ({ row }) => f.money(row.original.amount, row.original.currency_code) }),
      withdrawalColumn.accessor("net_amount", { header: t("fields.netAmount"), cell: ({ row }) => f.money(row.original.net_amount, row.original.currency_code) }),
      withdrawalColumn.accessor("method", { header: t("fields.method"), cell: ({ getValue }) => labels.methods[getValue()] }),
      withdrawalColumn.accessor("status", { header: t("fields.status"), cell: ({ getValue }) => <Status kind="withdrawal" status={getValue()} /> }),
    ],
    [t, f.locale, labels]
  )
  return (
    <Section title={t("detail.withdrawals.title")} testId="withdrawals-section">
      <PagedTable
        columns={columns}
        rows={isError ? [] : data?.withdrawals ?? []}
        count={data?.count ?? 0}
        isLoading={isLoading}
        paging={paging}
        emptyHeading={t("detail.withdrawals.empty")}
      />
    </Section>
  )
}
