import { queryOptions } from '@tanstack/react-query'
import type { HybridInput, SimilarInput } from '../../../shared/embeddings.ts'
import { api } from '../../lib/api.ts'
import { queryRoots } from '../../lib/query-keys.ts'

export const similarQueries = {
  models: () => queryOptions({ queryKey: [...queryRoots.similar, 'models'], queryFn: () => api.call('embeddings.models', {}) }),
  coverage: () => queryOptions({ queryKey: [...queryRoots.similar, 'coverage'], queryFn: () => api.call('embeddings.coverage', {}) }),
  nodes: (input: SimilarInput) => queryOptions({ queryKey: [...queryRoots.similar, 'nodes', input], queryFn: () => api.call('similar.nodes', input) }),
  hybrid: (input: HybridInput) => queryOptions({ queryKey: [...queryRoots.similar, 'hybrid', input], queryFn: () => api.call('similar.hybrid', input) }),
  indexStatus: (model: string) => queryOptions({ queryKey: [...queryRoots.similar, 'index', model], queryFn: () => api.call('similar.indexStatus', { model }) }),
}
