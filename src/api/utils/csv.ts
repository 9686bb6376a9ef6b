import { MedusaResponse } from "@medusajs/framework/http"

type Cell = string | number | null | undefined | Date

/** RFC 4180 lines, each ending in CRLF; cells that a spreadsheet would run as a formula are prefixed with '. */
export function csvLines(rows: Cell[][]): string {
  const cell = (v: unknown) => {
    let s = v === null || v === undefined ? "" : v instanceof Date ? v.toISOString() : String(v)
    if (/^[=+\-@]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) {
      s = `'${s}`
    }
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  return rows.map((r) => r.map(cell).join(",") + "\r\n").join("")
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return csvLines([header, ...rows])
}

function csvHeaders(res: MedusaResponse, filename: string) {
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="${filename}"`)
}

// A byte-order mark so that spreadsheet programs read 中文 as UTF-8.
const BOM = "\uFEFF"

export function sendCsv(res: MedusaResponse, filename: string, csv: string) {
  csvHeaders(res, filename)
  res.status(200).send(BOM + csv)
}

/**
 * A CSV file written as it is read: the headers and the header line go out
 * first, then each batch of rows as it comes (`write`), then `end()`. One
 * file, one header line, whatever the number of batches.
 */
export function streamCsv(res: MedusaResponse, filename: string, header: string[]) {
  csvHeaders(res, filename)
  res.status(200)
  res.write(BOM + csvLines([header]))
  return {
    write: (rows: Cell[][]) => {
      if (rows.length) {
        res.write(csvLines(rows))
      }
    },
    end: () => res.end(),
  }
}
