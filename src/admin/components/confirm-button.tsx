import { Button, usePrompt } from "@medusajs/ui"
import { ReactNode } from "react"
import { useTranslation } from "react-i18next"

/**
 * A button whose action is asked for once more (end a sale, close an activity,
 * decide a group): Medusa's own confirmation prompt, then `onConfirm`. It does
 * not open the row it sits in.
 */
export const ConfirmButton = ({
  children,
  confirm,
  onConfirm,
  isLoading,
  variant = "secondary",
  testId,
}: {
  children: ReactNode
  confirm: { title: string; description: string; confirmText: string }
  onConfirm: () => void
  isLoading?: boolean
  variant?: "secondary" | "danger"
  testId: string
}) => {
  const { t } = useTranslation("distribution")
  const prompt = usePrompt()
  return (
    <Button
      size="small"
      variant={variant}
      isLoading={isLoading}
      data-testid={testId}
      onClick={async (e) => {
        e.stopPropagation()
        if (await prompt({ ...confirm, cancelText: t("actions.cancel") })) onConfirm()
      }}
    >
      {children}
    </Button>
  )
}
