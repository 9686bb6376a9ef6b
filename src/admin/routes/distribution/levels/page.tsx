import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, Heading, Input, Switch, Table, Text, Textarea, usePrompt } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { FormDrawer, FormField } from "../../../components/form-drawer"
import { asText, NumberInput, numberOrNull } from "../../../components/number-input"
import { bpsOrNull, PercentInput, percentText, usePercentProblem } from "../../../components/percent-input"
import { Empty, Loading } from "../../../components/section"
import { useDeleteLevel, useLevels, useSaveLevel, useSettings } from "../../../hooks/programme"
import { useFormat } from "../../../lib/format"
import { Level } from "../../../lib/types"
import { NavCrumb } from "../../../components/breadcrumb"

type Form = Record<
  | "name"
  | "description"
  | "rank"
  | "rate_bps_1"
  | "rate_bps_2"
  | "rate_bps_3"
  | "upgrade_personal_sales"
  | "upgrade_team_sales"
  | "upgrade_direct_recruits"
  | "upgrade_orders",
  string
> & { is_default: boolean }

const formOf = (l: Level | null, nextRank: number): Form => ({
  name: l?.name ?? "",
  description: l?.description ?? "",
  rank: asText(l?.rank ?? nextRank),
  rate_bps_1: percentText(l?.rate_bps_1 ?? 0),
  rate_bps_2: percentText(l?.rate_bps_2 ?? 0),
  rate_bps_3: percentText(l?.rate_bps_3 ?? 0),
  upgrade_personal_sales: asText(l?.upgrade_personal_sales),
  upgrade_team_sales: asText(l?.upgrade_team_sales),
  upgrade_direct_recruits: asText(l?.upgrade_direct_recruits),
  upgrade_orders: asText(l?.upgrade_orders),
  is_default: l?.is_default ?? false,
})

