import { UIMatch } from "react-router-dom"
import { useDistributor } from "../hooks/distributors"
import { useFlashSale } from "../hooks/flash-sales"
import { useGroup, useGroupBuy } from "../hooks/group-buys"
import { useSale } from "../hooks/sales"
import { Labels, useLabels } from "../lib/labels"

/** A page's name in the dashboard's breadcrumb bar, in the admin's language. */
export const NavCrumb = ({ page }: { page: keyof Labels["nav"] }) => <span>{useLabels().nav[page]}</span>

/** A distributor page's crumb: its name once loaded (the page shares the same query). */
export const DistributorCrumb = ({ params }: UIMatch) => {
  const { data } = useDistributor(params.id)
  const d = data?.distributor
  return <span>{d ? d.display_name || d.email || d.id : params.id}</span>
}

/** A sale page's crumb: its name once loaded (the page shares the same query). */
export const SaleCrumb = ({ params }: UIMatch) => <span>{useSale(params.id).data?.sale.name ?? params.id}</span>

/** A flash sale page's crumb: its name once loaded (the page shares the same query). */
export const FlashSaleCrumb = ({ params }: UIMatch) => <span>{useFlashSale(params.id).data?.flash_sale.name ?? params.id}</span>
/** A 拼团 activity's crumb: its name once loaded (the page shares the same query). */
export const GroupBuyCrumb = ({ params }: UIMatch) => <span>{useGroupBuy(params.id).data?.group_buy.name ?? params.id}</span>

/** A group's crumb: its id, as the activity's page lists it. */
export const GroupCrumb = ({ params }: UIMatch) => <span>{useGroup(params.groupId).data?.group.id ?? params.groupId}</span>
