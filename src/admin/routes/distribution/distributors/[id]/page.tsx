import { Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link, UIMatch, useParams } from "react-router-dom"
import { DistributorCrumb } from "../../../../components/breadcrumb"
import { DistributorActions } from "../../../../components/distributor-actions"
import { CommissionsTable, DistributorWithdrawals, LedgerSection } from "../../../../components/distributor-tables"
import { Empty, Field, PageFallback, Section } from "../../../../components/section"
import { Status } from "../../../../components/status"
import { TeamTree } from "../../../../components/team-tree"
import { useDistributor } from "../../../../hooks/distributors"
import { useSettings } from "../../../../hooks/programme"
import { useFormat } from "../../../../lib/format"
import { useLabels } from "../../../../lib/labels"
import { personName } from "../../../../lib/person-name"

const DistributorDetailPage = () => {
  const { id } = useParams()
  const { t } = useTranslation("distribution")
  const labels = useLabels()
  const f = useFormat()
  const { data, isLoading, isError, error } = useDistributor(id)
  const settings = useSettings()
  if (isLoading || isError || !data) {
    return <PageFallback isLoading={isLoading} notFound={t("detail.notFound")} error={error} />
  }
  const d = data.distributor
  const name = d.display_name || d.email || d.id
  return (
    <div className="flex flex-col gap-y-3 xl:flex-row xl:items-start xl:gap-x-4" data-testid="distributor-detail">
      <div className="flex w-full flex-col gap-y-3">
        <Container className="divide-y p-0">
          <div className="flex items-center justify-between px-6 py-4">
            <div className="flex flex-col">
              <div className="flex items-center gap-x-2">
                <Heading data-testid="distributor-name">{name}</Heading>
                <Status kind="distributor" status={d.status} />
              </div>
              <Text size="small" className="text-ui-fg-subtle">
                {d.email}
              </Text>
            </div>
            <DistributorActions distributor={d} currency={settings.data?.settings.currency_code ?? "cny"} />
          </div>
          <Field label={t("fields.referralCode")} testId="field-code">
            {d.referral_code ?? "—"}
          </Field>
          <Field label={t("fields.level")} testId="field-level">
            {d.level ? `${d.level.name} (${[d.level.rate_bps_1, d.level.rate_bps_2, d.level.rate_bps_3].map(f.bps).join(" / ")})` : "—"}
          </Field>
          <Field label={t("fields.generation")}>{f.number(d.depth + 1)}</Field>
          <Field label={t("fields.teamSize")} testId="field-team-size">
            {f.number(d.team_size)}
          </Field>
          <Field label={t("fields.directRecruits")}>{f.number(d.direct_count)}</Field>
          <Field label={t("fields.customer")}>
            {data.customer ? (
              <Link to={`/customers/${data.customer.id}`} className="text-ui-fg-interactive">
                {personName(data.customer.first_name, data.customer.last_name) || data.customer.email}
              </Link>
            ) : (
              "—"
            )}
          </Field>
          <Field label={t("fields.appliedAt")}>{f.dateTime(d.created_at)}</Field>
          <Field label={t("fields.activatedAt")}>{f.dateTime(d.activated_at)}</Field>
          {d.reject_reason && <Field label={t("fields.rejectReason")}>{d.reject_reason}</Field>}
          {d.suspend_reason && <Field label={t("fields.suspendReason")}>{d.suspend_reason}</Field>}
          {d.application && (
            <>
              <Field label={t("fields.applicationName")}>{d.application.name ?? "—"}</Field>
              <Field label={t("fields.applicationPhone")}>{d.application.phone ?? "—"}</Field>
              <Field label={t("fields.applicationReason")}>{d.application.reason ?? "—"}</Field>
            </>
          )}
        </Container>
        <Section title={t("detail.team.title")} description={t("detail.team.description", { count: d.team_size })}>
          <TeamTree root={d} />
        </Section>
        <Section title={t("detail.commissions.title")} testId="commissions-section">
          <CommissionsTable distributorId={d.id} />
        </Section>
        <LedgerSection distributorId={d.id} />
        <DistributorWithdrawals distributorId={d.id} />
      </div>
      <div className="flex w-full flex-col gap-y-3 xl:max-w-[400px]">
        <Section title={t("detail.upline.title")} description={t("detail.upline.description")} testId="upline-section">
          {data.upline.length ? (
            <ol className="flex flex-col gap-y-1 px-6 py-4">
              {data.upline.map((u, i) => (
                <li key={u.id} className="flex items-center justify-between gap-x-2">
                  <Link to={`/distribution/distributors/${u.id}`} className="txt-small text-ui-fg-interactive">
                    {t("detail.upline.generation", { n: i + 1 })} · {u.display_name || u.email}
                  </Link>
                  <Status kind="distributor" status={u.status} />
                </li>
              ))}
            </ol>
          ) : (
            <Empty title={t("detail.upline.none")} />
          )}
        </Section>
        <Section title={t("detail.binding.title")} description={t("detail.binding.description")}>
          {data.binding ? (
            <>
              <Field label={t("fields.distributor")}>
                <Link to={`/distribution/distributors/${data.binding.distributor_id}`} className="text-ui-fg-interactive">
                  {data.binding.distributor_id}
                </Link>
              </Field>
              <Field label={t("fields.source")}>{labels.sources[data.binding.source]}</Field>
              <Field label={t("fields.boundAt")}>{f.dateTime(data.binding.bound_at)}</Field>
            </>
          ) : (
            <Empty title={t("detail.binding.none")} />
          )}
        </Section>
      </div>
    </div>
  )
}

export const handle = { breadcrumb: (match: UIMatch) => <DistributorCrumb {...match} /> }

export default DistributorDetailPage
