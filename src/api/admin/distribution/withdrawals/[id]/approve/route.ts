import { WithdrawalAction } from "../../../../../../modules/distribution/constants"
import { reviewWithdrawalHandler } from "../../helpers"

export const POST = reviewWithdrawalHandler(WithdrawalAction.APPROVE)
