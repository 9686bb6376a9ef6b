import { XMark } from "@medusajs/icons"
import { IconButton, Input, Select, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { TargetOption, useStoreCurrencies, useVariantOptions } from "../hooks/catalog"
import { SaleInput, useCreateSale, useUpdateSale } from "../hooks/sales"
import { Sale, SaleCommission } from "../lib/types"
import { browserTimeZone, wallClockOf, wallClockToIso } from "../lib/zoned-time"
import { COMMISSION_FIELDS, useEditDrawer } from "../lib/edit-form"
import {
  commissionBody,
  commissionProblem,
  CommissionPolicyFields,
  filledPrices,
  FormError,
  toggled,
  typedPricesOf,
  VariantPriceRow,
} from "./activity-form-parts"
import { FormDrawer, FormField } from "./form-drawer"
import { bpsOrNull, PercentInput, percentText, usePercentProblem } from "./percent-input"
import { TargetPicker } from "./target-picker"

type Mode = "percent" | "fixed"
type TargetType = "product" | "variant"

type Form = {
  name: string
  target_type: TargetType
  targets: TargetOption[]
  /** The window as datetime-local values, wall-clock times of `time_zone`. */
  starts: string
  ends: string
  time_zone: string
  mode: Mode
  percent: string
  /** Fixed sale prices as typed, by `${variant_id}:${currency_code}`; an empty one is not sent. */
  prices: Record<string, string>
  policy: SaleCommission
  rates: string[]
}

/** A new sale's form, or an existing one's (its variants named once loaded). */
const formOf = (sale: Sale | null, variants: TargetOption[]): Form =>
  sale
    ? {
        name: sale.name,
        target_type: "variant",
        targets: variants,
        starts: wallClockOf(sale.starts_at_local),
        ends: wallClockOf(sale.ends_at_local),
        time_zone: sale.time_zone,
        mode: sale.percent_off_bps === null ? "fixed" : "percent",
        percent: percentText(sale.percent_off_bps),
        prices: typedPricesOf(sale.prices),
        policy: sale.commission_policy,
        rates: [sale.rate_bps_1, sale.rate_bps_2, sale.rate_bps_3].map(percentText),
      }
    : {
        name: "",
        target_type: "product",
        targets: [],
        starts: "",
        ends: "",
        time_zone: browserTimeZone(),
        mode: "percent",
        percent: "",
        prices: {},
        policy: "normal",
        rates: ["", "", ""],
      }

type Problem = "name" | "targets" | "endsAt" | "window" | "percent" | "prices" | "rates"

/** The request the form stands for, or what is missing in it (nothing is sent until it is fixed). */
function bodyOf(form: Form, percentProblem: (text: string) => string | null): { body: SaleInput } | { problem: Problem } {
  if (!form.name.trim()) return { problem: "name" }
  if (!form.targets.length) return { problem: "targets" }
  if (!form.ends) return { problem: "endsAt" }
  const starts_at = form.starts ? wallClockToIso(form.starts, form.time_zone) : undefined
  const ends_at = wallClockToIso(form.ends, form.time_zone)
  if (starts_at === null || ends_at === null) return { problem: "window" }
  const ids = form.targets.map((t) => t.id)
  let pricing: Pick<SaleInput, "percent_off_bps" | "product_ids" | "variant_ids" | "prices">
  if (form.mode === "percent") {
    const bps = bpsOrNull(form.percent)
    if (percentProblem(form.percent) || bps === null) return { problem: "percent" }
    pricing = { percent_off_bps: bps, ...(form.target_type === "product" ? { product_ids: ids } : { variant_ids: ids }) }
  } else {
    const prices = filledPrices(form.prices, ids)
    if (!prices.length) return { problem: "prices" }
    pricing = { prices }
  }
  if (commissionProblem(form, percentProblem)) return { problem: "rates" }
  return {
    body: {
      name: form.name.trim(),
      ...(starts_at ? { starts_at } : {}),
      ends_at,
      time_zone: form.time_zone,
      ...pricing,
      ...commissionBody(form),
    },
  }
}

/** A sale's pricing travels as a whole: an edit sends the four together or not at all. */
const PRICING = ["percent_off_bps", "product_ids", "variant_ids", "prices"] as const

/**
 * A sale's form in a drawer: what is on sale (whole products or single
 * variants, found in the catalogue), the window in its time zone, a
 * percentage off or fixed prices per currency, and the commission policy.
 * The server's refusal (a variant already in an overlapping sale) shows in
 * the form, as written.
 */
export const SaleDrawer = ({ sale, open, onOpenChange }: { sale: Sale | null; open: boolean; onOpenChange: (open: boolean) => void }) => {
  const { t } = useTranslation("distribution")
  const percentProblem = usePercentProblem()
  const variants = useVariantOptions(sale && open ? sale.variant_ids : [])
  const currencies = useStoreCurrencies(open)
  const { form, set, problem, submit, mutation } = useEditDrawer({
    entity: sale,
    open,
    onOpenChange,
    loaded: !sale || !sale.variant_ids.length || !!variants.data,
    formOf: (s: Sale | null) => formOf(s, variants.data ?? []),
    bodyOf: (f: Form) => bodyOf(f, percentProblem),
    create: useCreateSale(t("sales.created")),
    update: useUpdateSale(t("sales.saved")),
    groups: [PRICING, COMMISSION_FIELDS],
    fields: ["name", "starts_at", "ends_at", "time_zone"],
  })
  const toggle = (target: TargetOption) => set({ targets: toggled(form.targets, target) })
  const problems: Record<Problem, string> = {
    name: t("sales.errors.name"),
    targets: t("sales.errors.targets"),
    endsAt: t("sales.errors.endsAt"),
    window: t("sales.errors.window"),
    percent: t("sales.errors.percent"),
    prices: t("sales.errors.prices"),
    rates: t("sales.errors.rates"),
  }
  const error = problem ? problems[problem] : mutation.error?.message

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={sale ? t("sales.editTitle") : t("sales.createTitle")}
      description={sale ? t("sales.editDescription") : t("sales.createDescription")}
      submitLabel={sale ? t("actions.save") : t("sales.create")}
      isPending={mutation.isPending}
      onSubmit={submit}
      testId="sale-drawer"
    >
      <FormError message={error} testId="sale-form-error" />
      <FormField label={t("sales.name")} htmlFor="sale_name">
        <Input id="sale_name" name="sale_name" autoComplete="off" value={form.name} onChange={(e) => set({ name: e.target.value })} />
      </FormField>
      <FormField label={t("sales.targetType")} hint={t("sales.targetsHint")} htmlFor="sale_target_type">
        <Select
          value={form.target_type}
          disabled={form.mode === "fixed"}
          onValueChange={(v) => set({ target_type: v as TargetType, targets: [] })}
        >
          <Select.Trigger id="sale_target_type" data-testid="sale-target-type">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="product">{t("sales.targets.product")}</Select.Item>
            <Select.Item value="variant">{t("sales.targets.variant")}</Select.Item>
          </Select.Content>
        </Select>
      </FormField>
      <TargetPicker
        key={form.target_type}
        type={form.target_type}
        selected={form.targets}
        onPick={toggle}
        summary={
          <div className="flex flex-wrap gap-2" data-testid="sale-targets">
            {form.targets.length ? (
              form.targets.map((target) => (
                <span key={target.id} className="bg-ui-bg-component txt-small flex items-center gap-x-1 rounded-md py-0.5 pl-2 pr-0.5">
                  {target.title}
                  <IconButton size="2xsmall" variant="transparent" type="button" aria-label={t("sales.remove", { name: target.title })} onClick={() => toggle(target)}>
                    <XMark />
                  </IconButton>
                </span>
              ))
            ) : (
              <Text size="small" className="text-ui-fg-subtle">
                {t("sales.chosenNone")}
              </Text>
            )}
          </div>
        }
      />
      <div className="grid grid-cols-2 gap-x-3">
        <FormField label={t("sales.startsAt")} hint={t("sales.startsAtHint")} htmlFor="sale_starts_at">
          <Input id="sale_starts_at" name="sale_starts_at" type="datetime-local" value={form.starts} onChange={(e) => set({ starts: e.target.value })} />
        </FormField>
        <FormField label={t("sales.endsAt")} htmlFor="sale_ends_at">
          <Input id="sale_ends_at" name="sale_ends_at" type="datetime-local" value={form.ends} onChange={(e) => set({ ends: e.target.value })} />
        </FormField>
      </div>
      <FormField label={t("sales.timeZone")} hint={t("sales.timeZoneHint")} htmlFor="sale_time_zone">
        <Input id="sale_time_zone" name="sale_time_zone" autoComplete="off" value={form.time_zone} onChange={(e) => set({ time_zone: e.target.value })} />
      </FormField>
      <FormField label={t("sales.mode")} htmlFor="sale_mode">
        <Select
          value={form.mode}
          onValueChange={(v) =>
            set(v === "fixed" && form.target_type === "product" ? { mode: "fixed", target_type: "variant", targets: [] } : { mode: v as Mode })
          }
        >
          <Select.Trigger id="sale_mode" data-testid="sale-mode">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="percent">{t("sales.modes.percent")}</Select.Item>
            <Select.Item value="fixed">{t("sales.modes.fixed")}</Select.Item>
          </Select.Content>
        </Select>
      </FormField>
      {form.mode === "percent" ? (
        <FormField label={t("sales.percentOff")} hint={t("sales.percentOffHint")} htmlFor="sale_percent_off">
          <PercentInput id="sale_percent_off" value={form.percent} required onChange={(percent) => set({ percent })} />
        </FormField>
      ) : (
        <FormField label={t("sales.fixedPrices")} hint={t("sales.fixedHint")}>
          <div className="flex flex-col gap-y-3" data-testid="sale-fixed-prices">
            {form.targets.map((v, i) => (
              <VariantPriceRow
                key={v.id}
                idPrefix="sale"
                index={i}
                variant={v}
                currencies={currencies.data ?? []}
                prices={form.prices}
                onPricesChange={(prices) => set({ prices })}
              />
            ))}
          </div>
        </FormField>
      )}
      <CommissionPolicyFields
        idPrefix="sale"
        testId="sale-policy"
        label={t("sales.policy")}
        hint={t("sales.policyHint")}
        value={form}
        onChange={set}
      />
    </FormDrawer>
  )
}
