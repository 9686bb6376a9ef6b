import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../modules/distribution"
import { DistributionEvents, SettleOn } from "../../modules/distribution/constants"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import DistributionModuleService from "../../modules/distribution/service"
import { programmeCurrency } from "../../lib/programme-settings"
import { getDistributionSettingsStep } from "../programme/steps/get-distribution-settings"
import { orderReachedStateStep } from "./steps/order-settlement-facts"

const DAY_MS = 24 * 60 * 60 * 1000

const markEligibleStep = createStep(
  "mark-commissions-eligible",
  async (input: { order_id: string; eligible_at: Date }, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    return new StepResponse(await service.markCommissionsEligible(input))
  }
)

export type MarkCommissionsEligibleWorkflowInput = {
  order_id: string
  state: SettleOn
  at?: Date
}

/**
 * When an order reaches the programme's settle-on state (every unit kept
 * fulfilled, shipped or delivered), its pending commissions become due after
 * the freeze period, counted from `at` (when the caller knows when the order
 * got there) or now. The earliest such moment fixes eligible_at: replays and
 * later events change nothing.
 */
export const markCommissionsEligibleWorkflow = createWorkflow(
  "mark-commissions-eligible",
  (input: MarkCommissionsEligibleWorkflowInput) => {
    const settings = getDistributionSettingsStep()
    const applies = transform({ input, settings }, ({ input, settings }) => input.state === settings.settle_on)
    const reached = when("settle-on-state-applies", { applies }, ({ applies }) => applies).then(() =>
      orderReachedStateStep(transform({ input }, ({ input }) => ({ order_id: input.order_id, state: input.state })))
    )
    const marked = when("order-reached-settle-state", { reached }, ({ reached }) => !!reached).then(() =>
      markEligibleStep(
        transform({ input, settings }, ({ input, settings }) => ({
          order_id: input.order_id,
          eligible_at: new Date((input.at ? new Date(input.at) : new Date()).getTime() + settings.freeze_days * DAY_MS),
        }))
      )
    )
    return new WorkflowResponse(transform({ marked }, ({ marked }) => marked ?? 0))
  }
)

const settleBatchStep = createStep(
  "settle-due-commissions",
  async (input: { now?: Date; limit: number }, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const result = await service.settleDueCommissions({
      now: input.now ? new Date(input.now) : new Date(),
      limit: input.limit,
    })
    return new StepResponse(result)
  }
)

const upgradeLevelsStep = createStep(
  "upgrade-distributor-levels",
  async (distributorIds: string[], { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    // Thresholds are amounts in the programme's currency: sales in another one do not count.
    return new StepResponse(await service.upgradeLevels(distributorIds, await programmeCurrency(container)))
  }
)

export type SettleDueCommissionsWorkflowInput = { now?: Date; limit?: number }

/**
 * Settles one batch of commissions whose freeze period is over: settled,
 * credited to the ledger, balance up, in one transaction. Safe to run on
 * several workers at once (rows are claimed with SKIP LOCKED) and to replay.
 * Then the earners' levels are checked: automatically up, never down.
 */
export const settleDueCommissionsWorkflow = createWorkflow(
  "settle-due-commissions",
  (input: SettleDueCommissionsWorkflowInput) => {
    const result = settleBatchStep(
      transform({ input }, ({ input }) => ({ now: input.now, limit: input.limit ?? 1000 }))
    )
    const upgrades = upgradeLevelsStep(transform({ result }, ({ result }) => result.distributor_ids))
    when("levels-upgraded", { upgrades }, ({ upgrades }) => upgrades.length > 0).then(() => {
      emitEventStep({
        eventName: DistributionEvents.DISTRIBUTOR_LEVEL_CHANGED,
        data: transform({ upgrades }, ({ upgrades }) => upgrades.map((u) => ({ ...u, automatic: true }))),
      })
    })
    return new WorkflowResponse(transform({ result, upgrades }, ({ result, upgrades }) => ({ ...result, upgrades })))
  }
)
