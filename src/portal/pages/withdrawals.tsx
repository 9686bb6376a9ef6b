import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query"
import { FormEvent, useState } from "react"
import type { MeResponse, RequestWithdrawalInput } from "../../client"
import { centre } from "../lib/api"
import { atLeast, fromMinor, precisionOf, toMinor, withdrawalFeePreview } from "../lib/fee"
import { useI18n } from "../lib/i18n"
import { formatBps } from "../lib/money"
import { Card, ErrorBox, formatDate, Loading, Money, Page, useMoney } from "../ui"

type Method = MeResponse["programme"]["withdrawal_methods"][number]

/** The payout account's fields per method, as the API's validator names them. */
const ACCOUNT_FIELDS: Record<Method, { name: string; type?: string; optional?: boolean }[]> = {
  bank: [{ name: "holder_name" }, { name: "bank_name" }, { name: "account_number", type: "text" }],
  alipay: [{ name: "account" }, { name: "real_name" }],
  wechat: [{ name: "account" }, { name: "real_name" }],
  paypal: [{ name: "email", type: "email" }],
  manual: [{ name: "details" }],
}

type Draft = { amount: string; method: Method; account: Record<string, string>; fee: string; net: string }

export function WithdrawalsPage({ me }: { me: MeResponse }) {
  const { t, lang } = useI18n()
  const money = useMoney()
  const queryClient = useQueryClient()
  const { programme } = me
  const currency = programme.currency_code
  const balance = me.balances.find((b) => b.currency_code === currency)
  const available = balance?.available ?? "0"
  const precision = precisionOf(programme.min_withdrawal)
  const [method, setMethod] = useState<Method>(programme.withdrawal_methods[0] ?? "bank")
  const [draft, setDraft] = useState<Draft | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)

  const history = useInfiniteQuery({
    queryKey: ["withdrawals"],
    initialPageParam: 0,
    queryFn: ({ pageParam }) => centre.withdrawals.list({ limit: 10, offset: pageParam }),
    getNextPageParam: (last) => (last.offset + last.limit < last.count ? last.offset + last.limit : undefined),
  })
  const request = useMutation({
    mutationFn: (d: Draft) =>
      centre.withdrawals.request({ method: d.method, amount: d.amount, currency_code: currency, account: d.account } as RequestWithdrawalInput),
    onSuccess: (result) => {
      setDraft(null)
      setDone(t("withdrawals.done", { amount: money(result.withdrawal.amount, result.withdrawal.currency_code) }))
      void queryClient.invalidateQueries({ queryKey: ["me"] })
      void queryClient.invalidateQueries({ queryKey: ["summary"] })
      void queryClient.invalidateQueries({ queryKey: ["withdrawals"] })
    },
  })

  const review = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    setDone(null)
    const form = new FormData(e.currentTarget)
    const minor = toMinor(String(form.get("amount") ?? ""), precision)
    if (minor === null || minor === BigInt(0)) return setFormError(t("withdrawals.badAmount"))
    const amount = fromMinor(minor, precision)
    const preview = withdrawalFeePreview(amount, programme.withdrawal_fee_bps, precision)!
    if (!atLeast(amount, programme.min_withdrawal, precision)) return setFormError(t("withdrawals.belowMin", { amount: money(programme.min_withdrawal, currency) }))
    if (!atLeast(available, amount, precision)) return setFormError(t("withdrawals.aboveAvailable", { amount: money(available, currency) }))
    setFormError(null)
    const account = Object.fromEntries(ACCOUNT_FIELDS[method].map((f) => [f.name, String(form.get(f.name) ?? "").trim()]))
    setDraft({ amount, method, account, ...preview })
  }

  return (
    <Page title={t("withdrawals.title")} testId="withdrawals-page">
      <Card testId="withdraw-form">
        <div className="big">
          <span className="label">{t("withdrawals.available")}</span>
          <Money amount={available} currency={currency} testId="withdraw-available" />
        </div>
        <p className="muted small" data-testid="withdraw-rules">
          {t("withdrawals.min", { amount: money(programme.min_withdrawal, currency) })} · {t("withdrawals.fee", { rate: formatBps(programme.withdrawal_fee_bps) })}
        </p>
        {done && (
          <p className="ok" role="status" data-testid="withdraw-done">
            {done}
          </p>
        )}
        {draft ? (
          <div className="confirm" data-testid="withdraw-confirm">
            <h2>{t("withdrawals.confirmTitle")}</h2>
            <dl>
              <dt>{t("withdrawals.amount")}</dt>
              <dd data-testid="confirm-amount">{money(draft.amount, currency)}</dd>
              <dt>{t("withdrawals.feeLine")}</dt>
              <dd data-testid="confirm-fee">{money(draft.fee, currency)}</dd>
              <dt>{t("withdrawals.netLine")}</dt>
              <dd data-testid="confirm-net">{money(draft.net, currency)}</dd>
              <dt>{t("withdrawals.method")}</dt>
              <dd>{t(`withdrawals.method.${draft.method}`)}</dd>
            </dl>
            {request.isError && <ErrorBox error={request.error} />}
            <div className="row-actions">
              <button type="button" onClick={() => (setDraft(null), request.reset())}>
                {t("withdrawals.cancel")}
              </button>
              <button type="button" className="primary" disabled={request.isPending} data-testid="withdraw-confirm-submit" onClick={() => request.mutate(draft)}>
                {t("withdrawals.confirm")}
              </button>
            </div>
          </div>
        ) : (
          <form className="form" onSubmit={review} noValidate>
            <label>
              {t("withdrawals.amount")}
              <input name="amount" inputMode="decimal" autoComplete="off" placeholder={programme.min_withdrawal} required />
            </label>
            <fieldset className="methods">
              <legend>{t("withdrawals.method")}</legend>
              {programme.withdrawal_methods.map((m) => (
                <label key={m} className={m === method ? "chip active" : "chip"}>
                  <input type="radio" name="method" value={m} checked={m === method} onChange={() => setMethod(m)} />
                  {t(`withdrawals.method.${m}`)}
                </label>
              ))}
            </fieldset>
            {ACCOUNT_FIELDS[method].map((f) => (
              <label key={`${method}-${f.name}`}>
                {t(`withdrawals.${f.name}` as "withdrawals.account")}
                <input name={f.name} type={f.type ?? "text"} autoComplete="off" required={!f.optional} />
              </label>
            ))}
            {formError && (
              <div className="error" role="alert" data-testid="error">
                {formError}
              </div>
            )}
            <button type="submit" className="primary" data-testid="withdraw-review">
              {t("withdrawals.review")}
            </button>
          </form>
        )}
      </Card>
      <Card title={t("withdrawals.history")} testId="withdraw-history">
        {history.isError && <ErrorBox error={history.error} retry={() => void history.refetch()} />}
        {history.isPending && <Loading />}
        {history.data && history.data.pages[0].count === 0 && <p className="muted">{t("common.empty")}</p>}
        <ul className="list">
          {history.data?.pages
            .flatMap((p) => p.withdrawals)
            .map((w) => (
              <li key={w.id} className="row" data-testid="withdrawal-row">
                <div>
                  <Money amount={w.amount} currency={w.currency_code} />
                  <span className="muted small">
                    {t(`withdrawals.method.${w.method}`)} · {formatDate(w.created_at, lang)}
                  </span>
                  {w.reject_reason && <span className="muted small">{w.reject_reason}</span>}
                </div>
                <span className={`pill ${w.status}`} data-testid="withdrawal-status">
                  {t(`withdrawals.status.${w.status}`)}
                </span>
              </li>
            ))}
        </ul>
        {history.hasNextPage && (
          <button type="button" onClick={() => void history.fetchNextPage()}>
            {t("common.more")}
          </button>
        )}
      </Card>
    </Page>
  )
}
