import { UseMutationResult } from "@tanstack/react-query"
import { useEffect, useState } from "react"

/** A commission policy travels with its own rates: an edit sends the four together or not at all. */
export const COMMISSION_FIELDS = ["commission_policy", "rate_bps_1", "rate_bps_2", "rate_bps_3"] as const

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T/

/** Two form values are the same when equal as JSON (missing = null); two instants when they are the same moment. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === "string" && typeof b === "string" && ISO_INSTANT.test(a) && ISO_INSTANT.test(b)) {
    return Date.parse(a) === Date.parse(b)
  }
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/**
 * What an edit sends: each field of `after` that differs from `before`, and
 * each group of fields (by default the commission policy with its rates) as a
 * whole when any field of it differs. `fields` limits the single fields to
 * those named (the rest travel only in their group); by default every field
 * of `after` outside a group. Fields left undefined are not sent.
 */
export function changedFields<T extends object>(
  before: T,
  after: T,
  { groups = [COMMISSION_FIELDS], fields }: { groups?: readonly (readonly string[])[]; fields?: readonly string[] } = {}
): Partial<T> {
  const b = before as Record<string, unknown>
  const a = after as Record<string, unknown>
  const grouped = new Set(groups.flat())
  const singles = (fields ?? Object.keys(a)).filter((k) => !grouped.has(k) && !same(b[k], a[k]))
  const whole = groups.filter((group) => group.some((k) => !same(b[k], a[k]))).flat()
  return Object.fromEntries([...singles, ...whole].filter((k) => a[k] !== undefined).map((k) => [k, a[k]])) as Partial<T>
}

type Read<TBody, TProblem> = { body: TBody } | { problem: TProblem }

/**
 * The state of a create-or-edit drawer, the same for every one of them: the
 * form is filled from the entity (or empty) each time the drawer opens, once
 * `loaded` (the names its fields show have arrived); a change clears the
 * problem shown; submitting reads the form (`bodyOf`: the body, or the first
 * problem), creates, or sends only what the edit changed (`changedFields`
 * against the entity's own form), and closes the drawer when the server
 * agrees. The server's refusal stays in `mutation.error`, for the form to show.
 */
export function useEditDrawer<TEntity extends { id: string }, TForm, TBody extends object, TProblem>({
  entity,
  open,
  onOpenChange,
  loaded,
  formOf,
  bodyOf,
  create,
  update,
  groups,
  fields,
}: {
  entity: TEntity | null
  open: boolean
  onOpenChange: (open: boolean) => void
  loaded: boolean
  formOf: (entity: TEntity | null) => TForm
  bodyOf: (form: TForm) => Read<TBody, TProblem>
  create: UseMutationResult<unknown, Error, TBody>
  update: UseMutationResult<unknown, Error, { id: string; changes: Partial<TBody> }>
  groups?: readonly (readonly string[])[]
  fields?: readonly string[]
}) {
  const [form, setForm] = useState<TForm>(() => formOf(null))
  const [problem, setProblem] = useState<TProblem | null>(null)
  useEffect(() => {
    if (!open || !loaded) return
    setForm(formOf(entity))
    setProblem(null)
    create.reset()
    update.reset()
    // The form is reset when the drawer opens on an entity, once its names are loaded.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, loaded, entity?.id])

  const set = (changes: Partial<TForm>) => {
    setForm((f) => ({ ...f, ...changes }))
    setProblem(null)
  }
  const submit = () => {
    const read = bodyOf(form)
    if ("problem" in read) return setProblem(read.problem)
    const close = { onSuccess: () => onOpenChange(false) }
    if (!entity) return create.mutate(read.body, close)
    const before = bodyOf(formOf(entity))
    update.mutate({ id: entity.id, changes: "body" in before ? changedFields(before.body, read.body, { groups, fields }) : read.body }, close)
  }
  return { form, set, problem, submit, mutation: entity ? update : create }
}
