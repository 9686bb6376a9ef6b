export type LevelInput = {
  name: string
  description?: string | null
  rank: number
  rate_bps_1: number
  rate_bps_2: number
  rate_bps_3: number
  upgrade_personal_sales?: number | null
  upgrade_team_sales?: number | null
  upgrade_direct_recruits?: number | null
  upgrade_orders?: number | null
  is_default?: boolean
}
