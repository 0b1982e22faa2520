import type { Db } from '../db.ts'
import { EDGE_FROM, EDGE_JSON, NODE_JSON } from './audit.ts'
import { NODE_TEXT } from './node-text.ts'
import { addPlannedEdgeTypes } from './edge-types.ts'
import { statement } from './statements.ts'

// Undo and redo apply a batch's inverse set-based. The plan holds the batch's net effect per row:
// the row's image before the batch's first change of it and after its last. Reverting writes the
// before-images back; the plan's rows with no before-image (inserted by the batch) are deleted.
// An import's inserted rows are not in the plan: they are its id ranges, taken out and put back by range-undo.ts.

export type Range = [number, number] | null
type Entity = 'node' | 'edge'
export interface Mismatch { entity: Entity; id: number; expected: string | null; current: string | null }

const CURRENT = `CASE p.entity WHEN 'node' THEN (SELECT ${NODE_JSON} FROM nodes n WHERE n.id = p.entity_id)
  ELSE (SELECT ${EDGE_JSON} FROM ${EDGE_FROM} WHERE e.id = p.entity_id) END`

export function preparePlan(db: Db, batchId: number, firstAudit: number, lastAudit: number): number {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS revert_plan (
    entity TEXT NOT NULL, entity_id INTEGER NOT NULL, before TEXT, after TEXT, PRIMARY KEY (entity, entity_id)) WITHOUT ROWID`)
  statement(db, 'DELETE FROM temp.revert_plan').run()
  return statement(db, `INSERT INTO temp.revert_plan (entity, entity_id, before, after)
    WITH spans AS (SELECT entity, entity_id, min(id) AS first, max(id) AS last FROM audit
      WHERE id BETWEEN @firstAudit AND @lastAudit AND batch_id = @batchId AND entity IN ('node', 'edge') GROUP BY entity, entity_id)
    SELECT s.entity, s.entity_id, f.before, l.after FROM spans s JOIN audit f ON f.id = s.first JOIN audit l ON l.id = s.last`)
    .run({ batchId, firstAudit, lastAudit }).changes
}

/** Planned rows whose current image is not the one the batch left (compared as text; the caller compares values). */
export function planMismatches(db: Db): Mismatch[] {
  return statement<[], Mismatch>(db, `SELECT * FROM (SELECT p.entity, p.entity_id AS id, p.after AS expected, ${CURRENT} AS current
    FROM temp.revert_plan p) WHERE current IS NOT expected LIMIT 1000`).all()
}

/**
 * Rows of an import's id range that a later batch changed: what the import left is the first later
 * change's before-image; it must still be the current image (the caller compares values).
 */
export function rangeMismatches(db: Db, entity: Entity, range: Range, batchId: number): Mismatch[] {
  if (!range) return []
  const current = entity === 'node' ? `(SELECT ${NODE_JSON} FROM nodes n WHERE n.id = a.entity_id)` : `(SELECT ${EDGE_JSON} FROM ${EDGE_FROM} WHERE e.id = a.entity_id)`
  return statement<unknown[], Mismatch>(db, `SELECT * FROM (SELECT a.entity, a.entity_id AS id, a.before AS expected, ${current} AS current
    FROM audit a WHERE a.entity = @entity AND a.entity_id BETWEEN @first AND @last AND a.batch_id > @batchId
      AND a.id = (SELECT min(x.id) FROM audit x WHERE x.entity = @entity AND x.entity_id = a.entity_id AND x.batch_id > @batchId)
      AND NOT EXISTS (SELECT 1 FROM temp.revert_plan p WHERE p.entity = @entity AND p.entity_id = a.entity_id))
    WHERE current IS NOT expected LIMIT 1000`).all({ entity, first: range[0], last: range[1], batchId })
}

/** Edges that would be left without an end: at a node the revert deletes, and not deleted by it. */
export function edgesBlockingNodeDeletes(db: Db, nodes: Range, edges: Range): number[] {
  const [nf, nl] = nodes ?? [null, null]
  const [ef, el] = edges ?? [0, -1]
  const gone = "NOT EXISTS (SELECT 1 FROM temp.revert_plan q WHERE q.entity = 'edge' AND q.entity_id = e.id AND q.before IS NULL) AND NOT (e.id BETWEEN @ef AND @el)"
  const planned = "(SELECT entity_id FROM temp.revert_plan WHERE entity = 'node' AND before IS NULL)"
  return statement<unknown[], number>(db, `SELECT id FROM (
      SELECT e.id FROM edges e WHERE e.source IN ${planned} AND ${gone}
      UNION SELECT e.id FROM edges e WHERE e.target IN ${planned} AND ${gone}
      UNION SELECT e.id FROM edges e WHERE e.source BETWEEN @nf AND @nl AND ${gone}
      UNION SELECT e.id FROM edges e WHERE e.target BETWEEN @nf AND @nl AND ${gone}) LIMIT 50`).pluck().all({ nf, nl, ef, el })
}

/** Nodes the revert puts back whose key another node holds now. */
export function takenKeys(db: Db): { id: number; key: string; holder: number }[] {
  return statement<[], { id: number; key: string; holder: number }>(db, `SELECT p.entity_id AS id, n.key, n.id AS holder
    FROM temp.revert_plan p JOIN nodes n ON n.key = p.before ->> 'key'
    WHERE p.entity = 'node' AND p.after IS NULL AND p.before IS NOT NULL AND n.id <> p.entity_id LIMIT 50`).all()
}

/** The revert's audit rows for planned rows: the images swapped (the current image is the planned after-image). */
export function auditPlan(db: Db, batchId: number): void {
  statement(db, `INSERT INTO audit (batch_id, entity, entity_id, op, before, after)
    SELECT ?, entity, entity_id, CASE WHEN before IS NULL THEN 'delete' WHEN after IS NULL THEN 'insert' ELSE 'update' END, after, before
    FROM temp.revert_plan ORDER BY entity DESC, entity_id`).run(batchId)
}

/** Planned rows inside a range: a revert by range keeps and deletes them with the rest of the range, not row by row. */
export function dropPlannedInRange(db: Db, entity: Entity, range: Range): void {
  if (range) statement(db, 'DELETE FROM temp.revert_plan WHERE entity = ? AND entity_id BETWEEN ? AND ?').run(entity, range[0], range[1])
}

/** Deletes the planned rows the batch inserted (an import's id ranges are deleted by range-undo.ts). */
export function deletePlannedEdges(db: Db): void {
  statement(db, "DELETE FROM edges WHERE id IN (SELECT entity_id FROM temp.revert_plan WHERE entity = 'edge' AND before IS NULL)").run()
}

export function deletePlannedNodes(db: Db): void {
  const planned = "SELECT entity_id FROM temp.revert_plan WHERE entity = 'node' AND before IS NULL"
  statement(db, `DELETE FROM nodes_fts WHERE rowid IN (${planned})`).run()
  statement(db, `DELETE FROM nodes WHERE id IN (${planned})`).run()
}

/** Puts back the nodes the batch deleted and the fields it changed, under their own ids; then their text index. */
export function restorePlannedNodes(db: Db, now: number): void {
  const restored = "SELECT entity_id FROM temp.revert_plan WHERE entity = 'node' AND before IS NOT NULL"
  statement(db, `DELETE FROM nodes_fts WHERE rowid IN (SELECT entity_id FROM temp.revert_plan WHERE entity = 'node' AND before IS NOT NULL AND after IS NOT NULL)`).run()
  statement(db, `UPDATE nodes SET type = p.before ->> 'type', label = p.before ->> 'label', props = p.before -> 'properties', changed_at = @now
    FROM temp.revert_plan p WHERE p.entity = 'node' AND p.before IS NOT NULL AND p.after IS NOT NULL AND nodes.id = p.entity_id`).run({ now })
  statement(db, `INSERT INTO nodes (id, key, type, label, props, created_at)
    SELECT entity_id, before ->> 'key', before ->> 'type', before ->> 'label', before -> 'properties', @now
    FROM temp.revert_plan WHERE entity = 'node' AND before IS NOT NULL AND after IS NULL ORDER BY entity_id`).run({ now })
  statement(db, `INSERT INTO nodes_fts (rowid, label, text) SELECT ${NODE_TEXT} FROM nodes n WHERE n.id IN (${restored})`).run()
}

/** Puts back the edges the batch deleted (between the nodes with their end keys) and the fields it changed; returns how many went back in. */
export function restorePlannedEdges(db: Db, now: number): { inserted: number; expected: number } {
  addPlannedEdgeTypes(db)
  statement(db, `UPDATE edges SET type = p.before ->> 'type', type_code = (SELECT code FROM edge_types WHERE name = p.before ->> 'type'), props = p.before -> 'properties', weight = p.before ->> 'weight', changed_at = @now
    FROM temp.revert_plan p WHERE p.entity = 'edge' AND p.before IS NOT NULL AND p.after IS NOT NULL AND edges.id = p.entity_id`).run({ now })
  const inserted = statement(db, `INSERT INTO edges (id, source, target, type, type_code, props, weight, created_at)
    SELECT p.entity_id, s.id, t.id, p.before ->> 'type', (SELECT code FROM edge_types WHERE name = p.before ->> 'type'), p.before -> 'properties', p.before ->> 'weight', @now
    FROM temp.revert_plan p JOIN nodes s ON s.key = p.before ->> 'source' JOIN nodes t ON t.key = p.before ->> 'target'
    WHERE p.entity = 'edge' AND p.before IS NOT NULL AND p.after IS NULL ORDER BY p.entity_id`).run({ now }).changes
  const expected = statement<[], number>(db, "SELECT count(*) FROM temp.revert_plan WHERE entity = 'edge' AND before IS NOT NULL AND after IS NULL").pluck().get() ?? 0
  return { inserted, expected }
}

/** Planned edges that could not go back: an end's key names no node now. */
export function edgesWithoutEnds(db: Db): { id: number; key: string }[] {
  return statement<[], { id: number; key: string }>(db, `SELECT p.entity_id AS id,
      CASE WHEN NOT EXISTS (SELECT 1 FROM nodes WHERE key = p.before ->> 'source') THEN p.before ->> 'source' ELSE p.before ->> 'target' END AS key
    FROM temp.revert_plan p WHERE p.entity = 'edge' AND p.before IS NOT NULL AND p.after IS NULL
      AND NOT EXISTS (SELECT 1 FROM edges WHERE id = p.entity_id) LIMIT 50`).all()
}

export function clearPlan(db: Db): void {
  statement(db, 'DELETE FROM temp.revert_plan').run()
}

/**
 * Plans the restore of deleted nodes and edges (their last audit row is a delete and they are gone):
 * each node with the edges the same batch deleted at it. Returns how many rows were planned.
 */
export function planRestore(db: Db, nodeIds: number[], edgeIds: number[]): number {
  preparePlan(db, 0, 0, -1)
  const latestDelete = (entity: Entity) => `a.entity = '${entity}' AND a.op = 'delete'
    AND a.id = (SELECT max(x.id) FROM audit x WHERE x.entity = '${entity}' AND x.entity_id = a.entity_id)
    AND NOT EXISTS (SELECT 1 FROM ${entity}s WHERE id = a.entity_id)`
  statement(db, `INSERT INTO temp.revert_plan (entity, entity_id, before, after) SELECT 'node', a.entity_id, a.before, NULL FROM audit a
    WHERE a.entity_id IN (SELECT value FROM json_each(?)) AND ${latestDelete('node')}`).run(JSON.stringify(nodeIds))
  statement(db, `INSERT OR IGNORE INTO temp.revert_plan (entity, entity_id, before, after) SELECT 'edge', a.entity_id, a.before, NULL FROM audit a
    WHERE a.entity_id IN (SELECT value FROM json_each(?)) AND ${latestDelete('edge')}`).run(JSON.stringify(edgeIds))
  statement(db, `INSERT OR IGNORE INTO temp.revert_plan (entity, entity_id, before, after)
    SELECT 'edge', a.entity_id, a.before, NULL FROM temp.revert_plan p JOIN audit d ON d.entity = 'node' AND d.entity_id = p.entity_id AND d.op = 'delete'
      AND d.id = (SELECT max(x.id) FROM audit x WHERE x.entity = 'node' AND x.entity_id = p.entity_id)
    JOIN audit a ON a.id IN (SELECT id FROM audit INDEXED BY audit_by_edge_source WHERE entity = 'edge' AND coalesce(after, before) ->> 'source' = p.before ->> 'key'
                             UNION SELECT id FROM audit INDEXED BY audit_by_edge_target WHERE entity = 'edge' AND coalesce(after, before) ->> 'target' = p.before ->> 'key')
    WHERE p.entity = 'node' AND a.batch_id = d.batch_id AND ${latestDelete('edge')}`).run()
  return statement<[], number>(db, 'SELECT count(*) FROM temp.revert_plan').pluck().get() ?? 0
}

/** Planned edge restores whose ends do not both exist now (once the planned nodes are back): left out, or reported. */
export function plannedEdgesWithoutEnds(db: Db): number[] {
  return statement<[], number>(db, `SELECT entity_id FROM temp.revert_plan p WHERE p.entity = 'edge'
    AND (NOT EXISTS (SELECT 1 FROM nodes WHERE key = p.before ->> 'source') OR NOT EXISTS (SELECT 1 FROM nodes WHERE key = p.before ->> 'target'))`).pluck().all()
}

export function dropPlannedEdges(db: Db, ids: number[]): void {
  statement(db, "DELETE FROM temp.revert_plan WHERE entity = 'edge' AND entity_id IN (SELECT value FROM json_each(?))").run(JSON.stringify(ids))
}

/** The planned rows the batch inserted: a revert deletes them. */
export function plannedInserts(db: Db, entity: Entity): number[] {
  return statement<[string], number>(db, 'SELECT entity_id FROM temp.revert_plan WHERE entity = ? AND before IS NULL').pluck().all(entity)
}

export function plannedIds(db: Db, entity: Entity): number[] {
  return statement<[string], number>(db, 'SELECT entity_id FROM temp.revert_plan WHERE entity = ?').pluck().all(entity)
}
