import { z } from "@medusajs/framework/zod"

/** A path on the storefront: relative to its root, never another site. */
const storePath = z
  .string()
  .max(2048)
  .refine((p) => p.startsWith("/") && !p.startsWith("//") && !p.startsWith("/\\"), {
    message: "path must be a path on the store starting with a single / (not an absolute or protocol-relative URL)",
  })

export const StoreGetReferralLink = z.object({ path: storePath.default("/") }).strict()
export type StoreGetReferralLinkType = z.infer<typeof StoreGetReferralLink>
