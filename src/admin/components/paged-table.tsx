import {
  DataTable,
  Text,
  DataTableColumnDef,
  DataTableFilteringState,
  DataTablePaginationState,
  useDataTable,
} from "@medusajs/ui"
import { useState } from "react"
import { useTableTexts } from "./data-table-texts"

/** Page state for a server-paginated list: the limit/offset to ask for, and the table's own state. */
export function usePaging(pageSize = 10) {
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize })
  return {
    pagination,
    setPagination,
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
  }
}

/**
 * A read-only DataTable of one server page (a detail page's commissions, ledger,
 * withdrawals), with the dashboard's pagination and empty state.
 */
export function PagedTable<T>({
  columns,
  rows,
  count,
  isLoading,
  paging,
  emptyHeading,
  onRowClick,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: DataTableColumnDef<T, any>[]
  rows: T[]
  count: number
  isLoading: boolean
  paging: ReturnType<typeof usePaging>
  emptyHeading: string
  onRowClick?: (row: T) => void
}) {
  const texts = useTableTexts()
  const table = useDataTable({
    columns,
    data: rows,
    getRowId: (row) => (row as { id: string }).id,
    rowCount: count,
    isLoading,
    pagination: { state: paging.pagination, onPaginationChange: paging.setPagination },
    onRowClick: onRowClick ? (_e, row) => onRowClick(row) : undefined,
  })
  return (
    <DataTable instance={table}>
      <DataTable.Table emptyState={{ empty: { heading: emptyHeading }, filtered: { heading: emptyHeading } }} />
      {count > paging.pagination.pageSize && <DataTable.Pagination translations={texts.pagination} />}
    </DataTable>
  )
}

/**
 * The state of a server-side list page (page, search, filters) and what the
 * DataTable needs of it, so that a page only adds its columns and its query.
 */
export function useListState(options: { pageSize?: number; filtering?: DataTableFilteringState } = {}) {
  const paging = usePaging(options.pageSize ?? 20)
  const [search, setSearch] = useState("")
  const [filtering, setFiltering] = useState<DataTableFilteringState>(options.filtering ?? {})
  return {
    search,
    filtering,
    query: { q: search || undefined, limit: paging.limit, offset: paging.offset },
    table: {
      pagination: { state: paging.pagination, onPaginationChange: paging.setPagination },
      search: { state: search, onSearchChange: setSearch },
      filtering: { state: filtering, onFilteringChange: setFiltering },
    },
  }
}

/** A list page's table: the server's refusal, or the rows (or why there are none); then the pages. */
export const ListTable = ({ error, emptyHeading }: { error: Error | null; emptyHeading: string }) => {
  const texts = useTableTexts()
  return (
    <>
      {error ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          {error.message}
        </Text>
      ) : (
        <DataTable.Table emptyState={{ empty: { heading: emptyHeading }, filtered: texts.empty.filtered }} />
      )}
      <DataTable.Pagination translations={texts.pagination} />
    </>
  )
}
