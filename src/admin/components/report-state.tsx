import { UseQueryResult } from "@tanstack/react-query"
import { ReactNode } from "react"
import { useTranslation } from "react-i18next"
import { Empty, Loading } from "./section"

/** One report's body: loading, the server's error, nothing in the period, or the report itself. */
export function ReportState<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T, Error>
  isEmpty: (data: T) => boolean
  empty: string
  children: (data: T) => ReactNode
}) {
  const { t } = useTranslation("distribution")
  if (query.isLoading) {
    return <Loading />
  }
  if (query.isError || !query.data) {
    return <Empty title={t("overview.reportsUnavailable")} description={query.error?.message} />
  }
  return isEmpty(query.data) ? <Empty title={empty} /> : <>{children(query.data)}</>
}
