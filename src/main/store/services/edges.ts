import type { Edge, EdgePatch, NewEdge } from '../../../shared/domain.ts'
import { GraphKeepError } from '../../../shared/errors.ts'
import type { Db } from '../db.ts'
import { auditInsertedEdges, edgeSnapshot, recordAudit } from '../repos/audit.ts'
import { deleteEdgeById, firstMissingEndpoint, getEdgeById, insertEdges, maxEdgeId, updateEdgeRow } from '../repos/edges.ts'
import { listEdgeRows } from '../repos/list-edges.ts'
import { toEdge } from '../repos/rows.ts'
import type { GraphStore } from '../types.ts'
import { sqliteCode, type Write } from './write.ts'

function edgeNotFound(id: number): GraphKeepError {
  return new GraphKeepError('NOT_FOUND', `no edge with id ${id}`, { id })
}

export function createEdgeService(db: Db, write: Write) {
  function getEdge(id: number): Edge {
    const row = getEdgeById(db, id)
    if (!row) throw edgeNotFound(id)
    return toEdge(row)
  }

  /** Inserts all new edges of one call set-based; returns the id of the first. */
  function insertBatch(inputs: NewEdge[], now: number, batchId: number): number {
    const json = JSON.stringify(inputs)
    const afterId = maxEdgeId(db)
    let inserted: number
    try {
      inserted = insertEdges(db, json, now)
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
    getEdge,
    listEdges(query) {
      const { rows, nextCursor } = listEdgeRows(db, query)
      return { items: rows.map(toEdge), nextCursor }
    },
    createEdge(input) {
      return getEdge(write('edges.create', ['edges'], (now, batchId) => insertBatch([input], now, batchId)))
    },
    createEdges(inputs) {
      return write('edges.createMany', ['edges'], (now, batchId) => {
        insertBatch(inputs, now, batchId)
        return { count: inputs.length, batchId }
      })
    },
    updateEdge(patch: EdgePatch) {
      write('edges.update', ['edges'], (now, batchId) => {
        const row = getEdgeById(db, patch.id)
        if (!row) throw edgeNotFound(patch.id)
        const before = edgeSnapshot(db, patch.id) ?? null
        const props = patch.properties === undefined ? row.props : JSON.stringify(patch.properties)
        updateEdgeRow(db, patch.id, { type: patch.type ?? row.type, props, weight: patch.weight ?? row.weight }, now)
        recordAudit(db, batchId, 'edge', patch.id, 'update', before, edgeSnapshot(db, patch.id) ?? null)
      })
      return getEdge(patch.id)
    },
    deleteEdge(id) {
      const before = edgeSnapshot(db, id)
      if (before === undefined) return false
      return write('edges.delete', ['edges'], (_now, batchId) => {
        recordAudit(db, batchId, 'edge', id, 'delete', before, null)
        return deleteEdgeById(db, id)
      })
    },
  } satisfies Partial<GraphStore>
}
