import { Button, Drawer, Hint, Label } from "@medusajs/ui"
import { FormEvent, ReactNode } from "react"
import { useTranslation } from "react-i18next"

/**
 * A side drawer holding one form, the way the dashboard edits things: title,
 * fields, then cancel / save at the bottom. The caller owns the field state.
 */
export const FormDrawer = ({
  open,
  onOpenChange,
  title,
  description,
  submitLabel,
  onSubmit,
  isPending,
  children,
  testId,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description?: string
  submitLabel?: string
  onSubmit: () => void
  isPending?: boolean
  children: ReactNode
  testId?: string
}) => {
  const { t } = useTranslation("distribution")
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onSubmit()
  }
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content data-testid={testId}>
        <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden">
          <Drawer.Header>
            <Drawer.Title>{title}</Drawer.Title>
            {description && <Drawer.Description>{description}</Drawer.Description>}
          </Drawer.Header>
          <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-y-auto">{children}</Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                {t("actions.cancel")}
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={isPending} data-testid="drawer-submit">
              {submitLabel ?? t("actions.save")}
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}

/** A labelled form control with its explanation underneath. */
export const FormField = ({
  label,
  hint,
  htmlFor,
  children,
}: {
  label: string
  hint?: string
  htmlFor?: string
  children: ReactNode
}) => (
  <div className="flex flex-col gap-y-2">
    <Label size="small" weight="plus" htmlFor={htmlFor}>
      {label}
    </Label>
    {children}
    {hint && <Hint>{hint}</Hint>}
  </div>
)
