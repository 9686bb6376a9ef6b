import { useTranslation } from "react-i18next"

/** The DataTable's own words (pagination, toolbar) in the admin's language. */
export function useTableTexts() {
  const { t } = useTranslation("distribution")
  return {
    pagination: {
      of: t("table.of"),
      results: t("table.results"),
      pages: t("table.pages"),
      prev: t("table.prev"),
      next: t("table.next"),
    },
    toolbar: { clearAll: t("table.clearAll"), sort: t("table.sort"), columns: t("table.columns") },
    empty: {
      empty: { heading: t("table.emptyHeading"), description: t("table.emptyDescription") },
      filtered: { heading: t("table.filteredHeading"), description: t("table.filteredDescription") },
    },
  }
}
