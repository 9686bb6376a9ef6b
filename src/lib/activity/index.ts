import { registerActivityKind } from "./kinds"
import { flashSaleKind } from "../flash-sales"
import { groupBuyKind } from "../group-buy-kind"

/** Every kind of activity checkout knows; importing this module registers them. */
registerActivityKind(flashSaleKind)
registerActivityKind(groupBuyKind)

export * from "./kinds"
