import type { PropertyFilter } from '../../../shared/domain.ts'
import type { NodeFilter } from '../repos/node-filter.ts'
import { nodeColumnsOf, type Column } from './node-columns.ts'
import type { Db } from '../db.ts'

// A node filter answered from the in-memory columns, with SQLite's own comparison rules, so that
// the answer is the one `json_extract(props, path) <op> ?` gives: null matches nothing, every number
// sorts below every text, and texts compare by their UTF-8 bytes (code point order).

type Op = PropertyFilter['op']

/** Code point order of two JavaScript strings (UTF-16), which is UTF-8 byte order. */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) {
    let x = a.charCodeAt(i)
    let y = b.charCodeAt(i)
    if (x === y) continue
    // Surrogates (a code point above U+FFFF) sort after U+E000–U+FFFF in code point order.
    if (x >= 0xd800) x += x >= 0xe000 ? -0x800 : 0x2000
    if (y >= 0xd800) y += y >= 0xe000 ? -0x800 : 0x2000
    return x - y
  }
  return a.length - b.length
}

function holds(op: Op, order: number): boolean {
  switch (op) {
    case 'eq': return order === 0
    case 'lt': return order < 0
    case 'lte': return order <= 0
    case 'gt': return order > 0
    case 'gte': return order >= 0
  }
}

/** Which dictionary texts pass: the value is text, or a number (every text is greater than a number). */
function passingTexts(column: Column, op: Op, value: number | string): Uint8Array {
  const pass = new Uint8Array(column.texts.length)
  if (typeof value === 'number') {
    if (op === 'gt' || op === 'gte') pass.fill(1)
    return pass
  }
  if (op === 'eq') {
    const code = column.code(value)
    if (code >= 0) pass[code] = 1
    return pass
  }
  for (let code = 0; code < pass.length; code++) if (holds(op, compareCodePoints(column.texts[code] as string, value))) pass[code] = 1
  return pass
}

/** The numeric test as [low, high] bounds with open ends; null when no number passes (a text value, op eq/gt/gte). */
function numericBounds(op: Op, value: number | string): { low: number; high: number; lowOpen: boolean; highOpen: boolean } | null {
  if (typeof value === 'string') return op === 'lt' || op === 'lte' ? { low: -Infinity, high: Infinity, lowOpen: false, highOpen: false } : null
  switch (op) {
    case 'eq': return { low: value, high: value, lowOpen: false, highOpen: false }
    case 'lt': return { low: -Infinity, high: value, lowOpen: false, highOpen: true }
    case 'lte': return { low: -Infinity, high: value, lowOpen: false, highOpen: false }
    case 'gt': return { low: value, high: Infinity, lowOpen: true, highOpen: false }
    case 'gte': return { low: value, high: Infinity, lowOpen: false, highOpen: false }
  }
}

/** Keeps the candidates (ids, in order) that pass one predicate on one column. */
function keep(candidates: Int32Array, count: number, column: Column, op: Op, value: number | string): number {
  const texts = passingTexts(column, op, value)
  const bounds = numericBounds(op, value)
  const { numbers, codes } = column
  const size = numbers.length
  const low = bounds?.low ?? NaN, high = bounds?.high ?? NaN
  const lowOpen = bounds?.lowOpen ?? false, highOpen = bounds?.highOpen ?? false
  let kept = 0
  for (let i = 0; i < count; i++) {
    const id = candidates[i] as number
    if (id >= size) continue
    const x = numbers[id] as number
    let pass: boolean
    // NaN fails every comparison, so a text or null value never passes the numeric test.
    if (x === x) pass = (lowOpen ? x > low : x >= low) && (highOpen ? x < high : x <= high)
    else {
      const code = codes[id] as number
      pass = code >= 0 && texts[code] === 1
    }
    if (pass) candidates[kept++] = id
  }
  return kept
}

function keepTypes(candidates: Int32Array, count: number, column: Column, types: string[]): number {
  const allowed = new Uint8Array(column.texts.length)
  for (const type of types) {
    const code = column.code(type)
    if (code >= 0) allowed[code] = 1
  }
  const { codes } = column
  let kept = 0
  for (let i = 0; i < count; i++) {
    const id = candidates[i] as number
    const code = id < codes.length ? (codes[id] as number) : -1
    if (code >= 0 && allowed[code] === 1) candidates[kept++] = id
  }
  return kept
}

/** The ids of the nodes that pass a filter (types and property predicates), in id order. */
export function matchingNodeIds(db: Db, filter: NodeFilter): Int32Array {
  const columns = nodeColumnsOf(db)
  // Columns first (each may refresh the set of live nodes), then the candidates.
  const typeColumn = filter.types?.length ? columns.column({ field: 'type' }) : null
  const predicates = (filter.where ?? []).map((p) => ({
    column: columns.column({ property: p.path }),
    op: p.op,
    value: typeof p.value === 'boolean' ? Number(p.value) : p.value,
  }))
  if (!typeColumn && predicates.length === 0) columns.column({ field: 'type' })
  const { live } = columns
  let candidates = new Int32Array(columns.liveCount)
  let count = 0
  for (let id = 0; id < live.length; id++) if (live[id] === 1) candidates[count++] = id
  if (typeColumn && filter.types) count = keepTypes(candidates, count, typeColumn, filter.types)
  for (const { column, op, value } of predicates) {
    if (count === 0) break
    count = keep(candidates, count, column, op, value)
  }
  candidates = candidates.subarray(0, count)
  return candidates
}
