import type { Edge, EdgePatch, NewEdge } from '../../../shared/domain.ts'
import { GraphKeepError } from '../../../shared/errors.ts'
import type { Db } from '../db.ts'
import { auditInsertedEdges, edgeSnapshot, recordAudit } from '../repos/audit.ts'
import { deleteEdgeById, firstMissingEndpoint, getEdgeById, insertEdges, updateEdgeRow } from '../repos/edges.ts'
import { edgeIdBase } from '../repos/id-base.ts'
import { listEdgeRows } from '../repos/list-edges.ts'
import { toEdge } from '../repos/rows.ts'
import type { Calls } from '../api.ts'
import { sqliteCode } from '../sqlite-code.ts'
import type { UnitOfWork } from '../unit-of-work.ts'
import { createEdgeBulkCalls } from './bulk-edits.ts'

function edgeNotFound(id: number): GraphKeepError {
  return new GraphKeepError('NOT_FOUND', `no edge with id ${id}`, { id })
}

export function createEdgeCalls(db: Db, work: UnitOfWork) {
  function getEdge(id: number): Edge {
    const row = getEdgeById(db, id)
    if (!row) throw edgeNotFound(id)
    return toEdge(row)
  }

  /** Inserts all new edges of one call set-based; returns the id of the first. */
  function insertBatch(inputs: NewEdge[], now: number, batchId: number): number {
    const json = JSON.stringify(inputs)
    const afterId = edgeIdBase(db)
    let inserted: number
    try {
      inserted = insertEdges(db, json, now, afterId)
    } catch (error) {
      if (!sqliteCode(error)?.startsWith('SQLITE_CONSTRAINT')) throw error
      throw new GraphKeepError('VALIDATION', `an edge in this batch is not valid: ${(error as Error).message}`)
    }
    if (inserted < inputs.length) {
      const missing = firstMissingEndpoint(db, json)
      const where = missing ? `edges[${missing.index}]: ` : ''
      throw new GraphKeepError('NOT_FOUND', `${where}no node with key "${missing?.key}" for the edge's ${missing?.end}`, missing)
    }
    auditInsertedEdges(db, batchId, afterId)
    return afterId + 1
  }

  return {
    get: ({ id }) => getEdge(id),
    list(query) {
      const { rows, nextCursor } = listEdgeRows(db, query)
      return { items: rows.map((row) => ({ ...toEdge(row), sourceLabel: row.source_label, targetLabel: row.target_label })), nextCursor }
    },
    create(input) {
      return getEdge(work.change('edges.create', ['edges'], ({ now, id }) => insertBatch([input], now, id)))
    },
    createMany({ edges }) {
      return work.change('edges.createMany', ['edges'], ({ now, id }) => {
        insertBatch(edges, now, id)
        return { count: edges.length, batchId: id }
      })
    },
    update(patch: EdgePatch) {
      work.change('edges.update', ['edges'], ({ now, id: batchId }) => {
        const row = getEdgeById(db, patch.id)
        if (!row) throw edgeNotFound(patch.id)
        const before = edgeSnapshot(db, patch.id) ?? null
        const props = patch.properties === undefined ? row.props : JSON.stringify(patch.properties)
        updateEdgeRow(db, patch.id, { type: patch.type ?? row.type, props, weight: patch.weight ?? row.weight }, now)
        recordAudit(db, batchId, 'edge', patch.id, 'update', before, edgeSnapshot(db, patch.id) ?? null)
      })
      return getEdge(patch.id)
    },
    delete({ id }) {
      const before = edgeSnapshot(db, id)
      if (before === undefined) return { deleted: false }
      const deleted = work.change('edges.delete', ['edges'], ({ id: batchId }) => {
        recordAudit(db, batchId, 'edge', id, 'delete', before, null)
        return deleteEdgeById(db, id)
      })
      return { deleted }
    },
    ...createEdgeBulkCalls(db, work),
  } satisfies Calls<'edges'>
}
