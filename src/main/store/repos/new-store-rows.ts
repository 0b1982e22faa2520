import type { Db } from '../db.ts'
import { statement } from './statements.ts'

// The rows of an import into a new store file (transfer/swap-import.ts): ids are already given and
// edge endpoints already resolved to node ids, so each batch is one json_each pass and no join.

/** Copies a store (empty of nodes and edges, but with its views, meta, history and log) into a new file. */
export function copyStoreInto(db: Db, file: string): void {
  statement(db, 'VACUUM INTO ?').run(file)
}

/** Nodes as `[[id, key, type, label, properties, createdAt|null, updatedAt|null], …]`. */
export function insertNodeRows(db: Db, rowsJson: string, now: number): number {
  return statement(db, `INSERT INTO nodes (id, key, type, label, props, created_at, changed_at)
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value -> 4, coalesce(value ->> 5, @now), nullif(coalesce(value ->> 6, @now), coalesce(value ->> 5, @now))
    FROM json_each(@rows)`).run({ rows: rowsJson, now }).changes
}

/** Edges as `[[id, sourceId, targetId, type, properties, weight|null, createdAt|null, updatedAt|null], …]`. */
export function insertEdgeRows(db: Db, rowsJson: string, now: number): number {
  return statement(db, `INSERT INTO edges (id, source, target, type, props, weight, created_at, changed_at)
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value -> 4, coalesce(value ->> 5, 1), coalesce(value ->> 6, @now), nullif(coalesce(value ->> 7, @now), coalesce(value ->> 6, @now))
    FROM json_each(@rows)`).run({ rows: rowsJson, now }).changes
}
