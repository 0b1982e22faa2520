import { GraphKeepError } from '../../../shared/errors.ts'
import type { Db } from '../db.ts'
import type { GraphStore } from '../types.ts'

// Scaffold: the search helper replaces this file.
export function createSearchService(_db: Db) {
  const notYet = (): never => { throw new GraphKeepError('INTERNAL', 'search is not built yet') }
  return { search: notYet, searchCounts: notYet } satisfies Partial<GraphStore>
}
