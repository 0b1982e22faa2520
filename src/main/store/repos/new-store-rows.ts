import type { Db } from '../db.ts'
import { statement } from './statements.ts'
import { addEdgeTypes } from './edge-types.ts'

// The rows of an import into a new store file (transfer/swap-import.ts): ids are already given and
// edge endpoints already resolved to node ids, so each row is bound to a prepared INSERT, many rows
// to one statement (a statement per row costs its call overhead per row; JSON decoded by SQLite costs more).

/** Copies a store (empty of nodes and edges, but with its views, meta, history and log) into a new file. */
export function copyStoreInto(db: Db, file: string): void {
  statement(db, 'VACUUM INTO ?').run(file)
}

/** Values of a node row, in order: id, key, type, label, properties (JSON text), createdAt|null, updatedAt|null. */
export const NODE_COLUMNS = 7
/** Values of an edge row, in order: id, sourceId, targetId, type, properties (JSON text), weight|null, createdAt|null, updatedAt|null. */
export const EDGE_COLUMNS = 8
/** Rows bound to one INSERT statement: measured fastest near 100 (bench/import-insert-variants.ts). */
const ROWS_PER_STATEMENT = 100

const NODE_INSERT = 'INSERT INTO nodes (id, key, type, label, props, created_at, changed_at) VALUES '
const EDGE_INSERT = 'INSERT INTO edges (id, source, target, type, type_code, props, weight, created_at, changed_at) VALUES '
/** An edge row as inserted: its type's code after the type (migration 14). */
const CODED_EDGE_COLUMNS = EDGE_COLUMNS + 1
const placeholders = (columns: number, rows: number) => Array.from({ length: rows }, () => `(${'?, '.repeat(columns - 1)}?)`).join(', ')

/** A row's second time is stored only when it differs from its first (migration 13: updated_at is derived). */
const changedAt = (createdAt: unknown, updatedAt: unknown) => (updatedAt === createdAt ? null : updatedAt)

function insertRows(db: Db, insert: string, columns: number, values: unknown[]): number {
  const rows = values.length / columns
  const many = statement(db, insert + placeholders(columns, ROWS_PER_STATEMENT))
  const one = statement(db, insert + placeholders(columns, 1))
  const step = ROWS_PER_STATEMENT * columns
  let at = 0
  for (; at + step <= values.length; at += step) many.run(values.slice(at, at + step))
  for (; at < values.length; at += columns) one.run(values.slice(at, at + columns))
  return rows
}

/** Nodes as flat values, NODE_COLUMNS a row; a missing time is `now`. Their properties are valid JSON objects (checked by the reader). */
export function insertNodeRows(db: Db, values: unknown[], now: number): number {
  for (let at = 0; at < values.length; at += NODE_COLUMNS) {
    values[at + 5] ??= now
    values[at + 6] = changedAt(values[at + 5], values[at + 6] ?? now)
  }
  return insertRows(db, NODE_INSERT, NODE_COLUMNS, values)
}

/** Edges as flat values, EDGE_COLUMNS a row; a missing weight is 1, a missing time `now`. */
export function insertEdgeRows(db: Db, values: unknown[], now: number): number {
  const types = new Set<string>()
  for (let at = 3; at < values.length; at += EDGE_COLUMNS) types.add(values[at] as string)
  const codes = addEdgeTypes(db, types)
  const coded: unknown[] = new Array((values.length / EDGE_COLUMNS) * CODED_EDGE_COLUMNS)
  for (let at = 0, to = 0; at < values.length; at += EDGE_COLUMNS, to += CODED_EDGE_COLUMNS) {
    coded[to] = values[at]
    coded[to + 1] = values[at + 1]
    coded[to + 2] = values[at + 2]
    coded[to + 3] = values[at + 3]
    coded[to + 4] = codes.get(values[at + 3] as string)
    coded[to + 5] = values[at + 4]
    coded[to + 6] = values[at + 5] ?? 1
    coded[to + 7] = values[at + 6] ?? now
    coded[to + 8] = changedAt(coded[to + 7], values[at + 7] ?? now)
  }
  return insertRows(db, EDGE_INSERT, CODED_EDGE_COLUMNS, coded)
}
