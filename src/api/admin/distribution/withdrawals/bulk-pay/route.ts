import { WithdrawalAction } from "../../../../../modules/distribution/constants"
import { bulkReviewWithdrawalHandler } from "../helpers"

export const POST = bulkReviewWithdrawalHandler(WithdrawalAction.PAY)
