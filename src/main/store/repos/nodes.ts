import type { Db } from '../db.ts'
import { statement } from './statements.ts'
import { NODE_COLUMNS, type NodeRow } from './rows.ts'

export interface NodeValues {
  type: string
  label: string
  props: string
}

export function maxNodeId(db: Db): number {
  return statement<[], number>(db, 'SELECT coalesce(max(id), 0) FROM nodes').pluck().get() ?? 0
}

/**
 * Inserts a JSON array of new nodes in one statement (sorted by key, so the key index fills in
 * order). New rows are numbered from `base + 1` (repos/id-base.ts: ids are never reused).
 */
export function insertNodes(db: Db, nodesJson: string, now: number, base: number): number {
  const sql = `INSERT INTO nodes (id, key, type, label, props, created_at)
    SELECT @base + row_number() OVER (ORDER BY value ->> 'key'), value ->> 'key', value ->> 'type', coalesce(value ->> 'label', value ->> 'key'),
           coalesce(value -> 'properties', '{}'), @now
    FROM json_each(@nodes) ORDER BY value ->> 'key'`
  return statement(db, sql).run({ now, nodes: nodesJson, base }).changes
}

/** The first node in a JSON array of new nodes whose key is already in the store. */
export function firstTakenKey(db: Db, nodesJson: string): { index: number; key: string } | undefined {
  const sql = `SELECT CAST(j.key AS INTEGER) AS "index", j.value ->> 'key' AS key FROM json_each(?) j
    WHERE EXISTS (SELECT 1 FROM nodes WHERE key = j.value ->> 'key') ORDER BY 1 LIMIT 1`
  return statement<[string], { index: number; key: string }>(db, sql).get(nodesJson)
}

export function getNodeByKey(db: Db, key: string): NodeRow | undefined {
  return statement<[string], NodeRow>(db, `SELECT ${NODE_COLUMNS} FROM nodes n WHERE n.key = ?`).get(key)
}

/** [key, type, label, props, created_at, updated_at]: one node as its columns, for the point read. */
export type NodeTuple = [string, string, string, string, number, number]

/** The point read: one prepared statement, rows as arrays (no column-name objects to build). */
export function nodeTupleByKey(db: Db, key: string): NodeTuple | undefined {
  return statement<[string], NodeTuple>(db, 'SELECT key, type, label, props, created_at, updated_at FROM nodes WHERE key = ?').raw().get(key)
}

export function getNodeIdByKey(db: Db, key: string): number | undefined {
  return statement<[string], number>(db, 'SELECT id FROM nodes WHERE key = ?').pluck().get(key)
}

export function updateNodeRow(db: Db, id: number, node: NodeValues, now: number): void {
  statement(db, 'UPDATE nodes SET type = ?, label = ?, props = ?, changed_at = ? WHERE id = ?').run(
    node.type, node.label, node.props, now, id,
  )
}

export function deleteNodeById(db: Db, id: number): boolean {
  return statement(db, 'DELETE FROM nodes WHERE id = ?').run(id).changes > 0
}

export function countNodes(db: Db): number {
  return statement<[], number>(db, 'SELECT count(*) FROM nodes').pluck().get() ?? 0
}

export function countNodesByType(db: Db): { type: string; count: number }[] {
  return statement<[], { type: string; count: number }>(
    db, 'SELECT type, count(*) AS count FROM nodes GROUP BY type ORDER BY count DESC, type',
  ).all()
}
