import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Share } from "@medusajs/icons"
import { Container, Heading, Select, Table, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { Chart } from "../../components/charts"
import { ExportLink } from "../../components/list-toolbar"
import { ReportState } from "../../components/report-state"
import { Empty, Kpi, Loading, PageHeader, Section } from "../../components/section"
import { exportUrl } from "../../lib/sdk"
import { Period, useLeaderboard, useProductReport, useReconcileRuns, useSummary, useTimeseries } from "../../hooks/reports"
import { useLevels, useSettings } from "../../hooks/programme"
import { percentText } from "../../components/percent-input"
import { useFormat } from "../../lib/format"
import { useLabels } from "../../lib/labels"
import { NavCrumb } from "../../components/breadcrumb"

const DAYS = [7, 30, 90] as const

/** The last `days` days up to today, as calendar days where the admin sits. */
const periodOf = (days: number): Period => {
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"
  const day = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: tz }).format(d)
  const now = new Date()
  return { from: day(new Date(now.getTime() - (days - 1) * 24 * 60 * 60 * 1000)), to: day(now), tz }
}

/**
 * A new programme's first steps, while it has no level: what it pays until then
 * (the programme's default rates, in its currency) and where to set it up.
 */
const FirstRun = () => {
  const { t } = useTranslation("distribution")
  const levels = useLevels()
  const settings = useSettings()
  const s = settings.data?.settings
  if (!s || !levels.data || levels.data.count > 0) return null
  const rates = [s.default_rate_bps_1, s.default_rate_bps_2, s.default_rate_bps_3].slice(0, s.max_depth).map(percentText)
  return (
    <Container className="flex flex-col gap-y-2 px-6 py-4" data-testid="first-run">
      <Heading level="h2">{t("overview.firstRun.title")}</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        {t("overview.firstRun.description", { rates: rates.map((r) => `${r} %`).join(" / "), currency: s.currency_code.toUpperCase() })}
      </Text>
      <ol className="txt-small flex list-decimal flex-col gap-y-1 pl-5">
        <li>
          <Link to="/distribution/settings" className="text-ui-fg-interactive">
            {t("overview.firstRun.settings")}
          </Link>
        </li>
        <li>
          <Link to="/distribution/levels" className="text-ui-fg-interactive" data-testid="first-run-levels">
            {t("overview.firstRun.levels")}
          </Link>
        </li>
        <li>
          <Link to="/distribution/rules" className="text-ui-fg-interactive">
            {t("overview.firstRun.rules")}
          </Link>
        </li>
      </ol>
    </Container>
  )
}

/** The hourly reconcile: when it last ran, the orders it looked at (changed since when) and what it repaired (or why it failed). */
const ReconcileStatus = () => {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const runs = useReconcileRuns()
  const last = runs.data?.runs.find((r) => r.finished_at)
  const repairs = last?.result ? last.result.recredited + last.result.reversed + last.result.marked_eligible : 0
  const refunds = !last?.error ? last?.result?.group_refunds : undefined
  return (
    <>
    <Text size="small" className="text-ui-fg-subtle px-1" data-testid="reconcile-status">
      {!last
        ? t("overview.reconcile.never")
        : last.error
          ? t("overview.reconcile.failed", { at: f.dateTime(last.started_at), error: last.error })
          : last.window_from
            ? t("overview.reconcile.lastWindow", {
                at: f.dateTime(last.started_at),
                since: f.dateTime(last.window_from),
                checked: f.number(last.result?.orders_checked ?? 0),
                count: repairs,
              })
            : t("overview.reconcile.last", { at: f.dateTime(last.started_at), checked: f.number(last.result?.orders_checked ?? 0), count: repairs })}
    </Text>
    {refunds?.members ? (
      <Text size="small" className="text-ui-fg-subtle px-1" data-testid="reconcile-group-refunds">
        {t("overview.reconcile.groupRefunds", { count: refunds.members, groups: f.number(refunds.groups), refunded: f.number(refunds.refunded) })}
      </Text>
    ) : null}
    </>
  )
}

