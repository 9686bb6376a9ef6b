import { Input, Switch, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { TargetOption, useStoreCurrencies, useVariantOptions } from "../hooks/catalog"
import { FlashSaleInput, useCloseFlashSale, useCreateFlashSale, useUpdateFlashSale } from "../hooks/flash-sales"
import { FlashSale, SaleCommission } from "../lib/types"
import { browserTimeZone } from "../lib/zoned-time"
import { useEditDrawer } from "../lib/edit-form"
import {
  commissionBody,
  commissionProblem,
  CommissionPolicyFields,
  filledPrices,
  FormError,
  InlineField,
  toggled,
  typedPricesOf,
  VariantPriceRow,
} from "./activity-form-parts"
import { ConfirmButton } from "./confirm-button"
import { FormDrawer, FormField } from "./form-drawer"
import { NumberInput } from "./number-input"
import { percentText, usePercentProblem } from "./percent-input"
import { TargetPicker } from "./target-picker"

type Form = {
  name: string
  starts_on: string
  ends_on: string
  time_zone: string
  /** The daily slots as typed: "10:00-12:00, 20:00-22:00". */
  slots: string
  per_order: string
  per_customer: string
  minutes: string
  allow_coupons: boolean
  variants: TargetOption[]
  quotas: Record<string, string>
  /** Prices as typed, by `${variant_id}:${currency_code}`; an empty one is not sent. */
  prices: Record<string, string>
  policy: SaleCommission
  rates: string[]
}

type Problem = "name" | "dates" | "slots" | "variants" | "rates"

const empty = (): Form => ({
  name: "",
  starts_on: "",
  ends_on: "",
  time_zone: browserTimeZone(),
  slots: "",
  per_order: "1",
  per_customer: "",
  minutes: "15",
  allow_coupons: false,
  variants: [],
  quotas: {},
  prices: {},
  policy: "normal",
  rates: ["", "", ""],
})

/**
 * An existing flash sale's form: its variants named as the catalogue names
 * them (`variants`; one the catalogue no longer has keeps its id as title).
 */
const formOf = (sale: FlashSale, variants: TargetOption[]): Form => ({
  name: sale.name,
  starts_on: sale.starts_on,
  ends_on: sale.ends_on,
  time_zone: sale.time_zone,
  slots: slotsText(sale.slots),
  per_order: String(sale.per_order_limit),
  per_customer: sale.per_customer_limit === null ? "" : String(sale.per_customer_limit),
  minutes: String(sale.reservation_minutes),
  allow_coupons: sale.allow_coupons,
  variants: sale.variants.map((v) => variants.find((o) => o.id === v.variant_id) ?? { id: v.variant_id, title: v.variant_id, detail: null }),
  quotas: Object.fromEntries(sale.variants.map((v) => [v.variant_id, String(v.quota)])),
  prices: typedPricesOf(sale.variants.flatMap((v) => v.prices.map((p) => ({ variant_id: v.variant_id, ...p })))),
  policy: sale.commission_policy,
  rates: [sale.rate_bps_1, sale.rate_bps_2, sale.rate_bps_3].map(percentText),
})

/** The daily slots as the admin reads and types them: "10:00–12:00, 20:00–22:00". */
export const slotsText = (slots: { start: string; end: string }[]) => slots.map((s) => `${s.start}–${s.end}`).join(", ")

/** "10:00-12:00, 20:00-22:00" → the slots, or null when a part is not "HH:MM-HH:MM". */
export function parseSlots(text: string): { start: string; end: string }[] | null {
  const parts = text.split(/[,，;\s]+/).filter(Boolean)
  const slots = parts.map((p) => /^(\d{1,2}:\d{2})[-–~](\d{1,2}:\d{2})$/.exec(p))
  if (!parts.length || slots.some((m) => !m)) return null
  const pad = (t: string) => t.padStart(5, "0")
  return slots.map((m) => ({ start: pad(m![1]), end: pad(m![2]) }))
}

function bodyOf(form: Form, percentProblem: (text: string) => string | null): { body: FlashSaleInput } | { problem: Problem } {
  if (!form.name.trim()) return { problem: "name" }
  if (!form.starts_on || !form.ends_on) return { problem: "dates" }
  const slots = parseSlots(form.slots)
  if (!slots) return { problem: "slots" }
  const variants = form.variants.map((v) => ({
    variant_id: v.id,
    quota: Number(form.quotas[v.id]),
    prices: filledPrices(form.prices, [v.id]).map(({ currency_code, amount }) => ({ currency_code, amount })),
  }))
  if (!variants.length || variants.some((v) => !Number.isInteger(v.quota) || v.quota < 1 || !v.prices.length)) return { problem: "variants" }
  if (commissionProblem(form, percentProblem)) return { problem: "rates" }
  return {
    body: {
      name: form.name.trim(),
      starts_on: form.starts_on,
      ends_on: form.ends_on,
      time_zone: form.time_zone.trim(),
      slots,
      per_order_limit: Number(form.per_order) || 1,
      per_customer_limit: form.per_customer.trim() ? Number(form.per_customer) : null,
      reservation_minutes: Number(form.minutes) || 15,
      allow_coupons: form.allow_coupons,
      variants,
      ...commissionBody(form),
    },
  }
}

/**
 * A flash sale's form in a drawer, new (`sale` null) or filled with an
 * existing one: its dates and daily slots in a time zone, the variants (found
 * in the catalogue) each with a quota and a price per currency, the limits
 * and the commission policy. An edit sends only what changed. The server's
 * refusal (a quota below what is sold and reserved, a variant with sales
 * taken out, a closed sale) shows in the form, as written.
 */
export const FlashSaleDrawer = ({
  sale,
  open,
  onOpenChange,
}: {
  sale: FlashSale | null
  open: boolean
  onOpenChange: (open: boolean) => void
}) => {
  const { t } = useTranslation("distribution")
  const percentProblem = usePercentProblem()
  const currencies = useStoreCurrencies(open)
  const variantIds = sale && open ? sale.variants.map((v) => v.variant_id) : []
  const names = useVariantOptions(variantIds)
  const { form, set, problem, submit, mutation } = useEditDrawer({
    entity: sale,
    open,
    onOpenChange,
    loaded: !sale || !variantIds.length || !names.isLoading,
    formOf: (s: FlashSale | null) => (s ? formOf(s, names.data ?? []) : empty()),
    bodyOf: (f: Form) => bodyOf(f, percentProblem),
    create: useCreateFlashSale(t("flashSales.created")),
    update: useUpdateFlashSale(t("flashSales.saved")),
  })
  const toggle = (v: TargetOption) => set({ variants: toggled(form.variants, v) })
  const problems: Record<Problem, string> = {
    name: t("flashSales.errors.name"),
    dates: t("flashSales.errors.dates"),
    slots: t("flashSales.errors.slots"),
    variants: t("flashSales.errors.variants"),
    rates: t("flashSales.errors.rates"),
  }
  const error = problem ? problems[problem] : mutation.error?.message

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={sale ? t("flashSales.editTitle") : t("flashSales.createTitle")}
      description={sale ? t("flashSales.editDescription") : t("flashSales.createDescription")}
      submitLabel={sale ? t("actions.save") : t("flashSales.create")}
      isPending={mutation.isPending}
      onSubmit={submit}
      testId="flash-sale-drawer"
    >
      <FormError message={error} testId="flash-sale-form-error" />
      <FormField label={t("flashSales.name")} htmlFor="flash_name">
        <Input id="flash_name" name="flash_name" autoComplete="off" value={form.name} onChange={(e) => set({ name: e.target.value })} />
      </FormField>
      <div className="grid grid-cols-2 gap-x-3">
        <FormField label={t("flashSales.startsOn")} htmlFor="flash_starts_on">
          <Input id="flash_starts_on" name="flash_starts_on" type="date" value={form.starts_on} onChange={(e) => set({ starts_on: e.target.value })} />
        </FormField>
        <FormField label={t("flashSales.endsOn")} htmlFor="flash_ends_on">
          <Input id="flash_ends_on" name="flash_ends_on" type="date" value={form.ends_on} onChange={(e) => set({ ends_on: e.target.value })} />
        </FormField>
      </div>
      <FormField label={t("flashSales.timeZone")} htmlFor="flash_time_zone">
        <Input id="flash_time_zone" name="flash_time_zone" autoComplete="off" value={form.time_zone} onChange={(e) => set({ time_zone: e.target.value })} />
      </FormField>
      <FormField label={t("flashSales.slots")} hint={t("flashSales.slotsHint")} htmlFor="flash_slots">
        <Input id="flash_slots" name="flash_slots" autoComplete="off" placeholder="10:00-12:00, 20:00-22:00" value={form.slots} onChange={(e) => set({ slots: e.target.value })} />
      </FormField>
      <div className="grid grid-cols-3 gap-x-3">
        <FormField label={t("flashSales.perOrder")} htmlFor="flash_per_order">
          <NumberInput id="flash_per_order" step="1" value={form.per_order} onChange={(per_order) => set({ per_order })} />
        </FormField>
        <FormField label={t("flashSales.perCustomer")} hint={t("flashSales.perCustomerHint")} htmlFor="flash_per_customer">
          <NumberInput id="flash_per_customer" step="1" value={form.per_customer} onChange={(per_customer) => set({ per_customer })} />
        </FormField>
        <FormField label={t("flashSales.reservationMinutes")} htmlFor="flash_minutes">
          <NumberInput id="flash_minutes" step="1" value={form.minutes} onChange={(minutes) => set({ minutes })} />
        </FormField>
      </div>
      <FormField label={t("flashSales.allowCoupons")} htmlFor="flash_allow_coupons">
        <Switch id="flash_allow_coupons" checked={form.allow_coupons} onCheckedChange={(allow_coupons) => set({ allow_coupons })} />
      </FormField>
      <TargetPicker
        type="variant"
        selected={form.variants}
        onPick={toggle}
        summary={
          <div className="flex flex-col gap-y-3" data-testid="flash-sale-variants">
            {form.variants.length ? (
              form.variants.map((v, i) => (
                <VariantPriceRow
                  key={v.id}
                  idPrefix="flash"
                  index={i}
                  variant={v}
                  currencies={currencies.data ?? []}
                  prices={form.prices}
                  onPricesChange={(prices) => set({ prices })}
                  onRemove={() => toggle(v)}
                  leading={
                    <InlineField label={t("flashSales.quota")}>
                      <NumberInput
                        id={`flash_quota_${i}`}
                        step="1"
                        value={form.quotas[v.id] ?? ""}
                        onChange={(quota) => set({ quotas: { ...form.quotas, [v.id]: quota } })}
                      />
                    </InlineField>
                  }
                />
              ))
            ) : (
              <Text size="small" className="text-ui-fg-subtle">
                {t("flashSales.variants")}
              </Text>
            )}
          </div>
        }
      />
      <CommissionPolicyFields idPrefix="flash" testId="flash-sale-policy" label={t("flashSales.policy")} value={form} onChange={set} />
    </FormDrawer>
  )
}

/** Closes a flash sale to new checkouts, after a confirmation. */
export const CloseFlashSaleButton = ({
  sale,
  variant = "secondary",
  testId = "flash-sale-close",
}: {
  sale: Pick<FlashSale, "id" | "name">
  variant?: "secondary" | "danger"
  testId?: string
}) => {
  const { t } = useTranslation("distribution")
  const close = useCloseFlashSale(t("flashSales.closed"))
  return (
    <ConfirmButton
      variant={variant}
      isLoading={close.isPending}
      testId={testId}
      confirm={{
        title: t("flashSales.closeTitle"),
        description: t("flashSales.closeDescription", { name: sale.name }),
        confirmText: t("flashSales.close"),
      }}
      onConfirm={() => close.mutate({ id: sale.id })}
    >
      {t("flashSales.close")}
    </ConfirmButton>
  )
}
