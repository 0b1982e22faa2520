import type Database from 'better-sqlite3'
import { sameValue } from '../../src/main/store/history/same-json.ts'

// Replays a store's audit trail, from the raw file, to check that it tells the whole story: backwards
// from the current rows to an empty store (every after-image must be what the row is at that point),
// then forwards from empty (every before-image must be what the row was), ending at the current rows.
// An import's inserted rows are not in the trail row by row: the backward pass takes their images.
// An import's undo by range keeps the rows it deleted (undone_nodes, undone_edges): the backward pass
// puts them back from there, the forward pass checks them there and deletes them; its redo is replayed
// like the import.

type Images = Map<string, unknown>
interface AuditRow { id: number; batch_id: number; entity: string; entity_id: number; before: string | null; after: string | null }
interface BatchRow { id: number; origin: string; first_node_id: number | null; last_node_id: number | null; first_edge_id: number | null; last_edge_id: number | null }

const NODE = "SELECT 'node:' || n.id AS row, json_object('key', n.key, 'type', n.type, 'label', n.label, 'properties', json(n.props)) AS image FROM nodes n"
const EDGE = `SELECT 'edge:' || e.id AS row, json_object('source', s.key, 'target', t.key, 'type', e.type, 'weight', e.weight, 'properties', json(e.props)) AS image
  FROM edges e JOIN nodes s ON s.id = e.source JOIN nodes t ON t.id = e.target`

export function currentImages(db: Database.Database): Images {
  const rows = db.prepare(`${NODE} UNION ALL ${EDGE}`).all() as { row: string; image: string }[]
  return new Map(rows.map(({ row, image }) => [row, JSON.parse(image)]))
}

const parse = (json: string | null) => (json === null ? undefined : JSON.parse(json))

function expectImage(state: Images, row: string, image: unknown, where: string): void {
  if (!sameValue(state.get(row), image)) {
    throw new Error(`audit replay: ${row} at ${where} is ${JSON.stringify(state.get(row))}, the trail says ${JSON.stringify(image)}`)
  }
}

function put(state: Images, row: string, image: unknown): void {
  if (image === undefined) state.delete(row)
  else state.set(row, image)
}

const KEPT = `SELECT batch_id AS batch, 'node:' || id AS row, json_object('key', key, 'type', type, 'label', label, 'properties', json(props)) AS image FROM undone_nodes
  UNION ALL SELECT batch_id, 'edge:' || id, json_object('source', source_key, 'target', target_key, 'type', type, 'weight', weight, 'properties', json(props)) FROM undone_edges`

/** The rows each undo by range kept, by undo batch. */
function keptImages(db: Database.Database): Map<number, Images> {
  const byBatch = new Map<number, Images>()
  for (const { batch, row, image } of db.prepare(KEPT).all() as { batch: number; row: string; image: string }[]) {
    if (!byBatch.has(batch)) byBatch.set(batch, new Map())
    byBatch.get(batch)?.set(row, JSON.parse(image))
  }
  return byBatch
}

/** Throws with the first row where the trail and the rows disagree. */
export function replayAuditTrail(db: Database.Database): void {
  const batches = db.prepare('SELECT id, origin, first_node_id, last_node_id, first_edge_id, last_edge_id FROM batches ORDER BY id').all() as BatchRow[]
  const kept = keptImages(db)
  const audit = db.prepare("SELECT id, batch_id, entity, entity_id, before, after FROM audit WHERE entity IN ('node', 'edge') ORDER BY id").all() as AuditRow[]
  const byBatch = new Map<number, AuditRow[]>()
  for (const row of audit) byBatch.set(row.batch_id, [...(byBatch.get(row.batch_id) ?? []), row])
  const ranged = (batch: BatchRow, rows: AuditRow[]) => {
    const audited = new Set(rows.map((row) => `${row.entity}:${row.entity_id}`))
    const ids: string[] = []
    for (const [entity, first, last] of [['node', batch.first_node_id, batch.last_node_id], ['edge', batch.first_edge_id, batch.last_edge_id]] as const) {
      if (first === null || last === null) continue
      for (let id = first; id <= last; id++) if (!audited.has(`${entity}:${id}`)) ids.push(`${entity}:${id}`)
    }
    return ids
  }

  const now = currentImages(db)
  const state: Images = new Map(now)
  const imported = new Map<number, Images>()
  for (const batch of [...batches].reverse()) {
    const rows = byBatch.get(batch.id) ?? []
    for (const row of [...rows].reverse()) {
      const key = `${row.entity}:${row.entity_id}`
      expectImage(state, key, parse(row.after), `audit #${row.id} (after, backwards)`)
      put(state, key, parse(row.before))
    }
    if (batch.origin === 'undo') {
      for (const [key, image] of kept.get(batch.id) ?? []) {
        if (state.has(key)) throw new Error(`audit replay: ${key} is there before undo #${batch.id}, which deleted it by range`)
        state.set(key, image)
      }
      continue
    }
    const taken: Images = new Map()
    // An import's range may hold ids that a failed step never used, or rows a later batch deleted (then the trail shows them).
    for (const key of ranged(batch, rows)) {
      if (!state.has(key)) continue
      taken.set(key, state.get(key))
      state.delete(key)
    }
    imported.set(batch.id, taken)
  }
  if (state.size > 0) throw new Error(`audit replay: backwards, ${state.size} rows are left that no batch inserted: ${[...state.keys()].slice(0, 5).join(', ')}`)

  for (const batch of batches) {
    for (const [key, image] of imported.get(batch.id) ?? []) state.set(key, image)
    for (const [key, image] of kept.get(batch.id) ?? []) {
      expectImage(state, key, image, `undo #${batch.id} by range (forwards)`)
      state.delete(key)
    }
    for (const row of byBatch.get(batch.id) ?? []) {
      const key = `${row.entity}:${row.entity_id}`
      expectImage(state, key, parse(row.before), `audit #${row.id} (before, forwards)`)
      put(state, key, parse(row.after))
    }
  }
  for (const key of new Set([...state.keys(), ...now.keys()])) expectImage(state, key, now.get(key), 'the end of the forward replay')
}
