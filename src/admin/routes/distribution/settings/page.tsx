import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Checkbox, Container, Heading, Input, Label, Select, Switch, Text } from "@medusajs/ui"
import { FormEvent, ReactNode, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { asText } from "../../../components/number-input"
import { Empty, Loading, PageHeader } from "../../../components/section"
import { SettingsInput, useSettings, useUpdateSettings } from "../../../hooks/programme"
import { useFormat } from "../../../lib/format"
import { Settings } from "../../../lib/types"
import { TextCrumb } from "../../../components/breadcrumb"

const APPLICATION_MODES = ["auto", "review", "after_first_order", "min_spend", "invite_only"] as const
const BINDING_MODES = ["first_touch", "last_touch"] as const
const SETTLE_ON = ["fulfilled", "shipped", "delivered"] as const
const METHODS = ["bank", "alipay", "wechat", "paypal", "manual"] as const
const NUMERIC = [
  "max_depth",
  "application_min_spend",
  "binding_days",
  "freeze_days",
  "order_cap_bps",
  "min_withdrawal",
  "withdrawal_fee_bps",
  "default_rate_bps_1",
  "default_rate_bps_2",
  "default_rate_bps_3",
] as const
type Numeric = (typeof NUMERIC)[number]
type Form = Omit<Settings, Numeric> & Record<Numeric, string>

const formOf = (s: Settings): Form => ({ ...s, ...(Object.fromEntries(NUMERIC.map((k) => [k, asText(s[k])])) as Record<Numeric, string>) })

/** One setting: its name, its explanation, its control (the dashboard's two-column settings rows). */
const Row = ({ name, children }: { name: keyof Settings; children: ReactNode }) => {
  const { t } = useTranslation("distribution")
  return (
    <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2" data-testid={`setting-${name}`}>
      <div>
        <Label size="small" weight="plus" htmlFor={name}>
          {t(`settings.fields.${name}.label`)}
        </Label>
        <Text size="small" className="text-ui-fg-subtle">
          {t(`settings.fields.${name}.hint`)}
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
  const { data, isLoading, isError, error } = useSettings()
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
  const select = <K extends "application_mode" | "binding_mode" | "settle_on">(k: K, values: readonly Form[K][]) => (
    <Select value={form[k]} onValueChange={(v) => set(k, v as Form[K])}>
      <Select.Trigger id={k} data-testid={`select-${k}`}>
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        {values.map((v) => (
          <Select.Item key={v} value={v}>
            {t(`settings.options.${k}.${v}`)}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
  const toggle = (k: "enabled" | "self_purchase" | "bind_new_customers_only") => (
    <Switch id={k} checked={form[k]} onCheckedChange={(v) => set(k, v)} />
  )

  // Only what was changed is sent: the server audits each change.
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const next: Record<string, unknown> = {}
    const original = data.settings
    for (const [k, v] of Object.entries(form) as [keyof Settings, unknown][]) {
      const value = (NUMERIC as readonly string[]).includes(k) ? Number(v) : v
      if (JSON.stringify(value) !== JSON.stringify((NUMERIC as readonly string[]).includes(k) ? Number(original[k]) : original[k])) {
        next[k] = value
      }
    }
    delete next.commission_base
    if (Object.keys(next).length) update.mutate(next as SettingsInput)
  }
  const currency = form.currency_code
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
          <Input id="currency_code" required pattern="[A-Za-z]{3}" value={form.currency_code} onChange={(e) => set("currency_code", e.target.value)} />
        </Row>
      </Group>
      <Group title={t("settings.groups.binding")}>
        <Row name="binding_mode">{select("binding_mode", BINDING_MODES)}</Row>
        <Row name="binding_days">{numberInput("binding_days", { max: 3650 })}</Row>
        <Row name="bind_new_customers_only">{toggle("bind_new_customers_only")}</Row>
      </Group>
      <Group title={t("settings.groups.commissions")}>
        <Row name="commission_base">
          <Text size="small">{t(`settings.options.commission_base.${form.commission_base}`)}</Text>
        </Row>
        {([1, 2, 3] as const).map((d) => (
          <Row key={d} name={`default_rate_bps_${d}`}>
            {numberInput(`default_rate_bps_${d}`, { max: 10000, suffix: f.bps(Number(form[`default_rate_bps_${d}`]) || 0) })}
          </Row>
        ))}
        <Row name="order_cap_bps">{numberInput("order_cap_bps", { max: 10000, suffix: f.bps(Number(form.order_cap_bps) || 0) })}</Row>
        <Row name="settle_on">{select("settle_on", SETTLE_ON)}</Row>
        <Row name="freeze_days">{numberInput("freeze_days", { max: 3650 })}</Row>
      </Group>
      <Group title={t("settings.groups.withdrawals")}>
        <Row name="min_withdrawal">{numberInput("min_withdrawal", { step: "0.01", suffix: f.money(form.min_withdrawal || 0, currency) })}</Row>
        <Row name="withdrawal_fee_bps">{numberInput("withdrawal_fee_bps", { max: 10000, suffix: f.bps(Number(form.withdrawal_fee_bps) || 0) })}</Row>
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
                  {t(`methods.${m}`)}
                </Label>
              </div>
            ))}
          </div>
        </Row>
      </Group>
    </form>
  )
}

export const handle = { breadcrumb: () => <TextCrumb label="nav.settings" /> }

export const config = defineRouteConfig({ label: "nav.settings", translationNs: "distribution", rank: 6 })

export default SettingsPage
