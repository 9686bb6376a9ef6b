import { MedusaContainer } from "@medusajs/framework/types"
import { AxiosInstance } from "axios"
import { Headers } from "./auth"
import { andWait } from "./programme"

/** The stock location the demo shop ships from. */
export async function stockLocationId(container: MedusaContainer): Promise<string> {
  const [location] = await container.resolve("stock_location").listStockLocations({})
  return location.id
}

/** Fulfils, ships and delivers every unit of an order through the admin API; returns when delivery began. */
export async function deliverOrder(api: AxiosInstance, container: MedusaContainer, admin: Headers, orderId: string) {
  const locationId = await stockLocationId(container)
  const { data } = await api.get(`/admin/orders/${orderId}?fields=*items`, admin)
  const items = data.order.items.map((i: { id: string; quantity: number }) => ({ id: i.id, quantity: i.quantity }))
  const fulfilled = await andWait(container, "order.fulfillment_created", () =>
    api.post(`/admin/orders/${orderId}/fulfillments?fields=*fulfillments`, { items, location_id: locationId }, admin)
  )
  const fulfillmentId = fulfilled.data.order.fulfillments[0].id
  await andWait(container, "shipment.created", () =>
    api.post(`/admin/orders/${orderId}/fulfillments/${fulfillmentId}/shipments`, { items }, admin)
  )
  const before = Date.now()
  await andWait(container, "delivery.created", () =>
    api.post(`/admin/orders/${orderId}/fulfillments/${fulfillmentId}/mark-as-delivered`, {}, admin)
  )
  return before
}

/** A buyer asks to send items back and the merchant accepts: the return is requested, nothing received yet. */
export async function requestReturn(
  api: AxiosInstance,
  container: MedusaContainer,
  admin: Headers,
  orderId: string,
  items: { id: string; quantity: number }[]
): Promise<string> {
  const locationId = await stockLocationId(container)
  const { data: created } = await api.post("/admin/returns", { order_id: orderId, location_id: locationId }, admin)
  const returnId = created.return.id
  await api.post(`/admin/returns/${returnId}/request-items`, { items }, admin)
  await api.post(`/admin/returns/${returnId}/request`, {}, admin)
  return returnId
}

/** The merchant receives a requested return's items; returns when the plugin has handled order.return_received. */
export async function receiveReturn(
  api: AxiosInstance,
  container: MedusaContainer,
  admin: Headers,
  returnId: string,
  items: { id: string; quantity: number }[]
) {
  await api.post(`/admin/returns/${returnId}/receive`, {}, admin)
  await api.post(`/admin/returns/${returnId}/receive-items`, { items }, admin)
  await andWait(container, "order.return_received", () => api.post(`/admin/returns/${returnId}/receive/confirm`, {}, admin))
}

/** A buyer sends items back and the merchant receives them: Medusa's whole return flow. */
export async function returnItems(
  api: AxiosInstance,
  container: MedusaContainer,
  admin: Headers,
  orderId: string,
  items: { id: string; quantity: number }[]
): Promise<string> {
  const returnId = await requestReturn(api, container, admin, orderId, items)
  await receiveReturn(api, container, admin, returnId, items)
  return returnId
}
