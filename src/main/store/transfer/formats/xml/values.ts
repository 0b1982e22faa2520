import type { JsonValue } from '../../../../../shared/json.ts'
import { formatNumber } from '../csv/cells.ts'

/** The value kinds GraphML and GEXF declare per key; 'json' is a string key holding mixed or nested values. */
export type ValueKind = 'boolean' | 'long' | 'double' | 'string' | 'json'

/** Parses a declared value; undefined when the text is not a value of that type. */
export function parseTyped(declared: string, text: string): JsonValue | undefined {
  const type = declared.toLowerCase()
  if (type === 'boolean') {
    const word = text.trim().toLowerCase()
    return word === 'true' || word === '1' ? true : word === 'false' || word === '0' ? false : undefined
  }
  if (type === 'int' || type === 'integer' || type === 'long' || type === 'short' || type === 'byte') {
    const word = text.trim()
    return /^[+-]?\d+$/.test(word) ? Number(word) : undefined
  }
  if (type === 'float' || type === 'double' || type === 'bigdecimal') {
    const word = text.trim()
    const value = Number(word)
    return word !== '' && Number.isFinite(value) ? value : undefined
  }
  if (type.startsWith('list')) return parseList(type.slice(4), text)
  return text
}

// GEXF list types: "[a, b]" or "a|b".
function parseList(itemType: string, text: string): JsonValue | undefined {
  const inner = text.trim().replace(/^\[(.*)\]$/s, '$1')
  if (inner.trim() === '') return []
  const items = inner.split(inner.includes('|') ? '|' : ',').map((item) => parseTyped(itemType || 'string', item.trim()))
  return items.includes(undefined) ? undefined : (items as JsonValue[])
}

export function kindOf(value: JsonValue): ValueKind {
  if (typeof value === 'boolean') return 'boolean'
  if (typeof value === 'number') return Number.isSafeInteger(value) && !Object.is(value, -0) ? 'long' : 'double'
  if (typeof value === 'string') return 'string'
  return 'json'
}

/** One kind for all values of a key: long and double make double; any other mix is json. */
export function mergeKinds(known: ValueKind | undefined, next: ValueKind): ValueKind {
  if (known === undefined || known === next) return next
  if ((known === 'long' && next === 'double') || (known === 'double' && next === 'long')) return 'double'
  return 'json'
}

/** The text of a value under its key's kind (a json key keeps strings bare and writes anything else as JSON). */
export function valueText(value: JsonValue, kind: ValueKind): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' && kind !== 'json') return formatNumber(value)
  if (typeof value === 'boolean' && kind !== 'json') return String(value)
  return JSON.stringify(value)
}

/** Collects the kind of every property name over a set of items, names in order of first use. */
export function propertyKinds(items: Iterable<{ properties: Record<string, JsonValue> }>): Map<string, ValueKind> {
  const kinds = new Map<string, ValueKind>()
  for (const item of items) {
    for (const name in item.properties) kinds.set(name, mergeKinds(kinds.get(name), kindOf(item.properties[name] as JsonValue)))
  }
  return kinds
}
