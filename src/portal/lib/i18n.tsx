import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react"
import { config } from "./api"
import { DICTS, Key, Lang, T, translate } from "./texts"

export type { Key, Lang, T }
const STORAGE = "distribution_portal_lang"

function initialLang(): Lang {
  const pick = (s: string | null | undefined): Lang | null => (!s ? null : s.toLowerCase().startsWith("zh") ? "zh-CN" : s.toLowerCase().startsWith("en") ? "en" : null)
  let stored: string | null = null
  try {
    stored = window.localStorage.getItem(STORAGE)
  } catch {
    // no storage
  }
  return pick(new URLSearchParams(window.location.search).get("lang")) ?? pick(stored) ?? pick(navigator.language) ?? pick(config.lang) ?? "en"
}


const Ctx = createContext<{ lang: Lang; t: T; setLang: (l: Lang) => void }>(null as never)

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang)
  useEffect(() => {
    document.documentElement.lang = lang
    document.title = DICTS[lang]["app.title"]
  }, [lang])
  const setLang = useCallback((l: Lang) => {
    setLangState(l)
    try {
      window.localStorage.setItem(STORAGE, l)
    } catch {
      // kept for this visit only
    }
  }, [])
  const t = useCallback<T>((key, vars) => translate(lang, key, vars), [lang])
  const value = useMemo(() => ({ lang, t, setLang }), [lang, t, setLang])
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>
}

export const useI18n = () => useContext(Ctx)
