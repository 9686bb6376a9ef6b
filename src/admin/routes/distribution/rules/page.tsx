import { defineRouteConfig } from "@medusajs/admin-sdk"
import {
  Button,
  Container,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  DataTable,
  DataTableFilteringState,
  Input,
  Select,
  usePrompt,
  useDataTable,
} from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { useTableTexts } from "../../../components/data-table-texts"
import { ListToolbar } from "../../../components/list-toolbar"
import { FormDrawer, FormField } from "../../../components/form-drawer"
import { asText, NumberInput, numberOrNull } from "../../../components/number-input"
import { bpsOrNull, PercentInput, percentText, usePercentProblem } from "../../../components/percent-input"
import { TargetPicker } from "../../../components/target-picker"
import { TargetOption } from "../../../hooks/catalog"
import { useLabels } from "../../../lib/labels"
import { usePaging } from "../../../components/paged-table"
import { useCommissionRules, useDeleteRule, useSaveRule } from "../../../hooks/programme"
import { useRuleSummary } from "../../../components/rule-summary"
import { CommissionRule } from "../../../lib/types"
import { NavCrumb } from "../../../components/breadcrumb"

const TARGETS = ["variant", "product", "category", "collection"] as const
const MODES = ["rate", "fixed", "excluded"] as const
const column = createDataTableColumnHelper<CommissionRule>()
const filter = createDataTableFilterHelper<CommissionRule>()

const TARGET_LINKS: Record<CommissionRule["target_type"], ((id: string) => string) | null> = {
  product: (id) => `/products/${id}`,
  category: (id) => `/categories/${id}`,
  collection: (id) => `/collections/${id}`,
  variant: null,
}

const RulesPage = () => {
  const { t } = useTranslation("distribution")
  const texts = useTableTexts()
  const prompt = usePrompt()
  const summary = useRuleSummary()
  const labels = useLabels()
  const paging = usePaging(20)
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})
  const [editing, setEditing] = useState<CommissionRule | "new" | null>(null)
  const { data, isLoading } = useCommissionRules({
    target_type: filtering.target_type as string[] | undefined,
    limit: paging.limit,
    offset: paging.offset,
  })
  const remove = useDeleteRule(t("rules.deleted"))

  const columns = useMemo(
    () => [
      column.accessor("target_type", { header: t("rules.target"), cell: ({ getValue }) => labels.targets[getValue()] }),
      column.accessor("target_id", {
        header: t("rules.targetName"),
        cell: ({ row }) => {
          const name = row.original.target?.title ?? row.original.target_id
          const link = TARGET_LINKS[row.original.target_type]
          return link ? (
            <Link to={link(row.original.target_id)} className="text-ui-fg-interactive" onClick={(e) => e.stopPropagation()}>
              {name}
            </Link>
          ) : (
            name
          )
        },
      }),
      column.accessor("mode", { header: t("rules.mode"), cell: ({ getValue }) => labels.modes[getValue()] }),
      column.display({ id: "pays", header: t("fields.ratesByDepth"), cell: ({ row }) => summary(row.original) }),
      column.accessor("note", { header: t("fields.note"), cell: ({ getValue }) => getValue() || "—" }),
      column.action({
        actions: ({ row }) => [
          { label: t("actions.edit"), onClick: () => setEditing(row.original) },
          {
            label: t("actions.delete"),
            onClick: async () => {
              const ok = await prompt({
                title: t("rules.deleteTitle"),
                description: t("rules.deleteDescription"),
                confirmText: t("actions.delete"),
                cancelText: t("actions.cancel"),
              })
              if (ok) remove.mutate(row.original.id)
            },
          },
        ],
      }),
    ],
    [t, summary, labels]
  )
  const filters = useMemo(
    () => [
      filter.accessor("target_type", {
        type: "multiselect",
        label: t("rules.target"),
        options: TARGETS.map((v) => ({ label: labels.targets[v], value: v })),
      }),
    ],
    [t, labels]
  )
  const table = useDataTable({
    columns,
    data: data?.commission_rules ?? [],
    getRowId: (r) => r.id,
    rowCount: data?.count ?? 0,
    isLoading,
    filters,
    filtering: { state: filtering, onFilteringChange: setFiltering },
    pagination: { state: paging.pagination, onPaginationChange: paging.setPagination },
  })

  return (
    <Container className="divide-y p-0" data-testid="rules-page">
      <DataTable instance={table}>
        <ListToolbar title={t("rules.title")} description={t("rules.description")}>
          <DataTable.FilterMenu tooltip={t("table.filter")} />
          <Button size="small" variant="secondary" onClick={() => setEditing("new")}>
            {t("actions.create")}
          </Button>
        </ListToolbar>
        <DataTable.Table emptyState={{ empty: { heading: t("rules.empty"), description: t("rules.emptyDescription") }, filtered: texts.empty.filtered }} />
        <DataTable.Pagination translations={texts.pagination} />
      </DataTable>
      <RuleDrawer rule={editing === "new" ? null : editing} open={editing !== null} onClose={() => setEditing(null)} />
    </Container>
  )
}

type Form = {
  target_type: CommissionRule["target_type"]
  target: TargetOption | null
  mode: CommissionRule["mode"]
  values: [string, string, string]
  currency_code: string
  note: string
}

