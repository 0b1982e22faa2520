import type { Db } from '../db.ts'
import { statement } from './statements.ts'

// Reads for the in-memory node columns (services/node-columns.ts): one value per node of a property
// (as SQLite's `->>` gives it, so comparisons in memory match the SQL filter) or of a plain column.

/** A value as SQLite gives it for comparison: null (absent or JSON null), a number (booleans are 0/1), or text. */
export type ColumnValue = number | string | null

/** What a column holds: a property path (`score`, `address.city`) or one of the node's own text columns. */
export type ColumnSource = { property: string } | { field: 'type' | 'key' }

function valueSql(source: ColumnSource): { expression: string; params: string[] } {
  if ('field' in source) return { expression: source.field === 'type' ? 'n.type' : 'n.key', params: [] }
  return { expression: 'n.props ->> ?', params: [`$.${source.property}`] }
}

/**
 * Every node's id and value, as two JSON arrays in one row: JSON.parse reads them many times faster
 * than better-sqlite3 builds a row object per node.
 */
export function allColumnValues(db: Db, source: ColumnSource): { ids: number[]; values: ColumnValue[] } {
  const { expression, params } = valueSql(source)
  const row = statement<string[], { ids: string; ids_values: string }>(
    db, `SELECT json_group_array(n.id) AS ids, json_group_array(${expression}) AS ids_values FROM nodes n`,
  ).get(...params)
  return { ids: JSON.parse(row?.ids ?? '[]'), values: JSON.parse(row?.ids_values ?? '[]') }
}

/** The values of the given nodes; `present` is 0 for an id no node has (deleted). */
export function columnValuesOf(db: Db, source: ColumnSource, ids: number[]): { id: number; value: ColumnValue; present: 0 | 1 }[] {
  const { expression, params } = valueSql(source)
  return statement<string[], { id: number; value: ColumnValue; present: 0 | 1 }>(
    db, `SELECT j.value AS id, ${expression} AS value, n.id IS NOT NULL AS present FROM json_each(?) j LEFT JOIN nodes n ON n.id = j.value`,
  ).all(...params, JSON.stringify(ids))
}

/**
 * Changes this connection could have missed: SQLite's data_version moves when another connection
 * commits, total_changes() when this one writes. Two cheap reads; equal marks mean nothing changed.
 */
export function connectionChangeMark(db: Db): string {
  const version = statement<[], number>(db, 'PRAGMA data_version').pluck().get() ?? 0
  const changes = statement<[], number>(db, 'SELECT total_changes()').pluck().get() ?? 0
  return `${version}:${changes}`
}

/** Where the audit trail stands: its newest row, and the newest batch with the node ids it inserted so far. */
export interface AuditPosition {
  auditId: number
  batchId: number
  batchAt: number
  firstNodeId: number | null
  lastNodeId: number | null
}

export function auditPosition(db: Db): AuditPosition {
  const row = statement<[], AuditPosition>(db, `SELECT (SELECT coalesce(max(id), 0) FROM audit) AS auditId,
      coalesce(b.id, 0) AS batchId, coalesce(b.at, 0) AS batchAt, b.first_node_id AS firstNodeId, b.last_node_id AS lastNodeId
    FROM (SELECT 1) LEFT JOIN (SELECT * FROM batches ORDER BY id DESC LIMIT 1) b`).get()
  return row ?? { auditId: 0, batchId: 0, batchAt: 0, firstNodeId: null, lastNodeId: null }
}

/** The batch with this id as it is now (a discarded batch's id may be taken again by a new one). */
export function batchAt(db: Db, batchId: number): { at: number; firstNodeId: number | null } | undefined {
  return statement<[number], { at: number; firstNodeId: number | null }>(db, 'SELECT at, first_node_id AS firstNodeId FROM batches WHERE id = ?').get(batchId)
}

/** Node ids named by audit rows after `auditId`: every edit, delete and single insert of a node is audited. */
export function nodesAuditedAfter(db: Db, auditId: number, limit: number): number[] {
  return statement<[number, number], number>(db, "SELECT DISTINCT entity_id FROM audit WHERE id > ? AND entity = 'node' LIMIT ?").pluck().all(auditId, limit)
}

/** The node id ranges imports recorded in batches from `batchId` on (imports name ranges instead of audit rows). */
export function importedNodeRangesFrom(db: Db, batchId: number): { batchId: number; first: number; last: number }[] {
  return statement<[number], { batchId: number; first: number; last: number }>(
    db, 'SELECT id AS batchId, first_node_id AS first, last_node_id AS last FROM batches WHERE id >= ? AND first_node_id IS NOT NULL',
  ).all(batchId)
}
