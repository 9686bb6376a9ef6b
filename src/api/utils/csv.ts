import { MedusaResponse } from "@medusajs/framework/http"

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with '. */
export function toCsv(header: string[], rows: (string | number | null | undefined | Date)[][]): string {
  const cell = (v: unknown) => {
    let s = v === null || v === undefined ? "" : v instanceof Date ? v.toISOString() : String(v)
    if (/^[=+\-@]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) {
      s = `'${s}`
    }
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  return [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n"
}

export function sendCsv(res: MedusaResponse, filename: string, csv: string) {
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="${filename}"`)
  // A byte-order mark so that spreadsheet programs read 中文 as UTF-8.
  res.status(200).send("\uFEFF" + csv)
}
