import type { AsOfEdge } from '../../../shared/history.ts'
import type { AsOfMany } from '../../../shared/edit-selection.ts'
import type { Db } from '../db.ts'
import { edgeIdsEverAtKeys, lastBatchUpTo, nodeIdsWithKeys, type KeyId } from '../repos/as-of-read.ts'
import { MAX_EDGES, refuseCompacted, state, type NodeImage } from './as-of.ts'
import { diffImages } from './diff.ts'
import { rowImagesAt } from './row-images.ts'
import { sameJson } from './same-json.ts'

type EdgeImage = Omit<AsOfEdge, 'id' | 'status'>

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
 * Many nodes and their edges as they were at a time, compared with now; keys never seen are left out.
 * Set-based: the same answers as nodeAsOf per key, in a few statements for all keys.
 */
export function nodesAsOf(db: Db, keys: string[], at: number): AsOfMany {
  refuseCompacted(db, at)
  const unique = [...new Set(keys)]
  const nodeIds = idsByKey(nodeIdsWithKeys(db, unique), Infinity)
  const edgeIds = idsByKey(edgeIdsEverAtKeys(db, unique), MAX_EDGES)
  let upTo: number | undefined
  const lastUpTo = () => (upTo ??= lastBatchUpTo(db, at))
  const nodeImages = rowImagesAt(db, 'node', [...new Set([...nodeIds.values()].flat())], at, lastUpTo)
  const edgeImages = rowImagesAt(db, 'edge', [...new Set([...edgeIds.values()].flat())], at, lastUpTo)
  const nodes: AsOfMany['nodes'] = []
  const edges = new Map<number, AsOfEdge>()
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
    nodes.push({ key, then: state(then), now: state(now), changes: diffImages(state(then), state(now), ['type', 'label']) })
    for (const id of edgeIds.get(key) ?? []) {
      const current = edgeImages.now.get(id) ?? null
      const image = edgeImages.then.get(id) ?? null
      if (image) {
        const edge = JSON.parse(image) as EdgeImage
        if (edge.source !== key && edge.target !== key) continue
        edges.set(id, { id, ...edge, status: current === null ? 'gone' : sameJson(image, current) ? 'same' : 'changed' })
      } else if (current) edges.set(id, { id, ...(JSON.parse(current) as EdgeImage), status: 'added' })
    }
  }
  return { at, nodes, edges: [...edges.values()].sort((a, b) => a.id - b.id) }
}
