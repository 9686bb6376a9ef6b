import { useMutation, useQueryClient } from "@tanstack/react-query"
import { FormEvent } from "react"
import type { MeResponse } from "../../client"
import { centre } from "../lib/api"
import { useI18n } from "../lib/i18n"
import { Card, ErrorBox, Page, useMoney } from "../ui"

/** Not (yet) an active distributor: the programme's rules and the form, or where the application stands. */
export function ApplyPage({ me }: { me: MeResponse }) {
  const { t } = useI18n()
  const money = useMoney()
  const queryClient = useQueryClient()
  const apply = useMutation({
    mutationFn: (form: FormData) => {
      const value = (k: string) => String(form.get(k) ?? "").trim() || null
      return centre.apply({ name: value("name"), phone: value("phone"), reason: value("reason"), referral_code: value("referral_code") })
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["me"] }),
  })
  const { distributor, programme } = me
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    apply.mutate(new FormData(e.currentTarget))
  }
  if (distributor?.status === "pending") {
    return (
      <Page title={t("apply.title")} testId="apply-page">
        <Card testId="apply-pending">
          <p className="status pending">{t("apply.pending")}</p>
        </Card>
      </Page>
    )
  }
  if (distributor?.status === "suspended") {
    return (
      <Page title={t("apply.title")} testId="apply-page">
        <Card testId="apply-suspended">
          <p className="status rejected">{t("apply.suspended")}</p>
          {distributor.suspend_reason && <p>{distributor.suspend_reason}</p>}
        </Card>
      </Page>
    )
  }
  return (
    <Page title={t("apply.title")} testId="apply-page">
      {distributor?.status === "rejected" && (
        <Card testId="apply-rejected">
          <p className="status rejected">{t("apply.rejected")}</p>
          {distributor.reject_reason && (
            <p>
              {t("apply.reason.label")}: <span data-testid="reject-reason">{distributor.reject_reason}</span>
            </p>
          )}
        </Card>
      )}
      <Card testId="apply-rules">
        {!programme.enabled ? (
          <p>{t("apply.disabled")}</p>
        ) : (
          <>
            <p data-testid="apply-mode">
              {t(`apply.mode.${programme.application_mode}`, { amount: money(programme.application_min_spend, programme.currency_code) })}
            </p>
            <p>{t("apply.depth", { depth: programme.max_depth })}</p>
          </>
        )}
      </Card>
      {programme.enabled && distributor?.status !== "rejected" && (
        <Card>
          <form className="form" onSubmit={onSubmit}>
            <label>
              {t("apply.name")}
              <input name="name" autoComplete="name" maxLength={100} />
            </label>
            <label>
              {t("apply.phone")}
              <input name="phone" type="tel" autoComplete="tel" maxLength={30} />
            </label>
            <label>
              {t("apply.reason")}
              <textarea name="reason" rows={3} maxLength={500} />
            </label>
            <label>
              {t("apply.code")}
              <input name="referral_code" autoCapitalize="characters" maxLength={32} defaultValue={me.binding && "referral_code" in me.binding.distributor ? me.binding.distributor.referral_code ?? "" : ""} />
            </label>
            {apply.isError && <ErrorBox error={apply.error} />}
            <button type="submit" className="primary" disabled={apply.isPending} data-testid="apply-submit">
              {t("apply.submit")}
            </button>
          </form>
        </Card>
      )}
    </Page>
  )
}
