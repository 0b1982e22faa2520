import type { AsOfEdge } from '../../../shared/history.ts'
import type { AsOfMany } from '../../../shared/edit-selection.ts'
import type { Db } from '../db.ts'
import { refuseCompacted } from './as-of.ts'
import { diffImages } from './diff.ts'
import { keysAsOf, state } from './keys-as-of.ts'

/** Many nodes and their edges as they were at a time, compared with now; keys never seen are left out. */
export function nodesAsOf(db: Db, keys: string[], at: number): AsOfMany {
  refuseCompacted(db, at)
  const nodes: AsOfMany['nodes'] = []
  const edges = new Map<number, AsOfEdge>()
  for (const { key, then, now, edges: atKey } of keysAsOf(db, keys, at)) {
    nodes.push({ key, then: state(then), now: state(now), changes: diffImages(state(then), state(now), ['type', 'label']) })
    for (const edge of atKey) edges.set(edge.id, edge)
  }
  return { at, nodes, edges: [...edges.values()].sort((a, b) => a.id - b.id) }
}
