import { WithdrawalAction } from "../../../../../modules/distribution/constants"
import { bulkReviewWithdrawalHandler } from "../../../../utils/admin-withdrawal"

export const POST = bulkReviewWithdrawalHandler(WithdrawalAction.APPROVE)
