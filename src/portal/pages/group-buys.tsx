import { useQuery } from "@tanstack/react-query"
import type { GroupBuy } from "../../client"
import { centre } from "../lib/api"
import { useI18n } from "../lib/i18n"
import { Card, ErrorBox, Loading, Money, Page } from "../ui"
import { Countdown, PriceRows, useElapsed, useRegularPrices } from "../activity"
import { CopyButton, MiniProgram } from "./share"

/** One running group buy: its prices per variant and currency, group size and time limit, and the open groups with their seats and time left. */
function GroupBuyCard({ gb }: { gb: GroupBuy }) {
  const { t } = useI18n()
  const detail = useQuery({ queryKey: ["group-buy", gb.id], queryFn: async () => ({ at: Date.now(), ...(await centre.groupBuy(gb.id)) }) })
  const elapsed = useElapsed(detail.data?.at ?? Date.now())
  const regular = useRegularPrices(
    gb.prices.map((p) => p.variant_id),
    gb.prices.map((p) => p.currency_code)
  )
  const variantIds = [...new Set(gb.prices.map((p) => p.variant_id))]
  return (
    <Card testId="group-buy" title={gb.name} aside={<span className="pill live">{t("groups.size", { n: gb.group_size })}</span>}>
      <ul className="list">
        {variantIds.map((variantId) => (
          <li key={variantId} className="product" data-testid="group-variant">
            <div className="product-body">
              {regular.data?.titles[variantId] && <span className="product-title">{regular.data.titles[variantId]}</span>}
              <PriceRows
                prices={gb.prices.filter((p) => p.variant_id === variantId)}
                regular={(c) => regular.data?.amounts[c]?.[variantId]}
                testId="group-price"
              />
            </div>
          </li>
        ))}
      </ul>
      <p className="small muted" data-testid="group-time-limit">
        {t("groups.timeLimit", { minutes: gb.time_limit_minutes })}
      </p>
      {detail.isError && <ErrorBox error={detail.error} retry={() => void detail.refetch()} />}
      {detail.isPending && <Loading />}
      {detail.data?.group_buy.open_groups.length === 0 && <p className="muted">{t("groups.noOpen")}</p>}
      {!!detail.data?.group_buy.open_groups.length && (
        <ul className="list">
          {detail.data.group_buy.open_groups.map((g) => (
            <li key={g.id} className="row" data-testid="open-group">
              <span data-testid="group-seats">{t("groups.seatsLeft", { n: g.seats_left })}</span>{" "}
              {g.expires_in_seconds !== null && (
                <span className="muted">
                  <Countdown seconds={g.expires_in_seconds} elapsed={elapsed} until="end" />
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}

/**
 * A group of mine: its link (the leader's referral link when the leader is a
 * distributor), with a copy button, and the mini-program's page and scene of
 * the leader's share.
 */
function MyGroupLink({ groupId }: { groupId: string }) {
  const { t } = useI18n()
  const group = useQuery({ queryKey: ["group", groupId], queryFn: () => centre.group(groupId) })
  if (group.isError) return <ErrorBox error={group.error} retry={() => void group.refetch()} />
  if (group.isPending) return <Loading />
  const { url, path, share } = group.data.group
  const link = url ?? path
  return (
    <div>
      <p className="small muted">{t("groups.share")}</p>
      <p className="small break" data-testid="group-link">
        {link}
      </p>
      <CopyButton text={link} testId="copy-group-link" />
      {share && <MiniProgram share={share} />}
    </div>
  )
}

export function GroupBuysPage() {
  const { t } = useI18n()
  const buys = useQuery({ queryKey: ["group-buys"], queryFn: () => centre.groupBuys({ limit: 20 }) })
  const mine = useQuery({ queryKey: ["my-groups"], queryFn: () => centre.myGroups({ limit: 20 }) })
  return (
    <Page title={t("groups.title")} testId="group-buys-page">
      {buys.isError && <ErrorBox error={buys.error} retry={() => void buys.refetch()} />}
      {buys.isPending && <Loading />}
      {buys.data?.count === 0 && <p className="muted">{t("groups.none")}</p>}
      {buys.data?.group_buys.map((gb) => <GroupBuyCard key={gb.id} gb={gb} />)}
      <h2>{t("groups.mine")}</h2>
      {mine.isError && <ErrorBox error={mine.error} retry={() => void mine.refetch()} />}
      {mine.isPending && <Loading />}
      {mine.data?.count === 0 && <p className="muted">{t("groups.mineNone")}</p>}
      {mine.data?.groups.map((m) => (
        <Card key={m.group.id} testId="my-group" aside={<span className={`pill ${m.group.status}`}>{t(`groups.status.${m.group.status}`)}</span>}>
          <p className="small">
            <Money amount={m.unit_price} currency={m.group.currency_code} /> × {m.quantity}
            {m.group.status === "open" && ` · ${t("groups.seatsLeft", { n: m.group.seats_left })}`}
          </p>
          <MyGroupLink groupId={m.group.id} />
        </Card>
      ))}
    </Page>
  )
}
