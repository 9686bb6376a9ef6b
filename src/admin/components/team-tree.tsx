import { TriangleDownMini, TriangleRightMini } from "@medusajs/icons"
import { Button, IconButton, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { useTeam } from "../hooks/distributors"
import { useFormat } from "../lib/format"
import { DistributorSummary } from "../lib/types"
import { Status } from "./status"

const PAGE = 20

/**
 * The team as a tree that loads as it is opened: each node asks for one page of
 * its direct recruits only when expanded (one indexed read on the server), so a
 * team of any size costs what is on screen.
 */
export const TeamTree = ({ root }: { root: DistributorSummary }) => (
  <ul className="px-4 py-3" data-testid="team-tree" role="tree">
    <TeamChildren parentId={root.id} level={0} />
  </ul>
)

const TeamChildren = ({ parentId, level }: { parentId: string; level: number }) => {
  const [pages, setPages] = useState(1)
  return (
    <>
      {Array.from({ length: pages }, (_, i) => (
        <TeamPage key={i} parentId={parentId} offset={i * PAGE} level={level} last={i === pages - 1} onMore={() => setPages(pages + 1)} />
      ))}
    </>
  )
}

const TeamPage = ({
  parentId,
  offset,
  level,
  last,
  onMore,
}: {
  parentId: string
  offset: number
  level: number
  last: boolean
  onMore: () => void
}) => {
  const { t } = useTranslation("distribution")
  const { data, isLoading } = useTeam(parentId, offset, true)
  if (isLoading) {
    return (
      <li style={{ paddingLeft: level * 20 }}>
        <Text size="small" className="text-ui-fg-muted px-2 py-1">
          {t("general.loading")}
        </Text>
      </li>
    )
  }
  if (!data?.members.length && offset === 0) {
    return (
      <li style={{ paddingLeft: level * 20 }}>
        <Text size="small" className="text-ui-fg-muted px-2 py-1">
          {t("detail.team.none")}
        </Text>
      </li>
    )
  }
  return (
    <>
      {data?.members.map((m) => <TeamNode key={m.id} member={m} level={level} />)}
      {last && data && data.count > offset + data.members.length && (
        <li style={{ paddingLeft: level * 20 + 28 }}>
          <Button size="small" variant="transparent" onClick={onMore}>
            {t("detail.team.more", { count: data.count - offset - data.members.length })}
          </Button>
        </li>
      )}
    </>
  )
}

const TeamNode = ({ member, level }: { member: DistributorSummary; level: number }) => {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const [open, setOpen] = useState(false)
  return (
    <li role="treeitem" aria-expanded={member.direct_count ? open : undefined} data-testid={`team-node-${member.referral_code ?? member.id}`}>
      <div className="hover:bg-ui-bg-base-hover flex items-center gap-x-2 rounded-md px-2 py-1.5" style={{ paddingLeft: level * 20 + 4 }}>
        {member.direct_count ? (
          <IconButton
            size="2xsmall"
            variant="transparent"
            onClick={() => setOpen(!open)}
            aria-label={open ? t("detail.team.collapse") : t("detail.team.expand")}
            data-testid="team-toggle"
          >
            {open ? <TriangleDownMini /> : <TriangleRightMini />}
          </IconButton>
        ) : (
          <span className="inline-block w-6" />
        )}
        <Link to={`/distribution/distributors/${member.id}`} className="txt-small text-ui-fg-interactive hover:underline">
          {member.display_name || member.email}
        </Link>
        <Text size="small" className="text-ui-fg-muted">
          {member.referral_code}
        </Text>
        <Status kind="distributor" status={member.status} />
        {member.level && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            {member.level.name}
          </Text>
        )}
        <Text size="xsmall" className="text-ui-fg-muted ml-auto">
          {t("detail.team.counts", { direct: f.number(member.direct_count), team: f.number(member.team_size) })}
        </Text>
      </div>
      {open && (
        <ul role="group">
          <TeamChildren parentId={member.id} level={level + 1} />
        </ul>
      )}
    </li>
  )
}
