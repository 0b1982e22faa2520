import type { AsOfEdge } from '../../../shared/history.ts'
import type { AsOfMany } from '../../../shared/edit-selection.ts'
import type { Db } from '../db.ts'
import { edgesAtKeyAsOf, nodeImagesAt, refuseCompacted, state } from './as-of.ts'
import { diffImages } from './diff.ts'

/** Many nodes and their edges as they were at a time, compared with now; keys never seen are left out. */
export function nodesAsOf(db: Db, keys: string[], at: number): AsOfMany {
  refuseCompacted(db, at)
  const nodes: AsOfMany['nodes'] = []
  const edges = new Map<number, AsOfEdge>()
  for (const key of new Set(keys)) {
    const { then, now } = nodeImagesAt(db, key, at)
    if (!then && !now) continue
    nodes.push({ key, then: state(then), now: state(now), changes: diffImages(state(then), state(now), ['type', 'label']) })
    for (const edge of edgesAtKeyAsOf(db, key, at)) edges.set(edge.id, edge)
  }
  return { at, nodes, edges: [...edges.values()].sort((a, b) => a.id - b.id) }
}
