import { EllipsisHorizontal } from "@medusajs/icons"
import { Button, DropdownMenu, IconButton, Input, Select, Text, usePrompt } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import {
  ReviewAction,
  useAdjustBalance,
  useDistributors,
  useMoveDistributor,
  useReviewDistributor,
  useSetLevel,
} from "../hooks/distributors"
import { useLevels } from "../hooks/programme"
import { useFormat } from "../lib/format"
import { useLabels } from "../lib/labels"
import { Distributor } from "../lib/types"
import { FormDrawer, FormField } from "./form-drawer"
import { ReasonDrawer } from "./reason-drawer"

type Drawer = "approve" | "reject" | "suspend" | "move" | "adjust" | "level" | null

/** What each status allows, as the server's state machine does. */
const ALLOWED: Record<Distributor["status"], (ReviewAction | "move" | "adjust" | "level")[]> = {
  pending: ["approve", "reject"],
  active: ["suspend", "move", "adjust", "level"],
  suspended: ["reinstate", "move", "adjust", "level"],
  rejected: [],
}

/** Reject, suspend or reinstate one distributor: a confirmation or a reason, then the workflow. */
export function useReview() {
  const { t } = useTranslation("distribution")
  const labels = useLabels()
  const prompt = usePrompt()
  const review = useReviewDistributor((action) => labels.reviewDone[action])
  const reinstate = async (d: Distributor) => {
    const ok = await prompt({
      title: t("actions.confirm.reinstate.title"),
      description: t("actions.confirm.reinstate.description", { name: d.display_name || d.email }),
      confirmText: t("actions.reinstate"),
      cancelText: t("actions.cancel"),
      variant: "confirmation",
    })
    if (ok) {
      await review.mutateAsync({ id: d.id, action: "reinstate" }).catch(() => undefined)
    }
  }
  return { review, reinstate }
}

/** A level as a choice: its name and its rates by depth. */
function useLevelOptions(enabled: boolean) {
  const f = useFormat()
  const { data } = useLevels(enabled)
  return (data?.levels ?? []).map((l) => ({
    id: l.id,
    label: `${l.name} (${[l.rate_bps_1, l.rate_bps_2, l.rate_bps_3].map(f.bps).join(" / ")})`,
  }))
}

/**
 * Approving an application: who it is, and the level it starts on (the one it
 * applied with, the default, unless the admin picks another).
 */
