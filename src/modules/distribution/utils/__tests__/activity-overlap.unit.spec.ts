import { MedusaError } from "@medusajs/framework/utils"
import { activityOverlapRefusal } from "../activity-overlap"
import { flashSaleWindow } from "../flash-sale"

describe("one activity per variant", () => {
  const labels = { variant_a: "帆布托特包 · 米白", variant_b: "帆布托特包 · 黑色" }

  it("refuses nothing when no other activity holds a variant", () => {
    expect(activityOverlapRefusal([], labels)).toBeNull()
  })

  it("names each variant by product and variant title and each activity by kind, name, id and window, as a CONFLICT", () => {
    const refusal = activityOverlapRefusal(
      [
        { kind: "group_buy", activity_id: "dgb_1", name: "三人团", variant_id: "variant_b", starts_at: "2026-12-12T00:00:00Z", ends_at: new Date("2026-12-19T00:00:00Z") },
        { kind: "group_buy", activity_id: "dgb_1", name: "三人团", variant_id: "variant_a", starts_at: "2026-12-12T00:00:00Z", ends_at: "2026-12-19T00:00:00Z" },
        { kind: "flash_sale", activity_id: "dflash_1", name: "秒杀", variant_id: "variant_c", starts_at: "2026-12-11T16:00:00Z", ends_at: "2026-12-13T16:00:00Z" },
      ],
      labels
    )
    expect(refusal).toEqual({
      type: MedusaError.Types.CONFLICT,
      message:
        'A variant can be in one flash sale or group buy at a time: "帆布托特包 · 米白", "帆布托特包 · 黑色" are already in the group buy "三人团" (dgb_1, 2026-12-12T00:00:00.000Z to 2026-12-19T00:00:00.000Z); ' +
        '"variant_c" is already in the flash sale "秒杀" (dflash_1, 2026-12-11T16:00:00.000Z to 2026-12-13T16:00:00.000Z). Choose other dates or variants, or close that activity first',
    })
  })

  it("a flash sale's window runs from the midnight of its first day to the midnight after its last, in its zone", () => {
    expect(flashSaleWindow({ starts_on: "2026-12-12", ends_on: "2026-12-13", time_zone: "Asia/Shanghai" })).toEqual({
      starts_at: new Date("2026-12-11T16:00:00Z"),
      ends_at: new Date("2026-12-13T16:00:00Z"),
    })
    expect(flashSaleWindow({ starts_on: "2026-03-28", ends_on: "2026-03-29", time_zone: "Europe/Berlin" })).toEqual({
      starts_at: new Date("2026-03-27T23:00:00Z"),
      ends_at: new Date("2026-03-29T22:00:00Z"),
    })
  })
})
