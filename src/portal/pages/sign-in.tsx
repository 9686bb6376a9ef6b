import { useQueryClient } from "@tanstack/react-query"
import { FormEvent, useState } from "react"
import { register, signIn } from "../lib/api"
import { useI18n } from "../lib/i18n"
import { ErrorBox } from "../ui"

function useAuthSubmit(action: (form: FormData) => Promise<void>) {
  const queryClient = useQueryClient()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await action(new FormData(e.currentTarget))
      queryClient.clear()
      window.location.hash = "#/"
      window.dispatchEvent(new HashChangeEvent("hashchange"))
    } catch (err) {
      setError(err)
      setBusy(false)
    }
  }
  return { busy, error, onSubmit }
}

export function SignInPage() {
  const { t } = useI18n()
  const { busy, error, onSubmit } = useAuthSubmit((f) => signIn(String(f.get("email")), String(f.get("password"))))
  return (
    <main className="page narrow" data-testid="sign-in-page">
      <h1>{t("signIn.title")}</h1>
      <p className="lead">{t("signIn.lead")}</p>
      <form className="form" onSubmit={onSubmit}>
        <label>
          {t("signIn.email")}
          <input name="email" type="email" autoComplete="email" required />
        </label>
        <label>
          {t("signIn.password")}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error !== null && <ErrorBox error={error} />}
        <button type="submit" className="primary" disabled={busy} data-testid="sign-in-submit">
          {t("signIn.submit")}
        </button>
      </form>
      <a className="link block" href="#/register">
        {t("signIn.toRegister")}
      </a>
    </main>
  )
}

export function RegisterPage() {
  const { t } = useI18n()
  const { busy, error, onSubmit } = useAuthSubmit((f) =>
    register({ email: String(f.get("email")), password: String(f.get("password")), first_name: String(f.get("first_name")) })
  )
  return (
    <main className="page narrow" data-testid="register-page">
      <h1>{t("register.title")}</h1>
      <form className="form" onSubmit={onSubmit}>
        <label>
          {t("register.name")}
          <input name="first_name" autoComplete="name" required />
        </label>
        <label>
          {t("signIn.email")}
          <input name="email" type="email" autoComplete="email" required />
        </label>
        <label>
          {t("signIn.password")}
          <input name="password" type="password" autoComplete="new-password" minLength={8} required />
        </label>
        {error !== null && <ErrorBox error={error} />}
        <button type="submit" className="primary" disabled={busy} data-testid="register-submit">
          {t("register.submit")}
        </button>
      </form>
      <a className="link block" href="#/sign-in">
        {t("register.toSignIn")}
      </a>
    </main>
  )
}
