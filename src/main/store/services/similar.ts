import { APPROXIMATE_THRESHOLD, type HybridHit, type SimilarHit } from '../../../shared/embeddings.ts'
import { GraphKeepError } from '../../../shared/errors.ts'
import type { PropertyFilter } from '../../../shared/domain.ts'
import type { Calls, In } from '../api.ts'
import type { Db } from '../db.ts'
import { nodeIdsMatching, type ModelRow } from '../repos/embeddings.ts'
import { getNodeIdByKey } from '../repos/nodes.ts'
import { toNode } from '../repos/rows.ts'
import { nodeRowsByIds } from '../repos/search.ts'
import { checkVector, normaliseInPlace } from '../vectors/check-vector.ts'
import { exactKnn, type KnnQuery } from '../vectors/exact-knn.ts'
import type { ModelVectors } from '../vectors/model-vectors.ts'
import type { Neighbour } from '../vectors/top-k.ts'
import type { SimilaritySource, SourceEntry } from '../vectors/similarity-source.ts'
import type { VectorRegistry } from '../vectors/vector-registry.ts'
import { sqlKnn, sqlUnitOf } from '../vectors/sql-knn.ts'
import { fuseRanks } from '../vectors/rank-fusion.ts'
import type { createSearchCalls } from './search.ts'

/** How many of each list reciprocal rank fusion looks at, and its usual damping constant. */
const FUSION_DEPTH = 100
const TEXT_SEEDS = 5

interface Filter {
  types?: string[] | undefined
  where?: PropertyFilter[] | undefined
}

function allowedPositions(db: Db, vectors: ModelVectors, filter: Filter): { allowed: Uint8Array | null; allowedCount: number } {
  if (!filter.types?.length && !filter.where?.length) return { allowed: null, allowedCount: vectors.count }
  const allowed = new Uint8Array(vectors.length)
  let allowedCount = 0
  for (const id of nodeIdsMatching(db, filter)) {
    const position = vectors.positionOf.get(id)
    if (position !== undefined) {
      allowed[position] = 1
      allowedCount++
    }
  }
  return { allowed, allowedCount }
}

/** The unit vector of a node (and its position, left out of its own answer). */
function vectorOfNode(db: Db, vectors: ModelVectors, key: string): { unit: Float32Array; position: number } {
  const nodeId = getNodeIdByKey(db, key)
  if (nodeId === undefined) throw new GraphKeepError('NOT_FOUND', `no node has the key "${key}"`)
  const position = vectors.positionOf.get(nodeId)
  if (position === undefined) throw new GraphKeepError('NOT_FOUND', `the node "${key}" has no vector of the model "${vectors.name}"`)
  return { unit: vectors.data.slice(position * vectors.dim, (position + 1) * vectors.dim), position }
}

function withNodes(db: Db, found: Neighbour[]): SimilarHit[] {
  const rows = new Map(nodeRowsByIds(db, found.map((n) => n.nodeId)).map((row) => [row.id, row]))
  return found.flatMap((n) => {
    const row = rows.get(n.nodeId)
    return row ? [{ node: toNode(row), score: n.score }] : []
  })
}

type SearchCalls = ReturnType<typeof createSearchCalls>

function nodeIdOf(db: Db, key: string): number {
  const nodeId = getNodeIdByKey(db, key)
  if (nodeId === undefined) throw new GraphKeepError('NOT_FOUND', `no node has the key "${key}"`)
  return nodeId
}

/** The exact answer from the stored chunks, while the model's vectors load in the background. */
function nearestFromSql(db: Db, model: ModelRow, input: In<'similar.nodes'>, started: number) {
  let unit: Float32Array
  let excludeNodeId = -1
  if (input.key !== undefined) {
    excludeNodeId = nodeIdOf(db, input.key)
    const stored = sqlUnitOf(db, model, excludeNodeId)
    if (!stored) throw new GraphKeepError('NOT_FOUND', `the node "${input.key}" has no vector of the model "${model.name}"`)
    unit = stored
  } else {
    unit = checkVector(input.vector, model.dim, { row: 0, key: '(query vector)', model: input.model })
    normaliseInPlace(unit)
  }
  const filtered = Boolean(input.types?.length || input.where?.length)
  const allowed = filtered ? new Set(nodeIdsMatching(db, input)) : null
  const { items, count } = sqlKnn(db, model, { unit, k: input.k, allowed, excludeNodeId })
  return { found: items, method: 'exact' as const, vectors: count, started }
}

