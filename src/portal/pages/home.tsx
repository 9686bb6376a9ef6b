import { useQuery } from "@tanstack/react-query"
import type { MeResponse, StatsBucket } from "../../client"
import { centre } from "../lib/api"
import { useI18n } from "../lib/i18n"
import { Card, ErrorBox, Loading, Money, Page, useMoney } from "../ui"

const tz = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"

/** The first day of the month `back` months before this one, as YYYY-MM-DD. */
function monthStart(back: number) {
  const now = new Date()
  const d = new Date(now.getFullYear(), now.getMonth() - back, 1)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-01`
}

/**
 * Bars of the monthly commissions. Heights are drawn from the amounts' ratio to
 * the largest (a picture, not a sum: the figures beside it are the API's strings).
 */
function Chart({ series, currency }: { series: StatsBucket[]; currency: string }) {
  const money = useMoney()
  const values = series.map((b) => Math.max(0, Number(b.commissions)))
  const top = Math.max(...values, 0)
  return (
    <div className="chart" role="img" aria-label={series.map((b) => `${b.period} ${money(b.commissions, currency)}`).join(", ")}>
      {series.map((b, i) => (
        <div className="col" key={b.period}>
          <div className="bar-track">
            <div className="bar-fill" style={{ height: `${top ? Math.round((values[i] / top) * 100) : 0}%` }} />
          </div>
          <span className="col-label">{b.period.slice(5, 7)}</span>
        </div>
      ))}
    </div>
  )
}

export function HomePage({ me }: { me: MeResponse }) {
  const { t } = useI18n()
  const distributor = me.distributor!
  const summary = useQuery({ queryKey: ["summary"], queryFn: () => centre.summary({ tz: tz() }) })
  const stats = useQuery({
    queryKey: ["stats", "month"],
    queryFn: () => centre.stats({ interval: "month", from: monthStart(5), tz: tz(), currency_code: me.programme.currency_code }),
  })
  const balances = summary.data?.summary.balances ?? me.balances
  const level = summary.data?.summary.level
  const series = stats.data?.series ?? []
  const thisMonth = series[series.length - 1]
  const lastMonth = series[series.length - 2]
  const currency = stats.data?.currency_code ?? me.programme.currency_code
  return (
    <Page title={t("home.hello", { name: distributor.display_name || distributor.email || "" })} testId="home-page">
      <Card testId="balances">
        {balances.length === 0 && <p className="muted">{t("home.noBalance")}</p>}
        {balances.map((b) => (
          <div className="balances" key={b.currency_code} data-testid={`balance-${b.currency_code}`}>
            <div className="big">
              <span className="label">{t("home.available")}</span>
              <Money amount={b.available} currency={b.currency_code} testId="balance-available" />
            </div>
            <div className="grid3">
              <div>
                <span className="label">{t("home.pending")}</span>
                <Money amount={b.pending} currency={b.currency_code} testId="balance-pending" />
              </div>
              <div>
                <span className="label">{t("home.held")}</span>
                <Money amount={b.held} currency={b.currency_code} testId="balance-held" />
              </div>
              <div>
                <span className="label">{t("home.withdrawn")}</span>
                <Money amount={b.withdrawn} currency={b.currency_code} testId="balance-withdrawn" />
              </div>
            </div>
            {b.debt !== "0" && !/^0(\.0+)?$/.test(b.debt) && (
              <p className="warn">
                {t("home.debt")}: <Money amount={b.debt} currency={b.currency_code} />
              </p>
            )}
          </div>
        ))}
        <a className="button primary" href="#/withdrawals">
          {t("nav.withdrawals")}
        </a>
      </Card>

      <Card title={t("home.commissions")} testId="months">
        {stats.isError ? (
          <ErrorBox error={stats.error} retry={() => void stats.refetch()} />
        ) : !stats.data ? (
          <Loading />
        ) : (
          <>
            <div className="grid2">
              <div data-testid="this-month">
                <span className="label">{t("home.thisMonth")}</span>
                <Money amount={thisMonth?.commissions ?? "0"} currency={currency} />
                <span className="muted small">{t("home.orders", { n: thisMonth?.orders ?? 0 })}</span>
              </div>
              <div data-testid="last-month">
                <span className="label">{t("home.lastMonth")}</span>
                <Money amount={lastMonth?.commissions ?? "0"} currency={currency} />
                <span className="muted small">{t("home.orders", { n: lastMonth?.orders ?? 0 })}</span>
              </div>
            </div>
            <p className="label">{t("home.chart")}</p>
            <Chart series={series} currency={currency} />
          </>
        )}
      </Card>

      <Card title={t("home.level")} testId="level">
        {summary.isError ? (
          <ErrorBox error={summary.error} retry={() => void summary.refetch()} />
        ) : !level ? (
          <Loading />
        ) : (
          <>
            <p className="level-name" data-testid="level-name">
              {level.current?.name ?? distributor.level?.name ?? t("home.noLevel")}
            </p>
            {level.next ? (
              <>
                <p className="muted">{t("home.next", { level: level.next.level.name })}</p>
                {level.next.thresholds.map((m) => (
                  <div className="progress-row" key={m.metric}>
                    <span>{t(`home.metric.${m.metric}`)}</span>
                    <span className="muted small">
                      {m.metric.endsWith("sales") ? (
                        <>
                          <Money amount={m.current} currency={me.programme.currency_code} /> / <Money amount={m.target} currency={me.programme.currency_code} />
                        </>
                      ) : (
                        `${m.current} / ${m.target}`
                      )}
                    </span>
                    <progress max={1} value={m.met ? 1 : Math.min(1, Number(m.current) / Math.max(Number(m.target), 1e-9))} />
                  </div>
                ))}
              </>
            ) : (
              <p className="muted">{t("home.top")}</p>
            )}
          </>
        )}
      </Card>

      <Card title={t("home.code")}>
        <p className="code" data-testid="referral-code">
          {distributor.referral_code}
        </p>
        <a className="button" href="#/share">
          {t("nav.share")}
        </a>
      </Card>
    </Page>
  )
}
