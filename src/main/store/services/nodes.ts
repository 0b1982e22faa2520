import type { NewNode, Node, NodePatch } from '../../../shared/domain.ts'
import { GraphKeepError } from '../../../shared/errors.ts'
import type { Db } from '../db.ts'
import { auditEdgesAtNodeDeleted, auditInsertedNodes, nodeSnapshot, recordAudit } from '../repos/audit.ts'
import { indexNodeTextAfter, reindexNodeText, unindexNodeText } from '../repos/node-text.ts'
import { nodeIdBase } from '../repos/id-base.ts'
import { deleteNodeById, firstTakenKey, getNodeByKey, getNodeIdByKey, insertNodes, nodeTupleByKey, updateNodeRow } from '../repos/nodes.ts'
import { parseProperties, toNode } from '../repos/rows.ts'
import type { Calls } from '../api.ts'
import { sqliteCode } from '../sqlite-code.ts'
import { keepVectorsOfNodes } from '../history/kept-vectors.ts'
import type { UnitOfWork } from '../unit-of-work.ts'
import { createNodeBulkCalls } from './bulk-edits.ts'
import { countNodes, listFilteredNodeRows, nodeIdsPage } from './node-filters.ts'
import { neighbours } from './traverse.ts'

export function nodeNotFound(key: string): GraphKeepError {
  return new GraphKeepError('NOT_FOUND', `no node with key "${key}"`, { key })
}

/** Names the row that made a batch insert fail: a repeated key, a taken key, or a bad value. */
function explainInsertFailure(db: Db, inputs: NewNode[], json: string, error: unknown): GraphKeepError {
  const code = sqliteCode(error)
  if (!code?.startsWith('SQLITE_CONSTRAINT')) throw error
  const seen = new Set<string>()
  for (let index = 0; index < inputs.length; index++) {
    const key = (inputs[index] as NewNode).key
    if (seen.has(key)) return new GraphKeepError('CONFLICT', `nodes[${index}]: the key "${key}" appears twice in this batch`, { index, key })
    seen.add(key)
  }
  const taken = firstTakenKey(db, json)
  if (taken) return new GraphKeepError('CONFLICT', `nodes[${taken.index}]: a node with key "${taken.key}" already exists`, taken)
  return new GraphKeepError('VALIDATION', `a node in this batch is not valid: ${(error as Error).message}`)
}

export function createNodeCalls(db: Db, work: UnitOfWork) {
  function getNode(key: string): Node {
    const row = nodeTupleByKey(db, key)
    if (!row) throw nodeNotFound(key)
    return { key: row[0], type: row[1], label: row[2], properties: parseProperties(row[3]), createdAt: row[4], updatedAt: row[5] }
  }

  /** All new nodes of one call go in set-based: rows, text index and audit, one statement each. */
  function insertBatch(inputs: NewNode[], now: number, batchId: number): void {
    const json = JSON.stringify(inputs)
    const afterId = nodeIdBase(db)
    try {
      insertNodes(db, json, now, afterId)
    } catch (error) {
      throw explainInsertFailure(db, inputs, json, error)
    }
    indexNodeTextAfter(db, afterId)
    auditInsertedNodes(db, batchId, afterId)
  }

  return {
    get: ({ key }) => getNode(key),
    list(query) {
      const { rows, nextCursor } = listFilteredNodeRows(db, query)
      return { items: rows.map(toNode), nextCursor }
    },
    create(input) {
      work.change('nodes.create', ['nodes'], ({ now, id }) => insertBatch([input], now, id))
      return getNode(input.key)
    },
    createMany({ nodes }) {
      return work.change('nodes.createMany', ['nodes'], ({ now, id }) => {
        insertBatch(nodes, now, id)
        return { count: nodes.length, batchId: id }
      })
    },
    update(patch: NodePatch) {
      work.change('nodes.update', ['nodes'], ({ now, id: batchId }) => {
        const row = getNodeByKey(db, patch.key)
        if (!row) throw nodeNotFound(patch.key)
        const before = nodeSnapshot(db, row.id) ?? null
        const props = patch.properties === undefined ? row.props : JSON.stringify(patch.properties)
        updateNodeRow(db, row.id, { type: patch.type ?? row.type, label: patch.label ?? row.label, props }, now)
        reindexNodeText(db, row.id)
        recordAudit(db, batchId, 'node', row.id, 'update', before, nodeSnapshot(db, row.id) ?? null)
      })
      return getNode(patch.key)
    },
    delete({ key }) {
      const id = getNodeIdByKey(db, key)
      if (id === undefined) return { deleted: false }
      const deleted = work.change('nodes.delete', ['nodes', 'edges', 'embeddings'], ({ id: batchId }) => {
        auditEdgesAtNodeDeleted(db, batchId, id)
        keepVectorsOfNodes(db, batchId, [id])
        recordAudit(db, batchId, 'node', id, 'delete', nodeSnapshot(db, id) ?? null, null)
        unindexNodeText(db, id)
        return deleteNodeById(db, id)
      })
      return { deleted }
    },
    neighbours: (query) => neighbours(db, query),
    ...createNodeBulkCalls(db, work),
    count: (query) => ({ count: countNodes(db, query) }),
    ids: (query) => nodeIdsPage(db, query),
  } satisfies Calls<'nodes'>
}