const formOf = (r: CommissionRule | null): Form => ({
  target_type: r?.target_type ?? "product",
  target: r ? { id: r.target_id, title: r.target?.title ?? r.target_id, detail: null } : null,
  mode: r?.mode ?? "rate",
  values:
    r?.mode === "fixed"
      ? [asText(r.fixed_amount_1), asText(r.fixed_amount_2), asText(r.fixed_amount_3)]
      : [percentText(r?.rate_bps_1), percentText(r?.rate_bps_2), percentText(r?.rate_bps_3)],
  currency_code: r?.currency_code ?? "",
  note: r?.note ?? "",
})

const RuleDrawer = ({ rule, open, onClose }: { rule: CommissionRule | null; open: boolean; onClose: () => void }) => {
  const { t } = useTranslation("distribution")
  const labels = useLabels()
  const problem = usePercentProblem()
  const [form, setForm] = useState<Form>(formOf(rule))
  const save = useSaveRule(t("rules.saved"))
  useEffect(() => {
    if (open) setForm(formOf(rule))
  }, [open, rule])
  const rates = form.values.map(bpsOrNull)
  const amounts = form.values.map(numberOrNull)
  const submit = () => {
    // A rate's problem already shows under it, a missing target under the picker: nothing is sent until fixed.
    if (!form.target || (form.mode === "rate" && form.values.some((v) => problem(v)))) return
    save.mutate(
      {
        id: rule?.id,
        rule: {
          ...(rule ? {} : { target_type: form.target_type, target_id: form.target.id }),
          mode: form.mode,
          rate_bps_1: form.mode === "rate" ? rates[0] : null,
          rate_bps_2: form.mode === "rate" ? rates[1] : null,
          rate_bps_3: form.mode === "rate" ? rates[2] : null,
          fixed_amount_1: form.mode === "fixed" ? amounts[0] : null,
          fixed_amount_2: form.mode === "fixed" ? amounts[1] : null,
          fixed_amount_3: form.mode === "fixed" ? amounts[2] : null,
          currency_code: form.mode === "fixed" ? form.currency_code : null,
          note: form.note || null,
        },
      },
      { onSuccess: onClose }
    )
  }
  const setValue = (i: number) => (v: string) => {
    const next = [...form.values] as Form["values"]
    next[i] = v
    setForm({ ...form, values: next })
  }
  return (
    <FormDrawer
      open={open}
      onOpenChange={(o) => !o && onClose()}
      title={rule ? t("rules.editTitle") : t("rules.createTitle")}
      description={t("rules.precedence")}
      onSubmit={submit}
      isPending={save.isPending}
    >
      <FormField label={t("rules.target")}>
        <Select value={form.target_type} onValueChange={(v) => setForm({ ...form, target_type: v as Form["target_type"], target: null })} disabled={!!rule}>
          <Select.Trigger>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {TARGETS.map((v) => (
              <Select.Item key={v} value={v}>
                {labels.targets[v]}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </FormField>
      <FormField label={t("rules.targetName")}>
        {rule ? (
          <Input value={form.target?.title ?? ""} disabled />
        ) : (
          <TargetPicker
            key={form.target_type}
            type={form.target_type}
            selected={form.target ? [form.target] : []}
            onPick={(target) => setForm({ ...form, target })}
          />
        )}
      </FormField>
      <FormField label={t("rules.mode")} hint={labels.modeHints[form.mode]}>
        <Select value={form.mode} onValueChange={(v) => setForm({ ...form, mode: v as Form["mode"], values: ["", "", ""] })}>
          <Select.Trigger>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {MODES.map((v) => (
              <Select.Item key={v} value={v}>
                {labels.modes[v]}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </FormField>
      {form.mode !== "excluded" &&
        ([0, 1, 2] as const).map((i) => (
          <FormField
            key={i}
            label={form.mode === "rate" ? t("levels.rateAt", { depth: i + 1 }) : t("rules.fixedAt", { depth: i + 1 })}
            hint={i === 0 ? (form.mode === "rate" ? t("rules.rateHint") : t("rules.fixedHint")) : undefined}
            htmlFor={`value_${i}`}
          >
            {form.mode === "rate" ? (
              <PercentInput id={`value_${i}`} value={form.values[i]} onChange={setValue(i)} />
            ) : (
              <NumberInput id={`value_${i}`} step="0.01" required={i === 0} value={form.values[i]} onChange={setValue(i)} />
            )}
          </FormField>
        ))}
      {form.mode === "fixed" && (
        <FormField label={t("fields.currency")} htmlFor="currency_code">
          <Input id="currency_code" required pattern="[A-Za-z]{3}" value={form.currency_code} onChange={(e) => setForm({ ...form, currency_code: e.target.value })} />
        </FormField>
      )}
      <FormField label={t("fields.note")} htmlFor="note">
        <Input id="note" value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />
      </FormField>
    </FormDrawer>
  )
}

export const handle = { breadcrumb: () => <NavCrumb page="rules" /> }

export const config = defineRouteConfig({ label: "nav.rules", translationNs: "distribution", rank: 7 })

export default RulesPage
