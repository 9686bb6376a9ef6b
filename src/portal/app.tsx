import { useQuery, useQueryClient } from "@tanstack/react-query"
import { Component, ReactNode, useEffect, useState } from "react"
import { centre, config, signedIn, signOut } from "./lib/api"
import { I18nProvider, useI18n } from "./lib/i18n"
import { go, useRoute } from "./lib/router"
import { ApplyPage } from "./pages/apply"
import { CommissionsPage } from "./pages/commissions"
import { FlashSalesPage } from "./pages/flash-sales"
import { GroupBuysPage } from "./pages/group-buys"
import { HomePage } from "./pages/home"
import { OrdersPage } from "./pages/orders"
import { SalesPage } from "./pages/sales"
import { SharePage } from "./pages/share"
import { RegisterPage, SignInPage } from "./pages/sign-in"
import { TeamPage } from "./pages/team"
import { WithdrawalsPage } from "./pages/withdrawals"
import { ErrorBox, Loading } from "./ui"

export function App() {
  return (
    <I18nProvider>
      <Shell />
    </I18nProvider>
  )
}

const NAV = [
  ["/", "nav.home"],
  ["/share", "nav.share"],
  ["/orders", "nav.orders"],
  ["/team", "nav.team"],
  ["/commissions", "nav.commissions"],
  ["/withdrawals", "nav.withdrawals"],
  ["/sales", "nav.sales"],
  ["/group-buys", "nav.groupBuys"],
  ["/flash-sales", "nav.flashSales"],
] as const

function useOnline() {
  const [online, setOnline] = useState(() => navigator.onLine !== false)
  useEffect(() => {
    const on = () => setOnline(true)
    const off = () => setOnline(false)
    window.addEventListener("online", on)
    window.addEventListener("offline", off)
    return () => {
      window.removeEventListener("online", on)
      window.removeEventListener("offline", off)
    }
  }, [])
  return online
}

function Header({ nav }: { nav: boolean }) {
  const { t, lang, setLang } = useI18n()
  const route = useRoute()
  const queryClient = useQueryClient()
  const authed = signedIn()
  // On a narrow screen the tabs scroll: keep the current one in view.
  useEffect(() => {
    document.querySelector(".tab.active")?.scrollIntoView({ block: "nearest", inline: "nearest" })
  }, [route])
  return (
    <header className="top">
      <div className="bar">
        <a className="brand" href="#/">
          {t("app.title")}
        </a>
        <div className="actions">
          <button type="button" className="ghost" data-testid="lang-switch" onClick={() => setLang(lang === "en" ? "zh-CN" : "en")}>
            {t("lang.switch")}
          </button>
          {authed && (
            <button
              type="button"
              className="ghost"
              data-testid="sign-out"
              onClick={() => void signOut().then(() => (queryClient.clear(), go("/sign-in")))}
            >
              {t("nav.signOut")}
            </button>
          )}
        </div>
      </div>
      {nav && (
        <nav className="tabs" aria-label={t("app.title")}>
          {NAV.map(([path, key]) => (
            <a key={path} href={`#${path}`} className={route === path ? "tab active" : "tab"} aria-current={route === path ? "page" : undefined}>
              {t(key)}
            </a>
          ))}
        </nav>
      )}
    </header>
  )
}

/** A page that throws while rendering shows what went wrong, never a blank screen; another route starts afresh. */
class PageBoundary extends Component<{ route: string; children: ReactNode }, { error: unknown; route: string }> {
  state = { error: null as unknown, route: this.props.route }
  static getDerivedStateFromError(error: unknown) {
    return { error }
  }
  static getDerivedStateFromProps(props: { route: string }, state: { error: unknown; route: string }) {
    return props.route !== state.route ? { error: null, route: props.route } : null
  }
  render() {
    return this.state.error ? (
      <main className="page">
        <ErrorBox error={this.state.error} retry={() => this.setState({ error: null })} />
      </main>
    ) : (
      this.props.children
    )
  }
}

function Frame({ nav, children }: { nav: boolean; children: ReactNode }) {
  const { t } = useI18n()
  const online = useOnline()
  return (
    <div className="app">
      <Header nav={nav} />
      {!online && (
        <div className="banner" role="alert" data-testid="offline">
          {t("error.network")}
        </div>
      )}
      <PageBoundary route={useRoute()}>{children}</PageBoundary>
    </div>
  )
}

const PUBLIC_ROUTES = ["/sign-in", "/register", "/sales"]

function Shell() {
  const route = useRoute()
  const { t } = useI18n()
  const authed = signedIn()
  // Signed out on a page that needs an account: the address says sign-in too.
  useEffect(() => {
    if (!authed && !PUBLIC_ROUTES.includes(route)) window.location.replace("#/sign-in")
  }, [authed, route])
  if (!config.publishableKey) {
    return (
      <Frame nav={false}>
        <main className="page">
          <div className="error" role="alert" data-testid="error">
            {t("error.noKey")}
          </div>
        </main>
      </Frame>
    )
  }
  if (!authed) {
    if (route === "/sales") {
      return (
        <Frame nav={false}>
          <SalesPage />
        </Frame>
      )
    }
    return <Frame nav={false}>{route === "/register" ? <RegisterPage /> : <SignInPage />}</Frame>
  }
  return <SignedIn route={route} />
}

function SignedIn({ route }: { route: string }) {
  const me = useQuery({ queryKey: ["me"], queryFn: () => centre.me() })
  if (me.isPending) {
    return (
      <Frame nav={false}>
        <Loading />
      </Frame>
    )
  }
  if (me.isError) {
    return (
      <Frame nav={false}>
        <main className="page">
          <ErrorBox error={me.error} retry={() => void me.refetch()} />
        </main>
      </Frame>
    )
  }
  const distributor = me.data.distributor
  if (!distributor || distributor.status !== "active") {
    return (
      <Frame nav={false}>
        <ApplyPage me={me.data} />
      </Frame>
    )
  }
  const page = (() => {
    switch (route) {
      case "/share":
        return <SharePage me={me.data} />
      case "/orders":
        return <OrdersPage />
      case "/team":
        return <TeamPage />
      case "/commissions":
        return <CommissionsPage />
      case "/withdrawals":
        return <WithdrawalsPage me={me.data} />
      case "/sales":
        return <SalesPage />
      case "/group-buys":
        return <GroupBuysPage />
      case "/flash-sales":
        return <FlashSalesPage />
      default:
        return <HomePage me={me.data} />
    }
  })()
  return <Frame nav>{page}</Frame>
}
