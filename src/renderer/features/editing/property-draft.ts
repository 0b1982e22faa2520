import type { JsonObject, JsonValue } from '../../../shared/json.ts'

// The property editor's rows: each a name, a JSON type and the text typed for it. A row turns back
// into a value of exactly its type, or into a message that says what is wrong; nothing is guessed.

export const JSON_TYPES = ['string', 'number', 'boolean', 'null', 'object', 'array'] as const
export type JsonType = (typeof JSON_TYPES)[number]
export interface PropertyRow { id: number; name: string; type: JsonType; text: string }

let nextId = 1
export const newRow = (name = '', type: JsonType = 'string', text = ''): PropertyRow => ({ id: nextId++, name, type, text })

export function typeOf(value: JsonValue): JsonType {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value as 'string' | 'number' | 'boolean' | 'object'
}

export function rowsOf(properties: JsonObject): PropertyRow[] {
  return Object.entries(properties).map(([name, value]) => {
    const type = typeOf(value)
    return newRow(name, type, type === 'string' ? (value as string) : type === 'null' ? '' : JSON.stringify(value))
  })
}

function valueOf(row: PropertyRow): JsonValue {
  switch (row.type) {
    case 'string': return row.text
    case 'null': return null
    case 'boolean':
      if (row.text !== 'true' && row.text !== 'false') throw new Error('is true or false')
      return row.text === 'true'
    case 'number': {
      const n = Number(row.text)
      if (row.text.trim() === '' || !Number.isFinite(n)) throw new Error('needs a finite number')
      return n
    }
    case 'object':
    case 'array': {
      let parsed: unknown
      try {
        parsed = JSON.parse(row.text)
      } catch {
        throw new Error(`needs JSON ${row.type === 'object' ? '{ … }' : '[ … ]'}`)
      }
      if (typeOf(parsed as JsonValue) !== row.type) throw new Error(`needs a JSON ${row.type}`)
      return parsed as JsonValue
    }
  }
}

/** The rows as properties, or the first problem, named by its row. */
export function propertiesOf(rows: PropertyRow[]): { properties: JsonObject } | { problem: string } {
  const properties: JsonObject = {}
  for (const row of rows) {
    const name = row.name.trim()
    if (name === '') return { problem: 'every property needs a name' }
    if (Object.hasOwn(properties, name)) return { problem: `the property "${name}" appears twice` }
    if (['__proto__', 'constructor', 'prototype'].includes(name)) return { problem: `"${name}" is reserved` }
    try {
      properties[name] = valueOf(row)
    } catch (error) {
      return { problem: `"${name}" ${(error as Error).message}` }
    }
  }
  return { properties }
}
