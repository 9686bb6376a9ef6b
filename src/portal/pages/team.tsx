import { useInfiniteQuery, useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { centre } from "../lib/api"
import { useI18n } from "../lib/i18n"
import { Card, ErrorBox, formatDate, Loading, Page } from "../ui"

const tz = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"

/** One level of the team, loaded when it is first opened. */
function Depth({ depth, count }: { depth: 1 | 2 | 3; count: number }) {
  const { t, lang } = useI18n()
  const [open, setOpen] = useState(false)
  const members = useInfiniteQuery({
    queryKey: ["team", depth],
    enabled: open,
    initialPageParam: 0,
    queryFn: ({ pageParam }) => centre.team({ depth, limit: 20, offset: pageParam }),
    getNextPageParam: (last) => (last.offset + last.limit < last.count ? last.offset + last.limit : undefined),
  })
  return (
    <li className="depth" data-testid={`team-depth-${depth}`}>
      <button type="button" className="disclosure" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="team-depth-toggle">
        <span>{t("team.depth", { depth })}</span>
        <span className="muted" data-testid="team-depth-count">
          {t("team.members", { n: count })}
        </span>
      </button>
      {open && (
        <div className="depth-body">
          {members.isError && <ErrorBox error={members.error} retry={() => void members.refetch()} />}
          {members.isPending && <Loading />}
          {members.data?.pages[0].count === 0 && <p className="muted">{t("common.empty")}</p>}
          <ul className="list">
            {members.data?.pages
              .flatMap((p) => p.members)
              .map((m) => (
                <li key={m.id} className="row" data-testid="team-member">
                  <div>
                    <strong>{m.display_name || m.email || m.referral_code || "—"}</strong>
                    <span className="muted small">
                      {m.level?.name ? `${m.level.name} · ` : ""}
                      {t("team.joined", { date: formatDate(m.joined_at, lang) })}
                    </span>
                  </div>
                  <span className="muted small">{t("team.size", { n: m.team_size })}</span>
                </li>
              ))}
          </ul>
          {members.hasNextPage && (
            <button type="button" onClick={() => void members.fetchNextPage()}>
              {t("common.more")}
            </button>
          )}
        </div>
      )}
    </li>
  )
}

export function TeamPage() {
  const { t } = useI18n()
  const summary = useQuery({ queryKey: ["summary"], queryFn: () => centre.summary({ tz: tz() }) })
  const team = summary.data?.summary.team
  return (
    <Page title={t("team.title")} testId="team-page">
      <Card>
        {summary.isError && <ErrorBox error={summary.error} retry={() => void summary.refetch()} />}
        {!team && !summary.isError && <Loading />}
        {team && (
          <>
            <p data-testid="team-total">
              <strong>{t("team.total", { n: team.total })}</strong> · {t("team.direct", { n: team.direct_recruits })}
            </p>
            <ul className="tree">
              {team.by_depth.map((d) => (
                <Depth key={d.depth} depth={d.depth as 1 | 2 | 3} count={d.count} />
              ))}
            </ul>
          </>
        )}
      </Card>
    </Page>
  )
}
