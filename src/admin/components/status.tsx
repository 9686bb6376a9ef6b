import { StatusBadge } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

type Color = "green" | "red" | "blue" | "orange" | "grey" | "purple"

const COLORS: Record<string, Record<string, Color>> = {
  distributor: { pending: "orange", active: "green", rejected: "red", suspended: "grey" },
  commission: { pending: "orange", settled: "green", reversed: "red" },
  withdrawal: { requested: "orange", approved: "blue", rejected: "red", paid: "green" },
}

/** The choices of a status filter, in the admin's language. */
export function useStatusOptions(kind: keyof typeof COLORS, statuses: readonly string[]) {
  const { t } = useTranslation("distribution")
  return statuses.map((s) => ({ label: t(`statuses.${kind}.${s}`), value: s }))
}

/** A status of one of the programme's state machines, coloured and translated. */
export const Status = ({ kind, status }: { kind: keyof typeof COLORS; status: string }) => {
  const { t } = useTranslation("distribution")
  return (
    <StatusBadge color={COLORS[kind][status] ?? "grey"} className="whitespace-nowrap" data-status={status}>
      {t(`statuses.${kind}.${status}`)}
    </StatusBadge>
  )
}
