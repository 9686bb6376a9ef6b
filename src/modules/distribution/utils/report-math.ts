import { BigNumber as BigNumberJS } from "bignumber.js"
import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"

/**
 * How the admin reports present their figures, pure. The sums themselves come
 * from SQL; amounts are formatted by money.ts's formatAmount, the same way in
 * the JSON and in the CSV.
 */

export const CONVERSION_DECIMALS = 4

/** orders ÷ visits with four decimals, rounded down; "0" when nobody visited. */
export function conversionRate(orders: number, visits: number): string {
  if (visits <= 0) {
    return "0"
  }
  return MathBN.convert(MathBN.div(orders, visits))
    .decimalPlaces(CONVERSION_DECIMALS, BigNumberJS.ROUND_DOWN)
    .toFixed(CONVERSION_DECIMALS)
}

/**
 * Competition ranks ("1224") of values already sorted from best to worst:
 * equal values share a rank, and the next value's rank counts everyone above it.
 */
export function competitionRanks(sortedValues: BigNumberInput[]): number[] {
  const ranks: number[] = []
  sortedValues.forEach((value, i) => {
    ranks.push(i > 0 && MathBN.eq(value, sortedValues[i - 1]) ? ranks[i - 1] : i + 1)
  })
  return ranks
}
