import { z } from "@medusajs/framework/zod"

/** "Sync now" takes no options: the mode in the settings says what the groups must hold. */
export const AdminSyncCustomerGroups = z.object({}).strict()
export type AdminSyncCustomerGroupsType = z.infer<typeof AdminSyncCustomerGroups>
