import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { createRoot } from "react-dom/client"
import { App } from "./app"
import { statusOf, signOut } from "./lib/api"
import { go } from "./lib/router"
import "./styles.css"

/** A 401 anywhere means the session is gone: back to sign-in, with nothing stale on screen. */
const onError = (error: unknown) => {
  if (statusOf(error) === 401) {
    void signOut().finally(() => {
      queryClient.clear()
      go("/sign-in")
    })
  }
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: true,
      retry: (count, error) => {
        const status = statusOf(error)
        return status === null ? count < 1 : status >= 500 && count < 1
      },
    },
  },
})

createRoot(document.getElementById("root")!).render(
  <QueryClientProvider client={queryClient}>
    <App />
  </QueryClientProvider>
)
