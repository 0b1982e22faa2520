import type { Db } from '../db.ts'
import { statement } from './statements.ts'
import { EDGE_COLUMNS, NODE_COLUMNS, type EdgeRow, type NodeRow } from './rows.ts'
import { BULK_IMPORT_MARKER } from './bulk-indexes.ts'

// Pages of an export in id order. Keyset pages, not one open iterator: the worker keeps answering
// other calls on this connection between pages.
const EDGE_FROM = 'edges e JOIN nodes s ON s.id = e.source JOIN nodes t ON t.id = e.target'
const IN_SCOPE = 'IN (SELECT id FROM temp.export_scope)'

/** Limits the scoped queries below to the nodes with these keys (a JSON array); keys not in the store are ignored. */
export function setExportScope(db: Db, keysJson: string): number {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS export_scope (id INTEGER PRIMARY KEY)')
  statement(db, 'DELETE FROM temp.export_scope').run()
  return statement(db, 'INSERT OR IGNORE INTO temp.export_scope (id) SELECT n.id FROM json_each(?) j JOIN nodes n ON n.key = j.value').run(keysJson).changes
}

export function nodePage(db: Db, scoped: boolean, afterId: number, limit: number): NodeRow[] {
  const where = scoped ? `n.id > ? AND n.id ${IN_SCOPE}` : 'n.id > ?'
  return statement<[number, number], NodeRow>(db, `SELECT ${NODE_COLUMNS} FROM nodes n WHERE ${where} ORDER BY n.id LIMIT ?`).all(afterId, limit)
}

export function edgePage(db: Db, scoped: boolean, afterId: number, limit: number): EdgeRow[] {
  const where = scoped ? `e.id > ? AND e.source ${IN_SCOPE} AND e.target ${IN_SCOPE}` : 'e.id > ?'
  return statement<[number, number], EdgeRow>(db, `SELECT ${EDGE_COLUMNS} FROM ${EDGE_FROM} WHERE ${where} ORDER BY e.id LIMIT ?`).all(afterId, limit)
}

export function countScopedEdges(db: Db): number {
  return statement<[], number>(db, `SELECT count(*) FROM edges e WHERE e.source ${IN_SCOPE} AND e.target ${IN_SCOPE}`).pluck().get() ?? 0
}

export interface EmbeddingRow {
  model_id: number
  position: number
  key: string
  model: string
  dim: number
  chunk_size: number
  norm: number
}

/** Vectors in (model, position) order, so that consecutive rows read the same chunk. */
export function embeddingPage(db: Db, scoped: boolean, after: [number, number], limit: number): EmbeddingRow[] {
  const scope = scoped ? `AND v.node_id ${IN_SCOPE}` : ''
  return statement<[number, number, number], EmbeddingRow>(
    db,
    `SELECT v.model_id, v.position, n.key, m.name AS model, m.dim, m.chunk_size, v.norm
     FROM embedding_vectors v JOIN embedding_models m ON m.id = v.model_id JOIN nodes n ON n.id = v.node_id
     WHERE (v.model_id, v.position) > (?, ?) ${scope} ORDER BY v.model_id, v.position LIMIT ?`,
  ).all(...after, limit)
}

/** Every metadata entry but the store's own bookkeeping. */
export function allMeta(db: Db): { key: string; value: string }[] {
  return statement<[string], { key: string; value: string }>(db, 'SELECT key, value FROM meta WHERE key <> ? ORDER BY key').all(BULK_IMPORT_MARKER)
}

/** One model's vectors in position order (a .npy export), with their node's key. */
export function modelVectorPage(db: Db, modelId: number, scoped: boolean, afterPosition: number, limit: number): { position: number; key: string; norm: number }[] {
  const scope = scoped ? `AND v.node_id ${IN_SCOPE}` : ''
  return statement<[number, number, number], { position: number; key: string; norm: number }>(
    db,
    `SELECT v.position, n.key, v.norm FROM embedding_vectors v JOIN nodes n ON n.id = v.node_id
     WHERE v.model_id = ? AND v.position > ? ${scope} ORDER BY v.position LIMIT ?`,
  ).all(modelId, afterPosition, limit)
}

export function countModelVectors(db: Db, modelId: number, scoped: boolean): number {
  const scope = scoped ? `AND v.node_id ${IN_SCOPE}` : ''
  return statement<[number], number>(db, `SELECT count(*) FROM embedding_vectors v WHERE v.model_id = ? ${scope}`).pluck().get(modelId) ?? 0
}