const OverviewPage = () => {
  const { t } = useTranslation("distribution")
  const words = useLabels()
  const f = useFormat()
  const [days, setDays] = useState<number>(30)
  const [by, setBy] = useState<"sales" | "commissions" | "recruits">("sales")
  // Unset: the programme's currency; the switch shows when the programme holds money in several.
  const [currencyCode, setCurrencyCode] = useState<string | undefined>(undefined)
  const period = useMemo(() => ({ ...periodOf(days), currency_code: currencyCode }), [days, currencyCode])
  const interval = days > 31 ? "week" : "day"
  const summary = useSummary(period)
  const series = useTimeseries(period, interval)
  const leaders = useLeaderboard(period, by)
  const s = summary.data
  const products = useProductReport(period)
  const currency = s?.currency_code
  const labels = (series.data?.series ?? []).map((p) => f.day(p.period))

  return (
    <div className="flex flex-col gap-y-3" data-testid="distribution-overview">
      <PageHeader title={t("overview.title")} description={t("overview.description")}>
        {s && s.currencies.length > 1 && (
          <Select value={s.currency_code} onValueChange={setCurrencyCode} size="small">
            <Select.Trigger className="w-28" data-testid="currency-select" aria-label={t("overview.currency")}>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {s.currencies.map((c) => (
                <Select.Item key={c} value={c}>
                  {c.toUpperCase()}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        )}
        <Select value={String(days)} onValueChange={(v) => setDays(Number(v))} size="small">
          <Select.Trigger className="w-40" data-testid="period-select">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {DAYS.map((d) => (
              <Select.Item key={d} value={String(d)}>
                {t("overview.lastDays", { count: d })}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </PageHeader>

      <FirstRun />
      <ReconcileStatus />

      {summary.isLoading ? (
        <Container className="p-0">
          <Loading rows={4} />
        </Container>
      ) : s ? (
        <div className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-4">
          <Kpi testId="kpi-sales" label={t("overview.kpi.sales")} value={f.money(s.sales, currency)} hint={t("overview.kpi.orders", { count: s.orders, formatted: f.number(s.orders) })} />
          <Kpi
            testId="kpi-commissions"
            label={t("overview.kpi.commissions")}
            value={f.money(s.commissions.settled, currency)}
            hint={t("overview.kpi.commissionsPending", { amount: f.money(s.commissions.pending, currency) })}
          />
          <Kpi
            testId="kpi-distributors"
            label={t("overview.kpi.activeDistributors")}
            value={f.number(s.distributors.active)}
            hint={t("overview.kpi.newDistributors", { formatted: f.number(s.distributors.new) })}
          />
          <Kpi
            testId="kpi-conversion"
            label={t("overview.kpi.conversion")}
            value={f.ratio(s.conversion_rate)}
            hint={t("overview.kpi.visits", { formatted: f.number(s.visits) })}
          />
          <Kpi testId="kpi-applications" label={t("overview.kpi.pendingApplications")} value={f.number(s.pending_applications)} />
          <Kpi
            testId="kpi-withdrawals"
            label={t("overview.kpi.pendingWithdrawals")}
            value={f.number(s.pending_withdrawals.count)}
            hint={f.money(s.pending_withdrawals.amount, currency)}
          />
          <Kpi testId="kpi-withdrawn" label={t("overview.kpi.withdrawn")} value={f.money(s.withdrawn, currency)} />
          <Kpi testId="kpi-reversed" label={t("overview.kpi.reversed")} value={f.money(s.commissions.reversed, currency)} />
        </div>
      ) : (
        <Container className="p-0">
          <Empty title={t("overview.unavailable")} description={summary.error?.message} />
        </Container>
      )}

      <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
        <Section title={t("overview.charts.salesTitle")} testId="chart-sales">
          <div className="px-6 py-4">
            <ReportState query={series} isEmpty={(d) => !d.series.length} empty={t("overview.charts.empty")}>
              {(d) => (
                <Chart
                  type="line"
                  labels={labels}
                  series={[
                    { key: "sales", label: t("overview.charts.sales"), color: "#3B82F6", values: d.series.map((p) => p.sales) },
                    { key: "commissions", label: t("overview.charts.commissions"), color: "#10B981", values: d.series.map((p) => p.commissions) },
                  ]}
                  format={(v) => f.money(v, d.currency_code)}
                />
              )}
            </ReportState>
          </div>
        </Section>
        <Section title={t("overview.charts.recruitsTitle")} testId="chart-recruits">
          <div className="px-6 py-4">
            <ReportState query={series} isEmpty={(d) => !d.series.length} empty={t("overview.charts.empty")}>
              {(d) => (
                <Chart
                  type="bar"
                  labels={labels}
                  series={[
                    { key: "new", label: t("overview.charts.newDistributors"), color: "#8B5CF6", values: d.series.map((p) => p.new_distributors) },
                    { key: "orders", label: t("overview.charts.orders"), color: "#F59E0B", values: d.series.map((p) => p.orders) },
                  ]}
                  format={(v) => f.number(v)}
                />
              )}
            </ReportState>
          </div>
        </Section>
      </div>

      <Section
        title={t("overview.leaderboard.title")}
        testId="leaderboard"
        actions={
          <Select value={by} onValueChange={(v) => setBy(v as typeof by)} size="small">
            <Select.Trigger className="w-40">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {(["sales", "commissions", "recruits"] as const).map((b) => (
                <Select.Item key={b} value={b}>
                  {words.leaderboardBy[b]}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        }
      >
        <ReportState query={leaders} isEmpty={(d) => !d.rows.length} empty={t("overview.leaderboard.empty")}>
          {(d) => (
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>#</Table.HeaderCell>
                  <Table.HeaderCell>{t("fields.distributor")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("fields.referralCode")}</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">{words.leaderboardBy[by]}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {d.rows.map((r) => (
                  <Table.Row key={r.distributor_id}>
                    <Table.Cell>{r.rank}</Table.Cell>
                    <Table.Cell>
                      <Link to={`/distribution/distributors/${r.distributor_id}`} className="text-ui-fg-interactive">
                        {r.display_name || r.email}
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{r.referral_code}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums">
                      {by === "recruits" ? f.number(r.value) : f.money(r.value, currency)}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </ReportState>
      </Section>
      <Section
        title={t("overview.products.title")}
        testId="product-report"
        actions={
          <ExportLink href={exportUrl("/admin/distribution/reports/products", { ...period, format: "csv", limit: 500 })} label={t("overview.export")} />
        }
      >
        <ReportState query={products} isEmpty={(d) => !d.products.length} empty={t("overview.products.empty")}>
          {(d) => (
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>{t("fields.item")}</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">{t("overview.products.quantity")}</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">{t("overview.charts.orders")}</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">{t("overview.charts.sales")}</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">{t("overview.charts.commissions")}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {d.products.map((p) => (
                  <Table.Row key={p.product_id}>
                    <Table.Cell>
                      <Link to={`/products/${p.product_id}`} className="text-ui-fg-interactive">
                        {p.title ?? p.product_id}
                      </Link>
                    </Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{f.number(p.quantity)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{f.number(p.orders)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{f.money(p.sales, currency)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{f.money(p.commissions, currency)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </ReportState>
      </Section>
    </div>
  )
}

export const handle = { breadcrumb: () => <NavCrumb page="distribution" /> }

export const config = defineRouteConfig({
  label: "nav.distribution",
  translationNs: "distribution",
  icon: Share,
  rank: 10,
})

export default OverviewPage
