import { CheckCircleSolid } from "@medusajs/icons"
import { Input, Text, clx } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { TargetOption, useTargetSearch } from "../hooks/catalog"
import { useLabels } from "../lib/labels"
import { CommissionRule } from "../lib/types"

/**
 * Finds what a new rule applies to in the store's own catalogue: type a few
 * letters of a product, variant (title or SKU), category or collection, pick
 * one of the matches.
 */
export const TargetPicker = ({
  type,
  value,
  onChange,
}: {
  type: CommissionRule["target_type"]
  value: TargetOption | null
  onChange: (target: TargetOption) => void
}) => {
  const { t } = useTranslation("distribution")
  const labels = useLabels()
  const [q, setQ] = useState("")
  const { data, isFetching } = useTargetSearch(type, q, true)
  const options = data ?? []
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
            aria-selected={value?.id === o.id}
            data-testid="target-option"
            onClick={() => onChange(o)}
            className={clx(
              "hover:bg-ui-bg-base-hover flex items-center justify-between gap-x-2 px-3 py-2 text-left",
              value?.id === o.id && "bg-ui-bg-highlight"
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
            {value?.id === o.id && <CheckCircleSolid className="text-ui-fg-interactive" />}
          </button>
        ))}
        {!options.length && (
          <Text size="small" className="text-ui-fg-muted px-3 py-2">
            {isFetching ? t("general.loading") : t("rules.noTargetFound")}
          </Text>
        )}
      </div>
      <Text size="small" className="text-ui-fg-subtle" data-testid="target-chosen">
        {value ? t("rules.targetChosen", { target: value.title }) : t("rules.targetNone")}
      </Text>
    </div>
  )
}
