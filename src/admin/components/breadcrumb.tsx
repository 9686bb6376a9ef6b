import { useTranslation } from "react-i18next"
import { UIMatch } from "react-router-dom"
import { useDistributor } from "../hooks/distributors"

/** A page's name in the dashboard's breadcrumb bar, in the admin's language. */
export const TextCrumb = ({ label }: { label: string }) => {
  const { t } = useTranslation("distribution")
  return <span>{t(label)}</span>
}

/** A distributor page's crumb: its name once loaded (the page shares the same query). */
export const DistributorCrumb = ({ params }: UIMatch) => {
  const { data } = useDistributor(params.id)
  const d = data?.distributor
  return <span>{d ? d.display_name || d.email || d.id : params.id}</span>
}
