import { Button, Container, createDataTableColumnHelper, Select, Table } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { UIMatch, useNavigate, useParams } from "react-router-dom"
import { ActivityPrices } from "../../../../components/activity-prices"
import { GroupBuyCrumb } from "../../../../components/breadcrumb"
import { GroupBuyDrawer } from "../../../../components/group-buy-drawer"
import { CloseGroupBuyButton, useGroupBuyWindowText, useMinutesText } from "../../../../components/group-buy-parts"
import { PagedTable, usePaging } from "../../../../components/paged-table"
import { ReportState } from "../../../../components/report-state"
import { useSalePolicyText } from "../../../../components/sale-parts"
import { DetailHeader, Empty, Field, Kpi, PageFallback, Section } from "../../../../components/section"
import { Status, useStatusOptions } from "../../../../components/status"
import { useGroupBuy, useGroupBuyReport, useGroups } from "../../../../hooks/group-buys"
import { useFormat } from "../../../../lib/format"
import { useLabels } from "../../../../lib/labels"
import { Group } from "../../../../lib/types"

const GROUP_STATUSES = ["forming", "open", "succeeded", "failed", "abandoned"] as const
const ALL = "all"

/** Groups opened, succeeded (virtually), failed and open; the GMV of paid members and what failed groups refunded, per currency. */
const GroupBuyReportSection = ({ id }: { id: string }) => {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const query = useGroupBuyReport(id)
  return (
    <Section title={t("groupBuys.report")} description={t("groupBuys.reportHint")} testId="group-buy-report">
      <ReportState query={query} isEmpty={() => false} empty={t("groupBuys.noGroups")}>
        {({ report }) => (
          <div className="flex flex-col gap-y-3 px-6 py-4">
            <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
              <Kpi testId="gb-opened" label={t("groupBuys.kpi.opened")} value={f.number(report.opened)} />
              <Kpi testId="gb-succeeded" label={t("groupBuys.kpi.succeeded")} value={f.number(report.succeeded)} />
              <Kpi testId="gb-virtual" label={t("groupBuys.kpi.virtual")} value={f.number(report.virtual)} />
              <Kpi testId="gb-failed" label={t("groupBuys.kpi.failed")} value={f.number(report.failed)} />
              <Kpi testId="gb-open" label={t("groupBuys.kpi.open")} value={f.number(report.open)} />
            </div>
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>{t("sales.currency")}</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">{t("groupBuys.gmv")}</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">{t("groupBuys.refunded")}</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">{t("groupBuys.refundsPending")}</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">{t("groupBuys.refundsFailed")}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {[...new Set([...report.gmv.map((g) => g.currency_code), ...report.refunds.map((r) => r.currency_code)])].sort().map((currency) => {
                  const gmv = report.gmv.find((g) => g.currency_code === currency)
                  const refund = report.refunds.find((r) => r.currency_code === currency)
                  return (
                    <Table.Row key={currency} data-testid="gb-money-row" data-currency={currency}>
                      <Table.Cell className="uppercase">{currency}</Table.Cell>
                      <Table.Cell className="text-right tabular-nums" data-testid="gb-gmv">
                        {f.money(gmv?.amount ?? "0", currency)}
                      </Table.Cell>
                      <Table.Cell className="text-right tabular-nums" data-testid="gb-refunded">
                        {f.money(refund?.amount ?? "0", currency)}
                      </Table.Cell>
                      <Table.Cell className="text-right tabular-nums" data-testid="gb-refunds-pending">
                        {f.number(refund?.pending ?? 0)}
                      </Table.Cell>
                      <Table.Cell className="text-right tabular-nums" data-testid="gb-refunds-failed">
                        {f.number(refund?.failed ?? 0)}
                      </Table.Cell>
                    </Table.Row>
                  )
                })}
              </Table.Body>
            </Table>
          </div>
        )}
      </ReportState>
    </Section>
  )
}

const column = createDataTableColumnHelper<Group>()

