import { CheckCircleSolid } from "@medusajs/icons"
import { Input, Text, clx } from "@medusajs/ui"
import { ReactNode, useState } from "react"
import { useTranslation } from "react-i18next"
import { TargetOption, useTargetSearch } from "../hooks/catalog"
import { useLabels } from "../lib/labels"
import { CommissionRule } from "../lib/types"

/**
 * Finds what a rule or a sale applies to in the store's own catalogue: type a
 * few letters of a product, variant (title or SKU), category or collection,
 * pick one of the matches (or several: the caller keeps what is picked). Under
 * it, what is chosen: `summary`, else the one target.
 */
export const TargetPicker = ({
  type,
  selected,
  onPick,
  summary,
}: {
  type: CommissionRule["target_type"]
  selected: TargetOption[]
  onPick: (target: TargetOption) => void
  summary?: ReactNode
}) => {
  const { t } = useTranslation("distribution")
  const labels = useLabels()
  const [q, setQ] = useState("")
  const { data, isFetching } = useTargetSearch(type, q, true)
  const options = data ?? []
  const isSelected = (o: TargetOption) => selected.some((s) => s.id === o.id)
  return (
    <div className="flex flex-col gap-y-2" data-testid="target-picker">
      <Input
        type="search"
        name="target_search"
        autoComplete="off"
        placeholder={t("rules.searchTarget", { target: labels.targets[type].toLowerCase() })}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <div className="shadow-borders-base flex max-h-64 flex-col overflow-y-auto rounded-md" role="listbox">
        {options.map((o) => (
          <button
            key={o.id}
            type="button"
            role="option"
            aria-selected={isSelected(o)}
            data-testid="target-option"
            onClick={() => onPick(o)}
            className={clx(
              "hover:bg-ui-bg-base-hover flex items-center justify-between gap-x-2 px-3 py-2 text-left",
              isSelected(o) && "bg-ui-bg-highlight"
            )}
          >
            <span className="flex flex-col">
              <Text size="small" weight="plus">
                {o.title}
              </Text>
              {o.detail && (
                <Text size="xsmall" className="text-ui-fg-muted">
                  {o.detail}
                </Text>
              )}
            </span>
            {isSelected(o) && <CheckCircleSolid className="text-ui-fg-interactive" />}
          </button>
        ))}
        {!options.length && (
          <Text size="small" className="text-ui-fg-muted px-3 py-2">
            {isFetching ? t("general.loading") : t("rules.noTargetFound")}
          </Text>
        )}
      </div>
      {summary ?? (
        <Text size="small" className="text-ui-fg-subtle" data-testid="target-chosen">
          {selected[0] ? t("rules.targetChosen", { target: selected[0].title }) : t("rules.targetNone")}
        </Text>
      )}
    </div>
  )
}
