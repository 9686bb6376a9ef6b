import { Alert, Badge, Container, Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link, UIMatch, useParams } from "react-router-dom"
import { GroupCrumb } from "../../../../../../components/breadcrumb"
import { ConfirmButton } from "../../../../../../components/confirm-button"
import { DetailHeader, Empty, Field, PageFallback, Section } from "../../../../../../components/section"
import { Status } from "../../../../../../components/status"
import { useDecideGroup, useGroup, useGroupBuy } from "../../../../../../hooks/group-buys"
import { useFormat } from "../../../../../../lib/format"
import { GroupDetail, GroupMember } from "../../../../../../lib/types"

const customerText = (m: Pick<GroupMember, "email" | "customer_id">) => m.email ?? m.customer_id

/** The group's members in the order they took their seats: customer, order, payment and refund. */
const Members = ({ group }: { group: GroupDetail }) => {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  if (!group.members.length) return <Empty title={t("groupBuys.noMembers")} />
  return (
    <Table data-testid="group-members">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{t("groupBuys.customer")}</Table.HeaderCell>
          <Table.HeaderCell>{t("groupBuys.seat")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("groupBuys.quantity")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("groupBuys.groupPrice")}</Table.HeaderCell>
          <Table.HeaderCell>{t("groupBuys.order")}</Table.HeaderCell>
          <Table.HeaderCell>{t("groupBuys.paidAt")}</Table.HeaderCell>
          <Table.HeaderCell>{t("groupBuys.refund")}</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {group.members.map((m) => (
          <Table.Row key={m.id} data-testid="group-member-row" data-member={m.id}>
            <Table.Cell>
              <div className="flex items-center gap-x-2">
                <Link to={`/customers/${m.customer_id}`} className="text-ui-fg-interactive" data-testid="group-member-customer">
                  {customerText(m)}
                </Link>
                {m.is_leader && (
                  <Badge size="2xsmall" color="purple" data-testid="group-member-leader">
                    {t("groupBuys.leader")}
                  </Badge>
                )}
              </div>
            </Table.Cell>
            <Table.Cell>
              <Status kind="groupMember" status={m.status} />
            </Table.Cell>
            <Table.Cell className="text-right tabular-nums">{f.number(m.quantity)}</Table.Cell>
            <Table.Cell className="text-right tabular-nums">{f.money(m.unit_price, m.currency_code)}</Table.Cell>
            <Table.Cell>
              {m.order_id ? (
                <Link to={`/orders/${m.order_id}`} className="text-ui-fg-interactive" data-testid="group-member-order">
                  {t("groupBuys.openOrder")}
                </Link>
              ) : (
                "—"
              )}
            </Table.Cell>
            <Table.Cell>{f.dateTime(m.paid_at)}</Table.Cell>
            <Table.Cell data-testid="group-member-refund">
              {m.refund_status ? (
                <div className="flex flex-col gap-y-1">
                  <Status kind="refund" status={m.refund_status} />
                  {m.refund_error && (
                    <Text size="xsmall" className="text-ui-fg-error">
                      {m.refund_error}
                    </Text>
                  )}
                </div>
              ) : (
                "—"
              )}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

const GroupPage = () => {
  const { id, groupId } = useParams()
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const activity = useGroupBuy(id)
  const { data, isLoading, isError, error } = useGroup(groupId)
  const decide = useDecideGroup((outcome) => (outcome === "complete" ? t("groupBuys.completed") : t("groupBuys.failedNow")))
  if (isLoading || isError || !data) {
    return <PageFallback isLoading={isLoading} notFound={t("groupBuys.groupNotFound")} error={error} />
  }
  const group = data.group
  const leader = group.members.find((m) => m.is_leader)
  return (
    <div className="flex flex-col gap-y-3" data-testid="group-detail">
      <Container className="divide-y p-0">
        <DetailHeader
          title={group.id}
          titleTestId="group-id"
          status={<Status kind="group" status={group.status} />}
          actions={
            group.status === "open" && (
              <>
                <ConfirmButton
                  isLoading={decide.isPending}
                  testId="group-complete"
                  confirm={{
                    title: t("groupBuys.completeTitle"),
                    description: t("groupBuys.completeDescription", { missing: Math.max(group.size - group.paid, 0) }),
                    confirmText: t("groupBuys.complete"),
                  }}
                  onConfirm={() => decide.mutate({ id: group.id, outcome: "complete" })}
                >
                  {t("groupBuys.complete")}
                </ConfirmButton>
                <ConfirmButton
                  variant="danger"
                  isLoading={decide.isPending}
                  testId="group-fail"
                  confirm={{ title: t("groupBuys.failTitle"), description: t("groupBuys.failDescription", { paid: group.paid }), confirmText: t("groupBuys.fail") }}
                  onConfirm={() => decide.mutate({ id: group.id, outcome: "fail" })}
                >
                  {t("groupBuys.fail")}
                </ConfirmButton>
              </>
            )
          }
        />
        {decide.error && (
          <div className="px-6 py-4">
            <Alert variant="error" data-testid="group-decide-error">
              {decide.error.message}
            </Alert>
          </div>
        )}
        <Field label={t("groupBuys.activity")}>
          <Link to={`/distribution/group-buys/${group.group_buy_id}`} className="text-ui-fg-interactive" data-testid="group-activity">
            {activity.data?.group_buy.name ?? group.group_buy_id}
          </Link>
        </Field>
        <Field label={t("groupBuys.leader")} testId="group-leader">
          {leader ? customerText(leader) : "—"}
        </Field>
        <Field label={t("groupBuys.seats")} testId="group-seats">
          {t("groupBuys.seatsText", { paid: group.paid, size: group.size, virtual: group.virtual_count })}
        </Field>
        <Field label={t("groupBuys.reserved")} testId="group-reserved">
          {f.number(group.reserved)}
        </Field>
        <Field label={t("groupBuys.openedAt")}>{f.dateTime(group.opened_at)}</Field>
        <Field label={t("groupBuys.expiresAt")} testId="group-expires">
          {f.dateTime(group.expires_at)}
        </Field>
        {group.succeeded_at && <Field label={t("groupBuys.succeededAt")}>{f.dateTime(group.succeeded_at)}</Field>}
        {group.failed_at && <Field label={t("groupBuys.failedAt")}>{f.dateTime(group.failed_at)}</Field>}
      </Container>
      <Section title={t("groupBuys.members")} description={t("groupBuys.membersHint")} testId="group-members-section">
        <Members group={group} />
      </Section>
    </div>
  )
}

export const handle = { breadcrumb: (match: UIMatch) => <GroupCrumb {...match} /> }

export default GroupPage
