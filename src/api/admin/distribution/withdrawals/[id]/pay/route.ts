import { WithdrawalAction } from "../../../../../../modules/distribution/constants"
import { reviewWithdrawalHandler } from "../../../../../utils/admin-withdrawal"

export const POST = reviewWithdrawalHandler(WithdrawalAction.PAY)
