import { Group, List } from "../lib/types"
import { useAdminGet } from "./api"

/** The group an order belongs to (none for an order outside 拼团). */
export const useGroupOfOrder = (orderId: string) =>
  useAdminGet<List<"groups", Group>>("/admin/distribution/groups", { order_id: orderId, limit: 1, offset: 0 })
