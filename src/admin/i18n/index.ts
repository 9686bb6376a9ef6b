import en from "./json/en.json"
import zhCN from "./json/zh-CN.json"

/**
 * The plugin's admin texts, merged by Medusa into the dashboard's i18next
 * resources. The keys are the dashboard's language codes ("zhCN" is the one its
 * profile settings call 简体中文); every other language falls back to English.
 * Everything lives in the "distribution" namespace, so no key can collide with
 * the dashboard's own.
 */
export default {
  en: { distribution: en },
  zhCN: { distribution: zhCN },
}
