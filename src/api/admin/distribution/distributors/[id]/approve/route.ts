import { reviewHandler } from "../../../../../utils/admin-distributor"

export const POST = reviewHandler("approve")