/** A node's unit vector wherever the model's vectors are now. */
function unitOfNode(db: Db, entry: SourceEntry, nodeId: number): Float32Array | undefined {
  if (entry.kind === 'sql') return sqlUnitOf(db, entry.model, nodeId)
  const position = entry.vectors.positionOf.get(nodeId)
  return position === undefined ? undefined : entry.vectors.data.subarray(position * entry.vectors.dim, (position + 1) * entry.vectors.dim)
}

/** Nodes like a node or a vector (exact, or through the approximate index), and the hybrid of words and vectors. */
export function createSimilarCalls(db: Db, source: SimilaritySource, search: SearchCalls, registry: Pick<VectorRegistry, 'status' | 'build'>) {
  function nearest(input: In<'similar.nodes'>) {
    const started = performance.now()
    const entry = source.current(input.model)
    if (entry.kind === 'sql') return nearestFromSql(db, entry.model, input, started)
    const { vectors, index } = entry
    let unit: Float32Array
    let exclude = -1
    if (input.key !== undefined) ({ unit, position: exclude } = vectorOfNode(db, vectors, input.key))
    else {
      unit = checkVector(input.vector, vectors.dim, { row: 0, key: '(query vector)', model: input.model })
      normaliseInPlace(unit)
    }
    const { allowed, allowedCount } = allowedPositions(db, vectors, input)
    const useIndex = index !== null && (input.method === 'approximate' || (input.method === 'auto' && vectors.count >= APPROXIMATE_THRESHOLD))
    let found: Neighbour[]
    if (useIndex) {
      found = index.search(vectors, unit, input.k, (p) => p !== exclude && (allowed === null || allowed[p] === 1))
    } else {
      const query: KnnQuery = { unit, k: input.k, allowed, allowedCount, exclude }
      found = exactKnn(vectors, query).items
    }
    return { found, method: useIndex ? ('approximate' as const) : ('exact' as const), vectors: vectors.count, started }
  }

  return {
    nodes: (input) => {
      const { found, method, vectors, started } = nearest(input)
      return { items: withNodes(db, found), method, model: input.model, vectors, tookMs: performance.now() - started }
    },

    hybrid: (input) => {
      const textHits = input.text === undefined ? [] : search.query({ text: input.text, types: input.types, limit: FUSION_DEPTH }).items
      const textKeys = textHits.map((hit) => hit.node.key)
      let vectorHits: SimilarHit[] = []
      if (input.key !== undefined) {
        vectorHits = withNodes(db, nearest({ model: input.model, key: input.key, k: FUSION_DEPTH, types: input.types, method: 'auto' }).found)
      } else {
        // No text encoder ships offline: the words' best matches that have vectors stand in for the text's vector.
        const entry = source.current(input.model)
        const dim = entry.kind === 'sql' ? entry.model.dim : entry.vectors.dim
        const centroid = new Float32Array(dim)
        let seeds = 0
        for (const key of textKeys) {
          const nodeId = getNodeIdByKey(db, key)
          const unit = nodeId === undefined ? undefined : unitOfNode(db, entry, nodeId)
          if (unit === undefined) continue
          for (let j = 0; j < dim; j++) centroid[j] = (centroid[j] as number) + (unit[j] as number)
          if (++seeds === TEXT_SEEDS) break
        }
        if (seeds > 0) {
          normaliseInPlace(centroid)
          vectorHits = withNodes(db, nearest({ model: input.model, vector: centroid, k: FUSION_DEPTH, types: input.types, method: 'auto' }).found)
        }
      }
      const fused = fuseRanks(textKeys, vectorHits.map((hit) => hit.node.key), input.weight).slice(0, input.k)
      const nodes = new Map([...textHits.map((hit) => [hit.node.key, hit.node] as const), ...vectorHits.map((hit) => [hit.node.key, hit.node] as const)])
      const similarity = new Map(vectorHits.map((hit) => [hit.node.key, hit.score]))
      const items: HybridHit[] = fused.map((f) => ({
        node: nodes.get(f.key) as HybridHit['node'], score: f.score, textRank: f.ranks[0], vectorRank: f.ranks[1], similarity: similarity.get(f.key) ?? null,
      }))
      return { items, model: input.model }
    },

    indexStatus: ({ model }) => registry.status(model),
    buildIndex: ({ model }) => registry.build(model),
  } satisfies Calls<'similar'>
}
