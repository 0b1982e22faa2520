import type { Db } from '../../src/main/store/db.ts'
import type { AsOfEdge } from '../../src/shared/history.ts'
import type { JsonObject } from '../../src/shared/json.ts'
import { edgeSnapshot, nodeSnapshot } from '../../src/main/store/repos/audit.ts'
import { statement } from '../../src/main/store/repos/statements.ts'
import { sameJson } from '../../src/main/store/history/same-json.ts'

// "As of" row by row, as the store answered it before it became set-based (issue 12): a few
// statements per row. Kept here as the independent reference that the set-based answers must equal.

const MAX_EDGES = 2000
export type NodeImage = { key: string; type: string; label: string; properties: JsonObject }
type EdgeImage = Omit<AsOfEdge, 'id' | 'status'>

/** Whether the audit trail's key indexes are named (as the store names them now), or left to the planner as before issue 12. */
export interface ByRowOptions { hinted: boolean }
const HINTED: ByRowOptions = { hinted: true }
const hint = (index: string, options: ByRowOptions) => (options.hinted ? `INDEXED BY ${index}` : '')

/** The edge ids ever at a node with this key: from the audit trail, the edges there now and those an undo by range kept. */
function edgeIdsEverAtKey(db: Db, key: string, options: ByRowOptions): number[] {
  return statement<string[], number>(db, `
    SELECT entity_id FROM audit ${hint('audit_by_edge_source', options)} WHERE entity = 'edge' AND coalesce(after, before) ->> 'source' = ?
    UNION SELECT entity_id FROM audit ${hint('audit_by_edge_target', options)} WHERE entity = 'edge' AND coalesce(after, before) ->> 'target' = ?
    UNION SELECT e.id FROM edges e JOIN nodes n ON n.id = e.source WHERE n.key = ?
    UNION SELECT e.id FROM edges e JOIN nodes n ON n.id = e.target WHERE n.key = ?
    UNION SELECT id FROM undone_edges WHERE source_key = ? UNION SELECT id FROM undone_edges WHERE target_key = ? ORDER BY 1`).pluck().all(key, key, key, key, key, key)
}

function nodeIdsWithKey(db: Db, key: string, options: ByRowOptions): number[] {
  return statement<[string, string], number>(db, `SELECT id FROM nodes WHERE key = ?
    UNION SELECT entity_id FROM audit ${hint('audit_by_node_key', options)} WHERE entity = 'node' AND coalesce(after, before) ->> 'key' = ?`).pluck().all(key, key)
}

interface RangeEvent { id: number; at: number; operation: string }

/** The batches that put this row in (an import, a redo by range) or took it out (an undo by range) by id range, oldest first. */
function rangeEvents(db: Db, entity: 'node' | 'edge', id: number): RangeEvent[] {
  return statement<[number], RangeEvent>(db, entity === 'node'
    ? 'SELECT id, at, operation FROM batches WHERE ? BETWEEN first_node_id AND last_node_id ORDER BY id'
    : 'SELECT id, at, operation FROM batches WHERE ? BETWEEN first_edge_id AND last_edge_id ORDER BY id').all(id)
}

/**
 * A row's image at a time: after its last change up to then, be it an audited change or a batch that
 * put it in or took it out by id range (an import, its undo and redo). A row put in by range is as the
 * next audited change found it, or as the next undo by range kept it, or as it is now. Null: the row
 * did not exist then.
 */
function rowImageAt(db: Db, entity: 'node' | 'edge', id: number, at: number, current: string | null): string | null {
  const events = rangeEvents(db, entity, id)
  const last = statement<[string, number, number], { after: string | null; batchId: number }>(db, `SELECT a.after, a.batch_id AS batchId FROM audit a
    JOIN batches b ON b.id = a.batch_id WHERE a.entity = ? AND a.entity_id = ? AND b.at <= ? ORDER BY a.id DESC LIMIT 1`).get(entity, id, at)
  const lastRange = events.filter((event) => event.at <= at).at(-1)
  const imageAfter = (batchId: number): string | null => {
    const next = statement<[string, number, number], { before: string | null; batchId: number }>(db, `SELECT before, batch_id AS batchId FROM audit
      WHERE entity = ? AND entity_id = ? AND batch_id > ? ORDER BY id LIMIT 1`).get(entity, id, batchId)
    const takenOut = events.find((event) => event.id > batchId && event.operation === 'import.undo')
    if (next && (!takenOut || next.batchId < takenOut.id)) return next.before
    if (takenOut) return keptImage(db, entity, id, takenOut.id) ?? null
    return current
  }
  if (lastRange && (!last || lastRange.id > last.batchId)) return lastRange.operation === 'import.undo' ? null : imageAfter(lastRange.id)
  if (last) return last.after
  if (events.length > 0) return null
  const upTo = statement<[number], number>(db, 'SELECT coalesce(max(id), 0) FROM batches WHERE at <= ?').pluck().get(at) ?? 0
  return imageAfter(upTo)
}

/** A kept row's image (as the audit trail writes it), for "as of". */
function keptImage(db: Db, entity: 'node' | 'edge', id: number, batchId: number): string | undefined {
  return entity === 'node'
    ? statement<[number, number], string>(db, `SELECT json_object('key', key, 'type', type, 'label', label, 'properties', json(props)) FROM undone_nodes
        WHERE batch_id = ? AND id = ?`).pluck().get(batchId, id)
    : statement<[number, number], string>(db, `SELECT json_object('source', source_key, 'target', target_key, 'type', type, 'weight', weight, 'properties', json(props))
        FROM undone_edges WHERE batch_id = ? AND id = ?`).pluck().get(batchId, id)
}

/** Ids of nodes with this key that an undo by range kept (a scan of the kept rows: only "as of" asks). */
function keptNodeIdsWithKey(db: Db, key: string): number[] {
  return statement<[string], number>(db, 'SELECT DISTINCT id FROM undone_nodes WHERE key = ?').pluck().all(key)
}

/** The node with this key then and now (either null when it was not there). */
export function nodeImagesAt(db: Db, key: string, at: number, options = HINTED): { then: NodeImage | null; now: NodeImage | null } {
  let then: NodeImage | null = null
  let now: NodeImage | null = null
  for (const id of [...new Set([...nodeIdsWithKey(db, key, options), ...keptNodeIdsWithKey(db, key)])].sort((x, y) => x - y)) {
    const current = nodeSnapshot(db, id) ?? null
    if (current) now = JSON.parse(current) as NodeImage
    const image = rowImageAt(db, 'node', id, at, current)
    if (image) then = JSON.parse(image) as NodeImage
  }
  return { then, now }
}

/** The node's edges then (same, changed or gone since) and those added since, by id. */
export function edgesAtKeyAsOf(db: Db, key: string, at: number, options = HINTED): AsOfEdge[] {
  const edges: AsOfEdge[] = []
  for (const id of edgeIdsEverAtKey(db, key, options).slice(0, MAX_EDGES)) {
    const current = edgeSnapshot(db, id) ?? null
    const image = rowImageAt(db, 'edge', id, at, current)
    if (image) {
      const edge = JSON.parse(image) as EdgeImage
      if (edge.source !== key && edge.target !== key) continue
      edges.push({ id, ...edge, status: current === null ? 'gone' : sameJson(image, current) ? 'same' : 'changed' })
    } else if (current) {
      edges.push({ id, ...(JSON.parse(current) as EdgeImage), status: 'added' })
    }
  }
  return edges.sort((a, b) => a.id - b.id)
}
