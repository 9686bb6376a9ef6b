import { RuleMode, RuleTargetType } from "../../../modules/distribution/constants"

export type CommissionRuleInput = {
  target_type: RuleTargetType
  target_id: string
  mode: RuleMode
  rate_bps_1?: number | null
  rate_bps_2?: number | null
  rate_bps_3?: number | null
  fixed_amount_1?: number | null
  fixed_amount_2?: number | null
  fixed_amount_3?: number | null
  currency_code?: string | null
  note?: string | null
}
