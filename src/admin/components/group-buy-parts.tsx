import { useCallback } from "react"
import { useTranslation } from "react-i18next"
import { useCloseGroupBuy } from "../hooks/group-buys"
import { useFormat } from "../lib/format"
import { GroupBuy } from "../lib/types"
import { ConfirmButton } from "./confirm-button"

/** A duration in whole minutes as people say it: "3 days", "90 minutes", "2 hours". */
export function useMinutesText() {
  const { t } = useTranslation("distribution")
  return useCallback(
    (minutes: number) =>
      minutes % 1440 === 0
        ? t("groupBuys.days", { count: minutes / 1440 })
        : minutes % 60 === 0
          ? t("groupBuys.hours", { count: minutes / 60 })
          : t("groupBuys.minutes", { count: minutes }),
    [t]
  )
}

/** An activity's window in the admin's own time zone. */
export function useGroupBuyWindowText() {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  return useCallback(
    (g: Pick<GroupBuy, "starts_at" | "ends_at">) => t("groupBuys.windowText", { from: f.dateTime(g.starts_at), to: f.dateTime(g.ends_at) }),
    // f follows the language, as t does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, f.locale]
  )
}

/** Closes an activity to new checkouts after a confirmation (its open groups run to their deadline); none once closed. */
export const CloseGroupBuyButton = ({ groupBuy, variant = "secondary" }: { groupBuy: Pick<GroupBuy, "id" | "name" | "status">; variant?: "secondary" | "danger" }) => {
  const { t } = useTranslation("distribution")
  const close = useCloseGroupBuy(t("groupBuys.closed"))
  if (groupBuy.status === "closed") return null
  return (
    <ConfirmButton
      variant={variant}
      isLoading={close.isPending}
      testId="group-buy-close"
      confirm={{
        title: t("groupBuys.closeTitle"),
        description: t("groupBuys.closeDescription", { name: groupBuy.name }),
        confirmText: t("groupBuys.close"),
      }}
      onConfirm={() => close.mutate({ id: groupBuy.id })}
    >
      {t("groupBuys.close")}
    </ConfirmButton>
  )
}
