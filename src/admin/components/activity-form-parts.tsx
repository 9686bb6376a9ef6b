import { XMark } from "@medusajs/icons"
import { Alert, IconButton, Select, Text } from "@medusajs/ui"
import { ReactNode } from "react"
import { TargetOption } from "../hooks/catalog"
import { useLabels } from "../lib/labels"
import { SaleCommission } from "../lib/types"
import { FormField } from "./form-drawer"
import { NumberInput } from "./number-input"
import { bpsOrNull, DepthRates } from "./percent-input"

/**
 * The parts every selling-tool drawer (限时折扣 sale, 秒杀 flash sale, 拼团
 * group buy) is made of: the commission policy with its own rates, a
 * variant's price per store currency, the form's error, the chosen variants.
 * Each part is controlled: the drawer owns the form state and passes values
 * and change handlers; ids are given by the drawer so its fields keep their
 * own names (`${idPrefix}_…`).
 */

/** The commission policies an activity may have, in the order offered. */
export const ACTIVITY_POLICIES: SaleCommission[] = ["normal", "rates", "excluded"]

/** Prices as typed in a form are kept by `${variant_id}:${currency_code}`. */
export const priceKey = (variantId: string, currency: string) => `${variantId}:${currency}`

/** Prices as the API sends them → the form's typed prices (see `priceKey`). */
export const typedPricesOf = (prices: { variant_id: string; currency_code: string; amount: string }[]): Record<string, string> =>
  Object.fromEntries(prices.map((p) => [priceKey(p.variant_id, p.currency_code), p.amount]))

/**
 * The typed prices of the given variants that are filled in, trimmed, in the
 * API's shape; an empty one is not sent, nor one of a variant no longer chosen.
 */
export const filledPrices = (prices: Record<string, string>, variantIds: string[]) =>
  Object.entries(prices)
    .filter(([key, amount]) => amount.trim() !== "" && variantIds.includes(key.split(":")[0]))
    .map(([key, amount]) => {
      const [variant_id, currency_code] = key.split(":")
      return { variant_id, currency_code, amount: amount.trim() }
    })

/** `list` with `item` added, or taken out when it is in it already (by id). */
export const toggled = <T extends { id: string }>(list: T[], item: T): T[] =>
  list.some((x) => x.id === item.id) ? list.filter((x) => x.id !== item.id) : [...list, item]

export type CommissionForm = { policy: SaleCommission; rates: string[] }

/**
 * Whether the commission part of a form is incomplete: own rates need the
 * first depth, and each rate typed must be a valid percentage
 * (`percentProblem` from usePercentProblem).
 */
export const commissionProblem = (form: CommissionForm, percentProblem: (text: string) => string | null) =>
  form.policy === "rates" && (form.rates[0].trim() === "" || form.rates.some((r) => percentProblem(r) !== null))

/** The commission part of a create/update body: the policy, and with own rates the three depths in basis points. */
export const commissionBody = (form: CommissionForm) => {
  const [r1, r2, r3] = form.rates.map(bpsOrNull)
  return {
    commission_policy: form.policy,
    ...(form.policy === "rates" ? { rate_bps_1: r1, rate_bps_2: r2 ?? 0, rate_bps_3: r3 ?? 0 } : {}),
  }
}

/**
 * The commission policy select and, for own rates, the rates per depth.
 * The select's trigger has id `${idPrefix}_policy`; the rate inputs are `${idPrefix}_rate_…`.
 */
export const CommissionPolicyFields = ({
  idPrefix,
  testId,
  label,
  hint,
  value,
  onChange,
}: {
  idPrefix: string
  /** data-testid of the select's trigger. */
  testId: string
  label: string
  hint?: string
  value: CommissionForm
  onChange: (changes: Partial<CommissionForm>) => void
}) => {
  const labels = useLabels()
  return (
    <>
      <FormField label={label} hint={hint} htmlFor={`${idPrefix}_policy`}>
        <Select value={value.policy} onValueChange={(v) => onChange({ policy: v as SaleCommission })}>
          <Select.Trigger id={`${idPrefix}_policy`} data-testid={testId}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {ACTIVITY_POLICIES.map((p) => (
              <Select.Item key={p} value={p}>
                {labels.salePolicies[p]}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </FormField>
      {value.policy === "rates" && <DepthRates idPrefix={`${idPrefix}_rate`} rates={value.rates} onChange={(rates) => onChange({ rates })} />}
    </>
  )
}

/** A small label beside its input, as the per-variant grids have them ("CNY [ 9.90 ]"). */
export const InlineField = ({ label, uppercase, children }: { label: string; uppercase?: boolean; children: ReactNode }) => (
  <label className="txt-small text-ui-fg-subtle flex items-center gap-x-2">
    <span className={uppercase ? "w-10 uppercase" : "w-10"}>{label}</span>
    {children}
  </label>
)

/**
 * One chosen variant: its title (with a remove button when `onRemove` is
 * given), then a grid of `leading` fields (a quota, say) and a price input per
 * store currency, ids `${idPrefix}_price_${index}_${currency}`.
 */
export const VariantPriceRow = ({
  idPrefix,
  index,
  variant,
  currencies,
  prices,
  onPricesChange,
  onRemove,
  leading,
}: {
  idPrefix: string
  index: number
  variant: TargetOption
  currencies: string[]
  /** All typed prices of the form, by `priceKey`. */
  prices: Record<string, string>
  onPricesChange: (prices: Record<string, string>) => void
  onRemove?: () => void
  leading?: ReactNode
}) => (
  <div className="flex flex-col gap-y-1">
    {onRemove ? (
      <div className="flex items-center justify-between">
        <Text size="small" weight="plus">
          {variant.title}
        </Text>
        <IconButton size="2xsmall" variant="transparent" type="button" aria-label={variant.title} onClick={onRemove}>
          <XMark />
        </IconButton>
      </div>
    ) : (
      <Text size="small" weight="plus">
        {variant.title}
      </Text>
    )}
    <div className="grid grid-cols-3 gap-2">
      {leading}
      {currencies.map((currency) => (
        <InlineField key={currency} label={currency} uppercase>
          <NumberInput
            id={`${idPrefix}_price_${index}_${currency}`}
            step="0.01"
            value={prices[priceKey(variant.id, currency)] ?? ""}
            onChange={(amount) => onPricesChange({ ...prices, [priceKey(variant.id, currency)]: amount })}
          />
        </InlineField>
      ))}
    </div>
  </div>
)

/** The form's error (what is missing, or the server's refusal as written), when there is one. */
export const FormError = ({ message, testId }: { message?: string | null; testId: string }) =>
  message ? (
    <Alert variant="error" data-testid={testId}>
      {message}
    </Alert>
  ) : null
