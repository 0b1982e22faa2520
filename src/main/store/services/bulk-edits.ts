import { GraphKeepError } from '../../../shared/errors.ts'
import type { In } from '../api.ts'
import type { Db } from '../db.ts'
import { auditEdgesAtNodeDeleted, edgeSnapshot, nodeSnapshot, recordAudit } from '../repos/audit.ts'
import { countDeleteImpact } from '../repos/delete-impact.ts'
import { deleteEdgeById } from '../repos/edges.ts'
import { reindexNodeText, unindexNodeText } from '../repos/node-text.ts'
import { deleteNodeById, getNodeByKey, getNodeIdByKey, updateNodeRow } from '../repos/nodes.ts'
import { keepVectorsOfNodes } from '../history/kept-vectors.ts'
import type { UnitOfWork } from '../unit-of-work.ts'

// Edits of a selection: one batch each, all rows or none (a key that is not there refuses the whole call).

function missingNode(key: string): GraphKeepError {
  return new GraphKeepError('NOT_FOUND', `no node with key "${key}": nothing was changed`, { key })
}

export function createNodeBulkCalls(db: Db, work: UnitOfWork) {
  return {
    deleteMany({ keys, edgeIds }: In<'nodes.deleteMany'>) {
      return work.change('nodes.deleteMany', ['nodes', 'edges', 'embeddings'], ({ id: batchId }) => {
        // Edges named beside the nodes go first, in the same batch (a graph view's mixed selection).
        for (const id of new Set(edgeIds ?? [])) {
          const before = edgeSnapshot(db, id)
          if (before === undefined) throw new GraphKeepError('NOT_FOUND', `no edge with id ${id}: nothing was changed`, { id })
          recordAudit(db, batchId, 'edge', id, 'delete', before, null)
          deleteEdgeById(db, id)
        }
        let count = 0
        for (const key of new Set(keys)) {
          const id = getNodeIdByKey(db, key)
          if (id === undefined) throw missingNode(key)
          auditEdgesAtNodeDeleted(db, batchId, id)
          recordAudit(db, batchId, 'node', id, 'delete', nodeSnapshot(db, id) ?? null, null)
          keepVectorsOfNodes(db, batchId, [id])
          unindexNodeText(db, id)
          if (deleteNodeById(db, id)) count++
        }
        return { count, batchId }
      })
    },
    deleteImpact: ({ keys }: In<'nodes.deleteImpact'>) => countDeleteImpact(db, JSON.stringify(keys)),
    /** Sets or removes top-level properties and changes the type of every node named. */
    updateMany({ keys, type, set, remove }: In<'nodes.updateMany'>) {
      if (type === undefined && !set && !remove?.length) throw new GraphKeepError('VALIDATION', 'a bulk edit needs a type, properties to set, or properties to remove')
      return work.change('nodes.updateMany', ['nodes'], ({ id: batchId, now }) => {
        let count = 0
        for (const key of new Set(keys)) {
          const row = getNodeByKey(db, key)
          if (!row) throw missingNode(key)
          const props = JSON.parse(row.props) as Record<string, unknown>
          for (const name of remove ?? []) delete props[name]
          Object.assign(props, set ?? {})
          const next = JSON.stringify(props)
          if (next === row.props && (type ?? row.type) === row.type) continue
          const before = nodeSnapshot(db, row.id) ?? null
          updateNodeRow(db, row.id, { type: type ?? row.type, label: row.label, props: next }, now)
          reindexNodeText(db, row.id)
          recordAudit(db, batchId, 'node', row.id, 'update', before, nodeSnapshot(db, row.id) ?? null)
          count++
        }
        return { count, batchId }
      })
    },
  }
}

export function createEdgeBulkCalls(db: Db, work: UnitOfWork) {
  return {
    deleteMany({ ids }: In<'edges.deleteMany'>) {
      return work.change('edges.deleteMany', ['edges'], ({ id: batchId }) => {
        let count = 0
        for (const id of new Set(ids)) {
          const before = edgeSnapshot(db, id)
          if (before === undefined) throw new GraphKeepError('NOT_FOUND', `no edge with id ${id}: nothing was changed`, { id })
          recordAudit(db, batchId, 'edge', id, 'delete', before, null)
          if (deleteEdgeById(db, id)) count++
        }
        return { count, batchId }
      })
    },
  }
}
