import { GraphKeepError } from '../../../shared/errors.ts'

type CursorValue = string | number

/** Keyset cursors are opaque to clients: the sort values of the last row, base64url JSON. */
export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url')
}

export function decodeCursor(cursor: string, length: number): CursorValue[] {
  let values: unknown
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    values = null
  }
  const valid =
    Array.isArray(values) &&
    values.length === length &&
    values.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))
  if (!valid) throw new GraphKeepError('VALIDATION', 'the cursor is not valid for this listing; start again from the first page')
  return values as CursorValue[]
}