export const ApproveDrawer = ({ distributor, onClose }: { distributor: Distributor | null; onClose: () => void }) => {
  const { t } = useTranslation("distribution")
  const { review } = useReview()
  const levels = useLevelOptions(!!distributor)
  const [level, setLevel] = useState("")
  useEffect(() => {
    if (distributor) setLevel(distributor.level_id ?? "")
  }, [distributor])
  return (
    <FormDrawer
      open={!!distributor}
      onOpenChange={(o) => !o && onClose()}
      title={t("actions.confirm.approve.title")}
      description={distributor ? t("actions.confirm.approve.description", { name: distributor.display_name || distributor.email }) : undefined}
      submitLabel={t("actions.approve")}
      isPending={review.isPending}
      onSubmit={() =>
        distributor &&
        review.mutate(
          { id: distributor.id, action: "approve", level_id: level && level !== distributor.level_id ? level : undefined },
          { onSuccess: onClose }
        )
      }
      testId="approve-drawer"
    >
      <FormField label={t("fields.level")} hint={t("actions.approveLevelHint")}>
        <Select value={level} onValueChange={setLevel}>
          <Select.Trigger data-testid="approve-level">
            <Select.Value placeholder={t("actions.levelPick")} />
          </Select.Trigger>
          <Select.Content>
            {levels.map((l) => (
              <Select.Item key={l.id} value={l.id}>
                {l.label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </FormField>
    </FormDrawer>
  )
}

/** Setting a distributor's level, up or down, with the reason the audit log keeps. */
const LevelDrawer = ({ distributor, open, onClose }: { distributor: Distributor; open: boolean; onClose: () => void }) => {
  const { t } = useTranslation("distribution")
  const levels = useLevelOptions(open)
  const [level, setLevel] = useState("")
  const [reason, setReason] = useState("")
  const setLevelOf = useSetLevel(distributor.id, t("actions.done.level"))
  useEffect(() => {
    if (open) {
      setLevel("")
      setReason("")
    }
  }, [open])
  return (
    <FormDrawer
      open={open}
      onOpenChange={(o) => !o && onClose()}
      title={t("actions.levelTitle")}
      description={t("actions.levelDescription")}
      submitLabel={t("actions.level")}
      isPending={setLevelOf.isPending}
      onSubmit={() => level && setLevelOf.mutate({ level_id: level, reason: reason.trim() }, { onSuccess: onClose })}
      testId="level-drawer"
    >
      <FormField label={t("fields.level")}>
        <Select value={level} onValueChange={setLevel}>
          <Select.Trigger data-testid="level-select">
            <Select.Value placeholder={t("actions.levelPick")} />
          </Select.Trigger>
          <Select.Content>
            {levels
              .filter((l) => l.id !== distributor.level_id)
              .map((l) => (
                <Select.Item key={l.id} value={l.id}>
                  {l.label}
                </Select.Item>
              ))}
          </Select.Content>
        </Select>
      </FormField>
      <FormField label={t("fields.reason")} hint={t("actions.levelReasonHint")} htmlFor="level-reason">
        <Input id="level-reason" name="reason" required value={reason} onChange={(e) => setReason(e.target.value)} />
      </FormField>
    </FormDrawer>
  )
}

export const DistributorActions = ({ distributor, currency }: { distributor: Distributor; currency: string }) => {
  const { t } = useTranslation("distribution")
  const [drawer, setDrawer] = useState<Drawer>(null)
  const { review, reinstate } = useReview()
  const allowed = ALLOWED[distributor.status]
  const close = () => setDrawer(null)

  return (
    <>
      <div className="flex items-center gap-x-2">
        {allowed.includes("approve") && (
          <Button size="small" onClick={() => setDrawer("approve")} data-testid="action-approve">
            {t("actions.approve")}
          </Button>
        )}
        {allowed.includes("reject") && (
          <Button size="small" variant="secondary" onClick={() => setDrawer("reject")} data-testid="action-reject">
            {t("actions.reject")}
          </Button>
        )}
        {allowed.includes("reinstate") && (
          <Button size="small" onClick={() => reinstate(distributor)} data-testid="action-reinstate">
            {t("actions.reinstate")}
          </Button>
        )}
        {(allowed.includes("suspend") || allowed.includes("move") || allowed.includes("adjust") || allowed.includes("level")) && (
          <DropdownMenu>
            <DropdownMenu.Trigger asChild>
              <IconButton size="small" variant="transparent" aria-label={t("actions.more")} data-testid="action-menu">
                <EllipsisHorizontal />
              </IconButton>
            </DropdownMenu.Trigger>
            <DropdownMenu.Content align="end">
              {allowed.includes("adjust") && <DropdownMenu.Item onClick={() => setDrawer("adjust")}>{t("actions.adjust")}</DropdownMenu.Item>}
              {allowed.includes("level") && <DropdownMenu.Item onClick={() => setDrawer("level")}>{t("actions.level")}</DropdownMenu.Item>}
              {allowed.includes("move") && <DropdownMenu.Item onClick={() => setDrawer("move")}>{t("actions.move")}</DropdownMenu.Item>}
              {allowed.includes("suspend") && (
                <>
                  <DropdownMenu.Separator />
                  <DropdownMenu.Item onClick={() => setDrawer("suspend")} className="text-ui-fg-error">
                    {t("actions.suspend")}
                  </DropdownMenu.Item>
                </>
              )}
            </DropdownMenu.Content>
          </DropdownMenu>
        )}
      </div>
      <ApproveDrawer distributor={drawer === "approve" ? distributor : null} onClose={close} />
      <RejectDrawer distributor={drawer === "reject" ? distributor : null} onClose={close} />
      <ReasonDrawer
        open={drawer === "suspend"}
        onOpenChange={(o) => !o && close()}
        title={t("actions.suspendTitle")}
        label={t("fields.suspendReason")}
        hint={t("actions.suspendHint")}
        submitLabel={t("actions.suspend")}
        required={false}
        isPending={review.isPending}
        onSubmit={(reason) => review.mutate({ id: distributor.id, action: "suspend", reason: reason || undefined }, { onSuccess: close })}
      />
      <LevelDrawer distributor={distributor} open={drawer === "level"} onClose={close} />
      <MoveDrawer distributor={distributor} open={drawer === "move"} onClose={close} />
      <AdjustDrawer distributor={distributor} currency={currency} open={drawer === "adjust"} onClose={close} />
    </>
  )
}

/** Rejection needs a reason the applicant will read. */
export const RejectDrawer = ({ distributor, onClose }: { distributor: Distributor | null; onClose: () => void }) => {
  const { t } = useTranslation("distribution")
  const { review } = useReview()
  return (
    <ReasonDrawer
      open={!!distributor}
      onOpenChange={(o) => !o && onClose()}
      title={t("actions.rejectTitle")}
      description={distributor ? distributor.display_name || distributor.email || "" : undefined}
      label={t("fields.rejectReason")}
      hint={t("actions.rejectHint")}
      submitLabel={t("actions.reject")}
      required
      isPending={review.isPending}
      onSubmit={(reason) => distributor && review.mutate({ id: distributor.id, action: "reject", reason }, { onSuccess: onClose })}
      testId="reject-drawer"
    />
  )
}

const TOP = "__top__"

const MoveDrawer = ({ distributor, open, onClose }: { distributor: Distributor; open: boolean; onClose: () => void }) => {
  const { t } = useTranslation("distribution")
  const [q, setQ] = useState("")
  const [parent, setParent] = useState<string>("")
  const candidates = useDistributors({ q: q || undefined, status: ["active", "suspended"], limit: 20, offset: 0 }, open)
  const move = useMoveDistributor(distributor.id, t("actions.done.move"))
  useEffect(() => {
    if (open) {
      setQ("")
      setParent("")
    }
  }, [open])
  // A distributor's own team cannot take it: the server refuses, the list does not offer it.
  const options = (candidates.data?.distributors ?? []).filter((d) => d.id !== distributor.id && d.id !== distributor.parent_id)
  return (
    <FormDrawer
      open={open}
      onOpenChange={(o) => !o && onClose()}
      title={t("actions.moveTitle")}
      description={t("actions.moveDescription")}
      submitLabel={t("actions.move")}
      isPending={move.isPending}
      onSubmit={() => parent && move.mutate({ parent_id: parent === TOP ? null : parent }, { onSuccess: onClose })}
    >
      <FormField label={t("actions.moveSearch")}>
        <Input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t("distributors.search")} />
      </FormField>
      <FormField label={t("actions.moveTo")}>
        <Select value={parent} onValueChange={setParent}>
          <Select.Trigger>
            <Select.Value placeholder={t("actions.movePick")} />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={TOP}>{t("actions.moveTop")}</Select.Item>
            {options.map((d) => (
              <Select.Item key={d.id} value={d.id}>
                {`${d.display_name || d.email} · ${d.referral_code ?? ""}`}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </FormField>
      <Text size="small" className="text-ui-fg-subtle">
        {t("actions.moveNote", { count: distributor.team_size })}
      </Text>
    </FormDrawer>
  )
}

const AdjustDrawer = ({
  distributor,
  currency,
  open,
  onClose,
}: {
  distributor: Distributor
  currency: string
  open: boolean
  onClose: () => void
}) => {
  const { t } = useTranslation("distribution")
  const [amount, setAmount] = useState("")
  const [code, setCode] = useState(currency)
  const [reason, setReason] = useState("")
  const [key, setKey] = useState("")
  const adjust = useAdjustBalance(distributor.id, t("actions.done.adjust"))
  useEffect(() => {
    if (open) {
      setAmount("")
      setReason("")
      setCode(currency)
      // One key per opened form: a double submit is one adjustment on the server.
      // (Not crypto.randomUUID: browsers offer it only on https and localhost.)
      setKey(`${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`)
    }
  }, [open, currency])
  return (
    <FormDrawer
      open={open}
      onOpenChange={(o) => !o && onClose()}
      title={t("actions.adjustTitle")}
      description={t("actions.adjustDescription")}
      submitLabel={t("actions.adjust")}
      isPending={adjust.isPending}
      onSubmit={() =>
        adjust.mutate({ amount: Number(amount), currency_code: code, reason, idempotency_key: key }, { onSuccess: onClose })
      }
      testId="adjust-drawer"
    >
      <FormField label={t("fields.amount")} hint={t("actions.adjustAmountHint")} htmlFor="adjust-amount">
        <Input id="adjust-amount" name="amount" type="number" step="0.01" required value={amount} onChange={(e) => setAmount(e.target.value)} />
      </FormField>
      <FormField label={t("fields.currency")} htmlFor="adjust-currency">
        <Input id="adjust-currency" name="currency_code" required pattern="[A-Za-z]{3}" value={code} onChange={(e) => setCode(e.target.value)} />
      </FormField>
      <FormField label={t("fields.reason")} htmlFor="adjust-reason">
        <Input id="adjust-reason" name="reason" required value={reason} onChange={(e) => setReason(e.target.value)} />
      </FormField>
    </FormDrawer>
  )
}
