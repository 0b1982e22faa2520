import { GraphKeepError } from '../../../shared/errors.ts'
import type { AsOf, AsOfEdge } from '../../../shared/history.ts'
import type { JsonObject } from '../../../shared/json.ts'
import type { Db } from '../db.ts'
import { edgeSnapshot, nodeSnapshot } from '../repos/audit.ts'
import { edgeIdsEverAtKey, nodeIdsWithKey, rowImageAt } from '../repos/history-read.ts'
import { checkpointAt } from '../repos/history-retention.ts'
import { keptNodeIdsWithKey } from '../repos/range-undo.ts'
import { diffImages } from './diff.ts'
import { sameJson } from './same-json.ts'

export const MAX_EDGES = 2000
export type NodeImage = { key: string; type: string; label: string; properties: JsonObject }
type EdgeImage = Omit<AsOfEdge, 'id' | 'status'>
export const state = (image: NodeImage | null) => (image ? { type: image.type, label: image.label, properties: image.properties } : null)

/** A node and its edges as they were at a time, compared with now. */
export function nodeAsOf(db: Db, key: string, at: number): AsOf {
  refuseCompacted(db, at)
  const { then, now } = nodeImagesAt(db, key, at)
  if (!then && !now) throw new GraphKeepError('NOT_FOUND', `no node with key "${key}" now or in the history`, { key })
  const edges = edgesAtKeyAsOf(db, key, at)
  const changes = diffImages(state(then), state(now), ['type', 'label'])
  return { at, then: state(then), now: state(now), changes, edges }
}

/** Before the last compaction the trail no longer says what was there. */
export function refuseCompacted(db: Db, at: number): void {
  const checkpoint = checkpointAt(db)
  if (checkpoint !== null && at <= checkpoint) {
    throw new GraphKeepError('VALIDATION', `history before ${new Date(checkpoint).toISOString()} was compacted: pick a later time`, { checkpointAt: checkpoint })
  }
}

/** The node with this key then and now (either null when it was not there). */
export function nodeImagesAt(db: Db, key: string, at: number): { then: NodeImage | null; now: NodeImage | null } {
  let then: NodeImage | null = null
  let now: NodeImage | null = null
  for (const id of [...new Set([...nodeIdsWithKey(db, key), ...keptNodeIdsWithKey(db, key)])].sort((x, y) => x - y)) {
    const current = nodeSnapshot(db, id) ?? null
    if (current) now = JSON.parse(current) as NodeImage
    const image = rowImageAt(db, 'node', id, at, current)
    if (image) then = JSON.parse(image) as NodeImage
  }
  return { then, now }
}

/** The node's edges then (same, changed or gone since) and those added since, by id. */
export function edgesAtKeyAsOf(db: Db, key: string, at: number): AsOfEdge[] {
  const edges: AsOfEdge[] = []
  for (const id of edgeIdsEverAtKey(db, key).slice(0, MAX_EDGES)) {
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
