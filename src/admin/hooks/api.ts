import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { toast } from "@medusajs/ui"
import { sdk } from "../lib/sdk"

/** Every query of the plugin lives under this key, so that a change refreshes them all. */
export const ROOT_KEY = "distribution"

type Query = Record<string, string | number | boolean | string[] | undefined | null>

const clean = (query?: Query) =>
  query
    ? Object.fromEntries(
        Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && !v.length))
      )
    : undefined

export function useAdminGet<T>(path: string | null, query?: Query, options: { keepPrevious?: boolean } = {}) {
  return useQuery({
    queryKey: [ROOT_KEY, path, clean(query)],
    queryFn: () => sdk.client.fetch<T>(path!, { query: clean(query) }),
    enabled: !!path,
    // Lists keep showing the last page while the next one loads, as the dashboard's do.
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  })
}

/**
 * A POST (or DELETE) of the plugin's admin API. On success every distribution
 * query is refetched and the success message is toasted; the server's message
 * is toasted on failure (a 4xx says what is wrong).
 */
export function useAdminMutation<TBody, TResult = unknown>(
  request: (body: TBody) => { path: string; method?: "POST" | "DELETE"; body?: unknown },
  messages: { success?: string | ((result: TResult, body: TBody) => string) } = {}
) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: TBody) => {
      const { path, method = "POST", body: payload } = request(body)
      return sdk.client.fetch<TResult>(path, { method, body: method === "POST" ? payload ?? {} : undefined })
    },
    onSuccess: async (result, body) => {
      await client.invalidateQueries({ queryKey: [ROOT_KEY] })
      const message = typeof messages.success === "function" ? messages.success(result, body) : messages.success
      if (message) {
        toast.success(message)
      }
    },
    onError: (error: Error) => {
      toast.error(error.message)
    },
  })
}

/** A query string for a plain link (the CSV exports, which the browser downloads with the session cookie). */
export function exportUrl(path: string, query?: Query) {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(clean(query) ?? {})) {
    for (const item of Array.isArray(v) ? v : [v]) {
      params.append(k, String(item))
    }
  }
  const base = (import.meta.env.VITE_BACKEND_URL || "").replace(/\/$/, "")
  const qs = params.toString()
  return `${base}${path}${qs ? `?${qs}` : ""}`
}
