import { authenticate } from "@medusajs/framework/http"

/** The store routes of a customer's own programme: logged in, by session or bearer token. */
export const authenticateCustomer = authenticate("customer", ["session", "bearer"])
