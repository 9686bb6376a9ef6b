import { listHandler } from "../../../utils/list"
import { presentCommission } from "../../../utils/present"

/** Commissions across the programme: by order, distributor, status or depth. */
export const GET = listHandler("commission", "commissions", {
  select: ["currency_code"],
  present: (_container, rows) => rows.map(presentCommission),
})
