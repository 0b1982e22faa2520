import type { ModelInfo } from '../../../shared/embeddings.ts'
import { GraphKeepError } from '../../../shared/errors.ts'
import type { Calls } from '../api.ts'
import type { Db } from '../db.ts'
import { countAllNodes, coverageByType, deleteModelRow, findModel, listModelRows, slotsOfNode, type ModelRow } from '../repos/embeddings.ts'
import { nodeIdsByKeys } from '../repos/graph-nodes.ts'
import { getNodeIdByKey } from '../repos/nodes.ts'
import { keepCurrentVector } from '../history/kept-vectors.ts'
import type { UnitOfWork } from '../unit-of-work.ts'
import { checkVector, normaliseInPlace } from '../vectors/check-vector.ts'
import type { VectorRegistry } from '../vectors/vector-registry.ts'
import { VectorWriter } from '../vectors/vector-writer.ts'
import { ChunkReader } from '../vectors/chunk-reader.ts'

const modelInfoOf = (row: ModelRow & { count?: number }, count = row.count ?? 0): ModelInfo => ({ name: row.name, dim: row.dim, count, createdAt: row.created_at })

function nodeIdsOf(db: Db, keys: string[], model: string): Map<string, number> {
  const ids = new Map(nodeIdsByKeys(db, JSON.stringify(keys)))
  const missing = keys.findIndex((key) => !ids.has(key))
  if (missing >= 0) {
    const key = keys[missing] as string
    throw new GraphKeepError('NOT_FOUND', `row ${missing} (key "${key.slice(0, 80)}", model "${model}"): no node has this key`, { row: missing, key, model })
  }
  return ids
}

/** Vectors per node and model: get, set (checked, normalised, norm kept), delete, models, coverage. */
export function createEmbeddingCalls(db: Db, work: UnitOfWork, registry: VectorRegistry) {
  return {
    get: ({ key }) => {
      const nodeId = getNodeIdByKey(db, key)
      if (nodeId === undefined) throw new GraphKeepError('NOT_FOUND', `no node has the key "${key}"`)
      const chunks = new ChunkReader(db)
      const items = slotsOfNode(db, nodeId).map((slot) => ({ model: slot.name, dim: slot.dim, norm: slot.norm, vector: chunks.vector(slot) }))
      return { key, items }
    },

    set: ({ model, items }) => {
      // Everything is checked before the transaction opens: a bad row leaves the store as it was.
      const existing = findModel(db, model)
      let dim = existing?.dim ?? null
      const seen = new Map<string, number>()
      const checked = items.map((item, row) => {
        const earlier = seen.get(item.key)
        if (earlier !== undefined) {
          throw new GraphKeepError('VALIDATION', `row ${row} (key "${item.key.slice(0, 80)}", model "${model}"): the key is also in row ${earlier}`, { row, key: item.key, model })
        }
        seen.set(item.key, row)
        const unit = checkVector(item.vector, dim, { row, key: item.key, model })
        dim ??= unit.length
        return { key: item.key, unit, norm: normaliseInPlace(unit) }
      })
      const ids = nodeIdsOf(db, checked.map((item) => item.key), model)
      const result = work.change('embeddings.set', ['embeddings'], (batch) => {
        const writer = new VectorWriter(db, batch.now)
        const row = writer.model(model, dim ?? undefined) as ModelRow
        for (const item of checked) {
          const nodeId = ids.get(item.key) as number
          keepCurrentVector(db, writer, row, nodeId, batch.id)
          writer.put(row, nodeId, item.unit, item.norm)
        }
        writer.flush()
        batch.count('embedding.set', checked.length)
        return { count: checked.length, batchId: batch.id, row }
      })
      const count = listModelRows(db).find((m) => m.id === result.row.id)?.count ?? 0
      return { count: result.count, batchId: result.batchId, model: modelInfoOf(result.row, count) }
    },

    delete: ({ model, keys }) => {
      const row = findModel(db, model)
      if (!row) throw new GraphKeepError('NOT_FOUND', `no model named "${model}" has vectors in this store`)
      const ids = nodeIdsOf(db, keys, model)
      const deleted = work.change('embeddings.delete', ['embeddings'], (batch) => {
        const writer = new VectorWriter(db, batch.now)
        let removed = 0
        for (const id of ids.values()) {
          keepCurrentVector(db, writer, row, id, batch.id)
          if (writer.remove(row, id)) removed++
        }
        batch.count('embedding.delete', removed)
        return removed
      })
      return { deleted }
    },

    models: () => ({ models: listModelRows(db).map((row) => modelInfoOf(row)) }),

    deleteModel: ({ model }) => {
      const row = findModel(db, model)
      if (!row) return { deleted: false }
      work.change('embeddings.deleteModel', ['embeddings'], (batch) => {
        batch.count('embedding.delete', listModelRows(db).find((m) => m.id === row.id)?.count ?? 0)
        deleteModelRow(db, row.id)
      })
      registry.forget(model, row.id)
      return { deleted: true }
    },

    coverage: () => ({
      nodeCount: countAllNodes(db),
      models: listModelRows(db).map((row) => ({ ...modelInfoOf(row), byType: coverageByType(db, row.id) })),
    }),
  } satisfies Calls<'embeddings'>
}
