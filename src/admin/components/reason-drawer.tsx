import { Input, Textarea } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { FormDrawer, FormField } from "./form-drawer"

/**
 * A drawer asking for one line of text before an action: a rejection reason, a
 * suspension note, a payout's transaction reference.
 */
export const ReasonDrawer = ({
  open,
  onOpenChange,
  title,
  description,
  label,
  hint,
  submitLabel,
  required,
  multiline = true,
  isPending,
  onSubmit,
  testId,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description?: string
  label: string
  hint?: string
  submitLabel: string
  required: boolean
  multiline?: boolean
  isPending?: boolean
  onSubmit: (value: string) => void
  testId?: string
}) => {
  const [value, setValue] = useState("")
  useEffect(() => {
    if (open) setValue("")
  }, [open])
  const Control = multiline ? Textarea : Input
  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      description={description}
      submitLabel={submitLabel}
      isPending={isPending}
      onSubmit={() => onSubmit(value.trim())}
      testId={testId}
    >
      <FormField label={label} hint={hint} htmlFor="reason-input">
        <Control
          id="reason-input"
          name="reason"
          value={value}
          required={required}
          onChange={(e: { target: { value: string } }) => setValue(e.target.value)}
        />
      </FormField>
    </FormDrawer>
  )
}
