import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { GroupEvent } from "./group-transitions"

/** Emits the group events a step decided on (each with its own name), once the workflow has done its work. */
export const emitGroupEventsStep = createStep("emit-distribution-group-events", async (events: GroupEvent[], { container }) => {
  if (events.length) {
    await container.resolve(Modules.EVENT_BUS).emit(events.map((e) => ({ name: e.name, data: e.data })))
  }
  return new StepResponse(events.length)
})