const LevelsPage = () => {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const prompt = usePrompt()
  const { data, isLoading } = useLevels()
  const settings = useSettings()
  const currency = settings.data?.settings.currency_code
  const [editing, setEditing] = useState<Level | "new" | null>(null)
  const remove = useDeleteLevel(t("levels.deleted"))
  const levels = data?.levels ?? []

  const confirmDelete = async (l: Level) => {
    const ok = await prompt({
      title: t("levels.deleteTitle"),
      description: t("levels.deleteDescription", { name: l.name }),
      confirmText: t("actions.delete"),
      cancelText: t("actions.cancel"),
    })
    if (ok) remove.mutate(l.id)
  }
  const threshold = (l: Level) =>
    [
      l.upgrade_personal_sales != null && t("levels.thresholds.personal", { amount: f.money(l.upgrade_personal_sales, currency) }),
      l.upgrade_team_sales != null && t("levels.thresholds.team", { amount: f.money(l.upgrade_team_sales, currency) }),
      l.upgrade_direct_recruits != null && t("levels.thresholds.recruits", { count: l.upgrade_direct_recruits }),
      l.upgrade_orders != null && t("levels.thresholds.orders", { count: l.upgrade_orders }),
    ]
      .filter(Boolean)
      .join(" · ") || t("levels.thresholds.none")

  return (
    <Container className="divide-y p-0" data-testid="levels-page">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading>{t("levels.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("levels.description")}
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => setEditing("new")}>
          {t("actions.create")}
        </Button>
      </div>
      {isLoading ? (
        <Loading />
      ) : levels.length ? (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("fields.rank")}</Table.HeaderCell>
              <Table.HeaderCell>{t("fields.name")}</Table.HeaderCell>
              <Table.HeaderCell>{t("fields.ratesByDepth")}</Table.HeaderCell>
              <Table.HeaderCell>{t("levels.upgrade")}</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {levels.map((l) => (
              <Table.Row key={l.id} data-testid={`level-row-${l.rank}`}>
                <Table.Cell>{l.rank}</Table.Cell>
                <Table.Cell>
                  <div className="flex items-center gap-x-2">
                    {l.name}
                    {l.is_default && <Badge size="2xsmall">{t("levels.default")}</Badge>}
                  </div>
                </Table.Cell>
                <Table.Cell className="tabular-nums">{[l.rate_bps_1, l.rate_bps_2, l.rate_bps_3].map(f.bps).join(" / ")}</Table.Cell>
                <Table.Cell>{threshold(l)}</Table.Cell>
                <Table.Cell className="text-right">
                  <Button size="small" variant="transparent" onClick={() => setEditing(l)}>
                    {t("actions.edit")}
                  </Button>
                  {!l.is_default && (
                    <Button size="small" variant="transparent" onClick={() => confirmDelete(l)}>
                      {t("actions.delete")}
                    </Button>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <Empty title={t("levels.empty")} />
      )}
      <LevelDrawer
        level={editing === "new" ? null : editing}
        open={editing !== null}
        nextRank={levels.length ? Math.max(...levels.map((l) => l.rank)) + 1 : 1}
        onClose={() => setEditing(null)}
      />
    </Container>
  )
}

const LevelDrawer = ({ level, open, nextRank, onClose }: { level: Level | null; open: boolean; nextRank: number; onClose: () => void }) => {
  const { t } = useTranslation("distribution")
  const problem = usePercentProblem()
  const [form, setForm] = useState<Form>(formOf(level, nextRank))
  const save = useSaveLevel(t("levels.saved"))
  useEffect(() => {
    if (open) setForm(formOf(level, nextRank))
  }, [open, level, nextRank])
  const set = (k: keyof Form) => (v: string) => setForm({ ...form, [k]: v })
  const submit = () => {
    // The problem already shows under the field; nothing is sent until it is fixed.
    if ((["rate_bps_1", "rate_bps_2", "rate_bps_3"] as const).some((k) => problem(form[k]))) return
    save.mutate(
      {
        id: level?.id,
        level: {
          name: form.name,
          description: form.description || null,
          rank: Number(form.rank),
          rate_bps_1: bpsOrNull(form.rate_bps_1) ?? 0,
          rate_bps_2: bpsOrNull(form.rate_bps_2) ?? 0,
          rate_bps_3: bpsOrNull(form.rate_bps_3) ?? 0,
          upgrade_personal_sales: numberOrNull(form.upgrade_personal_sales),
          upgrade_team_sales: numberOrNull(form.upgrade_team_sales),
          upgrade_direct_recruits: numberOrNull(form.upgrade_direct_recruits),
          upgrade_orders: numberOrNull(form.upgrade_orders),
          ...(form.is_default && !level?.is_default ? { is_default: true } : {}),
        },
      },
      { onSuccess: onClose }
    )
  }
  return (
    <FormDrawer
      open={open}
      onOpenChange={(o) => !o && onClose()}
      title={level ? t("levels.editTitle", { name: level.name }) : t("levels.createTitle")}
      onSubmit={submit}
      isPending={save.isPending}
    >
      <FormField label={t("fields.name")} htmlFor="name">
        <Input id="name" required value={form.name} onChange={(e) => set("name")(e.target.value)} />
      </FormField>
      <FormField label={t("fields.description")} htmlFor="description">
        <Textarea id="description" value={form.description} onChange={(e) => set("description")(e.target.value)} />
      </FormField>
      <FormField label={t("fields.rank")} hint={t("levels.rankHint")} htmlFor="rank">
        <NumberInput id="rank" required value={form.rank} onChange={set("rank")} />
      </FormField>
      {([1, 2, 3] as const).map((depth) => (
        <FormField
          key={depth}
          label={t("levels.rateAt", { depth })}
          hint={t("levels.rateHint")}
          htmlFor={`rate_bps_${depth}`}
        >
          <PercentInput id={`rate_bps_${depth}`} required value={form[`rate_bps_${depth}`]} onChange={set(`rate_bps_${depth}`)} />
        </FormField>
      ))}
      <FormField label={t("levels.thresholdFields.personal")} hint={t("levels.thresholdHint")} htmlFor="upgrade_personal_sales">
        <NumberInput id="upgrade_personal_sales" step="0.01" value={form.upgrade_personal_sales} onChange={set("upgrade_personal_sales")} />
      </FormField>
      <FormField label={t("levels.thresholdFields.team")} htmlFor="upgrade_team_sales">
        <NumberInput id="upgrade_team_sales" step="0.01" value={form.upgrade_team_sales} onChange={set("upgrade_team_sales")} />
      </FormField>
      <FormField label={t("levels.thresholdFields.recruits")} htmlFor="upgrade_direct_recruits">
        <NumberInput id="upgrade_direct_recruits" value={form.upgrade_direct_recruits} onChange={set("upgrade_direct_recruits")} />
      </FormField>
      <FormField label={t("levels.thresholdFields.orders")} htmlFor="upgrade_orders">
        <NumberInput id="upgrade_orders" value={form.upgrade_orders} onChange={set("upgrade_orders")} />
      </FormField>
      <FormField label={t("levels.default")} hint={t("levels.defaultHint")}>
        <Switch checked={form.is_default} disabled={level?.is_default} onCheckedChange={(v) => setForm({ ...form, is_default: v })} />
      </FormField>
    </FormDrawer>
  )
}

export const handle = { breadcrumb: () => <NavCrumb page="levels" /> }

export const config = defineRouteConfig({ label: "nav.levels", translationNs: "distribution", rank: 6 })

export default LevelsPage
