/**
 * A Postgres text[] literal for `= ANY(?::text[])`: the driver would otherwise
 * expand a JS array into a list of parameters. Ids here are prefixed ULIDs;
 * anything else is quoted and escaped.
 */
export function pgTextArray(values: readonly (string | null)[]): string {
  return `{${values
    .map((v) =>
      v === null
        ? "NULL"
        : /^[A-Za-z0-9_]+$/.test(v) && v.toUpperCase() !== "NULL"
          ? v
          : `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`
    )
    .join(",")}}`
}

/** True for Postgres' unique_violation, however the driver or ORM wrapped it. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; name?: string; message?: string } | null
  return (
    !!e &&
    (e.code === "23505" ||
      e.name === "UniqueConstraintViolationException" ||
      /duplicate key value violates unique constraint/.test(e.message ?? ""))
  )
}

/** The `raw_<amount>` jsonb Medusa keeps beside a bigNumber column: the exact decimal. */
export function rawAmount(value: string | number): string {
  return JSON.stringify({ value: String(value), precision: 20 })
}
