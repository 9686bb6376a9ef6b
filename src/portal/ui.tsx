import { ReactNode } from "react"
import { errorText } from "./lib/api"
import { useI18n } from "./lib/i18n"
import { formatMoney } from "./lib/money"

export function Money({ amount, currency, testId }: { amount: string; currency: string; testId?: string }) {
  const { lang } = useI18n()
  return (
    <span className="money" data-testid={testId}>
      {formatMoney(amount, currency, lang)}
    </span>
  )
}

export const useMoney = () => {
  const { lang } = useI18n()
  return (amount: string, currency: string) => formatMoney(amount, currency, lang)
}

/** An error in the page: the API's message, or the network sentence; with a retry when one helps. */
export function ErrorBox({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useI18n()
  return (
    <div className="error" role="alert" data-testid="error">
      <span>{errorText(error, t)}</span>
      {retry && (
        <button type="button" className="link" onClick={retry}>
          {t("error.retry")}
        </button>
      )}
    </div>
  )
}

export function Loading() {
  const { t } = useI18n()
  return (
    <div className="loading" aria-busy="true">
      {t("common.loading")}
    </div>
  )
}

export function Card({ title, children, testId, aside }: { title?: ReactNode; children: ReactNode; testId?: string; aside?: ReactNode }) {
  return (
    <section className="card" data-testid={testId}>
      {(title || aside) && (
        <header className="card-head">
          {title && <h2>{title}</h2>}
          {aside}
        </header>
      )}
      {children}
    </section>
  )
}

export function Page({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <main className="page" data-testid={testId}>
      <h1>{title}</h1>
      {children}
    </main>
  )
}

export const formatDate = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang, { year: "numeric", month: "short", day: "numeric" }).format(new Date(iso))
