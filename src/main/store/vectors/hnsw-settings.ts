import usearch from 'usearch'

// HNSW settings: measured (npm run bench, bench/measure-vectors.ts) to keep recall@10 >= 0.95 on 384 dims.
export type UsearchIndex = InstanceType<typeof usearch.Index>

const CONNECTIVITY = 16
const EXPANSION_ADD = 64
const EXPANSION_SEARCH = 96

/** An empty HNSW index of this dimension, as every build and every load makes it. */
export const newUsearchIndex = (dim: number): UsearchIndex =>
  new usearch.Index({
    dimensions: dim, metric: usearch.MetricKind.Cos, quantization: usearch.ScalarKind.F32,
    connectivity: CONNECTIVITY, expansion_add: EXPANSION_ADD, expansion_search: EXPANSION_SEARCH, multi: false,
  })
