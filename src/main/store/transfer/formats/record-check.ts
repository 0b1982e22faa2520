import { jsonObject, jsonValue } from '../../../../shared/json.ts'
import type { ImportProblem } from '../../../../shared/transfer.ts'
import type { ImportRecord } from './types.ts'
import { vectorProblem } from '../../vectors/check-vector.ts'

// The fields each kind of record may have in GraphKeep's JSON formats (JSON Lines and .graphkeep.json).
const FIELDS = {
  node: new Set(['kind', 'key', 'type', 'label', 'properties', 'createdAt', 'updatedAt']),
  edge: new Set(['kind', 'id', 'source', 'target', 'type', 'weight', 'properties', 'createdAt', 'updatedAt']),
  meta: new Set(['kind', 'key', 'value']),
  embedding: new Set(['kind', 'key', 'model', 'vector']),
} as const
type Kind = keyof typeof FIELDS

export const DEFAULT_NODE_TYPE = 'node'
export const DEFAULT_EDGE_TYPE = 'link'

const isName = (value: unknown, max: number): value is string => typeof value === 'string' && value.length >= 1 && value.length <= max
const isTime = (value: unknown) => value === undefined || (typeof value === 'number' && Number.isSafeInteger(value))

function kindOf(value: Record<string, unknown>, hint: Kind | undefined): Kind | string {
  if (typeof value.kind === 'string') return value.kind
  if (hint) return hint
  if ('source' in value || 'target' in value) return 'edge'
  if ('vector' in value) return 'embedding'
  return 'node'
}

/** Checks one parsed JSON value as a record: the right fields, the right types, within the store's limits. */
export function toRecord(file: string, line: number, value: unknown, hint?: Kind): ImportRecord {
  const fail = (code: ImportProblem['code'], message: string): ImportRecord => ({ kind: 'problem', problem: { code, line, file, message } })
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('MALFORMED', 'a record must be a JSON object')
  const v = value as Record<string, unknown>
  const kind = kindOf(v, hint)
  if (!Object.hasOwn(FIELDS, kind)) return fail('INVALID_VALUE', `unknown record kind "${String(kind).slice(0, 40)}" (node, edge, meta or embedding)`)
  const allowed = FIELDS[kind as Kind]
  const unknown = Object.keys(v).filter((field) => !allowed.has(field))
  if (unknown.length) return fail('UNKNOWN_COLUMN', `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.slice(0, 5).map((f) => `"${f.slice(0, 40)}"`).join(', ')} in a ${kind} record`)
  if (kind === 'meta') {
    if (!isName(v.key, 200)) return fail('MISSING_FIELD', 'a meta record needs a key (1 to 200 characters)')
    if (v.value === undefined || !jsonValue.safeParse(v.value).success) return fail('INVALID_VALUE', `the value of meta "${v.key}" is not a JSON value within limits`)
    return { kind: 'meta', file, line, key: v.key, value: v.value as never }
  }
  if (kind === 'embedding') {
    if (!isName(v.key, 512)) return fail('MISSING_FIELD', 'an embedding needs the key of its node')
    if (!isName(v.model, 200)) return fail('MISSING_FIELD', 'an embedding needs a model name')
    const vector = v.vector
    // Its values are checked with the store's own rule where it is stored; here only that it is an array, in the same words.
    if (!Array.isArray(vector)) return fail('INVALID_VALUE', vectorProblem(vector, { row: line, key: v.key, model: v.model }))
    return { kind: 'embedding', file, line, key: v.key, model: v.model, vector }
  }
  const properties = v.properties ?? {}
  if (!jsonObject.safeParse(properties).success) return fail('BAD_PROPERTIES', 'properties must be a JSON object (finite numbers, at most 32 levels deep)')
  const type = v.type ?? (kind === 'node' ? DEFAULT_NODE_TYPE : DEFAULT_EDGE_TYPE)
  if (!isName(type, 128)) return fail('INVALID_VALUE', 'a type is 1 to 128 characters')
  if (!isTime(v.createdAt) || !isTime(v.updatedAt)) return fail('INVALID_VALUE', 'createdAt and updatedAt are milliseconds since 1970')
  const times = { ...(v.createdAt === undefined ? {} : { createdAt: v.createdAt as number }), ...(v.updatedAt === undefined ? {} : { updatedAt: v.updatedAt as number }) }
  if (kind === 'node') {
    if (v.key === undefined) return fail('MISSING_FIELD', 'a node needs a key')
    if (!isName(v.key, 512)) return fail('INVALID_VALUE', 'a node key is 1 to 512 characters')
    if (v.label !== undefined && (typeof v.label !== 'string' || v.label.length > 2000)) return fail('INVALID_VALUE', 'a label is text of at most 2000 characters')
    return { kind: 'node', file, line, key: v.key, type, ...(v.label === undefined ? {} : { label: v.label as string }), properties: properties as never, ...times }
  }
  if (v.source === undefined || v.target === undefined) return fail('MISSING_FIELD', 'an edge needs a source and a target')
  if (!isName(v.source, 512) || !isName(v.target, 512)) return fail('INVALID_VALUE', 'edge endpoints are node keys of 1 to 512 characters')
  if (v.weight !== undefined && (typeof v.weight !== 'number' || !Number.isFinite(v.weight))) return fail('INVALID_VALUE', 'a weight is a finite number')
  return {
    kind: 'edge', file, line, source: v.source, target: v.target, type, ...(v.weight === undefined ? {} : { weight: v.weight as number }),
    properties: properties as never, ...times,
  }
}
