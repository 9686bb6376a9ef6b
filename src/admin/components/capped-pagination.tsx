import { Minus } from "@medusajs/icons"
import { Button, DataTablePaginationState } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { cappedCount } from "../lib/capped-count"
import { useFormat } from "../lib/format"

/**
 * The pagination of a list whose count stopped at a cap ("1 – 20 of 1,000+
 * results"): the DataTable's own prints the count as an exact number. Same
 * layout and words as the DataTable's; the pages beyond the cap are not
 * offered (a narrower search finds them).
 */
export function CappedPagination({
  count,
  pagination,
  onPaginationChange,
}: {
  /** The cap the count reached. */
  count: number
  pagination: DataTablePaginationState
  onPaginationChange: (state: DataTablePaginationState) => void
}) {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const { pageIndex, pageSize } = pagination
  const pages = Math.max(1, Math.ceil(count / pageSize))
  const from = pageIndex * pageSize + 1
  const to = Math.min(count, (pageIndex + 1) * pageSize)
  const go = (index: number) => onPaginationChange({ pageIndex: index, pageSize })
  return (
    <div
      className="text-ui-fg-subtle txt-compact-small-plus flex w-full flex-shrink-0 items-center justify-between px-3 py-4"
      data-testid="capped-pagination"
    >
      <div className="inline-flex items-center gap-x-1 px-3 py-[5px]">
        <p>{f.number(from)}</p>
        <Minus className="text-ui-fg-muted" />
        <p>{t("table.rangeCapped", { to: f.number(to), total: cappedCount(count, f.locale) })}</p>
      </div>
      <div className="flex items-center gap-x-2">
        <div className="inline-flex items-center gap-x-1 px-3 py-[5px]">
          <p>{t("table.pagesCapped", { page: f.number(pageIndex + 1), pages: cappedCount(pages, f.locale) })}</p>
        </div>
        <Button type="button" variant="transparent" onClick={() => go(pageIndex - 1)} disabled={pageIndex === 0}>
          {t("table.prev")}
        </Button>
        <Button type="button" variant="transparent" onClick={() => go(pageIndex + 1)} disabled={pageIndex + 1 >= pages}>
          {t("table.next")}
        </Button>
      </div>
    </div>
  )
}
