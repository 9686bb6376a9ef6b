import i18next from "i18next"
import resources from "../../i18n"
import { cappedCount } from "../capped-count"
import { localeOf } from "../format"

/**
 * A distributor search that matches more than the count's cap (1,000): the
 * list's pagination says "1,000+" in the admin's language, through the
 * dashboard's i18next and the plugin's own texts.
 */
describe("a capped count in the list's pagination", () => {
  const render = async (language: "en" | "zhCN") => {
    const i18n = i18next.createInstance()
    await i18n.init({ lng: language, fallbackLng: "en", resources, interpolation: { escapeValue: false } })
    const t = i18n.getFixedT(language, "distribution")
    const locale = localeOf(language)
    return {
      range: t("table.rangeCapped", { to: new Intl.NumberFormat(locale).format(20), total: cappedCount(1_000, locale) }),
      pages: t("table.pagesCapped", { page: 1, pages: cappedCount(50, locale) }),
    }
  }

  it("reads 1,000+ in English", async () => {
    expect(await render("en")).toEqual({ range: "20 of 1,000+ results", pages: "1 of 50+ pages" })
  })

  it("reads 1,000+ in 简体中文", async () => {
    expect(await render("zhCN")).toEqual({ range: "20 / 1,000+ 条结果", pages: "1 / 50+ 页" })
  })
})
