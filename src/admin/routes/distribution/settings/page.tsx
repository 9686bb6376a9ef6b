import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Checkbox, Container, Heading, Input, Label, Select, Switch, Text } from "@medusajs/ui"
import { FormEvent, ReactNode, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { asText } from "../../../components/number-input"
import { Empty, Loading, PageHeader } from "../../../components/section"
import { SettingsInput, useSettings, useStoreCurrencies, useUpdateSettings } from "../../../hooks/programme"
import { useFormat } from "../../../lib/format"
import { useLabels } from "../../../lib/labels"
import { bpsOrNull, PercentInput, percentText, usePercentProblem } from "../../../components/percent-input"
import { Settings } from "../../../lib/types"
import { NavCrumb } from "../../../components/breadcrumb"
import { DistributorGroupModeSelect, DistributorGroupsList } from "../../../components/distributor-groups"
import {
  APPLICATION_MODES,
  BINDING_MODES,
  COUPON_ATTRIBUTIONS,
  COUPON_COMMISSIONS,
  COUPON_ISSUE_MODES,
  SETTLE_ON_STATES as SETTLE_ON,
  WITHDRAWAL_METHODS as METHODS,
} from "../../../../modules/distribution/constants"


const NUMERIC = ["max_depth", "application_min_spend", "binding_days", "freeze_days", "min_withdrawal"] as const
/** Rates: typed and shown as percentages, stored as basis points. */
const RATES = [
  "order_cap_bps",
  "withdrawal_fee_bps",
  "default_rate_bps_1",
  "default_rate_bps_2",
  "default_rate_bps_3",
  "coupon_rate_bps_1",
  "coupon_rate_bps_2",
  "coupon_rate_bps_3",
] as const
/** The currency select's value for "the store's default currency" (a Select item cannot be empty). */
const FOLLOW_STORE = "store-default"
type Numeric = (typeof NUMERIC)[number]
type Rate = (typeof RATES)[number]
type Form = Omit<Settings, Numeric | Rate> & Record<Numeric | Rate, string>

const formOf = (s: Settings): Form => ({
  ...s,
  // "": the programme follows the store's default currency.
  currency_code: s.currency_follows_store ? "" : s.currency_code,
  ...(Object.fromEntries(NUMERIC.map((k) => [k, asText(s[k])])) as Record<Numeric, string>),
  ...(Object.fromEntries(RATES.map((k) => [k, percentText(s[k])])) as Record<Rate, string>),
})

/** The form's value of a setting as the API takes it. */
const valueOf = (k: keyof Form, v: unknown) =>
  k === "currency_code" || k === "coupon_template_promotion_id" ? (v as string) || null : (NUMERIC as readonly string[]).includes(k) ? Number(v) : (RATES as readonly string[]).includes(k) ? bpsOrNull(v as string) : v

type SettingName = Exclude<keyof Settings, "id" | "created_at" | "updated_at" | "currency_follows_store">

/** Each setting's name and explanation. */
function useSettingTexts(): Record<SettingName, { label: string; hint: string }> {
  const { t } = useTranslation("distribution")
  return {
    enabled: { label: t("settings.fields.enabled.label"), hint: t("settings.fields.enabled.hint") },
    max_depth: { label: t("settings.fields.max_depth.label"), hint: t("settings.fields.max_depth.hint") },
    application_mode: { label: t("settings.fields.application_mode.label"), hint: t("settings.fields.application_mode.hint") },
    application_min_spend: { label: t("settings.fields.application_min_spend.label"), hint: t("settings.fields.application_min_spend.hint") },
    self_purchase: { label: t("settings.fields.self_purchase.label"), hint: t("settings.fields.self_purchase.hint") },
    currency_code: { label: t("settings.fields.currency_code.label"), hint: t("settings.fields.currency_code.hint") },
    binding_mode: { label: t("settings.fields.binding_mode.label"), hint: t("settings.fields.binding_mode.hint") },
    binding_days: { label: t("settings.fields.binding_days.label"), hint: t("settings.fields.binding_days.hint") },
    bind_new_customers_only: { label: t("settings.fields.bind_new_customers_only.label"), hint: t("settings.fields.bind_new_customers_only.hint") },
    commission_base: { label: t("settings.fields.commission_base.label"), hint: t("settings.fields.commission_base.hint") },
    default_rate_bps_1: { label: t("settings.fields.default_rate_bps_1.label"), hint: t("settings.fields.default_rate_bps_1.hint") },
    default_rate_bps_2: { label: t("settings.fields.default_rate_bps_2.label"), hint: t("settings.fields.default_rate_bps_2.hint") },
    default_rate_bps_3: { label: t("settings.fields.default_rate_bps_3.label"), hint: t("settings.fields.default_rate_bps_3.hint") },
    order_cap_bps: { label: t("settings.fields.order_cap_bps.label"), hint: t("settings.fields.order_cap_bps.hint") },
    settle_on: { label: t("settings.fields.settle_on.label"), hint: t("settings.fields.settle_on.hint") },
    freeze_days: { label: t("settings.fields.freeze_days.label"), hint: t("settings.fields.freeze_days.hint") },
    min_withdrawal: { label: t("settings.fields.min_withdrawal.label"), hint: t("settings.fields.min_withdrawal.hint") },
    withdrawal_fee_bps: { label: t("settings.fields.withdrawal_fee_bps.label"), hint: t("settings.fields.withdrawal_fee_bps.hint") },
    withdrawal_methods: { label: t("settings.fields.withdrawal_methods.label"), hint: t("settings.fields.withdrawal_methods.hint") },
    distributor_group_mode: { label: t("settings.fields.distributor_group_mode.label"), hint: t("settings.fields.distributor_group_mode.hint") },
    coupon_template_promotion_id: { label: t("settings.fields.coupon_template_promotion_id.label"), hint: t("settings.fields.coupon_template_promotion_id.hint") },
    coupon_issue: { label: t("settings.fields.coupon_issue.label"), hint: t("settings.fields.coupon_issue.hint") },
    coupon_code_prefix: { label: t("settings.fields.coupon_code_prefix.label"), hint: t("settings.fields.coupon_code_prefix.hint") },
    coupon_attribution: { label: t("settings.fields.coupon_attribution.label"), hint: t("settings.fields.coupon_attribution.hint") },
    coupon_commission: { label: t("settings.fields.coupon_commission.label"), hint: t("settings.fields.coupon_commission.hint") },
    coupon_rate_bps_1: { label: t("settings.fields.coupon_rate_bps_1.label"), hint: t("settings.fields.coupon_rate_bps_1.hint") },
    coupon_rate_bps_2: { label: t("settings.fields.coupon_rate_bps_2.label"), hint: t("settings.fields.coupon_rate_bps_2.hint") },
    coupon_rate_bps_3: { label: t("settings.fields.coupon_rate_bps_3.label"), hint: t("settings.fields.coupon_rate_bps_3.hint") },
    coupon_binds_customer: { label: t("settings.fields.coupon_binds_customer.label"), hint: t("settings.fields.coupon_binds_customer.hint") },
    mini_program_page: { label: t("settings.fields.mini_program_page.label"), hint: t("settings.fields.mini_program_page.hint") },
  }
}

/** One setting: its name, its explanation, its control (the dashboard's two-column settings rows). */
const Row = ({ name, children }: { name: SettingName; children: ReactNode }) => {
  const text = useSettingTexts()[name]
  return (
    <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2" data-testid={`setting-${name}`}>
      <div>
        <Label size="small" weight="plus" htmlFor={name}>
          {text.label}
        </Label>
        <Text size="small" className="text-ui-fg-subtle">
          {text.hint}
        </Text>
      </div>
      <div className="flex items-start">{children}</div>
    </div>
  )
}

const Group = ({ title, children }: { title: string; children: ReactNode }) => (
  <Container className="divide-y p-0">
    <div className="px-6 py-4">
      <Heading level="h2">{title}</Heading>
    </div>
    {children}
  </Container>
)

const SettingsPage = () => {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const labels = useLabels()
  const problem = usePercentProblem()
  const { data, isLoading, isError, error } = useSettings()
  const store = useStoreCurrencies()
  const update = useUpdateSettings(t("settings.saved"))
  const [form, setForm] = useState<Form | null>(null)
  useEffect(() => {
    if (data) setForm(formOf(data.settings))
  }, [data])
  if (isLoading || (!form && !isError)) {
    return (
      <Container className="p-0">
        <Loading rows={8} />
      </Container>
    )
  }
  if (isError || !form || !data) {
    return (
      <Container className="p-0">
        <Empty title={t("settings.unavailable")} description={error?.message} />
      </Container>
    )
  }
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm({ ...form, [k]: v })
  const numberInput = (k: Numeric, opts: { step?: string; min?: number; max?: number; suffix?: string } = {}) => (
    <div className="flex w-full flex-col gap-y-1">
      <Input id={k} name={k} type="number" required step={opts.step ?? "1"} min={opts.min ?? 0} max={opts.max} value={form[k]} onChange={(e) => set(k, e.target.value)} />
      {opts.suffix && (
        <Text size="xsmall" className="text-ui-fg-muted">
          {opts.suffix}
        </Text>
      )}
    </div>
  )
  const options = {
    application_mode: labels.applicationModes,
    binding_mode: labels.bindingModes,
    settle_on: labels.settleOn,
    coupon_issue: {
      on_approval: t("settings.couponIssue.on_approval"),
      on_request: t("settings.couponIssue.on_request"),
      admin_only: t("settings.couponIssue.admin_only"),
    },
    coupon_attribution: {
      coupon_first: t("settings.couponAttribution.coupon_first"),
      binding_first: t("settings.couponAttribution.binding_first"),
    },
    coupon_commission: {
      normal: t("settings.couponCommission.normal"),
      rates: t("settings.couponCommission.rates"),
      excluded: t("settings.couponCommission.excluded"),
    },
  }
  const select = <K extends keyof typeof options>(k: K, values: readonly Form[K][]) => (
    <Select value={form[k]} onValueChange={(v) => set(k, v as Form[K])}>
      <Select.Trigger id={k} data-testid={`select-${k}`}>
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        {values.map((v) => (
          <Select.Item key={v} value={v}>
            {(options[k] as Record<string, string>)[v]}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
  const rateInput = (k: Rate) => <PercentInput id={k} required value={form[k]} onChange={(v) => set(k, v)} />
  const toggle = (k: "enabled" | "self_purchase" | "bind_new_customers_only" | "coupon_binds_customer") => (
    <Switch id={k} checked={form[k]} onCheckedChange={(v) => set(k, v)} />
  )

  // Only what was changed is sent: the server audits each change.
  const submit = (e: FormEvent) => {
    e.preventDefault()
    // A rate's problem already shows under it; nothing is sent until it is fixed.
    if (RATES.some((k) => problem(form[k]))) return
    const next: Record<string, unknown> = {}
    const original = formOf(data.settings)
    for (const [k, v] of Object.entries(form) as [keyof Form, unknown][]) {
      const value = valueOf(k, v)
      if (JSON.stringify(value) !== JSON.stringify(valueOf(k, original[k]))) {
        next[k] = value
      }
    }
    delete next.commission_base
    delete next.currency_follows_store
    if (Object.keys(next).length) update.mutate(next as SettingsInput)
  }
  const storeDefault = store.data?.find((c) => c.is_default)?.currency_code ?? data.settings.currency_code
  const currency = form.currency_code || storeDefault
  return (
    <form onSubmit={submit} className="flex flex-col gap-y-3" data-testid="settings-page">
      <PageHeader title={t("settings.title")} description={t("settings.description")}>
        <Button size="small" type="submit" isLoading={update.isPending} data-testid="settings-save">
          {t("actions.save")}
        </Button>
      </PageHeader>
      <Group title={t("settings.groups.programme")}>
        <Row name="enabled">{toggle("enabled")}</Row>
        <Row name="max_depth">{numberInput("max_depth", { min: 1, max: 3 })}</Row>
        <Row name="application_mode">{select("application_mode", APPLICATION_MODES)}</Row>
        <Row name="application_min_spend">{numberInput("application_min_spend", { step: "0.01", suffix: f.money(form.application_min_spend || 0, currency) })}</Row>
        <Row name="self_purchase">{toggle("self_purchase")}</Row>
        <Row name="currency_code">
          <Select value={form.currency_code || FOLLOW_STORE} onValueChange={(v) => set("currency_code", v === FOLLOW_STORE ? "" : v)}>
            <Select.Trigger id="currency_code" data-testid="select-currency_code">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={FOLLOW_STORE}>{t("settings.fields.currency_code.followStore", { currency: storeDefault.toUpperCase() })}</Select.Item>
              {(store.data ?? [])
                .filter((c) => c.currency_code !== form.currency_code)
                .concat(form.currency_code ? [{ currency_code: form.currency_code, is_default: false }] : [])
                .sort((a, b) => a.currency_code.localeCompare(b.currency_code))
                .map((c) => (
                  <Select.Item key={c.currency_code} value={c.currency_code}>
                    {c.currency_code.toUpperCase()}
                  </Select.Item>
                ))}
            </Select.Content>
          </Select>
        </Row>
      </Group>
      <Group title={t("settings.groups.binding")}>
        <Row name="binding_mode">{select("binding_mode", BINDING_MODES)}</Row>
        <Row name="binding_days">{numberInput("binding_days", { max: 3650 })}</Row>
        <Row name="bind_new_customers_only">{toggle("bind_new_customers_only")}</Row>
        <Row name="mini_program_page">
          <Input id="mini_program_page" name="mini_program_page" placeholder="pages/index/index" value={form.mini_program_page} onChange={(e) => set("mini_program_page", e.target.value)} />
        </Row>
      </Group>
      <Group title={t("settings.groups.commissions")}>
        <Row name="commission_base">
          <Text size="small">{labels.commissionBases[form.commission_base]}</Text>
        </Row>
        {([1, 2, 3] as const).map((d) => (
          <Row key={d} name={`default_rate_bps_${d}`}>
            {rateInput(`default_rate_bps_${d}`)}
          </Row>
        ))}
        <Row name="order_cap_bps">{rateInput("order_cap_bps")}</Row>
        <Row name="settle_on">{select("settle_on", SETTLE_ON)}</Row>
        <Row name="freeze_days">{numberInput("freeze_days", { max: 3650 })}</Row>
      </Group>
      <Group title={t("settings.groups.coupons")}>
        <Row name="coupon_template_promotion_id">
          <Input
            id="coupon_template_promotion_id"
            name="coupon_template_promotion_id"
            placeholder="promo_…"
            value={form.coupon_template_promotion_id ?? ""}
            onChange={(e) => set("coupon_template_promotion_id", e.target.value)}
          />
        </Row>
        <Row name="coupon_issue">{select("coupon_issue", COUPON_ISSUE_MODES)}</Row>
        <Row name="coupon_code_prefix">
          <Input id="coupon_code_prefix" name="coupon_code_prefix" value={form.coupon_code_prefix} onChange={(e) => set("coupon_code_prefix", e.target.value)} />
        </Row>
        <Row name="coupon_attribution">{select("coupon_attribution", COUPON_ATTRIBUTIONS)}</Row>
        <Row name="coupon_commission">{select("coupon_commission", COUPON_COMMISSIONS)}</Row>
        {([1, 2, 3] as const).map((d) => (
          <Row key={d} name={`coupon_rate_bps_${d}`}>
            {rateInput(`coupon_rate_bps_${d}`)}
          </Row>
        ))}
        <Row name="coupon_binds_customer">{toggle("coupon_binds_customer")}</Row>
      </Group>
      <Group title={t("settings.groups.withdrawals")}>
        <Row name="min_withdrawal">{numberInput("min_withdrawal", { step: "0.01", suffix: f.money(form.min_withdrawal || 0, currency) })}</Row>
        <Row name="withdrawal_fee_bps">{rateInput("withdrawal_fee_bps")}</Row>
        <Row name="withdrawal_methods">
          <div className="flex flex-col gap-y-2">
            {METHODS.map((m) => (
              <div key={m} className="flex items-center gap-x-2">
                <Checkbox
                  id={`method-${m}`}
                  checked={form.withdrawal_methods.includes(m)}
                  onCheckedChange={(c) =>
                    set("withdrawal_methods", c ? [...form.withdrawal_methods, m] : form.withdrawal_methods.filter((x) => x !== m))
                  }
                />
                <Label htmlFor={`method-${m}`} size="small">
                  {labels.methods[m]}
                </Label>
              </div>
            ))}
          </div>
        </Row>
      </Group>
      <Group title={t("settings.groups.pricing")}>
        <Row name="distributor_group_mode">
          <DistributorGroupModeSelect value={form.distributor_group_mode} onChange={(v) => set("distributor_group_mode", v)} />
        </Row>
        <DistributorGroupsList mode={data.settings.distributor_group_mode} />
      </Group>
    </form>
  )
}

export const handle = { breadcrumb: () => <NavCrumb page="settings" /> }

export const config = defineRouteConfig({ label: "nav.settings", translationNs: "distribution", rank: 8 })

export default SettingsPage
