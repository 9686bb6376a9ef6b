import { defineRouteConfig } from "@medusajs/admin-sdk"
import {
  Button,
  Container,
  createDataTableColumnHelper,
  DataTable,
  Heading,
  Input,
  Select,
  Text,
  usePrompt,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { NavCrumb } from "../../../components/breadcrumb"
import { CouponDrawer } from "../../../components/coupon-drawer"
import { FigureLines, usePolicyText } from "../../../components/coupon-parts"
import { FormDrawer, FormField } from "../../../components/form-drawer"
import { ListToolbar } from "../../../components/list-toolbar"
import { ListTable, useListState } from "../../../components/paged-table"
import { Kpi } from "../../../components/section"
import { Status, useStatusFilters } from "../../../components/status"
import { useBulkIssueCoupons, useCouponReport, useCoupons, useCouponStatus, useIssueCoupon } from "../../../hooks/coupons"
import { useDistributors } from "../../../hooks/distributors"
import { useLevels, useSettings } from "../../../hooks/programme"
import { Period } from "../../../hooks/reports"
import { useFormat } from "../../../lib/format"
import { Coupon } from "../../../lib/types"

const STATUSES = ["active", "suspended", "disabled"] as const
const column = createDataTableColumnHelper<Coupon>()

/** The last 30 days up to today, as calendar days where the admin sits (as the overview counts them). */
const last30Days = (): Period => {
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"
  const day = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: tz }).format(d)
  const now = new Date()
  return { from: day(new Date(now.getTime() - 29 * 24 * 60 * 60 * 1000)), to: day(now), tz }
}

/** Without a template promotion no coupon can be issued: say so, and where to choose one. */
const NoTemplate = () => {
  const { t } = useTranslation("distribution")
  return (
    <Container className="flex flex-col gap-y-1 px-6 py-4" data-testid="coupons-no-template">
      <Heading level="h2">{t("coupons.noTemplate.title")}</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        {t("coupons.noTemplate.description")}
      </Text>
      <Link to="/distribution/settings" className="text-ui-fg-interactive txt-small" data-testid="coupons-settings-link">
        {t("coupons.noTemplate.link")}
      </Link>
    </Container>
  )
}

/** The coupons report's totals for the last 30 days: coupons used, orders, sales, commission. */
const Totals = () => {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const [period] = useState(last30Days)
  const { data } = useCouponReport(period)
  const totals = data?.totals
  const currency = data?.currency_code
  return (
    <div className="grid grid-cols-2 gap-4 lg:grid-cols-4" data-testid="coupon-totals">
      <Kpi testId="coupon-kpi-coupons" label={t("coupons.kpi.coupons")} value={totals ? f.number(totals.coupons) : "—"} hint={t("coupons.kpi.period")} />
      <Kpi testId="coupon-kpi-uses" label={t("coupons.kpi.uses")} value={totals ? f.number(totals.uses) : "—"} hint={t("coupons.kpi.period")} />
      <Kpi testId="coupon-kpi-sales" label={t("coupons.kpi.sales")} value={totals ? f.money(totals.sales, currency) : "—"} hint={t("coupons.kpi.salesHint")} />
      <Kpi
        testId="coupon-kpi-commission"
        label={t("coupons.kpi.commission")}
        value={totals ? f.money(totals.commission, currency) : "—"}
        hint={t("coupons.kpi.commissionHint")}
      />
    </div>
  )
}

