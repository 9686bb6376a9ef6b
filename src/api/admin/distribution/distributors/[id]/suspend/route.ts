import { reviewHandler } from "../../helpers"

export const POST = reviewHandler("suspend")
