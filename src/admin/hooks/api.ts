import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { toast } from "@medusajs/ui"
import { cleanQuery, sdk } from "../lib/sdk"

/** Every query of the plugin lives under this key, so that a change refreshes them all. */
export const ROOT_KEY = "distribution"

type Query = Parameters<typeof cleanQuery>[0]

export function useAdminGet<T>(path: string | null, query?: Query, options: { keepPrevious?: boolean } = {}) {
  return useQuery({
    queryKey: [ROOT_KEY, path, cleanQuery(query)],
    queryFn: () => sdk.client.fetch<T>(path!, { query: cleanQuery(query) }),
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
