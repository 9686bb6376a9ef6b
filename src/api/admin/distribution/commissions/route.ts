import { listHandler } from "../../../utils/list"

/** Commissions across the programme: by order, distributor, status or depth. */
export const GET = listHandler("commission", "commissions")
