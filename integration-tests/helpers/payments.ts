import { MedusaContainer } from "@medusajs/framework/types"
import { AxiosInstance } from "axios"
import { Headers } from "./auth"
import { andWait } from "./programme"

type Payment = { id: string; amount: number; captured_at: string | null; canceled_at: string | null }
type Collection = { id: string; status: string; amount: number; payments: Payment[] }

/** The order's payment collections as the admin sees them. */
export async function paymentCollections(api: AxiosInstance, admin: Headers, orderId: string): Promise<Collection[]> {
  const { data } = await api.get(`/admin/orders/${orderId}?fields=*payment_collections,*payment_collections.payments`, admin)
  return data.order.payment_collections
}

/** Captures the order's live payment, if not yet, through the admin API. */
export async function capturePayment(api: AxiosInstance, admin: Headers, orderId: string): Promise<Payment> {
  const payment = (await paymentCollections(api, admin, orderId))
    .flatMap((c) => c.payments)
    .find((p) => !p.canceled_at)!
  if (!payment.captured_at) {
    await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)
  }
  return payment
}

/** Refunds `amount` of the order's live payment (captured first) the way an admin does; returns when the plugin has handled payment.refunded. */
export async function refund(api: AxiosInstance, container: MedusaContainer, admin: Headers, orderId: string, amount: number) {
  const payment = await capturePayment(api, admin, orderId)
  await andWait(container, "payment.refunded", () => api.post(`/admin/payments/${payment.id}/refund`, { amount }, admin))
}
