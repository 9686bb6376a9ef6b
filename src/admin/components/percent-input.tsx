import { Input, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { bpsToPercent, percentToBps } from "../lib/rates"
import { FormField } from "./form-drawer"

/** A stored rate (basis points) as the form's text: 1250 → "12.5", none → "". */
export const percentText = (bps: number | null | undefined) => (bps === null || bps === undefined ? "" : bpsToPercent(bps))

/** The form's text as basis points: "" → null; only called once the form has no problem left. */
export const bpsOrNull = (text: string) => {
  const read = text.trim() === "" ? null : percentToBps(text)
  return read && "bps" in read ? read.bps : null
}

/** What is wrong with a typed percentage, in the admin's language, or null (an empty one is for `required`). */
export function usePercentProblem() {
  const { t } = useTranslation("distribution")
  const messages = {
    format: t("rates.errors.format"),
    decimals: t("rates.errors.decimals"),
    range: t("rates.errors.range"),
  }
  return (text: string) => {
    if (text.trim() === "") return null
    const read = percentToBps(text)
    return "error" in read ? messages[read.error] : null
  }
}

/**
 * A rate typed as a percentage with at most two decimals ("12.5" for 12.5 %),
 * kept as the typed text; what is wrong with it shows under it, and the form
 * refuses to send while anything is.
 */
export const PercentInput = ({
  id,
  value,
  onChange,
  required,
}: {
  id: string
  value: string
  onChange: (value: string) => void
  required?: boolean
}) => {
  const problem = usePercentProblem()(value)
  return (
    <div className="flex w-full flex-col gap-y-1">
      <div className="relative">
        <Input
          id={id}
          name={id}
          inputMode="decimal"
          autoComplete="off"
          required={required}
          value={value}
          aria-invalid={!!problem}
          className="pr-8"
          onChange={(e) => onChange(e.target.value)}
        />
        <span className="text-ui-fg-muted txt-compact-small pointer-events-none absolute inset-y-0 right-3 flex items-center">%</span>
      </div>
      {problem && (
        <Text size="xsmall" className="text-ui-fg-error" data-testid={`${id}-problem`}>
          {problem}
        </Text>
      )}
    </div>
  )
}

/** A tool's own commission rates at depths 1, 2 and 3, typed as percentages (depth 1 required). */
export const DepthRates = ({ idPrefix, rates, onChange }: { idPrefix: string; rates: string[]; onChange: (rates: string[]) => void }) => {
  const { t } = useTranslation("distribution")
  return (
    <div className="grid grid-cols-3 gap-x-3">
      {rates.map((r, i) => (
        <FormField key={i} label={t("fields.depthN", { depth: i + 1 })} htmlFor={`${idPrefix}_${i + 1}`}>
          <PercentInput
            id={`${idPrefix}_${i + 1}`}
            value={r}
            required={i === 0}
            onChange={(v) => onChange(rates.map((x, j) => (j === i ? v : x)))}
          />
        </FormField>
      ))}
    </div>
  )
}
