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

/**
 * One predicate in closed form: numbers pass when low <= x <= high (open bounds moved to the next
 * double), texts when their dictionary code passes (or equals `eqCode`).
 */
interface Test {
  column: Column
  low: number
  high: number
  /** Which texts pass, by code; null: none. */
  texts: Uint8Array | null
  /** A text equality: only this code passes (-1: no node has the text). */
  eqCode: number | null
}

const bits = new Float64Array(1)
const asInt = new BigInt64Array(bits.buffer)
/** The next double up (down): turns an open bound into a closed one. */
function nextDouble(value: number, up: boolean): number {
  if (!Number.isFinite(value)) return value
  if (value === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE
  bits[0] = value
  asInt[0] = (asInt[0] as bigint) + ((value > 0) === up ? 1n : -1n)
  return bits[0] as number
}

function testOf(column: Column, op: Op, value: number | string): Test {
  if (typeof value === 'string') {
    // Every number is below every text: lt/lte pass all numbers, eq/gt/gte none.
    const numbers = op === 'lt' || op === 'lte'
    const low = numbers ? -Infinity : Infinity, high = numbers ? Infinity : -Infinity
    if (op === 'eq') return { column, low, high, texts: null, eqCode: column.code(value) }
    const texts = new Uint8Array(column.texts.length)
    for (let code = 0; code < texts.length; code++) if (holds(op, compareCodePoints(column.texts[code] as string, value))) texts[code] = 1
    return { column, low, high, texts, eqCode: null }
  }
  const everyText = op === 'gt' || op === 'gte' ? new Uint8Array(column.texts.length).fill(1) : null
  switch (op) {
    case 'eq': return { column, low: value, high: value, texts: null, eqCode: null }
    case 'lt': return { column, low: -Infinity, high: nextDouble(value, false), texts: null, eqCode: null }
    case 'lte': return { column, low: -Infinity, high: value, texts: null, eqCode: null }
    case 'gt': return { column, low: nextDouble(value, true), high: Infinity, texts: everyText, eqCode: null }
    case 'gte': return { column, low: value, high: Infinity, texts: everyText, eqCode: null }
  }
}

/** Two tests on one column pass together: the ranges intersect, and so do the passing texts. */
function merged(a: Test, b: Test): Test | null {
  if (a.column !== b.column || a.eqCode !== null || b.eqCode !== null) return null
  let texts: Uint8Array | null = null
  if (a.texts && b.texts) {
    texts = new Uint8Array(a.texts.length)
    for (let code = 0; code < texts.length; code++) texts[code] = (a.texts[code] as number) & (b.texts[code] as number)
  }
  return { column: a.column, low: Math.max(a.low, b.low), high: Math.min(a.high, b.high), texts, eqCode: null }
}

/** Writes the ids of `from` that pass into `into` (may be the same array); returns how many. */
function keep(from: Int32Array, count: number, into: Int32Array, test: Test): number {
  const { numbers, codes } = test.column
  const size = numbers.length
  const { low, high, texts, eqCode } = test
  let kept = 0
  if (eqCode !== null) {
    if (eqCode < 0) return 0
    for (let i = 0; i < count; i++) {
      const id = from[i] as number
      if (id < size && codes[id] === eqCode) into[kept++] = id
    }
    return kept
  }
  if (texts === null) {
    // NaN (text or null) fails both comparisons.
    for (let i = 0; i < count; i++) {
      const id = from[i] as number
      const x = numbers[id] as number
      if (x >= low && x <= high) into[kept++] = id
    }
    return kept
  }
  for (let i = 0; i < count; i++) {
    const id = from[i] as number
    if (id >= size) continue
    const x = numbers[id] as number
    const code = codes[id] as number
    if (x === x ? x >= low && x <= high : code >= 0 && texts[code] === 1) into[kept++] = id
  }
  return kept
}

function keepTypes(from: Int32Array, count: number, into: Int32Array, column: Column, types: string[]): number {
  const allowed = new Uint8Array(column.texts.length)
  for (const type of types) {
    const code = column.code(type)
    if (code >= 0) allowed[code] = 1
  }
  const { codes } = column
  let kept = 0
  for (let i = 0; i < count; i++) {
    const id = from[i] as number
    const code = id < codes.length ? (codes[id] as number) : -1
    if (code >= 0 && allowed[code] === 1) into[kept++] = id
  }
  return kept
}

/** The ids of the nodes that pass a filter (types and property predicates), in id order. */
export function matchingNodeIds(db: Db, filter: NodeFilter): Int32Array {
  const columns = nodeColumnsOf(db)
  // Columns first (each may refresh the set of live nodes), then the candidates.
  const typeColumn = filter.types?.length ? columns.column({ field: 'type' }) : null
  const tests: Test[] = []
  for (const p of filter.where ?? []) {
    const test = testOf(columns.column({ property: p.path }), p.op, typeof p.value === 'boolean' ? Number(p.value) : p.value)
    const index = tests.findIndex((t) => merged(t, test) !== null)
    if (index >= 0) tests[index] = merged(tests[index] as Test, test) as Test
    else tests.push(test)
  }
  // Equalities first: they usually leave the fewest candidates for the rest.
  tests.sort((a, b) => Number(b.eqCode !== null) - Number(a.eqCode !== null))
  if (!typeColumn && tests.length === 0) columns.column({ field: 'type' })
  let from = columns.liveIds()
  let count = from.length
  const into = new Int32Array(count)
  if (typeColumn && filter.types) {
    count = keepTypes(from, count, into, typeColumn, filter.types)
    from = into
  }
  for (const test of tests) {
    if (count === 0) break
    count = keep(from, count, into, test)
    from = into
  }
  return from === into ? into.subarray(0, count) : from.slice(0, count)
}
