import type { FieldChange, RowChange } from '../../../shared/history.ts'
import type { JsonValue } from '../../../shared/json.ts'
import type { AuditRow } from '../repos/history-read.ts'
import { sameValue } from './same-json.ts'

type Image = Record<string, JsonValue>
const parse = (json: string | null): Image | null => (json === null ? null : (JSON.parse(json) as Image))

/** Field by field, properties one by one: what a person reads in a batch's rows. */
export function diffImages(before: Image | null, after: Image | null, fields: readonly string[]): FieldChange[] {
  const changes: FieldChange[] = []
  const side = (image: Image | null, name: string) => (image && Object.hasOwn(image, name) ? image[name] : undefined)
  const push = (field: string, a: JsonValue | undefined, b: JsonValue | undefined) => {
    if (a === undefined && b === undefined) return
    if (a !== undefined && b !== undefined && sameValue(a, b)) return
    changes.push({ field, ...(a === undefined ? {} : { before: a }), ...(b === undefined ? {} : { after: b }) })
  }
  for (const field of fields) push(field, side(before, field) ?? undefined, side(after, field) ?? undefined)
  const beforeProps = (side(before, 'properties') ?? {}) as Image
  const afterProps = (side(after, 'properties') ?? {}) as Image
  for (const name of new Set([...Object.keys(beforeProps), ...Object.keys(afterProps)])) {
    push(`properties.${name}`, Object.hasOwn(beforeProps, name) ? beforeProps[name] : undefined, Object.hasOwn(afterProps, name) ? afterProps[name] : undefined)
  }
  return changes
}

const NODE_FIELDS = ['type', 'label'] as const
const EDGE_FIELDS = ['type', 'weight'] as const

export function toRowChange(row: AuditRow): RowChange {
  const before = parse(row.before)
  const after = parse(row.after)
  const image = after ?? before ?? {}
  const base = { auditId: row.id, batchId: row.batch_id, entity: row.entity, id: row.entity_id, op: row.op }
  if (row.entity === 'node') return { ...base, name: String(image.key), changes: diffImages(before, after, NODE_FIELDS) }
  if (row.entity === 'edge') {
    return { ...base, name: `${String(image.source)} -[${String(image.type)}]-> ${String(image.target)}`, changes: diffImages(before, after, EDGE_FIELDS) }
  }
  // Views and metadata: the value as a whole.
  const wrap = (value: Image | null) => (value === null ? null : { value: value as JsonValue })
  return { ...base, name: row.entity_key ?? '', changes: diffImages(wrap(before), wrap(after), ['value']) }
}
