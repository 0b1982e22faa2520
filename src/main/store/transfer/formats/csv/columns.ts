import type { JsonObject, JsonValue } from '../../../../../shared/json.ts'
import type { ImportProblem } from '../../../../../shared/transfer.ts'
import { decodeCell } from './cells.ts'

/** A property column: its header name and its index in the row. */
export interface PropertyColumn {
  name: string
  index: number
  /** '__proto__' and friends: set as own properties so they cannot reach a prototype (the pipeline rejects them). */
  reserved: boolean
}

const RESERVED = new Set(['__proto__', 'constructor', 'prototype'])

/** Finds each mapped column in the header; a name that is not there is an UNKNOWN_COLUMN problem. */
export function locateColumns(
  header: readonly string[],
  wanted: Record<string, string | undefined>,
  file: string,
): { at: Record<string, number>; problems: ImportProblem[] } {
  const at: Record<string, number> = {}
  const problems: ImportProblem[] = []
  for (const [field, column] of Object.entries(wanted)) {
    if (column === undefined) {
      at[field] = -1
      continue
    }
    const index = header.indexOf(column)
    if (index === -1) {
      problems.push({ code: 'UNKNOWN_COLUMN', line: 1, file, message: `the ${field} column "${column}" is not in the header (${header.join(', ')})` })
    }
    at[field] = index
  }
  return { at, problems }
}

/** Every column that is not mapped to a field nor skipped. */
export function propertyColumns(header: readonly string[], mapped: Record<string, number>, skip: readonly string[]): PropertyColumn[] {
  const taken = new Set(Object.values(mapped))
  const skipped = new Set(skip)
  const seen = new Set<string>()
  const columns: PropertyColumn[] = []
  header.forEach((name, index) => {
    // A repeated header name keeps its first column, as a spreadsheet lookup would.
    if (taken.has(index) || skipped.has(name) || seen.has(name)) return
    seen.add(name)
    columns.push({ name, index, reserved: RESERVED.has(name) })
  })
  return columns
}

export function readProperties(row: readonly string[], columns: readonly PropertyColumn[]): JsonObject {
  const properties: JsonObject = {}
  for (const column of columns) {
    const value: JsonValue | undefined = decodeCell(row[column.index] as string)
    if (value === undefined) continue
    if (column.reserved) Object.defineProperty(properties, column.name, { value, enumerable: true, writable: true, configurable: true })
    else properties[column.name] = value
  }
  return properties
}
