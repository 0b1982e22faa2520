import type { AsOfEdge } from '../../../shared/history.ts'
import type { JsonObject } from '../../../shared/json.ts'
import type { Db } from '../db.ts'
import { edgeIdsEverAtKeys, lastBatchUpTo, nodeIdsWithKeys, type KeyId } from '../repos/as-of-read.ts'
import { rowImagesAt } from './row-images.ts'
import { sameJson } from './same-json.ts'

export const MAX_EDGES = 2000
export type NodeImage = { key: string; type: string; label: string; properties: JsonObject }
type EdgeImage = Omit<AsOfEdge, 'id' | 'status'>
export interface KeyAsOf { key: string; then: NodeImage | null; now: NodeImage | null; edges: AsOfEdge[] }

export const state = (image: NodeImage | null) => (image ? { type: image.type, label: image.label, properties: image.properties } : null)

function idsByKey(rows: KeyId[], limit: number): Map<string, number[]> {
  const byKey = new Map<string, number[]>()
  for (const { key, id } of rows) {
    const ids = byKey.get(key) ?? []
    if (ids.length < limit) ids.push(id)
    byKey.set(key, ids)
  }
  return byKey
}

/**
 * Nodes by key (under every id each key has had) and the edges ever at them (the first MAX_EDGES by
 * id), as they were at a time and as they are now; keys never seen are left out. Set-based: the
 * keys' and rows' ids go to each statement as one JSON array, so many keys cost a few statements.
 */
export function keysAsOf(db: Db, keys: string[], at: number): KeyAsOf[] {
  const unique = [...new Set(keys)]
  const nodeIds = idsByKey(nodeIdsWithKeys(db, unique), Infinity)
  const edgeIds = idsByKey(edgeIdsEverAtKeys(db, unique), MAX_EDGES)
  let upTo: number | undefined
  const lastUpTo = () => (upTo ??= lastBatchUpTo(db, at))
  const nodeImages = rowImagesAt(db, 'node', [...new Set([...nodeIds.values()].flat())], at, lastUpTo)
  const edgeImages = rowImagesAt(db, 'edge', [...new Set([...edgeIds.values()].flat())], at, lastUpTo)
  const answers: KeyAsOf[] = []
  for (const key of unique) {
    let then: NodeImage | null = null
    let now: NodeImage | null = null
    for (const id of nodeIds.get(key) ?? []) {
      const current = nodeImages.now.get(id)
      if (current) now = JSON.parse(current) as NodeImage
      const image = nodeImages.then.get(id)
      if (image) then = JSON.parse(image) as NodeImage
    }
    if (!then && !now) continue
    const edges: AsOfEdge[] = []
    for (const id of edgeIds.get(key) ?? []) {
      const current = edgeImages.now.get(id) ?? null
      const image = edgeImages.then.get(id) ?? null
      if (image) {
        const edge = JSON.parse(image) as EdgeImage
        if (edge.source !== key && edge.target !== key) continue
        edges.push({ id, ...edge, status: current === null ? 'gone' : sameJson(image, current) ? 'same' : 'changed' })
      } else if (current) edges.push({ id, ...(JSON.parse(current) as EdgeImage), status: 'added' })
    }
    answers.push({ key, then, now, edges })
  }
  return answers
}