/** The activity's groups, the latest first, filtered by status; a row opens its group. */
const GroupsSection = ({ groupBuyId }: { groupBuyId: string }) => {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const navigate = useNavigate()
  const paging = usePaging(10)
  const [status, setStatus] = useState<string>(ALL)
  const options = useStatusOptions("group", GROUP_STATUSES)
  const { data, isLoading } = useGroups({
    group_buy_id: groupBuyId,
    status: status === ALL ? undefined : [status],
    limit: paging.limit,
    offset: paging.offset,
  })
  const columns = useMemo(
    () => [
      column.accessor("id", { header: t("groupBuys.group"), cell: ({ getValue }) => <span data-testid="group-row-id">{getValue()}</span> }),
      column.accessor("status", { header: t("fields.status"), cell: ({ getValue }) => <Status kind="group" status={getValue()} /> }),
      column.display({
        id: "seats",
        header: t("groupBuys.seats"),
        cell: ({ row }) => (
          <span className="tabular-nums" data-testid="group-row-seats">
            {t("groupBuys.seatsText", { paid: row.original.paid, size: row.original.size, virtual: row.original.virtual_count })}
          </span>
        ),
      }),
      column.accessor("currency_code", { header: t("sales.currency"), cell: ({ getValue }) => <span className="uppercase">{getValue()}</span> }),
      column.accessor("opened_at", { header: t("groupBuys.openedAt"), cell: ({ getValue }) => f.dateTime(getValue()) }),
      column.accessor("expires_at", { header: t("groupBuys.expiresAt"), cell: ({ getValue }) => f.dateTime(getValue()) }),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, f.locale]
  )
  return (
    <Section
      title={t("groupBuys.groups")}
      description={t("groupBuys.groupsHint")}
      testId="group-buy-groups"
      actions={
        <Select
          size="small"
          value={status}
          onValueChange={(v) => {
            setStatus(v)
            paging.setPagination((p) => ({ ...p, pageIndex: 0 }))
          }}
        >
          <Select.Trigger data-testid="groups-status-filter">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={ALL}>{t("groupBuys.allStatuses")}</Select.Item>
            {options.map((o) => (
              <Select.Item key={o.value} value={o.value}>
                {o.label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      }
    >
      <PagedTable
        columns={columns}
        rows={data?.groups ?? []}
        count={data?.count ?? 0}
        isLoading={isLoading}
        paging={paging}
        emptyHeading={t("groupBuys.noGroups")}
        onRowClick={(g) => navigate(`/distribution/group-buys/${groupBuyId}/groups/${g.id}`)}
      />
    </Section>
  )
}

const GroupBuyDetailPage = () => {
  const { id } = useParams()
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const labels = useLabels()
  const policyText = useSalePolicyText()
  const windowText = useGroupBuyWindowText()
  const minutesText = useMinutesText()
  const [editing, setEditing] = useState(false)
  const { data, isLoading, isError, error } = useGroupBuy(id)
  if (isLoading || isError || !data) {
    return <PageFallback isLoading={isLoading} notFound={t("groupBuys.notFound")} error={error} />
  }
  const gb = data.group_buy
  const limit = (n: number | null) => (n === null ? t("groupBuys.noLimit") : f.number(n))
  return (
    <div className="flex flex-col gap-y-3" data-testid="group-buy-detail">
      <Container className="divide-y p-0">
        <DetailHeader
          title={gb.name}
          titleTestId="group-buy-name"
          status={<Status kind="groupBuy" status={gb.phase} />}
          actions={
            gb.status !== "closed" && (
              <>
                <Button size="small" variant="secondary" onClick={() => setEditing(true)} data-testid="group-buy-edit">
                  {t("actions.edit")}
                </Button>
                <CloseGroupBuyButton groupBuy={gb} variant="danger" />
              </>
            )
          }
        />
        <Field label={t("groupBuys.window")} testId="group-buy-window">
          {windowText(gb)}
        </Field>
        <Field label={t("groupBuys.groupSize")} testId="group-buy-size">
          {t("groupBuys.sizeText", { count: gb.group_size })}
        </Field>
        <Field label={t("groupBuys.timeLimit")} testId="group-buy-time-limit">
          {minutesText(gb.time_limit_minutes)}
        </Field>
        <Field label={t("groupBuys.reservationMinutes")} testId="group-buy-reservation">
          {minutesText(gb.reservation_minutes)}
        </Field>
        <Field label={t("groupBuys.perOrder")} testId="group-buy-per-order">
          {limit(gb.per_order_limit)}
        </Field>
        <Field label={t("groupBuys.perCustomer")} testId="group-buy-per-customer">
          {limit(gb.per_customer_limit)}
        </Field>
        <Field label={t("groupBuys.virtualThreshold")} testId="group-buy-virtual">
          {gb.virtual_threshold === null ? t("groupBuys.noVirtual") : t("groupBuys.virtualText", { count: gb.virtual_threshold })}
        </Field>
        <Field label={t("groupBuys.overflow")} testId="group-buy-overflow">
          {labels.overflows[gb.overflow]}
        </Field>
        <Field label={t("groupBuys.policy")} testId="group-buy-policy">
          {policyText(gb)}
        </Field>
        <Field label={t("groupBuys.leaderBonus")} testId="group-buy-leader-bonus">
          {gb.leader_bonus_bps === null ? t("groupBuys.noLeaderBonus") : f.bps(gb.leader_bonus_bps)}
        </Field>
        {gb.closed_at && <Field label={t("groupBuys.closedAt")}>{f.dateTime(gb.closed_at)}</Field>}
      </Container>
      <Section title={t("groupBuys.prices")}>
        {gb.prices.length ? (
          <ActivityPrices prices={gb.prices} priceLabel={t("groupBuys.groupPrice")} testId="group-buy-price" />
        ) : (
          <Empty title={t("sales.noPrices")} />
        )}
      </Section>
      <GroupBuyReportSection id={gb.id} />
      <GroupsSection groupBuyId={gb.id} />
      <GroupBuyDrawer groupBuy={gb} open={editing} onOpenChange={setEditing} />
    </div>
  )
}

export const handle = { breadcrumb: (match: UIMatch) => <GroupBuyCrumb {...match} /> }

export default GroupBuyDetailPage
