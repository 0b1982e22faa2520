import { GraphKeepError } from '../../../shared/errors.ts'
import type { DeletedItem, DeletedList, RestoreResult } from '../../../shared/history.ts'
import type { Db } from '../db.ts'
import { lastDeleteOfNode } from '../repos/history-batches.ts'
import { deletedRows, edgesDeletedWithNode, nodeKeyExists } from '../repos/history-read.ts'
import {
  auditPlan, clearPlan, dropPlannedEdges, plannedEdgesWithoutEnds, plannedIds, planRestore, restorePlannedEdges, restorePlannedNodes, takenKeys,
} from '../repos/revert-plan.ts'
import type { UnitOfWork } from '../unit-of-work.ts'
import { putBackVectorsOfNode } from './kept-vectors.ts'

type Image = { key?: string; source?: string; target?: string; type: string }

export function listDeleted(db: Db, entity: 'node' | 'edge', before: number | null, limit: number): DeletedList {
  const rows = deletedRows(db, entity, before, limit + 1)
  const items = rows.slice(0, limit).map((row): DeletedItem => {
    const image = JSON.parse(row.before) as Image
    const base = { entity, id: row.id, auditId: row.auditId, type: image.type, deletedAt: row.at, batchId: row.batchId, operation: row.operation }
    if (entity === 'node') {
      const key = image.key ?? ''
      return { ...base, name: key, edges: edgesDeletedWithNode(db, row.batchId, key), blockedBy: nodeKeyExists(db, key) ? `another node now has the key "${key}"` : null }
    }
    const missing = [image.source, image.target].find((key) => !nodeKeyExists(db, key ?? ''))
    return { ...base, name: `${image.source} -[${image.type}]-> ${image.target}`, edges: 0, blockedBy: missing === undefined ? null : `the node "${missing}" does not exist` }
  })
  return { items, nextBefore: rows.length > limit ? (items.at(-1)?.auditId ?? null) : null }
}

/** Puts deleted nodes back under their own ids with the edges deleted with them (where both ends exist), and deleted edges. */
export function restoreDeleted(db: Db, work: UnitOfWork, nodes: number[], edges: number[]): RestoreResult {
  return work.change('history.restore', ['nodes', 'edges', 'embeddings'], (batch) => {
    try {
      planRestore(db, nodes, edges)
      const planned = { node: new Set(plannedIds(db, 'node')), edge: new Set(plannedIds(db, 'edge')) }
      const notDeleted = [...nodes.map((id) => ['node', id] as const), ...edges.map((id) => ['edge', id] as const)].find(([entity, id]) => !planned[entity].has(id))
      if (notDeleted) throw new GraphKeepError('CONFLICT', `${notDeleted[0]} #${notDeleted[1]} is not deleted (it exists, or its last change was not a delete)`, { entity: notDeleted[0], id: notDeleted[1] })
      const taken = takenKeys(db)
      if (taken.length) throw new GraphKeepError('CONFLICT', `another node now has the key "${taken[0]?.key}": delete or rename it first`, { keys: taken.map((row) => row.key) })
      restorePlannedNodes(db, batch.now)
      for (const id of planned.node) {
        const deletedBy = lastDeleteOfNode(db, id)
        if (deletedBy !== undefined) putBackVectorsOfNode(db, deletedBy, id, batch.id, batch.now)
      }
      const stranded = plannedEdgesWithoutEnds(db)
      const asked = stranded.find((id) => edges.includes(id))
      if (asked !== undefined) throw new GraphKeepError('CONFLICT', `edge #${asked} cannot come back: one of its nodes does not exist`, { id: asked })
      dropPlannedEdges(db, stranded)
      const { inserted } = restorePlannedEdges(db, batch.now)
      auditPlan(db, batch.id)
      return { batchId: batch.id, nodes: planned.node.size, edges: inserted }
    } finally {
      clearPlan(db)
    }
  })
}
