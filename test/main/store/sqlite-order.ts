// An independent model of how SQLite orders and compares the values the listings use.

/** BINARY collation: UTF-8 bytes, which differs from JS string order for astral characters. */
export function binaryCompare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

/** NOCASE collation: only ASCII A-Z fold to a-z, then BINARY. */
export const foldAscii = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase())
export const nocaseCompare = (a: string, b: string) => binaryCompare(foldAscii(a), foldAscii(b))

export type SqlValue = number | string

/** json_extract of a top-level JSON value: booleans become integers, objects are not generated. */
export function fromJson(value: unknown): SqlValue | null {
  if (value === undefined || value === null) return null
  if (typeof value === 'boolean') return Number(value)
  return value as SqlValue
}

/** SQLite comparison of two non-null values without affinity: numbers before text, text by BINARY. */
export function sqlCompare(a: SqlValue, b: SqlValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0
  if (typeof a === 'number') return -1
  if (typeof b === 'number') return 1
  return binaryCompare(a, b)
}