/** Issue one active distributor its coupon: found by code, e-mail or name. */
const IssueDrawer = ({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) => {
  const { t } = useTranslation("distribution")
  const [q, setQ] = useState("")
  const [distributorId, setDistributorId] = useState("")
  const { data } = useDistributors({ q: q || undefined, status: ["active"], limit: 20, offset: 0 }, open)
  const issue = useIssueCoupon(t("coupons.issued"))
  const close = (o: boolean) => {
    onOpenChange(o)
    if (!o) {
      setQ("")
      setDistributorId("")
    }
  }
  return (
    <FormDrawer
      open={open}
      onOpenChange={close}
      title={t("coupons.issueTitle")}
      description={t("coupons.issueDescription")}
      submitLabel={t("coupons.issue")}
      isPending={issue.isPending}
      onSubmit={() => distributorId && issue.mutate({ distributor_id: distributorId }, { onSuccess: () => close(false) })}
      testId="coupon-issue-drawer"
    >
      <FormField label={t("coupons.findDistributor")} htmlFor="coupon-issue-search">
        <Input
          id="coupon-issue-search"
          type="search"
          autoComplete="off"
          value={q}
          placeholder={t("coupons.findPlaceholder")}
          onChange={(e) => setQ(e.target.value)}
        />
      </FormField>
      <FormField label={t("fields.distributor")} htmlFor="coupon-issue-distributor">
        <Select value={distributorId} onValueChange={setDistributorId}>
          <Select.Trigger id="coupon-issue-distributor" data-testid="coupon-issue-distributor">
            <Select.Value placeholder={t("coupons.pickDistributor")} />
          </Select.Trigger>
          <Select.Content>
            {(data?.distributors ?? []).map((d) => (
              <Select.Item key={d.id} value={d.id}>
                {[d.display_name || d.email, d.referral_code].filter(Boolean).join(" · ")}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </FormField>
    </FormDrawer>
  )
}

/** A coupon for every active distributor of a level who has none. */
const BulkIssueDrawer = ({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) => {
  const { t } = useTranslation("distribution")
  const [levelId, setLevelId] = useState("")
  const levels = useLevels(open)
  const bulk = useBulkIssueCoupons((r) =>
    r.failed.length ? t("coupons.bulkPartial", { issued: r.issued, failed: r.failed.length }) : t("coupons.bulkDone", { count: r.issued })
  )
  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={t("coupons.bulkTitle")}
      description={t("coupons.bulkDescription")}
      submitLabel={t("coupons.bulkIssue")}
      isPending={bulk.isPending}
      onSubmit={() => levelId && bulk.mutate({ level_id: levelId }, { onSuccess: () => onOpenChange(false) })}
      testId="coupon-bulk-drawer"
    >
      <FormField label={t("fields.level")} htmlFor="coupon-bulk-level">
        <Select value={levelId} onValueChange={setLevelId}>
          <Select.Trigger id="coupon-bulk-level" data-testid="coupon-bulk-level">
            <Select.Value placeholder={t("coupons.pickLevel")} />
          </Select.Trigger>
          <Select.Content>
            {(levels.data?.levels ?? []).map((l) => (
              <Select.Item key={l.id} value={l.id}>
                {l.name}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </FormField>
    </FormDrawer>
  )
}

const CouponsPage = () => {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const prompt = usePrompt()
  const policyText = usePolicyText()
  const settings = useSettings()
  const noTemplate = settings.data && !settings.data.settings.coupon_template_promotion_id
  const list = useListState()
  const [shown, setShown] = useState<string | null>(null)
  const [drawer, setDrawer] = useState<"issue" | "bulk" | null>(null)
  const { data, isLoading, error } = useCoupons({
    ...list.query,
    status: list.filtering.status as string[] | undefined,
  })
  const setStatus = useCouponStatus((action) => (action === "disable" ? t("coupons.disabled") : t("coupons.enabled")))

  const disable = async (c: Coupon) => {
    const ok = await prompt({
      title: t("coupons.disableTitle"),
      description: t("coupons.disableDescription", { code: c.code }),
      confirmText: t("coupons.disable"),
      cancelText: t("actions.cancel"),
    })
    if (ok) setStatus.mutate({ id: c.id, action: "disable" })
  }

  const columns = useMemo(
    () => [
      column.accessor("code", {
        header: t("coupons.code"),
        cell: ({ getValue }) => (
          <span className="font-mono" data-testid="coupon-row-code">
            {getValue()}
          </span>
        ),
      }),
      column.accessor("distributor", {
        header: t("coupons.owner"),
        cell: ({ row }) => (
          <Link
            to={`/distribution/distributors/${row.original.distributor_id}`}
            className="text-ui-fg-interactive"
            onClick={(e) => e.stopPropagation()}
            data-testid="coupon-row-owner"
          >
            {row.original.distributor?.email || row.original.distributor_id}
          </Link>
        ),
      }),
      column.accessor("status", { header: t("fields.status"), cell: ({ getValue }) => <Status kind="coupon" status={getValue()} /> }),
      column.accessor("uses", {
        header: t("coupons.uses"),
        cell: ({ getValue }) => (
          <span className="tabular-nums" data-testid="coupon-row-uses">
            {f.number(getValue())}
          </span>
        ),
      }),
      column.display({ id: "sales", header: t("coupons.sales"), cell: ({ row }) => <FigureLines coupon={row.original} pick="sales" /> }),
      column.display({
        id: "commission",
        header: t("fields.commission"),
        cell: ({ row }) => <FigureLines coupon={row.original} pick="commission" />,
      }),
      column.display({
        id: "policy",
        header: t("coupons.policy"),
        cell: ({ row }) => <span data-testid="coupon-row-policy">{policyText(row.original)}</span>,
      }),
      column.action({
        actions: ({ row }) => {
          const c = row.original
          return [
            { label: t("coupons.view"), onClick: () => setShown(c.id) },
            c.status === "disabled"
              ? { label: t("coupons.enable"), onClick: () => setStatus.mutate({ id: c.id, action: "enable" }) }
              : { label: t("coupons.disable"), onClick: () => disable(c) },
          ]
        },
      }),
    ],
    [t, f.locale, policyText]
  )

  const filters = useStatusFilters("coupon", STATUSES)

  const table = useDataTable({
    columns,
    data: data?.coupons ?? [],
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading,
    filters,
    ...list.table,
    onRowClick: (_e, row) => setShown(row.id),
  })

  return (
    <div className="flex flex-col gap-y-3" data-testid="coupons-page">
      {noTemplate && <NoTemplate />}
      <Totals />
      <Container className="divide-y p-0">
        <DataTable instance={table}>
          <ListToolbar title={t("coupons.title")} description={t("coupons.description")}>
            <DataTable.FilterMenu tooltip={t("table.filter")} />
            <DataTable.Search placeholder={t("coupons.search")} />
            <Button size="small" variant="secondary" disabled={!!noTemplate} onClick={() => setDrawer("bulk")} data-testid="coupons-bulk-issue">
              {t("coupons.bulkIssue")}
            </Button>
            <Button size="small" disabled={!!noTemplate} onClick={() => setDrawer("issue")} data-testid="coupons-issue">
              {t("coupons.issue")}
            </Button>
          </ListToolbar>
          <ListTable error={error} emptyHeading={t("coupons.empty")} />
        </DataTable>
      </Container>
      <CouponDrawer id={shown} onClose={() => setShown(null)} />
      <IssueDrawer open={drawer === "issue"} onOpenChange={(o) => setDrawer(o ? "issue" : null)} />
      <BulkIssueDrawer open={drawer === "bulk"} onOpenChange={(o) => setDrawer(o ? "bulk" : null)} />
    </div>
  )
}

export const handle = { breadcrumb: () => <NavCrumb page="coupons" /> }

export const config = defineRouteConfig({ label: "nav.coupons", translationNs: "distribution", rank: 4 })

export default CouponsPage
