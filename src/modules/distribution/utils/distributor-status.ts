import { DistributorStatus } from "../constants"

/** The admin's decisions on a distributor, and the one state machine they follow. */
export const DistributorAction = {
  APPROVE: "approve",
  REJECT: "reject",
  SUSPEND: "suspend",
  REINSTATE: "reinstate",
} as const
export type DistributorAction =
  (typeof DistributorAction)[keyof typeof DistributorAction]

export const DISTRIBUTOR_TRANSITIONS: Record<
  DistributorAction,
  { from: DistributorStatus[]; to: DistributorStatus }
> = {
  approve: { from: [DistributorStatus.PENDING], to: DistributorStatus.ACTIVE },
  reject: { from: [DistributorStatus.PENDING], to: DistributorStatus.REJECTED },
  suspend: { from: [DistributorStatus.ACTIVE], to: DistributorStatus.SUSPENDED },
  reinstate: {
    from: [DistributorStatus.SUSPENDED],
    to: DistributorStatus.ACTIVE,
  },
}

/** The status an action leads to, or null when the action is not allowed from `from`. */
export function nextDistributorStatus(
  from: DistributorStatus,
  action: DistributorAction
): DistributorStatus | null {
  const transition = DISTRIBUTOR_TRANSITIONS[action]
  return transition.from.includes(from) ? transition.to : null
}

/** Only a rejected applicant applies again; any other status already has its answer. */
export function canReapply(status: DistributorStatus): boolean {
  return status === DistributorStatus.REJECTED
}
