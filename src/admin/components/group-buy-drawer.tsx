import { Input, Select, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { TargetOption, useStoreCurrencies, useVariantOptions } from "../hooks/catalog"
import { GroupBuyInput, useCreateGroupBuy, useUpdateGroupBuy } from "../hooks/group-buys"
import { useLabels } from "../lib/labels"
import { GroupBuy, GroupOverflow, SaleCommission } from "../lib/types"
import { browserTimeZone, wallClockOfInstant, wallClockToIso } from "../lib/zoned-time"
import { useEditDrawer } from "../lib/edit-form"
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
import { asText, NumberInput, numberOrNull } from "./number-input"
import { bpsOrNull, PercentInput, percentText, usePercentProblem } from "./percent-input"
import { TargetPicker } from "./target-picker"

const OVERFLOWS: GroupOverflow[] = ["new_group", "refuse"]

type Form = {
  name: string
  /** The window as datetime-local values, wall-clock times of `time_zone` (the activity keeps instants only). */
  starts: string
  ends: string
  time_zone: string
  size: string
  time_limit: string
  reservation: string
  per_order: string
  per_customer: string
  virtual_threshold: string
  overflow: GroupOverflow
  variants: TargetOption[]
  /** Group prices as typed, by `${variant_id}:${currency_code}`; an empty one is not sent. */
  prices: Record<string, string>
  policy: SaleCommission
  rates: string[]
  leader_bonus: string
}

/** A new activity's form, or an existing one's (its variants named once loaded), its window shown in the admin's zone. */
const formOf = (gb: GroupBuy | null, variants: TargetOption[]): Form => {
  const zone = browserTimeZone()
  return gb
    ? {
        name: gb.name,
        starts: wallClockOfInstant(gb.starts_at, zone),
        ends: wallClockOfInstant(gb.ends_at, zone),
        time_zone: zone,
        size: String(gb.group_size),
        time_limit: String(gb.time_limit_minutes),
        reservation: String(gb.reservation_minutes),
        per_order: asText(gb.per_order_limit),
        per_customer: asText(gb.per_customer_limit),
        virtual_threshold: asText(gb.virtual_threshold),
        overflow: gb.overflow,
        variants,
        prices: typedPricesOf(gb.prices),
        policy: gb.commission_policy,
        rates: [gb.rate_bps_1, gb.rate_bps_2, gb.rate_bps_3].map(percentText),
        leader_bonus: percentText(gb.leader_bonus_bps),
      }
    : {
        name: "",
        starts: "",
        ends: "",
        time_zone: zone,
        size: "3",
        time_limit: "1440",
        reservation: "15",
        per_order: "1",
        per_customer: "",
        virtual_threshold: "",
        overflow: "new_group",
        variants: [],
        prices: {},
        policy: "normal",
        rates: ["", "", ""],
        leader_bonus: "",
      }
}

type Problem = "name" | "window" | "size" | "timeLimit" | "variants" | "rates" | "leaderBonus"

/** The request the form stands for, or what is missing in it (nothing is sent until it is fixed; the server checks the rest). */
function bodyOf(form: Form, percentProblem: (text: string) => string | null): { body: GroupBuyInput } | { problem: Problem } {
  if (!form.name.trim()) return { problem: "name" }
  const starts_at = wallClockToIso(form.starts, form.time_zone.trim())
  const ends_at = wallClockToIso(form.ends, form.time_zone.trim())
  if (starts_at === null || ends_at === null) return { problem: "window" }
  if (!form.size.trim()) return { problem: "size" }
  if (!form.time_limit.trim()) return { problem: "timeLimit" }
  const ids = form.variants.map((v) => v.id)
  const prices = filledPrices(form.prices, ids)
  if (!ids.length || ids.some((id) => !prices.some((p) => p.variant_id === id))) return { problem: "variants" }
  if (commissionProblem(form, percentProblem)) return { problem: "rates" }
  if (percentProblem(form.leader_bonus)) return { problem: "leaderBonus" }
  return {
    body: {
      name: form.name.trim(),
      starts_at,
      ends_at,
      group_size: Number(form.size),
      time_limit_minutes: Number(form.time_limit),
      reservation_minutes: Number(form.reservation) || 15,
      per_order_limit: numberOrNull(form.per_order),
      per_customer_limit: numberOrNull(form.per_customer),
      virtual_threshold: numberOrNull(form.virtual_threshold),
      overflow: form.overflow,
      prices,
      ...commissionBody(form),
      leader_bonus_bps: bpsOrNull(form.leader_bonus),
    },
  }
}

/**
 * A 拼团 activity in a drawer: its window, the variants with a group price per
 * store currency, the group size and time limit, the limits, virtual
 * completion, the last-seat rule, the commission policy and the leader bonus.
 * The server's refusal shows in the form, as written.
 */
export const GroupBuyDrawer = ({ groupBuy, open, onOpenChange }: { groupBuy: GroupBuy | null; open: boolean; onOpenChange: (open: boolean) => void }) => {
  const { t } = useTranslation("distribution")
  const labels = useLabels()
  const percentProblem = usePercentProblem()
  const variantIds = groupBuy && open ? [...new Set(groupBuy.prices.map((p) => p.variant_id))] : []
  const variants = useVariantOptions(variantIds)
  const currencies = useStoreCurrencies(open)
  const { form, set, problem, submit, mutation } = useEditDrawer({
    entity: groupBuy,
    open,
    onOpenChange,
    loaded: !groupBuy || !variantIds.length || !!variants.data,
    formOf: (g: GroupBuy | null) => formOf(g, variants.data ?? []),
    bodyOf: (f: Form) => bodyOf(f, percentProblem),
    create: useCreateGroupBuy(t("groupBuys.created")),
    update: useUpdateGroupBuy(t("groupBuys.saved")),
  })
  const toggle = (v: TargetOption) => set({ variants: toggled(form.variants, v) })
  const problems: Record<Problem, string> = {
    name: t("groupBuys.errors.name"),
    window: t("groupBuys.errors.window"),
    size: t("groupBuys.errors.size"),
    timeLimit: t("groupBuys.errors.timeLimit"),
    variants: t("groupBuys.errors.variants"),
    rates: t("groupBuys.errors.rates"),
    leaderBonus: t("groupBuys.errors.leaderBonus"),
  }
  const error = problem ? problems[problem] : mutation.error?.message

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={groupBuy ? t("groupBuys.editTitle") : t("groupBuys.createTitle")}
      description={groupBuy ? t("groupBuys.editDescription") : t("groupBuys.createDescription")}
      submitLabel={groupBuy ? t("actions.save") : t("groupBuys.create")}
      isPending={mutation.isPending}
      onSubmit={submit}
      testId="group-buy-drawer"
    >
      <FormError message={error} testId="group-buy-form-error" />
      <FormField label={t("groupBuys.name")} htmlFor="gb_name">
        <Input id="gb_name" name="gb_name" autoComplete="off" value={form.name} onChange={(e) => set({ name: e.target.value })} />
      </FormField>
      <div className="grid grid-cols-2 gap-x-3">
        <FormField label={t("groupBuys.startsAt")} htmlFor="gb_starts_at">
          <Input id="gb_starts_at" name="gb_starts_at" type="datetime-local" value={form.starts} onChange={(e) => set({ starts: e.target.value })} />
        </FormField>
        <FormField label={t("groupBuys.endsAt")} htmlFor="gb_ends_at">
          <Input id="gb_ends_at" name="gb_ends_at" type="datetime-local" value={form.ends} onChange={(e) => set({ ends: e.target.value })} />
        </FormField>
      </div>
      <FormField label={t("groupBuys.timeZone")} hint={t("groupBuys.timeZoneHint")} htmlFor="gb_time_zone">
        <Input id="gb_time_zone" name="gb_time_zone" autoComplete="off" value={form.time_zone} onChange={(e) => set({ time_zone: e.target.value })} />
      </FormField>
      <div className="grid grid-cols-3 gap-x-3">
        <FormField label={t("groupBuys.groupSize")} htmlFor="gb_size">
          <NumberInput id="gb_size" min={2} value={form.size} onChange={(size) => set({ size })} />
        </FormField>
        <FormField label={t("groupBuys.timeLimitMinutes")} htmlFor="gb_time_limit">
          <NumberInput id="gb_time_limit" min={1} value={form.time_limit} onChange={(time_limit) => set({ time_limit })} />
        </FormField>
        <FormField label={t("groupBuys.reservationMinutes")} htmlFor="gb_reservation">
          <NumberInput id="gb_reservation" min={1} value={form.reservation} onChange={(reservation) => set({ reservation })} />
        </FormField>
      </div>
      <Text size="xsmall" className="text-ui-fg-muted -mt-4">
        {t("groupBuys.timeLimitHint")}
      </Text>
      <div className="grid grid-cols-3 gap-x-3">
        <FormField label={t("groupBuys.perOrder")} htmlFor="gb_per_order">
          <NumberInput id="gb_per_order" min={1} value={form.per_order} onChange={(per_order) => set({ per_order })} />
        </FormField>
        <FormField label={t("groupBuys.perCustomer")} htmlFor="gb_per_customer">
          <NumberInput id="gb_per_customer" min={1} value={form.per_customer} onChange={(per_customer) => set({ per_customer })} />
        </FormField>
        <FormField label={t("groupBuys.virtualThreshold")} htmlFor="gb_virtual_threshold">
          <NumberInput id="gb_virtual_threshold" min={1} value={form.virtual_threshold} onChange={(virtual_threshold) => set({ virtual_threshold })} />
        </FormField>
      </div>
      <Text size="xsmall" className="text-ui-fg-muted -mt-4">
        {t("groupBuys.limitsHint")}
      </Text>
      <FormField label={t("groupBuys.overflow")} hint={t("groupBuys.overflowHint")} htmlFor="gb_overflow">
        <Select value={form.overflow} onValueChange={(v) => set({ overflow: v as GroupOverflow })}>
          <Select.Trigger id="gb_overflow" data-testid="group-buy-overflow-select">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {OVERFLOWS.map((o) => (
              <Select.Item key={o} value={o}>
                {labels.overflows[o]}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </FormField>
      <FormField label={t("groupBuys.variants")} hint={t("groupBuys.variantsHint")}>
        <TargetPicker
          type="variant"
          selected={form.variants}
          onPick={toggle}
          summary={
            <div className="flex flex-col gap-y-3" data-testid="group-buy-variants">
              {form.variants.length ? (
                form.variants.map((v, i) => (
                  <VariantPriceRow
                    key={v.id}
                    idPrefix="gb"
                    index={i}
                    variant={v}
                    currencies={currencies.data ?? []}
                    prices={form.prices}
                    onPricesChange={(prices) => set({ prices })}
                    onRemove={() => toggle(v)}
                  />
                ))
              ) : (
                <Text size="small" className="text-ui-fg-subtle">
                  {t("groupBuys.noVariants")}
                </Text>
              )}
            </div>
          }
        />
      </FormField>
      <CommissionPolicyFields idPrefix="gb" testId="group-buy-policy-select" label={t("groupBuys.policy")} value={form} onChange={set} />
      <FormField label={t("groupBuys.leaderBonus")} hint={t("groupBuys.leaderBonusHint")} htmlFor="gb_leader_bonus">
        <PercentInput id="gb_leader_bonus" value={form.leader_bonus} onChange={(leader_bonus) => set({ leader_bonus })} />
      </FormField>
    </FormDrawer>
  )
}
