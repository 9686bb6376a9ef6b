import { useEffect, useState } from "react"

/** Hash routes ("#/share"): a static host and a mini-program web-view need no server rewrite. */
export function currentRoute() {
  const hash = window.location.hash.replace(/^#/, "")
  return hash.split("?")[0] || "/"
}

export function useRoute() {
  const [route, setRoute] = useState(currentRoute)
  useEffect(() => {
    const on = () => setRoute(currentRoute())
    window.addEventListener("hashchange", on)
    return () => window.removeEventListener("hashchange", on)
  }, [])
  return route
}

export const go = (route: string) => {
  window.location.hash = `#${route}`
}
