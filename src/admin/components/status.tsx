import { createDataTableFilterHelper, StatusBadge } from "@medusajs/ui"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { Labels, useLabels } from "../lib/labels"

type Color = "green" | "red" | "blue" | "orange" | "grey" | "purple"

type Kind = keyof Labels["statuses"]

const COLORS: Record<Kind, Record<string, Color>> = {
  distributor: { pending: "orange", active: "green", rejected: "red", suspended: "grey" },
  commission: { pending: "orange", settled: "green", reversed: "red" },
  withdrawal: { requested: "orange", approved: "blue", rejected: "red", paid: "green" },
  coupon: { active: "green", suspended: "orange", disabled: "grey" },
  sale: { upcoming: "blue", live: "green", ended: "grey" },
  flashSale: { upcoming: "blue", live: "green", ended: "grey", closed: "red", active: "green" },
  reservation: { reserved: "orange", consumed: "green", released: "grey" },
  groupBuy: { scheduled: "blue", live: "green", ended: "grey", closed: "red", active: "green" },
  group: { forming: "orange", open: "blue", succeeded: "green", failed: "red", abandoned: "grey" },
  groupMember: { reserved: "orange", paid: "green", released: "grey", canceled: "red" },
  refund: { pending: "orange", refunding: "blue", refunded: "green", failed: "red" },
}

/** The choices of a status filter, in the admin's language. */
export function useStatusOptions(kind: Kind, statuses: readonly string[]) {
  const words: Record<string, string> = useLabels().statuses[kind]
  return statuses.map((s) => ({ label: words[s] ?? s, value: s }))
}

/** A list's filters when it filters by status alone: its statuses in the admin's language. */
export function useStatusFilters(kind: Kind, statuses: readonly string[]) {
  const { t } = useTranslation("distribution")
  const options = useStatusOptions(kind, statuses)
  return useMemo(() => [createDataTableFilterHelper<{ status: string }>().accessor("status", { type: "multiselect", label: t("fields.status"), options })], [t, options])
}

/** A status of one of the programme's state machines, coloured and translated. */
export const Status = ({ kind, status }: { kind: Kind; status: string }) => {
  const words: Record<string, string> = useLabels().statuses[kind]
  return (
    <StatusBadge color={COLORS[kind][status] ?? "grey"} className="whitespace-nowrap" data-status={status}>
      {words[status] ?? status}
    </StatusBadge>
  )
}
