import type { JsonValue } from '../../../../../shared/json.ts'

/*
 * How a property travels in one CSV cell, so that writing and reading give back the same value:
 * empty → no property; true/false → boolean; null → null; a number literal → number; a cell that
 * starts with { [ or " and parses as JSON → that value; anything else → the text itself.
 * The writer puts a string in JSON quotes only when the bare text would read back as something else.
 */
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/
const PLAIN_INTEGER = /^-?\d+$/

export function decodeCell(cell: string): JsonValue | undefined {
  if (cell === '') return undefined
  const first = cell.charCodeAt(0)
  // digits and '-': the common case first
  if ((first >= 48 && first <= 57) || first === 45) return decodeNumber(cell) ?? cell
  if (cell === 'true') return true
  if (cell === 'false') return false
  if (cell === 'null') return null
  if (first === 123 || first === 91 || first === 34) return decodeJson(cell) ?? cell
  return cell
}

function decodeNumber(cell: string): number | undefined {
  if (!NUMBER.test(cell)) return undefined
  const value = Number(cell)
  if (!Number.isFinite(value)) return undefined
  // A long digit string (an id, a phone number) would lose digits as a number: keep it as text.
  if (!Number.isSafeInteger(value) && PLAIN_INTEGER.test(cell) && String(value) !== cell) return undefined
  return value
}

function decodeJson(cell: string): JsonValue | undefined {
  try {
    const value = JSON.parse(cell) as JsonValue
    const quoted = cell.charCodeAt(0) === 34
    return quoted === (typeof value === 'string') ? value : undefined
  } catch {
    return undefined
  }
}

export function encodeCell(value: JsonValue | undefined): string {
  if (value === undefined) return ''
  if (typeof value === 'string') return decodeCell(value) === value ? value : JSON.stringify(value)
  if (typeof value === 'number') return formatNumber(value)
  if (value === null || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

/** String(-0) is "0"; keep the sign so that a weight reads back exactly. */
export const formatNumber = (value: number): string => (Object.is(value, -0) ? '-0' : String(value))

/** A weight cell: a finite number, or empty for "none". */
export function decodeWeight(cell: string): number | undefined | null {
  if (cell === '') return undefined
  const value = Number(cell.trim())
  return Number.isFinite(value) && cell.trim() !== '' ? value : null
}
