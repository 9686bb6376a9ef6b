import { Input } from "@medusajs/ui"

/**
 * An input for an optional whole number or amount kept as the typed string; the
 * form converts it once, on submit.
 */
export const NumberInput = ({
  id,
  value,
  onChange,
  step = 1,
  min = 0,
  max,
  required,
}: {
  id: string
  value: string
  onChange: (value: string) => void
  step?: number | string
  min?: number
  max?: number
  required?: boolean
}) => (
  <Input id={id} name={id} type="number" inputMode="decimal" step={step} min={min} max={max} required={required} value={value} onChange={(e) => onChange(e.target.value)} />
)

/** "" → null, else the number (the API's validators take JSON numbers). */
export const numberOrNull = (value: string) => (value.trim() === "" ? null : Number(value))
export const asText = (value: string | number | null | undefined) => (value === null || value === undefined ? "" : String(value))
