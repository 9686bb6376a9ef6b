import { registerActivityKind } from "./kinds"
import { flashSaleKind } from "../flash-sales"

/** Every kind of activity checkout knows; importing this module registers them. */
registerActivityKind(flashSaleKind)

export * from "./kinds"
