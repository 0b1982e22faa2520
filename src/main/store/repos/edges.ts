import type { Db } from '../db.ts'
import { statement } from './statements.ts'
import { EDGE_COLUMNS, type EdgeRow } from './rows.ts'
import { addEdgeTypes, addEdgeTypesOf } from './edge-types.ts'

export interface EdgeValues {
  type: string
  props: string
  weight: number
}

const EDGE_FROM = 'edges e JOIN nodes s ON s.id = e.source JOIN nodes t ON t.id = e.target'

export function maxEdgeId(db: Db): number {
  return statement<[], number>(db, 'SELECT coalesce(max(id), 0) FROM edges').pluck().get() ?? 0
}

/**
 * Inserts a JSON array of new edges between node keys in one statement, in source order so the
 * outgoing index fills in order. Edges whose endpoints do not exist are left out: compare the count.
 */
export function insertEdges(db: Db, edgesJson: string, now: number, base: number): number {
  addEdgeTypesOf(db, edgesJson, '$.type')
  const sql = `INSERT INTO edges (id, source, target, type, type_code, props, weight, created_at)
    SELECT @base + row_number() OVER (ORDER BY s.id, j.value ->> 'type', j.id), s.id, t.id, j.value ->> 'type',
      (SELECT code FROM edge_types WHERE name = j.value ->> 'type'), coalesce(j.value -> 'properties', '{}'), coalesce(j.value ->> 'weight', 1), @now
    FROM json_each(@edges) j
    JOIN nodes s ON s.key = j.value ->> 'source'
    JOIN nodes t ON t.key = j.value ->> 'target'
    ORDER BY s.id, j.value ->> 'type', j.id`
  return statement(db, sql).run({ now, edges: edgesJson, base }).changes
}

/** The first edge in a JSON array of new edges whose source or target node does not exist. */
export function firstMissingEndpoint(db: Db, edgesJson: string): { index: number; key: string; end: 'source' | 'target' } | undefined {
  const sql = `SELECT CAST(j.key AS INTEGER) AS "index",
      CASE WHEN s.id IS NULL THEN j.value ->> 'source' ELSE j.value ->> 'target' END AS key,
      CASE WHEN s.id IS NULL THEN 'source' ELSE 'target' END AS "end"
    FROM json_each(?) j
    LEFT JOIN nodes s ON s.key = j.value ->> 'source'
    LEFT JOIN nodes t ON t.key = j.value ->> 'target'
    WHERE s.id IS NULL OR t.id IS NULL ORDER BY 1 LIMIT 1`
  return statement<[string], { index: number; key: string; end: 'source' | 'target' }>(db, sql).get(edgesJson)
}

export function getEdgeById(db: Db, id: number): EdgeRow | undefined {
  return statement<[number], EdgeRow>(db, `SELECT ${EDGE_COLUMNS} FROM ${EDGE_FROM} WHERE e.id = ?`).get(id)
}

export function updateEdgeRow(db: Db, id: number, edge: EdgeValues, now: number): void {
  addEdgeTypes(db, [edge.type])
  statement(db, 'UPDATE edges SET type = ?, type_code = (SELECT code FROM edge_types WHERE name = ?), props = ?, weight = ?, changed_at = ? WHERE id = ?').run(
    edge.type, edge.type, edge.props, edge.weight, now, id,
  )
}

export function deleteEdgeById(db: Db, id: number): boolean {
  return statement(db, 'DELETE FROM edges WHERE id = ?').run(id).changes > 0
}

export function countEdges(db: Db): number {
  return statement<[], number>(db, 'SELECT count(*) FROM edges').pluck().get() ?? 0
}

export function countEdgesByType(db: Db): { type: string; count: number }[] {
  return statement<[], { type: string; count: number }>(
    db, `SELECT (SELECT name FROM edge_types WHERE code = e.type_code) AS type, count(*) AS count
      FROM edges e GROUP BY e.type_code ORDER BY count DESC, type`,
  ).all()
}
