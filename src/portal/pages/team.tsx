import { useInfiniteQuery, useQuery } from "@tanstack/react-query"
import { useState } from "react"
import type { TeamMember } from "../../client"
import { centre } from "../lib/api"
import { useI18n } from "../lib/i18n"
import { Card, ErrorBox, formatDate, Loading, Page } from "../ui"

const tz = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"

const PAGE = 20

type TeamPage = { members: TeamMember[]; count: number; limit: number; offset: number }

/**
 * One list of members, a page at a time: a depth of the team (`depth`), or a
 * member's direct recruits (`parentId`), each member openable in place.
 */
function Members({ depth, parentId, maxDepth }: { depth?: 1 | 2 | 3; parentId?: string; maxDepth: number }) {
  const { t } = useI18n()
  const members = useInfiniteQuery({
    queryKey: parentId ? ["team-children", parentId] : ["team", depth],
    initialPageParam: 0,
    queryFn: ({ pageParam }): Promise<TeamPage> =>
      parentId ? centre.teamChildren(parentId, { limit: PAGE, offset: pageParam }) : centre.team({ depth, limit: PAGE, offset: pageParam }),
    getNextPageParam: (last) => (last.offset + last.limit < last.count ? last.offset + last.limit : undefined),
  })
  return (
    <>
      {members.isError && <ErrorBox error={members.error} retry={() => void members.refetch()} />}
      {members.isPending && <Loading />}
      {members.data?.pages[0].count === 0 && <p className="muted">{t("common.empty")}</p>}
      <ul className="list">
        {members.data?.pages
          .flatMap((p) => p.members)
          .map((m) => <Member key={m.id} m={m} maxDepth={maxDepth} />)}
      </ul>
      {members.hasNextPage && (
        <button type="button" onClick={() => void members.fetchNextPage()}>
          {t("common.more")}
        </button>
      )}
    </>
  )
}

/**
 * A member of the team (masked), with its recruits opened in place on a tap
 * when it has some within the team's depths (`maxDepth`: as many as the
 * summary counts; a member that deep has recruits outside the caller's team).
 */
function Member({ m, maxDepth }: { m: TeamMember; maxDepth: number }) {
  const { t, lang } = useI18n()
  const [open, setOpen] = useState(false)
  const openable = m.direct_count > 0 && m.depth !== undefined && m.depth < maxDepth
  return (
    <li data-testid="team-member" data-member-id={m.id} data-depth={m.depth}>
      <div className="row">
        <div>
          <strong data-testid="team-member-name">{m.display_name || m.email || m.referral_code || "—"}</strong>
          <span className="muted small">
            {m.level?.name ? `${m.level.name} · ` : ""}
            {t("team.joined", { date: formatDate(m.joined_at, lang) })}
          </span>
        </div>
        <span className="muted small member-size" data-testid="team-member-size">
          {t("team.size", { n: m.team_size })}
        </span>
      </div>
      {openable ? (
        <button
          type="button"
          className="disclosure"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          data-testid="team-member-toggle"
        >
          <span data-testid="team-member-direct">{t("team.direct", { n: m.direct_count })}</span>
          <span aria-hidden="true">{open ? "−" : "+"}</span>
        </button>
      ) : (
        m.direct_count > 0 && (
          <span className="muted small" data-testid="team-member-direct">
            {t("team.direct", { n: m.direct_count })}
          </span>
        )
      )}
      {open && (
        <div className="depth-body" data-testid="team-children">
          <Members parentId={m.id} maxDepth={maxDepth} />
        </div>
      )}
    </li>
  )
}

/** One level of the team, loaded when it is first opened. */
function Depth({ depth, count, maxDepth }: { depth: 1 | 2 | 3; count: number; maxDepth: number }) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
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
          <Members depth={depth} maxDepth={maxDepth} />
        </div>
      )}
    </li>
  )
}

/**
 * The team: its size and the count at each depth; each depth opened (and
 * loaded) on demand, and in it each member opened in place to its own
 * recruits, down to the team's last depth.
 */
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
                <Depth key={d.depth} depth={d.depth as 1 | 2 | 3} count={d.count} maxDepth={team.by_depth.length} />
              ))}
            </ul>
          </>
        )}
      </Card>
    </Page>
  )
}
