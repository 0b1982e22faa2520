import type { JsonValue } from '../../../../../shared/json.ts'
import { parseTyped } from '../xml/values.ts'

/** A <key>: the property name its data carry, their declared type and the default for elements without one. */
export interface GraphMlKey {
  id: string
  name: string
  for: string
  type: string
  default?: JsonValue
  /** yFiles graphics and other non-value keys: their data are skipped. */
  ignored: boolean
  line: number
}

export function keyFrom(attributes: Record<string, string>, line: number): GraphMlKey {
  const id = attributes.id ?? ''
  return {
    id,
    name: attributes['attr.name'] ?? id,
    for: attributes.for ?? 'all',
    type: attributes['attr.type'] ?? 'string',
    ignored: attributes['yfiles.type'] !== undefined,
    line,
  }
}

/** The typed value of a <data> or <default> text, or an error message. */
export function typedValue(key: GraphMlKey, text: string): JsonValue | { error: string } {
  const value = parseTyped(key.type, text)
  return value === undefined ? { error: `"${text}" is not a ${key.type} (key "${key.name}")` } : value
}

/** The keys whose defaults apply to an element kind, computed once per kind after the keys are read. */
export function defaultsFor(keys: Iterable<GraphMlKey>, kind: 'node' | 'edge'): GraphMlKey[] {
  return [...keys].filter((key) => !key.ignored && key.default !== undefined && (key.for === kind || key.for === 'all'))
}
